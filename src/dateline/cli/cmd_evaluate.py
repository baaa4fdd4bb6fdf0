"""``dateline evaluate SUITE``: score against a public gold set."""

from __future__ import annotations

import json
import sys


def register(sub) -> None:
    sp = sub.add_parser("evaluate", help="score Dateline against a gold set (see docs/evaluation.md)")
    sp.add_argument("suite", help="suite name (dateline evaluate --list) or a JSONL gold file")
    sp.add_argument("--format", choices=["table", "json"], default="table")
    sp.add_argument("--limit", type=int, help="score only the first N documents")
    sp.add_argument("--shared", help="the shared data folder (default: ../shared)")
    sp.set_defaults(func=cmd_evaluate)


def cmd_evaluate(args) -> int:
    from ..evaluate import run_suite

    result = run_suite(args.suite, shared=args.shared, limit=args.limit)
    if args.format == "json":
        json.dump(result, sys.stdout, indent=2, default=str)
        sys.stdout.write("\n")
        return 0
    for k, v in result.items():
        if k == "details":
            continue
        sys.stdout.write(f"{k:<36} {v:.4f}\n" if isinstance(v, float) else f"{k:<36} {v}\n")
    return 0

"""``dateline bench``: throughput of the pipeline against bare spaCy on the same texts."""

from __future__ import annotations

import json
import sys


def cmd_bench(args) -> int:
    from ..bench import bench
    from ..config import Config

    config = Config(model=args.model) if args.model else Config()
    result = bench(args.corpus, limit=args.limit or None, config=config, workers=args.workers)
    if args.format == "json":
        json.dump(result, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        width = max(map(len, result))
        for key, value in result.items():
            print(f"{key:<{width}}  {value}")
    return 0


def register(sub) -> None:
    """Add the ``bench`` subcommand."""
    sp = sub.add_parser("bench", help="measure articles/s and words/s against the bare spaCy pipeline")
    sp.add_argument("--corpus", metavar="DIR",
                    help="Reuters-21578 folder (default ../shared/data/reuters21578) or files Dateline reads")
    sp.add_argument("--limit", type=int, default=2000, help="at most N articles (default 2000; 0 for all)")
    sp.add_argument("--workers", type=int, help="also measure the process pool with N workers")
    sp.add_argument("--model", help="spaCy model: md (default), sm, or a package name/path")
    sp.add_argument("--format", choices=["table", "json"], default="table")
    sp.set_defaults(func=cmd_bench)

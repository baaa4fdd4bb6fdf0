"""``dateline serve``: the HTTP API and the web dashboard over one database."""

from __future__ import annotations

import os
import sys

TOKEN_ENV = "DATELINE_WRITE_TOKEN"


def register(sub) -> None:
    sp = sub.add_parser("serve", help="serve the HTTP API and the web dashboard over a database")
    sp.add_argument("--db", default="dateline.duckdb", help="DuckDB file (default dateline.duckdb)")
    sp.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    sp.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    sp.add_argument("--allow-write", action="store_true",
                    help=f"enable POST /articles (needs a token in {TOKEN_ENV}); opens the file for writing")
    sp.add_argument("--max-body", type=int, default=1_000_000,
                    help="largest request body in bytes (default 1000000)")
    sp.add_argument("--model", help="spaCy model for POST /extract: md (default), sm, or a package name")
    sp.add_argument("--log-level", default="warning", choices=["critical", "error", "warning", "info", "debug"])
    sp.set_defaults(func=cmd_serve)


def cmd_serve(args) -> int:
    """Start the server; returns when it is stopped (Ctrl-C or SIGTERM)."""
    import uvicorn

    from ..api import create_app
    from ..config import Config

    token = os.environ.get(TOKEN_ENV) or None
    if args.allow_write and not token:
        print(f"dateline: [E202] --allow-write needs a write token: set {TOKEN_ENV}", file=sys.stderr)
        return 2
    if not 0 <= args.port <= 65535:
        print(f"dateline: [E202] --port must be 0-65535, not {args.port}", file=sys.stderr)
        return 2
    config = Config(model=args.model) if args.model else Config()
    app = create_app(args.db, allow_write=args.allow_write, token=token if args.allow_write else None,
                     max_body=args.max_body, config=config)
    mode = "read-write (POST /articles with the token)" if args.allow_write else "read-only"
    print(f"dateline: serving {args.db} ({mode}) on http://{args.host}:{args.port}/"
          f"  (API: /openapi.json)", file=sys.stderr, flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level,
                access_log=False, server_header=False)
    return 0

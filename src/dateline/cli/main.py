"""The ``dateline`` command: one command, thin subcommands over library functions.

Data goes to stdout, logs and progress bars to stderr.  Exit codes: 0 success,
1 failure, 2 usage.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from importlib import resources
from pathlib import Path

from ..config import Config
from ..errors import DatelineError, E_BAD_DATE
from ..model import Article, Rejection
from .output import mark_up, summary, write_rows

DEFAULT_DB = "dateline.duckdb"


def _date(value: str) -> str:
    import datetime as dt

    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"[{E_BAD_DATE}] {value!r} is not a date of the form YYYY-MM-DD")


def _config(args) -> Config:
    kw = {}
    if getattr(args, "model", None):
        kw["model"] = args.model
    if getattr(args, "max_bytes", None):
        kw["max_bytes"] = args.max_bytes
    if getattr(args, "designations", None):
        from ..resolve.designations import load_designations

        load_designations(args.designations)  # fail before any work on a bad list (E204)
        kw["designations"] = args.designations
    if getattr(args, "background_events", False):
        kw["background_events"] = True
    return Config(**kw)


def _with_meta(item, args):
    """Apply --published/--source to articles that lack them."""
    if isinstance(item, Article):
        if args.published and not item.published:
            item.published = args.published
            item.published_from = "given"
        if args.source and not item.source:
            item.source = args.source
    return item


# --- extract ----------------------------------------------------------------

def cmd_extract(args) -> int:
    from ..ingest import iter_inputs
    from ..pipeline import Pipeline

    config = _config(args)
    pipe = Pipeline(config)
    articles, failed = [], 0
    for item in iter_inputs(args.files, config):
        item = _with_meta(item, args)
        if isinstance(item, Rejection):
            failed += 1
            print(f"dateline: rejected {item.origin}: [{item.code}] {item.reason}", file=sys.stderr)
        else:
            articles.append(item)
    records = []
    for r in pipe.process_many(articles):
        if isinstance(r, Rejection):
            failed += 1
            print(f"dateline: rejected {r.origin}: [{r.code}] {r.reason}", file=sys.stderr)
        else:
            records.append(r.to_dict())
    if args.format == "json":
        json.dump(records if len(records) != 1 else records[0], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for r in records:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
    return 0 if records or not failed else 1


# --- run --------------------------------------------------------------------

def run(paths: list[str], db: str, config: Config | None = None, published: str | None = None,
        source: str | None = None, progress: bool | None = None, engine: str = "local",
        workers: int | None = None, near_duplicates: float | None = None) -> dict[str, int]:
    """Ingest files and folders into a DuckDB file; the library side of ``dateline run``.

    Articles already stored from the same origin are skipped (a re-run or a
    resumed run adds nothing); the same article from another origin is logged
    as a duplicate (E109).  Every input not stored is in ``ingest_log``.

    ``engine`` "local" codes in this process, "pool" in ``workers`` processes
    (see ``dateline.engines``); the database is written here either way.
    ``near_duplicates`` (a similarity, e.g. 0.8) links articles that repeat
    an earlier story of the run instead of coding them (E114, counted as
    duplicates; see ``engines.dedupe``).

    Returns:
        counts for this run: articles (stored now), skipped, duplicates,
        rejected, events, quotes.
    """
    from tqdm import tqdm

    from ..errors import E_DUPLICATE
    from ..ingest import iter_inputs
    from ..engines import code_stream
    from ..store import Store
    from ..store.duckdb_store import INGEST_MEMORY_LIMIT

    from ..clean import SourceLineStats

    config = config or Config()
    meta = argparse.Namespace(published=published, source=source)
    # First pass: which lines does each source repeat across its articles?
    # (Reading is cheap next to the model; it makes cleaning independent of order.)
    stats = SourceLineStats()
    if "-" not in paths:
        for item in iter_inputs(paths, config):
            if isinstance(item, Article):
                stats.observe(_with_meta(item, meta).source, item.text)
    from ..engines.core import prune_stats

    stats = prune_stats(stats)  # cleaning needs only the repeated lines; frees the full counts
    counts = dict(articles=0, skipped=0, duplicates=0, rejected=0, events=0, quotes=0)
    from ..engines.dedupe import NearDuplicates, link_near_duplicate

    linker = NearDuplicates(near_duplicates) if near_duplicates else None
    with Store(db, memory_limit=INGEST_MEMORY_LIMIT) as store:
        bar = tqdm(desc="articles", unit=" art", file=sys.stderr, disable=None if progress is None else not progress)

        def fresh():
            for item in iter_inputs(paths, config):
                item = _with_meta(item, meta)
                bar.update(1)
                if isinstance(item, Rejection):
                    store.reject(item)
                    counts["rejected"] += 1
                    continue
                rows = store.query("SELECT origin FROM articles WHERE id = ?", [item.id])
                if rows:
                    if rows[0]["origin"] == item.origin:
                        counts["skipped"] += 1
                    else:
                        store.reject(Rejection(item.origin or "?", E_DUPLICATE,
                                               f"same article as {rows[0]['origin']} (id {item.id}); stored once",
                                               item.id))
                        counts["duplicates"] += 1
                    continue
                if linker is not None and (link := linker.check(item)):
                    link_near_duplicate(store, item, *link)
                    counts["duplicates"] += 1
                    continue
                yield item

        for record in code_stream(fresh(), engine=engine, workers=workers, config=config, stats=stats):
            if isinstance(record, Rejection):
                store.reject(record)
                counts["rejected"] += 1
                continue
            if store.add(record):
                counts["articles"] += 1
                counts["events"] += len(record.events)
                counts["quotes"] += len(record.quotes)
            else:  # the same article twice within this run
                store.reject(Rejection(record.article.origin or "?", E_DUPLICATE,
                                       f"same article already stored (id {record.article.id}); stored once",
                                       record.article.id))
                counts["duplicates"] += 1
        bar.close()
    return counts


def cmd_run(args) -> int:
    if args.engine == "spark":
        from ..engines.spark import cmd_run_spark

        return cmd_run_spark(args, _config(args))
    counts = run(args.paths, args.db, _config(args), args.published, args.source,
                 engine=args.engine or "local", workers=args.workers, near_duplicates=args.near_duplicates)
    print(
        f"articles {counts['articles']}  events {counts['events']}  quotes {counts['quotes']}  "
        f"rejected {counts['rejected']}  duplicates {counts['duplicates']}  already stored {counts['skipped']}"
    )
    return 0


# --- queries ----------------------------------------------------------------

def _store(args):
    from ..store import Store

    return Store(args.db, read_only=True)


EVENT_COLUMNS = ["article_id", "id", "date_start", "type", "cameo", "source_name", "source_code",
                 "target_name", "target_code", "modality", "place_name", "trigger", "goldstein"]
QUOTE_COLUMNS = ["article_id", "id", "date", "speaker_name", "kind", "cue", "place_name", "text"]
ACTOR_COLUMNS = ["name", "code", "country", "sector", "role", "kind", "articles", "mentions"]


def cmd_events(args) -> int:
    with _store(args) as s:
        rows = s.events(actor=args.actor, country=args.country, type=args.type,
                        since=args.since, until=args.until, limit=args.limit)
    write_rows(rows, args.format, columns=EVENT_COLUMNS if args.format != "jsonl" else None)
    return 0


def cmd_quotes(args) -> int:
    with _store(args) as s:
        rows = s.quotes(speaker=args.speaker or args.actor, since=args.since, until=args.until, limit=args.limit)
    write_rows(rows, args.format, columns=QUOTE_COLUMNS if args.format != "jsonl" else None)
    return 0


def cmd_actors(args) -> int:
    with _store(args) as s:
        rows = s.actors(name=args.actor, country=args.country, limit=args.limit)
    write_rows(rows, args.format, columns=ACTOR_COLUMNS if args.format != "jsonl" else None)
    return 0


def cmd_show(args) -> int:
    with _store(args) as s:
        record = s.get_record(args.id)
    if args.format == "json":
        json.dump(record.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    print("\n".join(summary(record)))
    print()
    print(mark_up(record))
    return 0


def cmd_export(args) -> int:
    with _store(args) as s:
        if args.format == "jsonl":
            out = Path(args.directory)
            out.mkdir(parents=True, exist_ok=True)
            path = out / "records.jsonl"
            with open(path, "w", encoding="utf-8") as fh:
                for rec in s.iter_records():
                    fh.write(json.dumps(rec.to_dict(), ensure_ascii=False) + "\n")
            files = {"records": path}
        else:
            files = s.export(args.directory, format=args.format)
    for table, path in files.items():
        print(f"{table}\t{path}")
    return 0


# --- demo -------------------------------------------------------------------

SEED_PUBLISHED = "2016-07-22"  # the seed article's publication date (it carries none itself)


def demo_inputs() -> tuple[list[str], str | None]:
    """The bundled samples, and the project's seed article when ../shared is beside us."""
    samples = Path(str(resources.files("dateline").joinpath("samples")))
    paths = [str(p) for p in sorted(samples.glob("*.jsonl"))]
    for base in (Path.cwd(), Path(__file__).resolve().parents[3]):
        seed = base.parent / "shared" / "seed" / "000_d69451f904709b8f.txt"
        if seed.is_file():
            return paths, str(seed)
    return paths, None


def cmd_demo(args) -> int:
    paths, seed = demo_inputs()
    config = _config(args)
    print(f"Processing the bundled samples{' and the seed article' if seed else ''} into {args.db} ...",
          file=sys.stderr)
    counts = run(paths, args.db, config)
    if seed:
        more = run([seed], args.db, config, published=SEED_PUBLISHED)
        counts = {k: counts[k] + more[k] for k in counts}
    from ..store import Store

    with Store(args.db, read_only=True) as s:
        ids = [r["id"] for r in s.articles()]
        for aid in ids:
            print("\n".join(summary(s.get_record(aid))))
            print()
        totals = s.counts()
    print(f"Stored in {args.db}: " + ", ".join(f"{k} {v}" for k, v in totals.items()))
    print(f"Try: .venv/bin/dateline events --db {args.db}")
    print(f"     .venv/bin/dateline show {ids[0] if ids else 'ID'} --db {args.db}")
    return 0 if counts["articles"] or counts["skipped"] else 1


# --- parser -----------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="dateline", description="News articles in, verifiable political event data out.")
    p.add_argument("--version", action="version", version="dateline 0.1.0")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(sp, db=False):
        sp.add_argument("--model", help="spaCy model: md (default), sm, or a package name/path")
        sp.add_argument("--max-bytes", type=int, help="reject inputs larger than this (default 10 MiB)")
        sp.add_argument("--background-events", action="store_true",
                        help="also code acts a sentence only mentions in passing (docs/codes.md)")
        if db:
            sp.add_argument("--db", default=DEFAULT_DB, help=f"DuckDB file (default {DEFAULT_DB})")

    sp = sub.add_parser("extract", help="print one dateline/1 record per article on stdout")
    sp.add_argument("files", nargs="+", metavar="FILE", help="text, HTML or JSONL files; - for stdin")
    sp.add_argument("--published", type=_date, help="publication date YYYY-MM-DD for inputs without one")
    sp.add_argument("--source", help="the outlet's name for inputs without one")
    sp.add_argument("--format", choices=["jsonl", "json"], default="jsonl")
    sp.add_argument("--designations", metavar="FILE", help="UN Security Council Consolidated List XML (consolidated.xml)")
    common(sp)
    sp.set_defaults(func=cmd_extract)

    sp = sub.add_parser("run", help="ingest files and folders into a DuckDB file")
    sp.add_argument("paths", nargs="+", metavar="PATH")
    sp.add_argument("--published", type=_date, help="publication date for inputs without one")
    sp.add_argument("--source", help="the outlet's name for inputs without one")
    sp.add_argument("--designations", metavar="FILE", help="UN Security Council Consolidated List XML (consolidated.xml)")
    common(sp, db=True)
    from ..engines.options import add_engine_options

    add_engine_options(sp)
    sp.set_defaults(func=cmd_run)

    for name, func in (("events", cmd_events), ("quotes", cmd_quotes), ("actors", cmd_actors)):
        sp = sub.add_parser(name, help=f"query the {name} of a database")
        sp.add_argument("--db", default=DEFAULT_DB)
        sp.add_argument("--actor", help="actor name (substring, case-insensitive)")
        sp.add_argument("--country", help="ISO3 country code")
        if name == "events":
            sp.add_argument("--type", help="PLOVER type or CAMEO code prefix")
        if name == "quotes":
            sp.add_argument("--speaker", help="speaker name (substring)")
        sp.add_argument("--since", type=_date)
        sp.add_argument("--until", type=_date)
        sp.add_argument("--limit", type=int)
        sp.add_argument("--format", choices=["table", "jsonl", "csv"], default="table")
        sp.set_defaults(func=func)

    sp = sub.add_parser("show", help="print an article with its facts marked")
    sp.add_argument("id")
    sp.add_argument("--db", default=DEFAULT_DB)
    sp.add_argument("--format", choices=["text", "json"], default="text")
    sp.set_defaults(func=cmd_show)

    sp = sub.add_parser("export", help="write the database's tables as Parquet or CSV, or records as JSONL")
    sp.add_argument("directory")
    sp.add_argument("--db", default=DEFAULT_DB)
    sp.add_argument("--format", choices=["parquet", "csv", "jsonl"], default="parquet")
    sp.set_defaults(func=cmd_export)

    sp = sub.add_parser("demo", help="process the bundled samples and print what was found")
    common(sp, db=True)
    sp.set_defaults(func=cmd_demo)

    # Further commands live in cli/cmd_<name>.py, each with register(sub).
    import importlib

    for f in sorted(Path(__file__).parent.glob("cmd_*.py")):
        importlib.import_module(f"{__package__}.{f.stem}").register(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except DatelineError as e:
        print(f"dateline: {e}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())

"""A corpus of more than 20,000 real articles from the shared data sets, as one JSONL file.

Reuters-21578 has 19,043 bodies; the memory target of issue 7 is stated for a
20,000-article run, so this adds the article texts of the other shared data
sets.  Run ``python -m dateline.bench.shared_corpus OUT.jsonl`` and give the
file to ``dateline run`` or ``dateline bench --corpus``; write it outside the
repository (the texts' licences differ, see each data set's SOURCE.md).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .corpus import is_reuters, reuters_records

#: The shared data folder beside the checkout.
DEFAULT_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data"


def _xml_articles(path: Path, source: str) -> Iterator[dict]:
    """``<article><text>…</text></article>`` documents (LGL, TR-News, GeoWebNews, GeoVirus)."""
    import xml.etree.ElementTree as ET

    for n, art in enumerate(ET.parse(path).getroot().iter("article"), start=1):
        text = (art.findtext("text") or "").strip()
        if text:
            yield {"text": text, "source": source, "url": f"{path.parent.name}:{n}"}


def _plain_texts(folder: Path, source: str) -> Iterator[dict]:
    for path in sorted(folder.rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace").strip()
        if text:
            yield {"text": text, "source": source, "url": f"{folder.name}:{path.relative_to(folder)}"}


def _guardian(path: Path) -> Iterator[dict]:
    import csv

    csv.field_size_limit(1 << 26)
    with path.open(encoding="utf-8", newline="") as f:
        for n, row in enumerate(csv.DictReader(f), start=1):
            if (row.get("text") or "").strip():
                yield {"text": row["text"].strip(), "published": row.get("date") or None,
                       "source": row.get("source") or "Guardian", "url": f"{path.parent.name}:{n}"}


#: The shared data sets whose article texts ``shared_records`` reads after
#: Reuters-21578: (folder under data/, file or sub-folder, reader, source label).
_EXTRA = (
    ("lgl", "lgl.xml", _xml_articles, "LGL"),
    ("tr-news", "TR-News.xml", _xml_articles, "TR-News"),
    ("geowebnews", "GWN.xml", _xml_articles, "GeoWebNews"),
    ("geovirus", "GeoVirus.xml", _xml_articles, "GeoVirus"),
    ("polnear", ".", _plain_texts, "PolNeAR"),
    ("guardian-sdf-sample", "Guardian_SDF_sample.csv", None, "Guardian"),
)


def shared_records(data: str | Path, limit: int | None = None) -> Iterator[dict]:
    """Every article text of the shared data sets, as JSONL-style records.

    The Reuters-21578 bodies first (19,043), then the articles of LGL,
    TR-News, GeoWebNews, GeoVirus, PolNeAR and the Guardian sample (about
    1,550 more), so a corpus of more than 20,000 real articles can be built
    for memory and throughput runs.  Data sets that are absent are skipped.

    Args:
        data: the shared ``data`` folder (holding ``reuters21578/`` etc.).
        limit: stop after this many records.

    Returns:
        Iterator of dicts with ``text``, ``source``, ``url`` and, where the
        data set has them, ``title`` and ``published``.
    """
    data = Path(data)

    def every() -> Iterator[dict]:
        if is_reuters(data / "reuters21578"):
            yield from reuters_records(data / "reuters21578")
        for folder, name, reader, source in _EXTRA:
            path = data / folder / name
            if not path.exists():
                continue
            yield from (_guardian(path) if reader is None else reader(path.resolve(), source))

    for n, record in enumerate(every(), start=1):
        yield record
        if limit is not None and n >= limit:
            return


def write_jsonl(records: Iterator[dict], out: str | Path) -> int:
    """Write records one JSON object a line; returns how many were written."""
    import json

    n = 0
    with open(out, "w", encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n


def main(argv: list[str] | None = None) -> int:
    """``python -m dateline.bench.shared_corpus OUT.jsonl [--data DIR] [--limit N]``.

    Writes the shared data sets' article texts (see ``shared_records``) as
    JSONL for ``dateline run`` / ``dateline bench --corpus``; the file belongs
    outside the repository (the texts' licences differ).
    """
    import argparse
    import sys

    ap = argparse.ArgumentParser(prog="python -m dateline.bench.shared_corpus",
                                 description="Write the shared corpora's article texts as one JSONL file.")
    ap.add_argument("out", help="the JSONL file to write")
    ap.add_argument("--data", default=str(DEFAULT_DATA),
                    help="the shared data folder (default: ../shared/data beside the checkout)")
    ap.add_argument("--limit", type=int, default=None, help="at most this many articles")
    args = ap.parse_args(argv)
    n = write_jsonl(shared_records(args.data, args.limit), args.out)
    print(f"{n} articles written to {args.out}", file=sys.stderr)
    return 0 if n else 1


if __name__ == "__main__":
    raise SystemExit(main())

"""``dateline evaluate polnear``: quotes and attribution scored on PolNeAR.

PolNeAR (Newell, Margolin & Ruths, LREC 2018) marks every attribution in
2016 US election news as BRAT standoff: a Source span (who), a Cue span
(the reporting word) and a Content span (what was attributed, possibly in
several pieces).  It covers direct quotes, indirect speech and also beliefs
and reports ("polls show ..."), so indirect recall is bounded by what a
quote extractor is meant to find.

How the text is processed: each article's raw text goes through the same
stages as the pipeline after cleaning (spaCy ``md`` model,
``resolve_actors``, ``extract_quotes``).  Cleaning is skipped so that our
offsets are the corpus's offsets.

Matching rules (all on word tokens: runs of letters/digits, so quotation
marks, punctuation and whitespace never decide a match):

- A token is *quoted* when it lies between quotation marks: each line of the
  article is read left to right and every double mark (also ``''`` and
  ````` ``) toggles "inside" (annotators do not always include the marks in
  a content span, so this is read off the article, not the span).
- A gold attribution is *direct* when at least half of its content tokens
  are quoted; the others
  (indirect speech, mixed quotes with a few quoted words, beliefs) are
  *indirect*.  A predicted quote's kind is its ``Quote.kind``.
- ``direct_content_f1`` (token-overlap F1): the gold direct tokens are the
  content tokens that lie between quotation marks (so the quoted words of a
  mixed quote count, the paraphrase around them does not); precision = share
  of the tokens inside predicted direct quotes that are gold direct tokens,
  recall = share of gold direct tokens inside predicted direct quotes.
  ``indirect_content_f1`` is the same for the gold content tokens outside
  quotation marks against predicted indirect quotes (a token inside a
  predicted direct quote counts as direct only, also when a mixed indirect
  quote around it holds it).
- ``content_exact_f1``: predicted quotes sharing one cue (an interrupted or
  multi-paragraph quote) form one unit, as PolNeAR joins the pieces into one
  discontinuous content; a unit is exact when its token set equals the token
  set of a gold content (any kind); precision over units, recall over gold
  attributions.
- ``direct_speaker_accuracy``: over gold direct attributions that have a
  Source and that a predicted direct quote overlaps (the predicted unit with
  the largest token overlap is taken), the share whose predicted speaker
  phrase (``Quote.speaker_span``) shares a token with the gold Source.  A
  quote without a speaker phrase counts as wrong.  ``indirect_speaker_accuracy``
  is the same for indirect attributions and predicted indirect quotes.
- ``direct_speaker_recall``: correct speakers over all gold direct
  attributions with a Source (found or not).
- ``direct_speaker_resolved``: share of predicted direct quotes with a
  speaker phrase whose speaker is an actor of the record.

One annotator's file per article is scored (the first listed for it in
``metadata.tsv``).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import E_CONFIG, ConfigError
from . import register

register("polnear", "suite_polnear:run")
register("polnear-dev", "suite_polnear:run_dev")

_WORD = re.compile(r"\w+")
_DOUBLE_MARKS = set('"“”„«»')
_TWO_CHAR_MARK = re.compile(r"''|``")


@dataclass
class GoldAttribution:
    content: list[tuple[int, int]]
    source: list[tuple[int, int]]
    cue: list[tuple[int, int]]
    direct: bool = False


def _spans(field: str) -> list[tuple[int, int]]:
    return [tuple(map(int, piece.split())) for piece in field.split(";")]


def read_ann(path: Path, text: str) -> list[GoldAttribution]:
    """Read one BRAT ``.ann`` file of PolNeAR into attributions.

    Args:
        path: the ``.ann`` file.
        text: the article text the offsets point into.

    Returns:
        One ``GoldAttribution`` per ``E`` line that has a Content.
    """
    spans: dict[str, list[tuple[int, int]]] = {}
    rels: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) < 2:
            continue
        if cols[0].startswith("T"):
            _, rest = cols[1].split(" ", 1)
            spans[cols[0]] = _spans(rest)
        elif cols[0].startswith("E"):
            rels.append(dict(x.split(":", 1) for x in cols[1].split()[1:] if ":" in x))
    out = []
    quoted = quoted_tokens(text)
    for r in rels:
        if r.get("Content") not in spans:
            continue
        g = GoldAttribution(content=spans[r["Content"]], source=spans.get(r.get("Source", ""), []),
                            cue=spans.get(r.get("Cue", ""), []))
        g.direct = _mostly_quoted(text, g.content, quoted)
        out.append(g)
    return out


def quoted_tokens(text: str) -> frozenset[int]:
    """Start offsets of the word tokens that lie between quotation marks.

    Each line is read left to right and every double mark (``"“”„«»``, also
    ``''`` and ````` ``) toggles "inside"; a line ends any open quote.
    """
    inside_t: set[int] = set()
    for line in re.finditer(r"[^\n]+", text):
        inside = False
        k = line.start()
        for m in _WORD.finditer(text, line.start(), line.end()):
            gap = text[k : m.start()]
            marks = sum(ch in _DOUBLE_MARKS for ch in gap) + len(_TWO_CHAR_MARK.findall(gap))
            inside ^= marks % 2 == 1
            k = m.end()
            if inside:
                inside_t.add(m.start())
    return frozenset(inside_t)


def _quoted_split(text: str, pieces, quoted: frozenset[int]) -> tuple[frozenset[int], frozenset[int]]:
    """Word tokens of a gold content: (inside quotation marks, outside them)."""
    toks = _tokens(text, pieces)
    return toks & quoted, toks - quoted


def _mostly_quoted(text: str, pieces: list[tuple[int, int]], quoted: frozenset[int]) -> bool:
    inside, outside = _quoted_split(text, pieces, quoted)
    return bool(inside) and len(inside) >= len(outside)


def _tokens(text: str, spans) -> frozenset[int]:
    """Start offsets of the word tokens inside ``spans``."""
    out: set[int] = set()
    for s, e in spans:
        out.update(m.start() for m in _WORD.finditer(text, s, e))
    return frozenset(out)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _documents(shared: Path, split: str) -> list[tuple[Path, Path, str | None]]:
    root = shared / "data" / "polnear"
    folder = root / split
    if not (folder / "text").is_dir():
        raise ConfigError(f"PolNeAR {split} split not found at {folder}; see data/polnear/SOURCE.md", E_CONFIG)
    meta: dict[str, tuple[str, str]] = {}
    with (root / "metadata.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row["compartment"] == split:
                meta[row["filename"]] = (row["annotators"], row["publication_date"])
    docs = []
    for txt in sorted((folder / "text").glob("*.txt")):
        annotators, published = meta.get(txt.stem, ("", None))
        ann = None
        for a in annotators.split("|"):
            cand = folder / "attributions" / f"{txt.stem}_{a}.ann"
            if a and cand.exists():
                ann = cand
                break
        if ann is None:
            found = sorted((folder / "attributions").glob(txt.stem + "_*.ann"))
            ann = found[0] if found else None
        if ann is not None:
            docs.append((txt, ann, published))
    return docs


def _units(quotes) -> list[list]:
    """Predicted quotes grouped by their cue (one attribution each)."""
    groups: dict[tuple, list] = {}
    order = []
    for q in quotes:
        key = ("cue", q.kind, tuple(q.cue_span)) if q.cue_span else ("q", q.id)
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(q)
    return [groups[k] for k in order]


def run(shared: Path, limit: int | None = None, split: str = "test", **options) -> dict:
    """Score quote extraction and attribution on one PolNeAR split.

    Args:
        shared: the shared data folder (with ``data/polnear``).
        limit: score only the first N articles (sorted by file name).
        split: "test" (the reported figure) or "dev" (development).

    Returns:
        The metrics described in the module docstring, plus counts.

    Raises:
        ConfigError: [E202] when the split is not found.
    """
    from ..annotate import load_nlp
    from ..extract.quotes import extract_quotes
    from ..resolve.actors import resolve_actors

    nlp = load_nlp("md")
    docs = _documents(Path(shared), split)
    if limit is not None:
        docs = docs[:limit]
    c = dict.fromkeys(
        ("pd", "gd", "pd_gd", "pi", "gi", "pi_gi", "units", "gold", "exact",
         "d_found", "d_ok", "d_gold_src", "i_found", "i_ok", "pd_spk", "pd_res",
         "pred_direct", "pred_indirect", "gold_direct", "gold_indirect"), 0)
    for txt, ann, published in docs:
        text = txt.read_text(encoding="utf-8")
        gold = read_ann(ann, text)
        doc = nlp(text)
        actors = resolve_actors(doc, published)
        quotes = extract_quotes(doc, actors)
        _score(text, gold, quotes, c)
    p_d, r_d = _ratio(c["pd_gd"], c["pd"]), _ratio(c["pd_gd"], c["gd"])
    p_i, r_i = _ratio(c["pi_gi"], c["pi"]), _ratio(c["pi_gi"], c["gi"])
    p_x, r_x = _ratio(c["exact"], c["units"]), _ratio(c["exact"], c["gold"])
    return {
        "direct_content_f1": round(_f1(p_d, r_d), 4),
        "direct_content_precision": round(p_d, 4),
        "direct_content_recall": round(r_d, 4),
        "direct_speaker_accuracy": round(_ratio(c["d_ok"], c["d_found"]), 4),
        "direct_speaker_recall": round(_ratio(c["d_ok"], c["d_gold_src"]), 4),
        "direct_speaker_resolved": round(_ratio(c["pd_res"], c["pd_spk"]), 4),
        "indirect_content_f1": round(_f1(p_i, r_i), 4),
        "indirect_content_precision": round(p_i, 4),
        "indirect_content_recall": round(r_i, 4),
        "indirect_speaker_accuracy": round(_ratio(c["i_ok"], c["i_found"]), 4),
        "content_exact_f1": round(_f1(p_x, r_x), 4),
        "articles": len(docs),
        "gold_direct": c["gold_direct"],
        "gold_indirect": c["gold_indirect"],
        "predicted_direct": c["pred_direct"],
        "predicted_indirect": c["pred_indirect"],
        "details": {"split": split},
    }


def run_dev(shared: Path, limit: int | None = None, **options) -> dict:
    """The same scores on the dev split (for development)."""
    return run(shared, limit=limit, split="dev", **options)


def _score(text: str, gold: list[GoldAttribution], quotes, c: dict) -> None:
    gtok = [_tokens(text, g.content) for g in gold]
    quoted = quoted_tokens(text)
    split = [_quoted_split(text, g.content, quoted) for g in gold]
    gd = frozenset().union(*[ins for ins, _ in split])
    gi = frozenset().union(*[out for _, out in split]) - gd
    qtok = {q.id: _tokens(text, [q.span]) for q in quotes}
    pd = frozenset().union(*[qtok[q.id] for q in quotes if q.kind == "direct"])
    # a token inside a direct quote counts as direct even when a mixed indirect quote holds it
    pi = frozenset().union(*[qtok[q.id] for q in quotes if q.kind == "indirect"]) - pd
    c["pd"] += len(pd)
    c["gd"] += len(gd)
    c["pd_gd"] += len(pd & gd)
    c["pi"] += len(pi)
    c["gi"] += len(gi)
    c["pi_gi"] += len(pi & gi)
    c["gold_direct"] += sum(g.direct for g in gold)
    c["gold_indirect"] += sum(not g.direct for g in gold)
    c["pred_direct"] += sum(q.kind == "direct" for q in quotes)
    c["pred_indirect"] += sum(q.kind == "indirect" for q in quotes)
    for q in quotes:
        if q.kind == "direct" and q.speaker_span:
            c["pd_spk"] += 1
            c["pd_res"] += q.speaker is not None

    units = _units(quotes)
    utok = [frozenset().union(*[qtok[q.id] for q in u]) for u in units]
    c["units"] += len(units)
    c["gold"] += len(gold)
    gold_sets = {t for t in gtok if t}
    c["exact"] += sum(1 for t in utok if t and t in gold_sets)

    for g, gt in zip(gold, gtok):
        if not g.source or not gt:
            if g.direct and g.source:
                c["d_gold_src"] += 1
            continue
        kind = "direct" if g.direct else "indirect"
        best, best_n = None, 0
        for u, ut in zip(units, utok):
            if u[0].kind != kind:
                continue
            n = len(ut & gt)
            if n > best_n:
                best, best_n = u, n
        src = _tokens(text, g.source)
        ok = best is not None and any(
            q.speaker_span and _tokens(text, [q.speaker_span]) & src for q in best)
        if g.direct:
            c["d_gold_src"] += 1
            c["d_found"] += best is not None
            c["d_ok"] += ok
        else:
            c["i_found"] += best is not None
            c["i_ok"] += ok

"""Geoparsing suites: ``geowebnews``, ``lgl``, ``tr-news``, ``geovirus``.

Each gold set gives articles with toponyms (character offsets, most with
coordinates).  Dateline reads the raw gold text with the md model, finds the
story's dateline and calls :func:`dateline.resolve.places.find_toponyms`; the
toponyms it returns are compared with the gold ones under each set's own
annotation convention (see ``_SPECS`` and docs/evaluation.md):

* recognition — one-to-one matching of predicted and gold spans that overlap;
  ``toponym_precision``, ``toponym_recall``, ``toponym_f1``;
* resolution — over the matched gold toponyms that have coordinates: the
  share placed within 161 km (``acc_161km``), the area under the curve of
  log error distance (``auc``, Gritta et al. 2018: 0 is perfect, lower is
  better), mean and median error in km.

Gold offsets are re-aligned to the phrase within a few characters (TR-News
and GeoVirus offsets are partly off by one).  ``details`` lists error
examples: missed names, spurious names and the worst-placed ones.
"""

from __future__ import annotations

import math
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from . import register

_EARTH_KM = 6371.0
_MAX_KM = 20039.0  # half the Earth's circumference: the largest possible error

# GeoWebNews types that name a place (Gritta et al. 2019): literal ones, and
# associative ones (metonymy, modifiers, demonyms).  The rest of its types
# (expressions, homonyms, languages, non-toponyms) are not toponyms.
GWN_LITERAL = frozenset(("Literal", "Literal_Modifier", "Mixed", "Embedded_Literal", "Coercion"))
GWN_ASSOCIATIVE = frozenset(("Metonymic", "Non_Literal_Modifier", "Embedded_Non_Lit", "Demonym"))


@dataclass
class Gold:
    start: int
    end: int
    phrase: str
    lat: float | None
    lon: float | None
    literal: bool = True


@dataclass
class GoldDoc:
    text: str
    gold: list[Gold]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def auc_of_errors(errors_km: list[float]) -> float:
    """Area under the curve of sorted log errors, scaled to [0, 1] (lower is better)."""
    if not errors_km:
        return 0.0
    scaled = sorted(math.log(1 + e) / math.log(1 + _MAX_KM) for e in errors_km)
    if len(scaled) == 1:
        return scaled[0]
    area = sum((a + b) / 2 for a, b in zip(scaled, scaled[1:]))
    return area / (len(scaled) - 1)


def _align(text: str, phrase: str, start: int, end: int) -> tuple[int, int]:
    if text[start:end] == phrase:
        return start, end
    for d in (-1, 1, -2, 2, -3, 3, -4, 4, -5, 5):
        s = start + d
        if s >= 0 and text[s:s + len(phrase)] == phrase:
            return s, s + len(phrase)
    return start, end


def _float(el) -> float | None:
    if el is None or not (el.text or "").strip():
        return None
    return float(el.text)


def _lgl_like(path: Path) -> list[GoldDoc]:
    """LGL and TR-News: <toponym><phrase/><start/><end/><gaztag><lat/><lon/>."""
    docs = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        gold = []
        for t in art.iter("toponym"):
            phrase = t.findtext("phrase") or ""
            s, e = _align(text, phrase, int(t.findtext("start")), int(t.findtext("end")))
            tag = t.find("gaztag")
            lat = _float(tag.find("lat")) if tag is not None else None
            lon = _float(tag.find("lon")) if tag is not None else None
            gold.append(Gold(s, e, phrase, lat, lon))
        docs.append(GoldDoc(text, gold))
    return docs


def _geowebnews(path: Path) -> list[GoldDoc]:
    docs = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        gold = []
        for t in art.iter("toponym"):
            typ = t.findtext("type") or ""
            if typ not in GWN_LITERAL and typ not in GWN_ASSOCIATIVE:
                continue
            phrase = t.findtext("extractedName") or ""
            s, e = _align(text, phrase, int(t.findtext("start")), int(t.findtext("end")))
            gold.append(Gold(s, e, phrase, _float(t.find("latitude")), _float(t.find("longitude")),
                             literal=typ in GWN_LITERAL))
        docs.append(GoldDoc(text, gold))
    return docs


def _geovirus(path: Path) -> list[GoldDoc]:
    docs = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        gold = []
        for loc in art.iter("location"):
            phrase = loc.findtext("name") or ""
            s, e = _align(text, phrase, int(loc.findtext("start")), int(loc.findtext("end")))
            gold.append(Gold(s, e, phrase, _float(loc.find("lat")), _float(loc.find("lon"))))
        docs.append(GoldDoc(text, gold))
    return docs


# name -> (file under shared/data, loader, roles of our toponyms that the
# gold set annotates).  LGL and TR-News tag nationality words ("Sudanese",
# "Russian") as toponyms of their country, so demonyms count there;
# GeoWebNews tags them as associative toponyms; GeoVirus tags place names only.
_SPECS = {
    "lgl": ("lgl/lgl.xml", _lgl_like, ("literal", "actor", "embedded", "demonym")),
    "tr-news": ("tr-news/TR-News.xml", _lgl_like, ("literal", "actor", "embedded", "demonym")),
    "geowebnews": ("geowebnews/GWN.xml", _geowebnews, ("literal", "actor", "embedded", "demonym")),
    "geovirus": ("geovirus/GeoVirus.xml", _geovirus, ("literal", "actor")),
}


def _match(pred: list, gold: list[Gold]) -> list[tuple[object, Gold]]:
    """One-to-one pairs of overlapping spans, in text order."""
    pairs, used = [], set()
    for p in pred:
        for gi, g in enumerate(gold):
            if gi not in used and p.span[0] < g.end and g.start < p.span[1]:
                used.add(gi)
                pairs.append((p, g))
                break
    return pairs


def _prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate_geo(name: str, shared: Path, limit: int | None = None, **options) -> dict:
    """Score Dateline's geoparser on one gold set.

    Args:
        name: "lgl", "tr-news", "geowebnews" or "geovirus".
        shared: the shared data folder (with data/).
        limit: score only the first ``limit`` articles.

    Returns:
        Flat metrics (``toponym_precision``, ``toponym_recall``, ``toponym_f1``,
        ``acc_161km``, ``auc``, ...) plus ``details`` with error examples.
    """
    from ..annotate import load_nlp
    from ..clean.dateline import find_dateline
    from ..resolve.places import find_toponyms

    rel, loader, roles = _SPECS[name]
    docs = loader(shared / "data" / rel)[:limit]
    nlp = load_nlp(options.get("model", "md"))
    t0 = time.perf_counter()
    tp = npred = ngold = 0
    lit = Counter()  # literal-only recognition (GeoWebNews)
    errors: list[float] = []
    missed, spurious, far = Counter(), Counter(), []
    for gd, doc in zip(docs, nlp.pipe([d.text for d in docs], batch_size=16)):
        found = find_toponyms(doc, dateline=find_dateline(doc.text), demonyms="demonym" in roles)
        pred = [t for t in found if t.role in roles]
        pairs = _match(pred, gd.gold)
        tp += len(pairs)
        npred += len(pred)
        ngold += len(gd.gold)
        hit = {id(g) for _, g in pairs}
        missed.update(g.phrase for g in gd.gold if id(g) not in hit)
        matched = {id(p) for p, _ in pairs}
        spurious.update(p.text for p in pred if id(p) not in matched)
        for p, g in pairs:
            if g.lat is None or p.entry.lat is None:
                continue
            km = haversine_km(g.lat, g.lon, p.entry.lat, p.entry.lon)
            errors.append(km)
            if km > 161:
                far.append((round(km), g.phrase, f"{p.entry.name} ({p.entry.country}, {p.entry.feature_class})"))
        lit_pred = [t for t in found if t.role == "literal"]
        lit_gold = [g for g in gd.gold if g.literal]
        lit["tp"] += len(_match(lit_pred, lit_gold))
        lit["pred"] += len(lit_pred)
        lit["gold"] += len(lit_gold)
    p, r, f = _prf(tp, npred, ngold)
    lp, lr, lf = _prf(lit["tp"], lit["pred"], lit["gold"])
    srt = sorted(errors)
    far.sort(reverse=True)
    return {
        "documents": len(docs),
        "gold_toponyms": ngold,
        "toponym_precision": round(p, 4),
        "toponym_recall": round(r, 4),
        "toponym_f1": round(f, 4),
        "literal_precision": round(lp, 4),
        "literal_recall": round(lr, 4),
        "literal_f1": round(lf, 4),
        "resolved": len(errors),
        "acc_161km": round(sum(e <= 161 for e in errors) / len(errors), 4) if errors else 0.0,
        "auc": round(auc_of_errors(errors), 4),
        "mean_error_km": round(sum(errors) / len(errors), 1) if errors else 0.0,
        "median_error_km": round(srt[len(srt) // 2], 1) if srt else 0.0,
        "seconds": round(time.perf_counter() - t0, 1),
        "details": {
            "missed": missed.most_common(25),
            "spurious": spurious.most_common(25),
            "farthest": [list(x) for x in Counter(far).most_common(25)],
        },
    }


def run_lgl(shared: Path, limit: int | None = None, **options) -> dict:
    """LGL (local US news, 2009)."""
    return evaluate_geo("lgl", shared, limit, **options)


def run_tr_news(shared: Path, limit: int | None = None, **options) -> dict:
    """TR-News (national and international news, 2016-2017)."""
    return evaluate_geo("tr-news", shared, limit, **options)


def run_geowebnews(shared: Path, limit: int | None = None, **options) -> dict:
    """GeoWebNews (web news, 2018, fine-grained toponym types)."""
    return evaluate_geo("geowebnews", shared, limit, **options)


def run_geovirus(shared: Path, limit: int | None = None, **options) -> dict:
    """GeoVirus (WikiNews epidemic articles)."""
    return evaluate_geo("geovirus", shared, limit, **options)


register("lgl", "suite_geo:run_lgl")
register("tr-news", "suite_geo:run_tr_news")
register("geowebnews", "suite_geo:run_geowebnews")
register("geovirus", "suite_geo:run_geovirus")

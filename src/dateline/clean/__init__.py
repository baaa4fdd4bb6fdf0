"""CLEAN: take page furniture (notices, links, share widgets, captions) out of an Article."""

from .cleaner import clean
from .stats import SourceLineStats

__all__ = ["clean", "SourceLineStats"]

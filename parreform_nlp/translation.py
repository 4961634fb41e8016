"""Offline translation to English with installed Argos Translate packages.

PLACEHOLDER from the foundation issue: no package is ever found yet.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass, field

from .errors import TranslationUnavailable


@dataclass
class Segment:
    """One translated sentence: its span in the source text and in the English text."""

    source_start: int
    source_end: int
    target_start: int
    target_end: int


@dataclass
class Translation:
    text: str
    from_code: str
    to_code: str = "en"
    segments: list[Segment] = field(default_factory=list)


_WARNED: set[tuple[str, str]] = set()


def _guidance(from_code: str, to_code: str) -> str:
    return (f"no translation package {from_code}->{to_code} is installed. On a connected machine run "
            f"`argospm install translate-{from_code}_{to_code}` (or download the .argosmodel file), then "
            f"`parreform_nlp.models.install(path)`.")


def translate_document(text: str, from_code: str, to_code: str = "en", *, required: bool = False) -> Translation | None:
    """English translation of ``text``, or None (after one warning per pair) when no package is installed.

    With ``required=True`` a missing package raises :class:`TranslationUnavailable` instead.
    """
    message = _guidance(from_code, to_code)
    if required:
        raise TranslationUnavailable(message)
    if (from_code, to_code) not in _WARNED:
        _WARNED.add((from_code, to_code))
        warnings.warn(message + " Going on with the native rules.", stacklevel=3)
    return None

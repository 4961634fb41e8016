"""Merging the records of a page's native analysis with those found in its English translation.

PLACEHOLDER from the foundation issue: appends the translation's records.
"""
from __future__ import annotations

from .result import Analysis
from .translation import Translation


def merge_translation(native: Analysis, translated: Analysis, translation: Translation) -> Analysis:
    """One record per person, body and indicator; native numbers win."""
    native.translation = translation.text
    for kind in ("officials", "bodies", "places", "indicators", "counts", "legal_refs", "dates"):
        getattr(native, kind).extend(getattr(translated, kind))
    return native

"""Vietnamese and Thai body grammar (native phrases labelled with English names)."""
from __future__ import annotations

from typing import Any

from spacy.tokens import Doc


class NativeBodyGrammar:
    """Finds bodies in Vietnamese / Thai text from ``resources/<lang>/bodies.json``."""

    def __init__(self, lang: str, rules: dict[str, Any]) -> None:
        self.lang = lang
        self.rules = rules

    def mentions(self, doc: Doc) -> list:
        return []


def native_places(doc: Doc, lang: str, forms: dict) -> list[tuple[int, int, str, str]]:
    """Places in Vietnamese / Thai text: (start, end, canonical name, kind)."""
    return []

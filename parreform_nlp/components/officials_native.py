"""Vietnamese and Thai official grammar (English canonical titles)."""
from __future__ import annotations

from typing import Any

from spacy.tokens import Doc


class NativeOfficialGrammar:
    """Finds officials in Vietnamese / Thai text from ``resources/<lang>/titles.json``."""

    def __init__(self, lang: str, rules: dict[str, Any]) -> None:
        self.lang = lang
        self.rules = rules

    def people(self, doc: Doc, org_names: dict[int, str]) -> list[dict[str, Any]]:
        return []

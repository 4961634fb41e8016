"""Saving and loading the rule pack a component holds, for ``nlp.to_disk`` / ``spacy.load``."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable


class RulePackSerializer:
    """Mixin for components with ``lang``, ``rules`` and ``initialize(rules=...)``."""

    lang: str
    rules: dict[str, Any]

    def initialize(self, *args: Any, rules: dict[str, Any] | None = None, **kwargs: Any) -> None:  # pragma: no cover
        raise NotImplementedError

    def to_disk(self, path: str | Path, exclude: Iterable[str] = ()) -> None:
        """Save the rule pack this component holds (one JSON file)."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "rules.json").write_text(json.dumps({"lang": self.lang, "rules": self.rules}, ensure_ascii=False),
                                         encoding="utf-8")

    def from_disk(self, path: str | Path, exclude: Iterable[str] = ()):
        """Load a rule pack saved by :meth:`to_disk`."""
        data = json.loads((Path(path) / "rules.json").read_text(encoding="utf-8"))
        self.lang = data["lang"]
        self.initialize(rules=data["rules"])
        return self

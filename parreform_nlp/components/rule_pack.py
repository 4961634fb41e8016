"""The base of the components that hold a rule pack: loading it for the pipeline's language,
and saving / loading it for ``nlp.to_disk`` / ``spacy.load``."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable

from spacy.language import Language

from ..pipeline import NATIVE_LANGS
from ..resources import load_lang_json
from .doc_attrs import ensure_doc_attrs


class RulePackComponent:
    """A component whose rules are the JSON files ``rule_files`` of its language.

    Subclasses name their files and ``Doc._`` attributes and build their matchers in
    ``initialize(rules=...)``.
    """

    rule_files: tuple[str, ...] = ()
    doc_attrs: tuple[str, ...] = ()

    def __init__(self, nlp: Language, name: str, lang: str | None = None) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.lang = lang or nlp.lang
        ensure_doc_attrs(*self.doc_attrs)
        self.rules: dict[str, Any] = {}
        self.initialize()

    def initialize(self, *args: Any, rules: dict[str, Any] | None = None, **kwargs: Any) -> None:  # pragma: no cover
        raise NotImplementedError

    @property
    def rule_lang(self) -> str:
        """The language whose rule pack serves this pipeline (English for languages without one)."""
        return self.lang if self.lang in NATIVE_LANGS else "en"

    def load_rules(self) -> dict[str, Any]:
        """``rule_files`` of :attr:`rule_lang`, by file name."""
        return {f: load_lang_json(f, self.rule_lang) for f in self.rule_files}

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

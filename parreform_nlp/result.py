"""The records `analyze()` returns, and their JSON-ready form (the output contract)."""
from __future__ import annotations

import html
import json
from collections import Counter
from dataclasses import asdict, dataclass, field, fields
from typing import Any

#: Top-level keys of ``Analysis.to_dict()``, in order: the output contract of DESIGN.md.
CONTRACT_KEYS = (
    "language", "language_score", "translation", "officials", "bodies", "places",
    "indicators", "counts", "legal_refs", "dates",
)


@dataclass
class Mention:
    """One surface form of a person, body or place; ``text == that_text[start:end]``."""

    text: str
    start: int
    end: int
    source: str = "original"
    #: for mentions found in a translation: [start, end] of the aligned source sentence
    source_span: list[int] | None = None


@dataclass
class Official:
    name: str
    title: str | None = None
    organization: str | None = None
    titles: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Body:
    name: str
    kind: str | None = None
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Place:
    name: str
    kind: str | None = None
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Indicator:
    text: str
    value: float
    unit: str  # "percent" | "points" | "times"
    metric: str | None = None
    subject: str | None = None
    period: str | None = None
    comparison: bool = False
    start: int = 0
    end: int = 0
    source: str = "original"
    metric_id: str | None = None
    source_span: list[int] | None = None


@dataclass
class Count:
    text: str
    value: float
    what: str | None = None
    start: int = 0
    end: int = 0
    source: str = "original"
    source_span: list[int] | None = None


@dataclass
class LegalRef:
    text: str
    type: str | None = None
    number: str | None = None
    date: str | None = None
    start: int = 0
    end: int = 0
    source: str = "original"
    source_span: list[int] | None = None


@dataclass
class DateMention:
    text: str
    value: str  # "YYYY-MM-DD" | "YYYY-MM" | "YYYY"
    start: int = 0
    end: int = 0
    source: str = "original"
    source_span: list[int] | None = None


_MENTIONED = {"officials": Official, "bodies": Body, "places": Place}
_FLAT = {"indicators": Indicator, "counts": Count, "legal_refs": LegalRef, "dates": DateMention}
RECORD_TYPES: dict[str, type] = {**_MENTIONED, **_FLAT}


def record_from_dict(kind: str, data: dict[str, Any]):
    """Build the record of field ``kind`` from a plain dict (as components write them)."""
    cls = RECORD_TYPES[kind]
    data = dict(data)
    if kind in _MENTIONED:
        data["mentions"] = [m if isinstance(m, Mention) else Mention(**m) for m in data.get("mentions", [])]
    return cls(**data)


@dataclass
class Analysis:
    """Everything found in one page. ``to_dict()`` gives the JSON-ready output contract."""

    language: str = "und"
    language_score: float = 0.0
    translation: str | None = None
    officials: list[Official] = field(default_factory=list)
    bodies: list[Body] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    counts: list[Count] = field(default_factory=list)
    legal_refs: list[LegalRef] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)

    @classmethod
    def from_doc(cls, doc, *, language: str | None = None, language_score: float | None = None) -> "Analysis":
        """The records of ``doc``'s span groups (``doc.spans["parreform_<kind>"]``, see
        :mod:`parreform_nlp.spans`); a kind whose group is missing falls back to ``doc._.<kind>``."""
        from .page import page_of
        from .spans import records_from_spans

        has = doc.has_extension
        kwargs: dict[str, Any] = {
            "language": language if language is not None else ((doc._.language if has("language") else None) or "und"),
            "language_score": float(language_score if language_score is not None
                                    else ((doc._.language_score if has("language_score") else None) or 0.0)),
        }
        for kind in RECORD_TYPES:
            items = records_from_spans(doc, kind)
            if items is None:
                items = getattr(doc._, kind, None) if has(kind) else None
            kwargs[kind] = [record_from_dict(kind, d) for d in (items or [])]
        result = cls(**kwargs)
        result._text = page_of(doc).text  # what the offsets index into, for render(); not part of to_dict()
        return result

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Analysis":
        """Inverse of ``to_dict()``."""
        kwargs = {k: data.get(k) for k in ("language", "language_score", "translation")}
        for kind in RECORD_TYPES:
            kwargs[kind] = [record_from_dict(kind, d) for d in data.get(kind) or []]
        return cls(**kwargs)

    def to_dict(self) -> dict[str, Any]:
        """The output contract: exactly ``CONTRACT_KEYS``, plain JSON-ready values."""
        out = asdict(self)
        return {k: out[k] for k in CONTRACT_KEYS}

    def to_json(self, **kwargs: Any) -> str:
        """``to_dict()`` as JSON (UTF-8 kept readable unless ``ensure_ascii=True``)."""
        kwargs.setdefault("ensure_ascii", False)
        return json.dumps(self.to_dict(), **kwargs)

    def to_frame(self, kind: str = "indicators"):
        """One field's records as a pandas DataFrame (needs the ``frame`` extra: pandas).

        Same columns as :func:`parreform_nlp.to_frames` gives for a corpus, less ``page``.
        """
        from .frames import frame, page_rows

        try:
            import pandas  # noqa: F401
        except ImportError as e:  # pragma: no cover - depends on the environment
            raise ImportError("to_frame() needs pandas: pip install 'parreform-nlp[frame]'") from e
        return frame(kind, page_rows(self, None).get(kind, [])).drop(columns="page")

    def _repr_html_(self) -> str:
        """For notebooks: the language, the translation, and a table per field (0 when empty)."""
        parts = [f"<p><b>language</b>: {html.escape(self.language)} ({self.language_score:.2f})</p>"]
        if self.translation:
            parts.append(f"<details><summary><b>translation</b> ({len(self.translation):,} characters)</summary>"
                         f"<p style=\"white-space: pre-wrap\">{html.escape(self.translation)}</p></details>")
        elif self.language not in ("en", "und"):
            parts.append("<p><b>translation</b>: none (no translation package installed, or translate=False)</p>")
        for kind in RECORD_TYPES:
            records = getattr(self, kind)
            if not records:
                parts.append(f"<p><b>{kind}</b>: 0</p>")
                continue
            cols = [f.name for f in fields(RECORD_TYPES[kind]) if f.name != "source_span"]
            head = "".join(f"<th>{c}</th>" for c in cols)
            rows = "".join(
                "<tr>" + "".join(f"<td>{html.escape(_readable(getattr(r, c)))}</td>" for c in cols) + "</tr>"
                for r in records
            )
            parts.append(f"<details open><summary><b>{kind}</b>: {len(records)}</summary>"
                         f"<table><tr>{head}</tr>{rows}</table></details>")
        return "\n".join(parts)


def _readable(value: Any) -> str:
    """A cell of the notebook view: lists joined with "; ", mentions by their text, no reprs."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return format(value, ".15g")  # 84.38, 1234567 (never 1.23457e+06)
    if isinstance(value, list):
        texts = [m.text if isinstance(m, Mention) else _readable(m) for m in value]
        # Mentions repeat a surface form many times: each once, with its count.
        return "; ".join(t if n == 1 else f"{t} (×{n})" for t, n in Counter(texts).items())
    return str(value)

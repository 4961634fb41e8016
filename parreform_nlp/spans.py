"""Records as spaCy spans: one span group per record kind, and a combined group for displaCy.

Every component ends with :func:`write_spans`, which turns the records it wrote on ``doc._.<kind>``
into spans of ``doc.spans["parreform_<kind>"]`` (one span per mention for officials, bodies and
places; one per record otherwise) and refreshes ``doc.spans["parreform"]``, so that

    displacy.render(doc, style="span", options={"spans_key": "parreform"})

shows everything. A span's label is its record kind ("OFFICIAL", "INDICATOR", ...; a body's own
kind, "ministry", "committee", ...), and ``span._.parreform`` is its record (the plain dict on
``doc._``): ``span._.parreform["title"]``, ``span._.parreform["value"]``. Each span's ``id_`` is
"<kind>:<index>", the record it stands for, so :meth:`Analysis.from_doc` is built from the spans.
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Any, Iterator

from spacy.tokens import Doc, Span, SpanGroup

from .page import page_of

#: record kind -> span group
GROUPS: dict[str, str] = {
    "officials": "parreform_officials",
    "bodies": "parreform_bodies",
    "places": "parreform_places",
    "indicators": "parreform_indicators",
    "counts": "parreform_counts",
    "legal_refs": "parreform_legal_refs",
    "dates": "parreform_dates",
}
#: every record of every kind, for displaCy
COMBINED = "parreform"
#: span labels of the kinds whose label is not the record's own kind
LABELS = {"officials": "OFFICIAL", "places": "PLACE", "indicators": "INDICATOR", "counts": "COUNT",
          "legal_refs": "LEGAL_REF", "dates": "DATE"}
_MENTIONED = ("officials", "bodies", "places")
EXTENSION = "parreform"


def record_of(span: Span) -> dict[str, Any] | None:
    """The record a span of ours stands for (``span._.parreform``), else None."""
    ref = span_ref(span)
    if ref is None:
        return None
    kind, index = ref
    records = doc_value(span.doc, kind) if span.doc.has_extension(kind) else None
    return records[index] if records is not None and index < len(records) else None


def span_ref(span: Span) -> tuple[str, int] | None:
    """(kind, index) of the record behind a span written by :func:`write_spans`."""
    if not span.id:
        return None
    kind, sep, index = span.id_.partition(":")
    if not sep or kind not in GROUPS or not index.isdigit():
        return None
    return kind, int(index)


def ensure_span_extension() -> None:
    """Register ``Span._.parreform`` once (idempotent: also in ``nlp.pipe`` worker processes)."""
    if not Span.has_extension(EXTENSION):
        Span.set_extension(EXTENSION, getter=record_of)


def _offsets(kind: str, record: dict[str, Any]) -> Iterator[tuple[int, int]]:
    if kind in _MENTIONED:
        for m in record.get("mentions") or ():
            if m.get("source", "original") == "original":
                yield m["start"], m["end"]
    elif record.get("source", "original") == "original":
        yield record["start"], record["end"]


def align(idx: list[int], length: list[int], size: int, start: int, end: int) -> tuple[int, int] | None:
    """(first token, end token) of ``doc.char_span(start, end, alignment_mode="expand")`` on a page
    of ``size`` characters whose tokens start at ``idx`` (ascending) and are ``length`` long, found
    by bisection: ``char_span`` reads each token through ``doc[i]``. A token with its trailing
    space covers the text from its offset up to the next token's. None where ``char_span`` gives
    None (offsets outside the text, or before the first token)."""
    if not (0 <= start < size and 0 < end <= size):
        return None
    first = bisect_right(idx, start) - 1
    last = bisect_right(idx, end - 1) - 1
    if first < 0 or last < 0:
        return None
    if start == idx[first] + length[first]:
        first += 1  # the start is in the first token's trailing space
    return first, last + 1


def _char_span(doc: Doc, start: int, end: int, label: str, span_id: int, toks=None) -> Span | None:
    """``doc.char_span(start, end, label=label, alignment_mode="expand", span_id=span_id)`` found on the
    page's token offsets (:meth:`.Page.tokens`, :func:`align`). ``toks``: the page's token view,
    when the caller has it."""
    toks = page_of(doc).tokens(doc) if toks is None else toks
    got = align(toks.idx, toks.length, len(toks.page_text), start, end)
    return None if got is None else Span(doc, got[0], got[1], label=label, span_id=span_id)


def _token_at(doc: Doc, start: int) -> int | None:
    """The first token that ends after ``start`` (offsets inside whitespace stand for it)."""
    for tok in doc:
        if tok.idx + len(tok) > start:
            return tok.i
    return None


def _record_spans(doc: Doc, kind: str, records: list[dict[str, Any]]) -> list[Span]:
    """The spans of ``records`` (one per record, or per mention of the kinds with mentions), in
    (start, end) order, records first to last where equal; aligned as :func:`align` does (inlined:
    this runs for every record of every page)."""
    toks = page_of(doc).tokens(doc)  # token offsets, for the records' spans
    idx, length, size = toks.idx, toks.length, len(toks.page_text)
    strings = doc.vocab.strings
    fixed = strings.add(LABELS[kind]) if kind in LABELS else None
    mentioned = kind in _MENTIONED
    # (first token, end token, order, label, id): sorted before any Span is made
    found: list[tuple[int, int, int, int, int]] = []
    for i, rec in enumerate(records):
        if mentioned:
            offsets = [(m["start"], m["end"]) for m in rec.get("mentions") or ()
                       if m.get("source", "original") == "original"]
            if not offsets:
                continue
        elif rec.get("source", "original") == "original":
            offsets = ((rec["start"], rec["end"]),)
        else:
            continue
        label = fixed if fixed is not None else strings.add(rec.get("kind") or "BODY")
        span_id = strings.add(f"{kind}:{i}")
        seen: set[tuple[int, int]] | None = None if len(offsets) == 1 else set()
        for start, end in offsets:
            got = None
            if 0 <= start < size and 0 < end <= size:
                first = bisect_right(idx, start) - 1
                last = bisect_right(idx, end - 1) - 1
                if first >= 0 and last >= 0:
                    if start == idx[first] + length[first]:
                        first += 1  # the start is in the first token's trailing space
                    got = (first, last + 1)
            if got is None:
                if not 0 <= start < size:
                    continue
                # offsets inside whitespace: the token that starts at or after them stands for the record
                k = _token_at(doc, start)
                if k is None:
                    continue
                got = (k, k + 1)
            if seen is not None:
                if got in seen:
                    continue
                seen.add(got)
            found.append((got[0], got[1], len(found), label, span_id))
    found.sort()
    return [Span(doc, a, b, label=label, span_id=span_id) for a, b, _, label, span_id in found]


#: extension name -> the ``doc.user_data`` key spaCy keeps its value under (``Underscore._get_key``)
_USER_DATA_KEYS: dict[str, Any] = {}


def doc_value(doc: Doc, name: str) -> Any:
    """``getattr(doc._, name, None)``, read where spaCy keeps the value of an extension with a
    default (``doc.user_data``, under the key ``Underscore`` itself makes): each ``doc._`` makes an
    ``Underscore`` object and each read raises and catches an AttributeError inside it, several
    microseconds per read. Anything else (a getter or a method, a value never set, a spaCy that
    keys its values otherwise) is read the plain way."""
    ext = Doc.get_extension(name)
    if ext is not None and ext[1] is None and ext[2] is None:
        key = _USER_DATA_KEYS.get(name)
        if key is None:
            key = _USER_DATA_KEYS.setdefault(name, doc._._get_key(name))
        value = doc.user_data.get(key, _MISSING)
        if value is not _MISSING:
            return value
    return getattr(doc._, name, None)


_MISSING = object()


def write_spans(doc: Doc, kind: str, records: list[dict[str, Any]] | None = None) -> None:
    """Write the records of ``kind`` (default ``doc._.<kind>``) as ``doc.spans[GROUPS[kind]]``
    and refresh the combined group ``doc.spans["parreform"]``."""
    ensure_span_extension()
    if records is None:
        records = doc_value(doc, kind) or []
    spans = _record_spans(doc, kind, records) if records else []
    doc.spans[GROUPS[kind]] = spans
    # the combined group grows by each kind once (cheap); a kind written again rebuilds it
    kinds = page_of(doc).memo(("combined_kinds",), set)
    if kind not in kinds and COMBINED in doc.spans:
        if spans:
            doc.spans[COMBINED].extend(spans)
    else:
        kinds.clear()
        combined = SpanGroup(doc, name=COMBINED)
        for k, g in GROUPS.items():
            if g in doc.spans:
                if k == kind:
                    combined.extend(spans)  # the spans at hand: reading a group back makes every Span again
                elif len(doc.spans[g]):
                    combined.extend(doc.spans[g])  # copied in C
                kinds.add(k)
        doc.spans[COMBINED] = combined
    kinds.add(kind)


def records_from_spans(doc: Doc, kind: str) -> list[dict[str, Any]] | None:
    """The records of ``kind`` that spans of ``doc.spans[GROUPS[kind]]`` stand for, in record order;
    None when the doc has no such group (the component did not run)."""
    group = GROUPS[kind]
    if group not in doc.spans:
        return None
    records = doc_value(doc, kind) if doc.has_extension(kind) else None
    if not records:
        return []
    # a span's id is the hash of "<kind>:<index>" (see write_spans): compare hashes, not strings
    present = {sp.id for sp in doc.spans[group]}
    strings = doc.vocab.strings
    return [rec for i, rec in enumerate(records) if strings[f"{kind}:{i}"] in present]

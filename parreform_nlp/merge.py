"""Merging the records of a page's native analysis with those found in its English translation.

* Records and mentions found in the translation get ``source="translation"``; their offsets index
  into ``Analysis.translation`` and ``source_span`` holds [start, end] of the aligned source
  sentence (from the translation's segments).
* One record per person, body and place: names are compared with diacritics, case, honorifics
  ("Comrade", "Mr", "Ông", "นาย") and punctuation folded away; mentions are pooled, and fields
  the native record lacks (title, organization, kind) are filled from the translation.
* One record per indicator: an indicator of the translation whose value and unit match a native
  one found in the same source sentence is the same indicator; the native record is kept (native
  numbers win) and gets metric, subject and period from the translation when it has none.
* Numbers survive translation: an indicator value of the translation that is not among the
  numbers of its source sentence (MT turned "84,38%" into "84%") is replaced by the source's
  number in the same position; "84,38%" -> "84.38%" is the same value and is kept. A number
  the source sentence does not have at all was made up by the translation: that record is dropped.
* Counts and dates of the translation already found natively in the aligned source sentence
  (same value), and legal references already found anywhere (same number), are dropped; the
  others are added. Count values get the same check against the source as indicators.
"""
from __future__ import annotations

import re

from .names import fold as fold_text
from .result import Analysis
from .translation import Translation

_HONORIFICS = frozenset(
    """comrade comrades mr mrs ms miss dr prof professor sir madam h.e. he his excellency
    ông ong bà ba anh chị chi đồng dong chí chi đ/c dc ngài ngai
    นาย นาง นางสาว ดร ท่าน สหาย""".split()
)
_HONORIFIC_PHRASES = ("đồng chí", "dong chi", "his excellency", "her excellency")


def fold(name: str | None) -> str:
    """Comparison key of a name: no diacritics, case, honorifics or punctuation."""
    text = fold_text(name)
    for phrase in _HONORIFIC_PHRASES:
        text = text.replace(phrase, " ")
    words = [w for w in re.split(r"[\s,.;:()\"'’“”\-–]+", text) if w]
    while words and words[0] in _HONORIFICS:
        words.pop(0)
    return " ".join(words)


_NUM = re.compile(r"(?<![\w.,])(\d{1,3}(?:[.,\s]\d{3})+(?![.,]?\d)|\d+(?:[.,]\d+)?)")


def numbers_in(text: str) -> list[float]:
    """The numbers of ``text`` in order, reading both "84,38" and "84.38" as 84.38 and
    "1.234.567" / "1,234,567" as thousands."""
    values = []
    for m in _NUM.finditer(text):
        raw = m.group(1)
        if re.fullmatch(r"\d{1,3}(?:[.,\s]\d{3})+", raw) and len(set(re.findall(r"[.,\s]", raw))) == 1 \
                and (raw.count(".") + raw.count(",") + raw.count(" ") > 1 or " " in raw):
            values.append(float(re.sub(r"[.,\s]", "", raw)))
            continue
        try:
            values.append(float(raw.replace(",", ".")))
        except ValueError:
            continue
    return values


def _percents_in(text: str) -> list[float]:
    out = []
    for m in re.finditer(r"(\d+(?:[.,]\d+)?)\s*(?:%|per\s*cent|percent|phần trăm|เปอร์เซ็นต์)", text, re.I):
        out.append(float(m.group(1).replace(",", ".")))
    return out


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def _mark(records, translation: Translation, *, mentions: bool) -> None:
    for rec in records:
        if mentions:
            for m in rec.mentions:
                m.source = "translation"
                m.source_span = translation.source_span(m.start, m.end)
        else:
            rec.source = "translation"
            rec.source_span = translation.source_span(rec.start, rec.end)


def _fix_value(rec, translation: Translation, source_text: str | None) -> bool:
    """Check a translated record's number against its source sentence; False when it has no source.

    A value MT changed is replaced by the source sentence's number in the same position ("84%"
    for "84,38%" becomes 84.38). A number with nothing to match in the source sentence was made
    up by the translation (False).
    """
    if source_text is None or rec.source_span is None:
        return True
    a, b = rec.source_span
    src_sentence = source_text[a:b]
    src_numbers = numbers_in(src_sentence)
    if any(_same(rec.value, v) for v in src_numbers):
        return True
    seg = translation.segment_at(rec.start)
    if seg is None:
        return False
    tgt_sentence = translation.text[seg.target_start:seg.target_end]
    before = translation.text[seg.target_start:rec.start]
    if getattr(rec, "unit", None) == "percent":
        src_vals, tgt_vals, k = _percents_in(src_sentence), _percents_in(tgt_sentence), len(_percents_in(before))
    else:
        src_vals, tgt_vals, k = src_numbers, numbers_in(tgt_sentence), len(numbers_in(before))
    if len(src_vals) == len(tgt_vals) and k < len(src_vals):
        rec.value = src_vals[k]  # the same position among the sentence's numbers of this kind
        return True
    if len(src_vals) == 1:
        rec.value = src_vals[0]
        return True
    # MT rounding ("84%" for "84,38%") keeps the integer part.
    close = [v for v in src_vals if int(v) == int(rec.value)]
    if len(close) == 1:
        rec.value = close[0]
        return True
    return False


def _merge_named(native_list, translated_list, fields: tuple[str, ...]) -> None:
    by_key = {}
    for rec in native_list:
        by_key.setdefault(fold(rec.name), rec)
    for rec in translated_list:
        key = fold(rec.name)
        target = by_key.get(key) if key else None
        if target is None:
            native_list.append(rec)
            if key:
                by_key[key] = rec
            continue
        target.mentions.extend(rec.mentions)
        for f in fields:
            if getattr(target, f, None) in (None, "", []) and getattr(rec, f, None) not in (None, "", []):
                setattr(target, f, getattr(rec, f))
        if hasattr(target, "titles"):
            for t in getattr(rec, "titles", []) or []:
                if t not in target.titles:
                    target.titles.append(t)


def _in_span(rec, span: list[int] | None) -> bool:
    return span is not None and rec.source == "original" and span[0] <= rec.start < span[1]


def _merge_indicators(native: Analysis, translated, translation: Translation, source_text) -> None:
    for ind in translated:
        if not _fix_value(ind, translation, source_text):
            continue  # a number the source sentence does not have
        twin = None
        for nat in native.indicators:
            if nat.unit == ind.unit and _same(nat.value, ind.value) and (
                    _in_span(nat, ind.source_span) or ind.source_span is None):
                twin = nat
                break
        if twin is None:
            native.indicators.append(ind)
            continue
        for f in ("metric", "subject", "period", "metric_id"):
            if getattr(twin, f, None) in (None, "") and getattr(ind, f, None) not in (None, ""):
                setattr(twin, f, getattr(ind, f))
        if not twin.comparison and ind.comparison:
            twin.comparison = True


def _merge_flat(native_list, translated_list, key, *, same_sentence: bool) -> None:
    """Add the translated records not found natively (same key; in the aligned source sentence
    when ``same_sentence``)."""
    for rec in translated_list:
        k = key(rec)
        dup = k is not None and any(
            key(nat) == k and nat.source == "original"
            and (not same_sentence or rec.source_span is None or _in_span(nat, rec.source_span))
            for nat in native_list)
        if not dup:
            native_list.append(rec)


def merge_translation(native: Analysis, translated: Analysis, translation: Translation,
                      source_text: str | None = None) -> Analysis:
    """Merge the records of the English ``translated`` analysis into ``native`` (returned).

    ``source_text`` is the original page; without it, values are not checked against the source
    sentences (the segments still give ``source_span``).
    """
    native.translation = translation.text
    if source_text is None:
        source_text = translation.source or None
    for kind in ("officials", "bodies", "places"):
        _mark(getattr(translated, kind), translation, mentions=True)
    for kind in ("indicators", "counts", "legal_refs", "dates"):
        _mark(getattr(translated, kind), translation, mentions=False)

    _merge_named(native.officials, translated.officials, ("title", "organization"))
    _merge_named(native.bodies, translated.bodies, ("kind",))
    _merge_named(native.places, translated.places, ("kind",))
    _merge_indicators(native, translated.indicators, translation, source_text)
    counts = [c for c in translated.counts if _fix_value(c, translation, source_text)]
    _merge_flat(native.counts, counts, lambda r: round(r.value, 6), same_sentence=True)
    _merge_flat(native.legal_refs, translated.legal_refs,
                lambda r: fold(r.number) or fold(r.text) or None, same_sentence=False)
    _merge_flat(native.dates, translated.dates, lambda r: r.value, same_sentence=True)
    return native

"""Percentages, index points and ratios with metric / subject / period; counts.

Numbers are found with compiled patterns over the page text (Thai digits mapped to ASCII,
offsets unchanged); legal references and dates found earlier are masked so that their
numbers are never taken. Each number is then read in its sentence by
:mod:`indicators_context`. Writes ``doc._.indicators`` and ``doc._.counts``.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..page import page_of
from ..pipeline import Upstream, factory_meta
from ..spans import write_spans
from .doc_attrs import ensure_doc_attrs
from .attribution_en import read_english
from .indicators_context import (
    Context, Reading, Sentence, dateline_places, find_acronyms, find_places, split_sentences,
)
from .counts_find import find_counts
from .indicators_find import find_indicator_numbers
from .indicators_native import read_native
from .frame import build_frame
from .period import period_of, year_mentions


def _masked(doc: Doc) -> list[tuple[int, int]]:
    spans = []
    for kind in ("legal_refs", "dates"):
        for r in getattr(doc._, kind, None) or []:
            if r.get("source", "original") == "original":
                spans.append((r["start"], r["end"]))
    return spans


#: A number is read within this many characters of its sentence on each side: a 25 kB
#: one-line list of provinces is read in linear time, not once per number over all of it.
NEAR_CHARS = 250


def _near(text: str, sent: Sentence, start: int, end: int) -> Sentence:
    """``sent`` cut to :data:`NEAR_CHARS` around the number (at a space), the same when shorter."""
    a, b = sent.start, sent.end
    if start - a > NEAR_CHARS:
        a = text.find(" ", start - NEAR_CHARS, start) + 1 or start - NEAR_CHARS
    if b - end > NEAR_CHARS:
        cut = text.rfind(" ", end, end + NEAR_CHARS)
        b = cut if cut > end else end + NEAR_CHARS
    return sent if (a, b) == (sent.start, sent.end) else Sentence(a, b, sent.para)


def extract(doc: Doc, lang: str) -> tuple[list[dict], list[dict]]:
    """(indicators, counts) of ``doc`` as output-contract dicts."""
    page = page_of(doc)
    raw, text = page.text, page.ascii_text
    sentences = split_sentences(text, lang)
    if not sentences:
        return [], []
    ctx = Context(text=text, lang=lang, sentences=sentences)
    places = find_places(text, lang, getattr(doc._, "places", None))
    datelines = dateline_places(text) if lang != "th" else []
    # a dateline's place is where the story was filed, not the subject of its numbers
    ctx.places = [p for p in places if not any(a <= p[0] < b for a, b in datelines)]
    dl = [p for p in places if any(a <= p[0] < b for a, b in datelines)]
    if dl:
        ctx.cache["dateline_place"] = dl[0][2]
    dates = getattr(doc._, "dates", None)
    ctx.years = year_mentions(dates, lang)
    ctx.bodies = sorted((m["start"], m["end"], m.get("text") or text[m["start"]:m["end"]])
                        for b in (getattr(doc._, "bodies", None) or []) for m in (b.get("mentions") or [])
                        if m.get("source", "original") == "original")
    # once per page: what the page is about (index edition, reporting period, place)
    ctx.frame = build_frame(ctx, dates, ctx.cache.get("dateline_place"), getattr(doc._, "bodies", None))
    doc._.frame = ctx.frame.to_dict()
    ctx.index_years = ctx.frame.editions
    ctx.acronyms = find_acronyms(text) if lang not in ("th",) else {}
    # "Related news" / "Xem thêm" lists: headlines of other articles are not this page's numbers
    masked = _masked(doc) + page.related
    numbers = find_indicator_numbers(text, lang, masked)
    ctx.cache["num_starts"] = [n.start for n in numbers]
    ctx.cache["num_ends"] = sorted(n.end for n in numbers)

    indicators = []
    prev: Reading | None = None
    prev_sent, prev_end = -1, None
    for n in numbers:
        si = ctx.sentence_index(n.start)
        sent = _near(text, sentences[si], n.start, n.end)
        if si != prev_sent:
            prev, prev_end = None, None
        reader = read_native if lang in ("vi", "th") else read_english
        r = reader(ctx, sent, n.start, n.end, prev_end, prev, n.unit)
        clause_start = max(sent.start, prev_end or sent.start)
        r.period = period_of(ctx, sent, n.start, n.end, r.metric_id, si, clause_start)
        indicators.append({
            "text": raw[n.start:n.end], "value": n.value, "unit": n.unit, "metric": r.metric,
            "subject": r.subject, "period": r.period,
            # percentage points are always a difference of two percentages
            "comparison": bool(r.comparison) or (n.unit == "percent" and re.search(r"(?i)point|pts|điểm|จุด", raw[n.start:n.end]) is not None),
            "start": n.start, "end": n.end, "source": "original", "metric_id": r.metric_id,
        })
        prev, prev_sent, prev_end = r, si, n.end
        ctx.cache["last_reading"] = (sent.para, r)

    # counts: every number of a counted noun outside the numbers and references above
    taken = masked + [(n.start, n.end) for n in numbers]
    counts = []
    token_starts = doc.to_array("IDX").tolist() if lang == "th" else []  # no Python loop over the tokens
    for c in find_counts(text, lang, taken, token_starts):
        counts.append({"text": raw[c.start:c.end], "value": c.value, "what": c.what,
                       "start": c.start, "end": c.end, "source": "original"})
    return indicators, counts


class IndicatorMatcher:
    """Writes ``doc._.indicators`` (percent / points / times) and ``doc._.counts``."""

    def __init__(self, nlp: Language, name: str = "parreform_indicators") -> None:
        self.name = name
        self.lang = nlp.lang
        ensure_doc_attrs("indicators", "counts", "frame")
        self.upstream = Upstream(nlp, "parreform_indicators")

    def __call__(self, doc: Doc) -> Doc:
        ensure_doc_attrs("indicators", "counts", "frame", "places", "dates", "legal_refs")
        self.upstream(doc)
        lang = self.lang if self.lang in ("vi", "th") else "en"
        doc._.indicators, doc._.counts = indicators, counts = extract(doc, lang)
        write_spans(doc, "indicators", indicators)
        write_spans(doc, "counts", counts)
        return doc


@Language.factory("parreform_indicators", default_config={}, **factory_meta("parreform_indicators"))
def make_indicators(nlp: Language, name: str) -> IndicatorMatcher:
    """spaCy factory of the indicator and count matcher."""
    return IndicatorMatcher(nlp, name)

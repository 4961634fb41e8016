"""For whom an English number is: the subject from the clause, the sentence, the paragraph
or the page.

* a body opening the clause ("In 2023, the Ministry of Justice cut 30% ...") or a subject
  noun phrase before a verb ("localities had abolished ...") (:func:`clause_subject`);
* "the province" / "the city" resolve to the place the page is about, else to the last place
  named (:func:`anaphor_place`);
* a place in the sentence, else "nationwide" for national statements, else the place of the
  paragraph or of the page (:func:`sentence_subject`);
* a dateline's place is never a subject; a place does not carry into a new paragraph unless
  the page is about it.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from ..anchors import anchored
from ..patterns import alt
from .attribution_enum import is_ranking, vocab
from .attribution_np import subject_rx, survey_context
from .indicators_context import Context, Reading, Sentence, _last_place, _national
from .indicators_find import words


def last_in_paragraph(ctx: Context, sent: Sentence) -> Reading | None:
    """The reading of the last number before ``sent`` in its paragraph (set by the extractor)."""
    last = ctx.cache.get("last_reading")
    if last is not None and last[0] == sent.para:
        return last[1]
    return None


def paragraph_start(ctx: Context, sent: Sentence) -> int:
    """Start of the paragraph of ``sent`` (one table per page, not a walk back per call)."""
    starts = ctx.cache.get("para_starts")
    if starts is None:
        starts, first = [], 0
        for k, s in enumerate(ctx.sentences):
            if k == 0 or ctx.sentences[k - 1].para != s.para:
                first = s.start
            starts.append(first)
        ctx.cache["para_starts"] = starts
    return starts[ctx.sentence_index(sent.start)]


_PLACE_WORD = re.compile(r"\s+(?:province|city)$", re.I)


def place_key(form: str) -> str:
    """"Can Tho city" and "Can Tho" are one place when counting what a page is about."""
    return _PLACE_WORD.sub("", form)


def page_place(ctx: Context) -> str | None:
    """The place a page is about: named at least three times and more often than any other."""
    if "page_place" not in ctx.cache:
        counts: dict[str, int] = {}
        for _, _, form in ctx.places:
            counts[place_key(form)] = counts.get(place_key(form), 0) + 1
        dl = ctx.cache.get("dateline_place")
        if dl:
            counts[place_key(dl)] = counts.get(place_key(dl), 0) + 1  # not a subject itself, but says what the page is about
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        top = None
        if ranked and ranked[0][1] >= 3 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            top = ranked[0][0]
        ctx.cache["page_place"] = top
    return ctx.cache["page_place"]


@lru_cache(maxsize=None)
def _level_rx(lang: str) -> re.Pattern:
    """"at the provincial level", "in localities": a subject level after a preposition."""
    return re.compile(rf"\b(?:at|in|for|of)\s+(?:the\s+)?((?:{alt(words(lang)['subject_levels'])}))", re.I)


def subject_in(text: str, a: int, b: int, ctx: Context, lang: str, exclude_after: int,
                allow_after: bool = True) -> str | None:
    """A subject phrase inside ``text[a:b]``: "at the provincial level", "in Hai Duong"."""
    seg = text[a:b]
    m = _level_rx(lang).search(seg)
    if m:
        return m.group(1)
    before = ctx.places_in(a, exclude_after)
    if before:
        return _national(before[-1][2], lang)  # the nearest place before the number
    for s, e, form in ctx.places_in(exclude_after, b) if allow_after else ():
        return _national(form, lang)
    return None


def clause_subject(ctx: Context, sent: Sentence, pos: int, lang: str) -> str | None:
    """A subject noun phrase opening the sentence or one of its comma segments before the
    number: "By December 2023, localities had abolished ... and cut 35% of ..."."""
    forms = ctx.cache.get("forms") or ()
    srx = subject_rx(lang, forms)
    seg = ctx.text[sent.start:pos]
    w = words(lang)
    for bs, be, form in ctx.bodies:
        if sent.start <= bs < pos and re.fullmatch(r"(?:[^,]*,\s*)?(?:the\s+)?", ctx.text[sent.start:bs], re.I):
            # "In 2023, the Ministry of Justice cut 30% of its procedures": the body itself;
            # a ministry's or the Government's own target for the country reads "nationwide"
            nat = w.get("national_bodies")
            if nat and re.match(rf"(?:{alt(nat)})\b", form) and not re.search(r"\b(?:its|their)\b", ctx.text[be:pos + 60]) \
                    and not is_ranking(ctx, sent):  # "the Ministry of Justice topped the list with 82.5%"
                return "nationwide"
            return form
    for m in _clause_subject_rx(srx.pattern).finditer(seg):
        found = m.group(1)
        if found.lower() in w["subject_anaphors"] or ("the " + found.lower()) in w["subject_anaphors"]:
            return anaphor_place(ctx, pos) or found
        return _national(re.sub(r"^the\s+", "", found, flags=re.I), lang)
    return None


def anaphor_place(ctx: Context, pos: int) -> str | None:
    """"the city" / "the province" in English: the place the page is about when one place
    dominates it (dateline included), else the last place named before ``pos``."""
    if "anaphor_place" not in ctx.cache:
        counts: dict[str, int] = {}
        for _, _, form in ctx.places:
            if _national(form, ctx.lang) != "nationwide":
                counts[place_key(form)] = counts.get(place_key(form), 0) + 1
        dl = ctx.cache.get("dateline_place")
        if dl:
            counts[place_key(dl)] = counts.get(place_key(dl), 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        top = None
        if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            top = ranked[0][0]
        ctx.cache["anaphor_place"] = top
    return ctx.cache["anaphor_place"] or _last_place(ctx, pos) or _next_place(ctx, pos)


def _next_place(ctx: Context, pos: int) -> str | None:
    """"The province topped the index with 92.3%. Quang Tri is the first ...": a page that opens
    with the anaphor names the place right after it (same paragraph, a few sentences on)."""
    i = ctx.sentence_index(pos)
    para = ctx.sentences[i].para
    j = i
    while j + 1 < len(ctx.sentences) and j - i < 2 and ctx.sentences[j + 1].para == para:
        j += 1
    for _, _, form in ctx.places_in(pos, ctx.sentences[j].end)[:8]:
        if _national(form, ctx.lang) != "nationwide":
            return form
    return None


def sentence_subject(ctx: Context, sent: Sentence, pos: int, lo: int | None = None) -> str | None:
    """A place in the sentence, else "nationwide" for national statements, else the last
    place named before the number, else "nationwide" when a national body speaks."""
    w = words(ctx.lang)
    before = ctx.places_in(max(sent.start, lo or 0), pos)  # not in a reporting clause
    if before:
        return _national(before[-1][2], ctx.lang)
    for s, e, form in ctx.places_in(pos, sent.end):
        return _national(form, ctx.lang)
    if _says(ctx, sent, "nationwide_cues", re.I):
        return "nationwide"
    # the last place of the paragraph before the sentence: a place named paragraphs ago
    # ("Bac Kan ranked 63/63.") is not the actor of a new paragraph
    before_para = ctx.places_in(paragraph_start(ctx, sent), sent.start)
    if before_para:
        return _national(before_para[-1][2], ctx.lang)
    last = ctx.cache.get("last_reading")
    if last is not None and last[0] == sent.para and last[1].subject:
        # "the province's SIPAS reached 84.6%. The rate of X reached 52.3%": the same place
        forms = ctx.cache.get("forms") or ()
        if last[1].subject in forms:
            return last[1].subject
    page = page_place(ctx)
    if page:
        return _national(page, ctx.lang)
    if w.get("national_bodies") and _says(ctx, sent, "national_bodies"):
        return "nationwide"
    return None


@lru_cache(maxsize=64)
def _clause_subject_rx(actors: str) -> re.Pattern:
    """An actor opening a clause before its verb, on one page's actor alternation (compiled once
    per alternation, not per number)."""
    return re.compile(rf"(?:^|,\s*)((?:the\s+)?(?:{actors}))\s+(?:have|has|had|were|was|are|is|will|\w+ed)\b", re.I)


@lru_cache(maxsize=None)
def _cue_rx(lang: str, key: str, flags: int) -> re.Pattern:
    return re.compile(rf"(?<!\w)(?:{alt(words(lang)[key])})(?!\w)", flags)


def _says(ctx: Context, sent: Sentence, key: str, flags: int = 0) -> bool:
    """Whether the sentence holds a cue of ``key``. The page is searched once per cue list,
    not once per number (a one-line page of many numbers stays linear)."""
    cache_key = ("says", key)
    spans = ctx.cache.get(cache_key)
    if spans is None:
        spans = ctx.cache[cache_key] = [m.span() for m in anchored(_cue_rx(ctx.lang, key, flags)).finditer(ctx.text)]
    i = bisect_left(spans, (sent.start, -1))
    return i < len(spans) and spans[i][1] <= sent.end


@lru_cache(maxsize=None)
def _respondents_rx(lang: str) -> re.Pattern:
    return re.compile(rf"\b(?:share|number|percentage|proportion|rate)\s+of\s+(?:the\s+)?"
                      rf"({alt(vocab(lang)['survey_respondents'])})\b", re.I)


def survey_subject(ctx: Context, sent: Sentence, metric: str | None, right: str, lang: str) -> str | None:
    """Whom a survey share is of: "share of respondents who paid bribes" -> "respondents";
    "37% saying ..." on a page about a survey index -> "survey respondents"."""
    if metric:
        m = _respondents_rx(lang).search(metric)
        if m:
            return "survey respondents" if m.group(1).lower() == "respondents" else m.group(1)
    if metric and metric.startswith("share of respondents ") and survey_context(ctx, sent, lang):
        return "survey respondents"  # "with just 37% saying ...", "62% were satisfied with ..."
    return None


@lru_cache(maxsize=None)
def _passive_directive_rx(lang: str) -> re.Pattern:
    return re.compile(rf"\s*(?:the\s+)?(?P<np>[A-Za-z][\w\-']*(?:[\s,]+(?!(?:are|is|were|was|have|has)\b)[\w\-']+){{0,7}}?)"
                      rf"\s+(?:are|is|were|was|have\s+been|has\s+been)\s+(?:{alt(vocab(lang)['passive_directives'])})\s+to\b",
                      re.I)


def passive_directive_subject(ctx: Context, sent: Sentence, pos: int, lang: str) -> str | None:
    """"Ministers and provincial leaders are requested to simplify at least 20% of ...": the
    ones asked to act, named at the start of the sentence."""
    m = _passive_directive_rx(lang).match(ctx.text, sent.start, pos)
    if m is None or re.search(r"\d", m.group("np")):
        return None
    return _national(m.group("np"), lang)


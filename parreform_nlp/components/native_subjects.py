"""Who a Vietnamese or Thai number is about: subject words, aggregates, regions, lists.

Vocabulary lives in ``resources/<lang>/subjects.json`` (aggregates such as "bình quân của
các tỉnh, thành phố", the six socio-economic regions, population groups, the cues of
rankings and "respectively" lists) next to ``subjects_native`` of indicator_words.json.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from ..patterns import alt
from ..resources import has_resource, load_json
from .indicators_context import Context, Sentence
from .indicators_find import words


_REACH = 300  # how far a list's cue and units are looked for around a number (linear pages)


@lru_cache(maxsize=None)
def _data(lang: str) -> dict:
    return load_json("subjects.json", lang) if has_resource("subjects.json", lang) else {}


def _bounded(table, lang: str) -> str:
    # Thai has no spaces between words: substrings; Vietnamese: whole syllables only
    return alt(table) if lang == "th" else rf"(?<!\w)(?:{alt(table)})(?!\w)"


@lru_cache(maxsize=None)
def subject_table(lang: str) -> tuple[re.Pattern, dict[str, str]]:
    """(regex, lower-cased form -> English) of every native subject word of ``lang``."""
    table = {k.lower(): v for k, v in words(lang).get("subjects_native", {}).items()}
    data = _data(lang)
    for group in ("aggregates", "regions", "groups"):
        table.update({k.lower(): v for k, v in data.get(group, {}).items()})
    return re.compile(_bounded(table, lang), re.I), table


@lru_cache(maxsize=None)
def _not_subject_rx(lang: str) -> re.Pattern | None:
    forms = _data(lang).get("not_subject_inside") or []
    return re.compile(_bounded(forms, lang), re.I) if forms else None


def subject_matches(text: str, a: int, b: int, lang: str) -> list[re.Match]:
    """Subject words in ``text[a:b]``, without those inside a longer term that is no subject
    ("an toàn xã hội" holds "toàn xã"; the PAPI's name holds "cấp tỉnh")."""
    rx, _ = subject_table(lang)
    data = _data(lang)
    found = list(rx.finditer(text, a, b))
    after, demo = data.get("not_subject_after"), data.get("demonstratives")
    if after:
        # "xếp thứ 5/63 tỉnh, thành phố": the base of a rank, not who is measured
        after_rx = re.compile(rf"(?:{alt(after)})\s*(?:\d+\s*)?$", re.I)
        found = [m for m in found if not after_rx.search(text, max(0, m.start() - 20), m.start())]
    if demo:
        # "địa phương này" (this locality) is an anaphor: see the_place()
        demo_rx = re.compile(rf"\s*(?:{alt(demo)})" + ("" if lang == "th" else r"(?!\w)"), re.I)
        found = [m for m in found if not demo_rx.match(text, m.end())]
    block = _not_subject_rx(lang)
    if not found or block is None:
        return found
    spans = [m.span() for m in block.finditer(text, max(0, a - 60), min(len(text), b + 60))]
    starts = [sp[0] for sp in spans]
    longest = max((e - s for s, e in spans), default=0)

    def inside_term(m: re.Match) -> bool:
        # a block term overlapping the match and reaching beyond it (bisect: linear pages)
        lo, hi = bisect_left(starts, m.start() - longest), bisect_left(starts, m.end())
        return any(e > m.start() and (s < m.start() or e > m.end()) for s, e in spans[lo:hi])

    return [m for m in found if not inside_term(m)]


@lru_cache(maxsize=None)
def _groups(lang: str) -> frozenset[str]:
    return frozenset(k.lower() for k in _data(lang).get("groups", {}))


def is_group(form: str, lang: str) -> bool:
    """Whether ``form`` is a population group ("nam giới": men), the subject of one survey
    figure but never the actor a whole page is about."""
    return form.lower() in _groups(lang)


def english(form: str, lang: str) -> str:
    """The English subject of a native subject word or aggregate."""
    return subject_table(lang)[1].get(form.lower(), form)


@lru_cache(maxsize=None)
def _place_names() -> dict[str, str]:
    out: dict[str, str] = {}
    for p in load_json("places.json").get("provinces", []):
        for form in p.get("th") or []:
            out[form] = p["name"]
    return out


def place_name(form: str, lang: str) -> str:
    """A place as a subject: Thai-script forms become the English name ("กว๋างนาม" -> "Quang
    Nam"); Vietnamese forms stay as written (they are the place's own name)."""
    if lang == "th":
        return _place_names().get(form.strip(), form)
    return form


@lru_cache(maxsize=None)
def _cue_rx(lang: str, key: str) -> re.Pattern | None:
    forms = _data(lang).get(key) or []
    return re.compile(_bounded(forms, lang), re.I) if forms else None


_NEXT_WORD = re.compile(r"\s+(\w)")


def _named(text: str, pos: int) -> bool:
    """Whether a capitalised name follows ``pos`` ("tỉnh Nghệ An")."""
    m = _NEXT_WORD.match(text, pos)
    return m is not None and m.group(1).isupper()


def the_place(text: str, a: int, b: int, lang: str) -> str | None:
    """"the province" / "the city" for a level word with no name after it ("tỉnh đã cắt giảm
    20% ...", "ของจังหวัด"): the place the page is about. A plural ("các tỉnh", "63 tỉnh") or
    a named place ("tỉnh Nghệ An") is not it."""
    table = _data(lang).get("the_place") or {}
    if not table:
        return None
    found = None
    for m in re.finditer(_bounded(table, lang), text[a:b], re.I):
        s, e = a + m.start(), a + m.end()
        if lang == "vi" and (_named(text, e) or re.search(r"(?:các|những|mọi|\d+|cấp|tỉnh,|tỉnh và)\s+$", text[max(0, s - 10):s], re.I)):
            continue
        if lang == "th" and text[max(0, s - 4):s].endswith("และ"):
            continue  # "จังหวัดและเมืองนี้": the pair, not this city
        found = table[m.group(0).lower()] if m.group(0).lower() in table else table.get(m.group(0))
    return found


def is_ranking(text: str, a: int, b: int, lang: str) -> bool:
    """Whether ``text[a:b]`` reads as a ranking ("dẫn đầu", "đứng thứ 2", "อันดับ")."""
    rx = _cue_rx(lang, "ranking")
    return rx is not None and rx.search(text, a, b) is not None


def respectively_subject(ctx: Context, sent: Sentence, start: int) -> str | None:
    """The unit of a "respectively" list the number at ``start`` belongs to.

    "Hà Nội và TP HCM lần lượt đạt 43,96 và 41,77 điểm": the i-th number after "lần lượt"
    is the i-th unit named before it. Thai writes the cue after the values ("... อยู่ที่ X
    และ Y ตามลำดับ"). Units are places, bodies and subject words, in text order.
    """
    text, lang = ctx.text, ctx.lang
    before, after = _cue_rx(lang, "respectively_before"), _cue_rx(lang, "respectively_after")
    cue_end = None
    lo = max(sent.start, start - _REACH)  # bounded: Thai "sentences" are whole paragraphs
    if before is not None:
        for m in before.finditer(text, lo, start):
            cue_end = m  # the last cue before the number
    if cue_end is not None:
        list_end, first_num, values_end = cue_end.start(), cue_end.end(), sent.end
    elif after is not None and (cue_after := after.search(text, start, min(sent.end, start + _REACH))) is not None:
        # Thai writes the cue after the values: they start at the first number after the
        # last unit named before this number ("A และ B อยู่ที่ X และ Y ตามลำดับ")
        spans = _unit_spans(ctx, lo, start)
        if not spans:
            return None
        nums = ctx.cache.get("num_starts", [])
        i = bisect_left(nums, spans[-1][1])
        if i >= len(nums) or nums[i] > start:
            return None
        list_end = first_num = nums[i]
        values_end = cue_after.start()
    else:
        return None
    starts = ctx.cache.get("num_starts", [])
    index = bisect_left(starts, start) - bisect_left(starts, first_num)
    if index < 0:
        return None
    # the units: in the clause before the list's end
    lo = max(sent.start, list_end - _REACH)
    clause = lo + max((m.end() for m in re.finditer(r"[;:]", text[lo:list_end])), default=0)
    n_values = bisect_left(starts, values_end) - bisect_left(starts, first_num)
    units = _units(ctx, clause, list_end)[-n_values:] if n_values >= 2 else []
    if len(units) < n_values or index >= len(units):
        return None  # not as many units as values: no list to pair
    return units[index]


def _units(ctx: Context, a: int, b: int) -> list[str]:
    """Places, bodies and subject words named in ``text[a:b]``, in text order, none inside another."""
    return [form for _, _, form in _unit_spans(ctx, a, b)]


def _unit_spans(ctx: Context, a: int, b: int) -> list[tuple[int, int, str]]:
    items: list[tuple[int, int, str]] = []
    for s, e, form in ctx.places_in(a, b):
        items.append((s, e, place_name(form, ctx.lang)))
    starts = ctx._starts("body_starts", ctx.bodies)
    for s, e, form in ctx.bodies[bisect_left(starts, a):bisect_right(starts, b)]:
        if e <= b:
            items.append((s, e, form))
    for m in subject_matches(ctx.text, a, b, ctx.lang):
        items.append((m.start(), m.end(), english(m.group(0), ctx.lang)))
    items.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    kept: list[tuple[int, int, str]] = []
    for it in items:
        if kept and it[0] < kept[-1][1]:
            continue
        kept.append(it)
    return kept

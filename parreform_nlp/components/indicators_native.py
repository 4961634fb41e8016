"""Metric and subject of numbers in Vietnamese and Thai text, read natively.

Word order differs from English and Thai has no spaces between words, so the reading leans
on vocabulary as data:

* the index lexicon names whole indices ("Chỉ số SIPAS ... đạt 82,4%", "อัตราบันทึกออนไลน์ ...
  อยู่ที่ 30.4%"); a clause with only a subject and a cue verb keeps the metric before;
* everything else is rendered in English from the PAR glossary by
  :mod:`.native_metric` (metric noun phrases, objects, anaphoric indices, rankings);
* subjects come from native subject words, aggregates, regions and places, English for Thai
  place forms, with "respectively" lists and bare "tỉnh" resolved by :mod:`.native_subjects`.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from ..patterns import alt
from .indicators_context import Context, Reading, Sentence, _last_place, is_comparison, lexicon_hits
from .indicators_find import words
from .native_metric import refine as refine_metric
from .native_subjects import english, is_group, place_name, respectively_subject, subject_matches, the_place


def _first_subject(ctx: Context) -> str | None:
    """The first actor the page names ("toàn tỉnh", "ระดับท้องถิ่น"): short
    native reports are about one actor, so numbers with no subject of their own are its."""
    if "first_subject" in ctx.cache:
        return ctx.cache["first_subject"]
    m = None
    for k, cand in enumerate(subject_matches(ctx.text, 0, len(ctx.text), ctx.lang)):
        if k >= 50:
            break
        inside = lexicon_hits(ctx.text, ctx.lang, max(0, cand.start() - 80), min(len(ctx.text), cand.end() + 40))
        if not any(hs <= cand.start() < he for hs, he, _ in inside) and not is_group(cand.group(0), ctx.lang):
            m = cand  # not a word of an index name ("... cấp tỉnh")
            break
    first = english(m.group(0), ctx.lang) if m else None
    if ctx.places and (m is None or ctx.places[0][0] < m.start()):
        first = place_name(ctx.places[0][2], ctx.lang)
    ctx.cache["first_subject"] = first
    return first


def read_native(ctx: Context, sent: Sentence, start: int, end: int, num_end_prev: int | None,
                prev: Reading | None, unit: str) -> Reading:
    """Metric / subject / comparison of one number in a Vietnamese or Thai sentence."""
    text, lang = ctx.text, ctx.lang
    w = words(lang)
    left_start = max(sent.start, num_end_prev or sent.start, start - 300)
    r = Reading()
    hits = lexicon_hits(text, lang, left_start, start)
    cue = re.search(rf"(?:{alt(w['cue_verbs'])})\s*(?:(?:{alt(w['qualifiers'])})\s*)?$", text[left_start:start], re.I)
    right = lexicon_hits(text, lang, end, min(sent.end, end + 120))
    thai_right = bool(right) and re.match(r"[\u0e00-\u0e7f]", text[right[0][0]:right[0][1]]) is not None
    right_now = right and re.fullmatch(r"\s*ของ\s*" if thai_right else r"\s*(?:các|những|số|của|ของ)?\s*",
                                       text[end:right[0][0]])  # Thai runs into the next clause unmarked
    right_used = bool(right_now and (cue is None or not hits))
    if right_used:
        # "cắt giảm ít nhất 20% chi phí tuân thủ": an action on N% of what follows;
        # after a cue verb ("X đạt 97%", "X อยู่ที่ 30.4%") the metric is the X before
        r.metric, r.metric_id = right[0][2]["label"], right[0][2]["id"]
    elif hits:
        r.metric, r.metric_id = hits[-1][2]["label"], hits[-1][2]["id"]
    elif prev is not None and prev.metric and (cue or is_comparison(text, start, end, unit, left_start, lang)):
        r.metric, r.metric_id = prev.metric, prev.metric_id  # ellipsis or a change of the same
    elif right:
        r.metric, r.metric_id = right[0][2]["label"], right[0][2]["id"]
    refine_metric(ctx, sent, start, end, left_start, prev, r, hits, cue, right_used)
    # a subject word inside an index name is no subject ("Chỉ số năng lực cạnh tranh cấp tỉnh")
    std = w.get("subject_standard_before")
    std_rx = re.compile(rf"(?<!\w)(?:{alt(std)})\s+(?:[^\W\d_]+\s+){{0,2}}$", re.I) if std else None
    subs = [m for m in subject_matches(text, left_start, start, lang)
            if not any(hs <= m.start() < he for hs, he, _ in hits)
            # "cao hơn trung bình cả nước": the standard of a comparison is not who is measured
            and not (std_rx and std_rx.search(text, max(left_start, m.start() - 30), m.start()))]
    if subs and ctx.places_in(left_start, start) or any(not is_group(m.group(0), lang) for m in subs):
        # a population group next to a unit is part of the measure ("Hà Tĩnh có tỷ lệ người
        # dân hài lòng ..."): the unit is who is measured
        subs = [m for m in subs if not is_group(m.group(0), lang)]
    # a place right before the number after a subject word is a list item ("các tỉnh dẫn đầu
    # là: Huế (46,04 điểm)"); one further back is an example of it ("các địa phương như Hà Nội ...")
    closer = [p for p in ctx.places_in(subs[-1].end(), start) if start - p[1] <= 40] if subs else []
    if subs and not closer:
        r.subject = english(subs[-1].group(0), lang)
    elif closer:
        r.subject = place_name(closer[-1][2], lang)  # "các tỉnh dẫn đầu là: Huế (46,04 điểm)"
    else:
        for s, e, form in ctx.places_in(left_start, start):
            r.subject = place_name(form, lang)
        if not r.subject:
            r.subject = the_place(text, left_start, start, lang)
        if not r.subject and prev is not None:
            r.subject = prev.subject  # the same actor as the number before in the sentence
        if not r.subject:
            r.subject = _first_subject(ctx)
    if r.subject in ("the province", "the city") and _last_place(ctx, start):
        r.subject = place_name(_last_place(ctx, start), lang)
    if lang == "vi":
        own = _own_subject(ctx, max(left_start, _clause_start(text, left_start, start)), start,
                           subs[-1].end() if subs else None)
        if own:
            r.subject = own
    resp = respectively_subject(ctx, sent, start)
    if resp:
        r.subject = resp  # "A và B lần lượt đạt X và Y": the i-th value is the i-th unit's
    # a reduction read from the metric phrase ("ลดขนาด ... 20%") is a change already
    r.comparison = r.comparison or is_comparison(text, start, end, unit, left_start, lang)
    if r.comparison and unit != "times" and w.get("comparison_not_before") \
            and text[max(left_start, start - 20):start].rstrip().endswith(tuple(w["comparison_not_before"])) \
            and not any(text[end:end + 40].lstrip().startswith(c) for c in w.get("comparison_after", [])):
        r.comparison = False  # "สูงถึงร้อยละ 62.4": as high as, not a change
    if not r.comparison and w.get("comparison_then_value") and re.search(
            rf"(?<!\w)(?:{alt(w['comparison_then_value'])})(?!\w)[^,;.:]{{0,60}}"
            + (r"\s*$" if re.match(rf"(?:{alt(w['qualifiers'])})\s", text[start:end], re.I) else r"\s(?:là|khoảng|tới|đến)\s*$"),
            text[left_start:start], re.I):
        r.comparison = True  # "cao hơn năm 2022 là 2,1%"
    return r


def _clause_start(text: str, a: int, b: int) -> int:
    """Start of the clause the number at ``b`` is in: after the last ',' / ';' / ':' (not a decimal comma)."""
    for m in reversed(list(re.finditer(r"[,;:](?!\d)", text[a:b]))):
        return a + m.end()
    return a


def _own_subject(ctx: Context, a: int, b: int, after: int | None) -> str | None:
    """A named unit in the number's own clause, closer to it than any subject word: a body
    ("Sở Tư pháp dẫn đầu với 92,15%") or a level word with a name ("huyện Vũ Quang thấp nhất
    với 81,4%"); not one that only reports it ("Sở Nội vụ cho biết ...")."""
    text = ctx.text
    w = words(ctx.lang)
    lo = a if after is None else max(a, after)
    best: tuple[int, str] | None = None
    starts = ctx._starts("body_starts", ctx.bodies)
    not_after = w.get("subject_body_not_after") or []
    for bs, be, form in ctx.bodies[bisect_left(starts, lo):bisect_left(starts, b)]:
        if be <= b and not text[max(0, bs - 15):bs].rstrip().lower().endswith(tuple(not_after)):
            best = (bs, form)  # not a place of the action: "thanh toán trực tuyến trên Cổng ..."
    rx = _named_level_rx()
    for m in rx.finditer(text, lo, b):
        if best is None or m.start() > best[0]:
            best = (m.start(), m.group(1))
    if best is None:
        return None
    between = text[best[0]:b]
    if re.search(rf"(?<!\w)(?:{alt(w.get('subject_blockers', []) or ['(?!)'])})(?!\w)", between, re.I):
        return None
    for s, e, form in ctx.places_in(best[0], b):
        return None  # a place after it is more specific ("Sở Nội vụ ... của Hà Tĩnh")
    return best[1]


@lru_cache(maxsize=None)
def _named_level_rx() -> re.Pattern:
    upper = "A-ZÀÁẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬĐÈÉẺẼẸÊẾỀỂỄỆÌÍỈĨỊÒÓỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÙÚỦŨỤƯỨỪỬỮỰỲÝỶỸỴ"
    name = rf"[{upper}][^\W\d_]*"
    return re.compile(rf"(?<![\w])(?:huyện|quận|thị xã|thành phố|thị trấn|xã|phường)\s+({name}(?:\s+{name}){{0,2}})(?![\w])")

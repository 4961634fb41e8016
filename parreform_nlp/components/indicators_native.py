"""Metric and subject of numbers in Vietnamese and Thai text, read natively.

Word order differs from English and Thai has no spaces between words, so the reading leans
on the lexicon: the last indicator alias before the number ("tỷ lệ hồ sơ trực tuyến ... đạt
99,7%", "อัตราบันทึกออนไลน์ ... อยู่ที่ 30.4%") gives the English ``metric``; native subject
words ("các bộ, ngành", "ระดับท้องถิ่น") give an English ``subject``; a clause with only a
subject and a cue verb ("ระดับท้องถิ่นอยู่ที่ 37.4%") keeps the metric of the number before.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .indicators_context import Context, Reading, Sentence, _last_place, is_comparison, lexicon_hits
from .indicators_find import alt, words


@lru_cache(maxsize=None)
def _subjects(lang: str) -> tuple[re.Pattern, dict[str, str]]:
    table = words(lang)["subjects_native"]
    flags = re.I
    rx = re.compile(alt(table) if lang == "th" else rf"(?<!\w)(?:{alt(table)})(?!\w)", flags)
    return rx, {k.lower(): v for k, v in table.items()}


def read_native(ctx: Context, sent: Sentence, start: int, end: int, num_end_prev: int | None,
                prev: Reading | None, unit: str) -> Reading:
    """Metric / subject / comparison of one number in a Vietnamese or Thai sentence."""
    text, lang = ctx.text, ctx.lang
    w = words(lang)
    left_start = max(sent.start, num_end_prev or sent.start, start - 300)
    r = Reading()
    hits = lexicon_hits(text, lang, left_start, start)
    cue = re.search(rf"(?:{alt(w['cue_verbs'])})\s*(?:(?:{alt(w['qualifiers'])})\s*)?$", text[left_start:start], re.I)
    if hits:
        r.metric, r.metric_id = hits[-1][2]["label"], hits[-1][2]["id"]
    elif prev is not None and prev.metric and cue:
        r.metric, r.metric_id = prev.metric, prev.metric_id  # ellipsis
    else:
        after = lexicon_hits(text, lang, end, min(sent.end, end + 120))
        if after:
            r.metric, r.metric_id = after[0][2]["label"], after[0][2]["id"]
    srx, table = _subjects(lang)
    subs = list(srx.finditer(text, left_start, start))
    if subs:
        r.subject = table[subs[-1].group(0).lower()]
    else:
        for s, e, form in ctx.places:
            if left_start <= s < start:
                r.subject = form
        if not r.subject and prev is not None and cue is None:
            r.subject = prev.subject
    if r.subject in ("the province", "the city") and _last_place(ctx, start):
        r.subject = _last_place(ctx, start)
    r.comparison = is_comparison(text, start, end, unit, left_start, lang)
    return r

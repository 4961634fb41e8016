"""When a number is for: the ``period`` of an indicator, and the period cues it is read with.

The period is read in this order:

1. a year or a finer period in the number's own clause or sentence that is not a base year
   ("higher than 2022", "so với năm 2022"), a plan range ("2021-2025") or a document's date;
   a span of years ("from 2016 to 2023") is the period, except for the X and Y of "rose from
   X to Y", which take its first and last year;
2. a governing "In 2023, ..." of its paragraph; the period of the number before in the
   paragraph (a change after a level has the level's period, not the base year);
3. (Vietnamese, Thai) the governing period of the page, the edition of the index measured;
4. the page frame (:mod:`.frame`): a plan takes the page's plan, a sentence about the present
   ("so far") the dateline's year, any other the page's reporting period, index edition or
   dateline.

A year named relatively ("24% in the previous year", "Last year, ...") shifts the period of the
page or of the number ("the previous year") or the dateline's year ("last year", "năm nay").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..anchors import anchored, needed_literals
from ..numbers import plausible_year
from ..patterns import alt
from ..resources import load_lang_json
from .indicators_context import Context, Sentence, index_hits
from .dates_find import page_scan
from .indicators_find import words


#: How far from a number its period is looked for in its sentence (characters): linear time.
WINDOW = 400


@dataclass(frozen=True)
class PeriodMention:
    """A period written in the text with its year ("quý I/2023" -> "2023-Q1")."""

    start: int
    end: int
    value: str
    year: int
    span: bool = False  # a span of years ("from 2016 to 2023"), not a part of one year


@lru_cache(maxsize=None)
def frame_cues(lang: str) -> dict[str, Any]:
    """The frame cues of ``lang`` (``resources/<lang>/frame.json``; English for other languages)."""
    return load_lang_json("frame.json", lang)


@lru_cache(maxsize=None)
def plan_year_rx(lang: str) -> re.Pattern:
    """A cue right before a year that makes it a deadline ("by 2025", "vision to 2030")."""
    edge = "" if lang == "th" else r"(?<!\w)"
    return re.compile(rf"{edge}(?:{alt(frame_cues(lang)['plan_year_before'])})\s*(?:the\s+end\s+of\s+)?$", re.I)


@lru_cache(maxsize=None)
def status_rx(lang: str) -> re.Pattern:
    """A cue before a full date that makes it the month a figure stands at ("as of June 30")."""
    return re.compile(rf"(?<!\w)(?:{alt(frame_cues(lang)['status_before'])})\s*$", re.I)


@lru_cache(maxsize=None)
def cue_rx(lang: str, key: str) -> re.Pattern:
    """The frame cues ``key`` of ``lang`` as one pattern: "plan_cues" of a plan or target
    ("will", "plans to", "phấn đấu", "เป้าหมาย"), "present_cues" of the present ("so far")."""
    cues = alt(frame_cues(lang)[key])
    return re.compile(cues if lang == "th" else rf"(?<!\w)(?:{cues})(?!\w)", re.I)


@lru_cache(maxsize=None)
def relative_rx(lang: str) -> tuple[re.Pattern, dict[str, tuple[int, bool]]]:
    """Years named relative to the period ("the previous year") or to the present ("last
    year", "năm nay"): group 1 is the phrase; the table gives (offset, relative to now)."""
    cues = frame_cues(lang)
    table = {k.lower(): (v, False) for k, v in cues["relative_years"].items()}
    table.update({k.lower(): (v, True) for k, v in cues["relative_to_now"].items()})
    edge = "" if lang == "th" else r"(?<!\w)"
    return re.compile(rf"{edge}({alt(table)})(?!\w)", re.I), table


@lru_cache(maxsize=None)
def _period_rxs(lang: str) -> tuple[list[re.Pattern], ...]:
    cues = frame_cues(lang)
    return tuple([re.compile(p, re.I) for p in cues.get(key, [])]
                 for key in ("periods", "ranges", "periods_without_year"))


def _number(word: str, lang: str) -> int | None:
    word = " ".join(word.lower().split())
    if word.isdigit():
        return int(word)
    return frame_cues(lang)["numbers"].get(word)


def _fine_value(g: dict[str, str | None], year: int, lang: str) -> str:
    """The period the groups of a matched period cue name in ``year``: "2024-Q1", "2024-H1",
    else the year (nine months)."""
    if g.get("q"):
        q = _number(g["q"], lang)
        return f"{year}-Q{q}" if q in (1, 2, 3, 4) else str(year)
    if g.get("h"):
        h = _number(g["h"], lang)
        return f"{year}-H{h}" if h in (1, 2) else str(year)
    if g.get("months") or g.get("upto"):
        # "the first six months", "from January to June": a half; three months: a quarter
        n = _number(g.get("months") or g["upto"], lang)
        first = g.get("upto") is not None or _number(g["n"], lang) == 1
        return {(6, True): f"{year}-H1", (6, False): f"{year}-H2", (3, True): f"{year}-Q1",
                (3, False): f"{year}-Q4"}.get((n, first), str(year))
    return str(year)


def _need(rx: re.Pattern) -> tuple[tuple[str, ...], bool] | None:
    """(words one of which every match of ``rx`` holds, whether they are ASCII) for
    :func:`_may_match`; None when no such words are known or they mix ASCII letters with other
    characters, or hold a cased letter that is not ASCII (no cheap test)."""
    return _need_of(rx.pattern, rx.flags)  # (a pattern's string keeps its hash: a cheap key)


@lru_cache(maxsize=None)
def _need_of(pattern: str, flags: int) -> tuple[tuple[str, ...], bool] | None:
    need = needed_literals(pattern, flags)
    if not need:
        return None
    words = tuple(sorted(need))
    if all(w.isascii() for w in words):
        return words, True
    if all(not ch.isascii() and ch.lower() == ch.upper() for w in words for ch in w):
        return words, False  # "年", "ไตรมาส": no case, no ASCII
    return None


def _may_match(rx: re.Pattern, scan) -> bool:
    """Whether ``rx`` can match in the page of ``scan`` (the dates component's page scan): False
    when the page holds none of the words every match needs (ASCII words looked up once per page
    for all the patterns that need them; words of uncased letters in the page's non-ASCII
    characters, all in a row). Before a pattern is scanned at all."""
    need = _need(rx)
    if need is None:
        return True
    words, ascii_ = need
    if ascii_:
        return scan.exotic or bool(scan.occurrences(words))
    return any(w in scan.rest for w in words)


def find_period_mentions(text: str, lang: str) -> list[PeriodMention]:
    """Periods finer than a year ("the first half of 2024" -> "2024-H1", "quý I/2023" ->
    "2023-Q1", first six months -> H1, first three -> Q1; nine months stay the year) and spans
    of years ("từ 2016 đến 2023" -> "2016-2023"), in text order."""
    fine, ranges, _ = _period_rxs(lang)
    out: list[PeriodMention] = []
    scan = page_scan(text)
    for rx in fine:
        if not _may_match(rx, scan):
            continue
        for m in anchored(rx).finditer(text):  # tried only where a period can start
            year = plausible_year(int(m.group("year")), lang)
            if year is not None:
                out.append(PeriodMention(m.start(), m.end(), _fine_value(m.groupdict(), year, lang), year))
    for rx in ranges:
        if not _may_match(rx, scan):
            continue
        for m in anchored(rx).finditer(text):
            a, b = plausible_year(int(m.group("a")), lang), plausible_year(int(m.group("b")), lang)
            if a and b and a < b:
                out.append(PeriodMention(m.start(), m.end(), f"{a}-{b}", b, span=True))
    out.sort(key=lambda p: (p.start, -p.end))
    return out


def find_yearless_periods(text: str, lang: str, year: int) -> list[PeriodMention]:
    """Periods written without their year ("In the first quarter, ...", "Trong quý I, ...",
    "ไตรมาสแรก"), placed in ``year``: the page's own year."""
    out = []
    scan = page_scan(text)
    for rx in _period_rxs(lang)[2]:
        if not _may_match(rx, scan):
            continue
        for m in anchored(rx).finditer(text):
            value = _fine_value(m.groupdict(), year, lang)
            if value != str(year):
                out.append(PeriodMention(m.start(), m.end(), value, year))
    return out


def year_mentions(dates: list[dict] | None, lang: str) -> list[tuple[int, int, int]]:
    """(start, end, year) of every date the dates component found (years of full dates too)."""
    out = []
    for d in dates or []:
        if d.get("source", "original") != "original":
            continue
        y = int(str(d["value"])[:4])
        out.append((d["start"], d["end"], y))
    return out


@lru_cache(maxsize=None)
def _edition_rxs(lang: str) -> tuple[re.Pattern, re.Pattern | None]:
    """(a base-year cue right before a year, a comparison cue between an index and its year)."""
    base = [b for b in words(lang)["base_year_before"] if b.lower() not in ("of", "over")]  # "the PCI of 2022" is an edition
    # Thai writes no spaces between words: a cue may follow any letter ("เมื่อเทียบกับปี")
    edge = "" if lang == "th" else r"(?:\b|(?<=\s))"
    base_rx = re.compile(rf"{edge}(?:{alt(base)})\s*(?:(?:the\s+)?(?:year|năm|ปี)\s*)?(?:พ\.ศ\.\s*)?$", re.I)
    cues = words(lang).get("base_year_cues") or []
    return base_rx, (re.compile(rf"{edge}(?:{alt(cues)})", re.I) if cues else None)


def index_years(ctx: Context) -> dict[str, int]:
    """Edition years of named indices: "the 2022 PCI", "(PAR Index) in 2022"."""
    out: dict[str, int] = {}
    text = ctx.text
    hits = index_hits(ctx)
    if not hits:
        return out
    base_rx, cue_rx = _edition_rxs(ctx.lang)
    for s, e, entry in hits:
        for ys, ye, y in ctx.years_in(s - 70, e + 130):
            if base_rx.search(text, max(0, ys - 30), ys):
                continue  # "(SIPAS) ... đạt 86,25%, tăng 2,1% so với năm 2022": a base year
            if cue_rx is not None and ys > e and cue_rx.search(text, e, ys):
                continue  # "the PAR Index reached 85%, compared with its result in 2022"
            gap_before = text[ye:s]
            gap_after = text[e:ys]
            if (0 <= s - ye <= 60 and "\n" not in gap_before
                    and re.fullmatch(r"\s*(?:[A-Z][\w\-]*\s*){0,8}(?:\(\w+\)\s*)?", gap_before)) or \
               (0 <= ys - e <= 120 and re.fullmatch(r"[^.;\n]*?\b(?:in|for|of|năm|ปี)\s*|\s*(?:\(\w+\)\s*)?", gap_after)):
                out.setdefault(entry["id"], y)
    return out



@lru_cache(maxsize=None)
def base_rxs(lang: str) -> tuple[re.Pattern, re.Pattern | None]:
    """A base-year cue right before a year; a comparison cue anywhere before a later year."""
    w = words(lang)
    base_rx = re.compile(rf"(?:{alt(w['base_year_before'])})\s*(?:(?:the\s+)?(?:year|năm|ปี)\s*)?(?:พ\.ศ\.\s*)?$", re.I)
    cues = w.get("base_year_cues") or []
    edge = "" if lang == "th" else r"(?<!\w)"  # Thai writes no spaces between words
    return base_rx, (re.compile(rf"{edge}(?:{alt(cues)})", re.I) if cues else None)


# English time phrases that end in a base-year cue word and are no base ("in the year 2023",
# "the first half of 2023"); comparison phrases that are ("than 2022", "as high as in 2021")
_NOT_BASE = re.compile(r"\b(?:in|by|as\s+of|end\s+of)\s+(?:the\s+)?(?:year\s+)?$"
                       r"|\b(?:quarter|half|months?|year|period|end|beginning|start)\s+of\s+(?:the\s+year\s+)?$", re.I)
_BASE = re.compile(r"\b(?:than|compared\s+(?:with|to)|versus|from|since|as\s+(?:many|much|high|low|large)\s+as)"
                   r"\s+(?:in\s+)?(?:the\s+year\s+)?$", re.I)
_RANGE_AFTER = re.compile(r"\s*[-–]\s*\d{4}")
_RANGE_BEFORE = re.compile(r"\d{4}\s*[-–]\s*$")
_DOCUMENT_DATE = re.compile(r"(?:dated|ngày|ลงวันที่|issued\s+on|signed\s+on)\s*$", re.I)


def is_other_year(ctx: Context, ys: int, ye: int, lo: int) -> bool:
    """Whether the year mention ``text[ys:ye]`` is no period of what is around it: a base year
    ("higher than 2022", "since 2021"), a plan range ("2021-2025") or a document's date
    ("dated 15/3/2023"). ``lo`` bounds the look-back (the sentence start)."""
    text = ctx.text
    pre = text[max(lo, ys - 30):ys]
    base_rx, _ = base_rxs(ctx.lang)
    if (base_rx.search(pre) and not _NOT_BASE.search(pre)) or _BASE.search(pre):
        return True  # "higher than 2022", "since 2021": a base year, not the period
    if _RANGE_AFTER.match(text, ye, ye + 8) or (text[ys:ys + 4].isdigit() and _RANGE_BEFORE.search(pre)):
        return True  # "2021-2025": a plan period
    if _DOCUMENT_DATE.search(pre):
        return True  # the date of a document, not the period of a number
    return False


@lru_cache(maxsize=None)
def _change_rxs(lang: str) -> tuple[re.Pattern, re.Pattern]:
    cues = frame_cues(lang)
    frm, to = alt(cues["change_from"]), alt(cues["change_to"])
    edge = "" if lang == "th" else r"(?<!\w)"
    unit = r"(?:ร้อยละ\s*)?"  # Thai writes the unit before the number
    return (re.compile(rf"{edge}(?:{frm})\s*{unit}$", re.I),
            re.compile(rf"{edge}(?:{frm})\s*{unit}\d[\d.,]*\s*\S{{0,12}}\s*(?:{to})\s*{unit}$", re.I))


def _end_of_span(text: str, lang: str, span: str, start: int, lo: int) -> str:
    """In a span of years "2019-2023", the first year for the X of "rose from X to Y", the last
    for its Y; the span itself for any other number."""
    first, last = _change_rxs(lang)
    before = text[max(lo, start - 60):start]
    if first.search(before):
        return span[:4]
    if last.search(before):
        return span[-4:]
    return span


def period_of(ctx: Context, sent: Sentence, start: int, end: int, metric_id: str | None,
              sent_index: int, clause_start: int) -> str | None:
    """The period a number is for (see module docstring): "2023", "2024-H1", "2016-2023"."""
    period = _period(ctx, sent, start, end, metric_id, sent_index, clause_start)
    rx, table = relative_rx(ctx.lang)
    # "24% in the previous year", "80% last year": a year named relative to another
    rel = rx.match(ctx.text, end + _gap(ctx.text, end), min(len(ctx.text), end + 40))
    frame = ctx.frame
    phrase = rel.group(1) if rel else None
    if phrase is None and frame is not None:
        # "Last year, the rate was 51%", "Năm nay, tỷ lệ đạt 80%" (not "compared with last year";
        # a year the sentence names before the number wins)
        phrase = next((p for s, e, p in frame.relatives_in(max(sent.start, start - WINDOW), start)
                       if not is_other_year(ctx, s, e, sent.start)), None)
        if phrase is not None and _explicit_year(ctx, sent, start):
            phrase = None
    if phrase is None:
        return period
    offset, to_now = table[phrase.lower()]
    now = (frame.dateline or frame.year) if frame else None
    ref = now if to_now else (period or (frame.year if frame else None))
    return str(int(ref[:4]) + offset) if ref else None


_GAP = re.compile(r"\s*(?:(?:in|for|of|trong|vào|của|ใน|ของ)\s+|,\s*)?")


def _gap(text: str, end: int) -> int:
    """Length of the preposition between a number and a phrase right after it ("24% in ...")."""
    m = _GAP.match(text, end, end + 12)
    return m.end() - end if m else 0


def _explicit_year(ctx: Context, sent: Sentence, start: int) -> bool:
    """Whether the number's sentence names a year before it (that year beats "last year")."""
    return any(not is_other_year(ctx, ys, ye, sent.start)
               for ys, ye, _ in ctx.years_in(max(sent.start, start - WINDOW), start))


def _period(ctx: Context, sent: Sentence, start: int, end: int, metric_id: str | None,
            sent_index: int, clause_start: int) -> str | None:
    text, lang = ctx.text, ctx.lang
    w = words(lang)
    _, cmp_rx = base_rxs(lang)
    frame = ctx.frame
    cands = []
    # years near the number only: a Thai line or a run-on sentence may hold hundreds of numbers
    for ys, ye, y in ctx.years_in(max(sent.start, start - WINDOW), min(sent.end, end + WINDOW)):
        span = frame.span_at(ys, ye) if frame else None
        if span is not None:
            # "5%-10% ... qua các năm từ 2016 đến 2023": a span of years is no base year, and
            # covers every number of the clause before it
            cands.append((0 if clause_start <= ys <= end + 80 else 1, abs(ys - start), ys, ye, y))
            continue
        if is_other_year(ctx, ys, ye, sent.start):
            continue
        if ys > end and ctx.number_between(end, ys):
            continue  # "89.5%, up from 86.2% in 2022": the year of the other number
        if ys > end and cmp_rx is not None and cmp_rx.search(text, max(end, ys - 150), ys):  # bounded: linear
            continue  # "85%, compared with its result in 2022": a base year further on
        other_end = ctx.number_end_before(ys)
        if other_end is not None and other_end != end and other_end <= ys and ys - other_end <= 30 \
                and re.fullmatch(r"\s*(?:in|for|of|,)?\s*(?:the\s+year\s+)?", text[other_end:ys]):
            continue  # "from 20.5% in 2022 to 30.4% in 2023": 2022 is the first number's
        if clause_start <= ys <= end + 40:
            rank = 0
        elif ys < start:
            rank = 1  # coordination carries it: "by 2025 at least 20% of X and at least 20% of Y"
        else:
            rank = 2
        cands.append((rank, abs(ys - start), ys, ye, y))
    if cands:
        _, _, ys, ye, y = min(cands)
        value = frame.value_at(ys, ye, y, text, lang) if frame else str(y)
        span = frame.span_at(ys, ye) if frame else None
        return _end_of_span(text, lang, span.value, start, sent.start) if span else value
    # "In 2023, ..." governs the rest of its paragraph; "Throughout the year" carries the last
    last_gov = frame.governing[sent_index] if frame else None
    if last_gov and last_gov[0] == sent.para:
        return last_gov[1]
    last = ctx.cache.get("last_reading")
    if last is not None and last[0] == sent.para and last[1].period:
        # "The PAR Index of X in 2023 was 85%. The SIPAS reached 83%.": the paragraph's period;
        # a change after a level ("85%, an increase of 0.33% from 2022") is the level's period
        return last[1].period
    if lang in ("vi", "th"):
        # Vietnamese and Thai reports state the period once ("Trong quý I/2023, ...",
        # "ในปี 2566 ...") for the whole page, headline included: the last governing year
        # before, else the first one after (Buddhist-era years already converted).
        if last_gov and not last_gov[2]:
            return last_gov[1]  # not a plan's year from another paragraph
        if metric_id and metric_id in ctx.index_years:
            return str(ctx.index_years[metric_id])  # "Chỉ số CCHC năm 2023 ... đạt 92,18%"
        first = next((g for g in frame.governing if g and not g[2]), None) if frame else None
        if first:
            return first[1]
    if metric_id and metric_id in ctx.index_years:
        return str(ctx.index_years[metric_id])
    if frame is None:
        return None
    # the page frame: a plan takes the page's plan period; any other number the last period
    # an opening clause set, the lead's reporting period, the index edition, the dateline
    if frame.says(ctx, sent_index, "present_cues"):
        return frame.dateline[:4] if frame.dateline else None  # "Up to now, ...": the page's own time
    return frame.inherit(sent_index, plan=frame.says(ctx, sent_index, "plan_cues"))

"""When a number is for: the ``period`` of an indicator.

The period is read in this order: a year (or a finer period) in the number's own clause or
sentence that is not a base year ("higher than 2022") nor a plan range ("2021-2025"); else a
governing "In 2023, ..." of its paragraph; else the period of the number before in the
paragraph; else the page frame (:mod:`.frame`): the reporting period, the edition of the
index the number measures, the year of the page.
"""
from __future__ import annotations

import re

from ..numbers import plausible_year
from ..patterns import alt
from ..resources import load_json
from .indicators_context import Context, Sentence, lexicon_hits
from .indicators_find import words


def year_mentions(dates: list[dict] | None, lang: str) -> list[tuple[int, int, int]]:
    """(start, end, year) of every date the dates component found (years of full dates too)."""
    out = []
    for d in dates or []:
        if d.get("source", "original") != "original":
            continue
        y = int(str(d["value"])[:4])
        out.append((d["start"], d["end"], y))
    return out


def index_years(ctx: Context) -> dict[str, int]:
    """Edition years of named indices: "the 2022 PCI", "(PAR Index) in 2022"."""
    out: dict[str, int] = {}
    text = ctx.text
    base = [b for b in words(ctx.lang)["base_year_before"] if b.lower() not in ("of", "over")]  # "the PCI of 2022" is an edition
    # Thai writes no spaces between words: a cue may follow any letter ("เมื่อเทียบกับปี")
    edge = "" if ctx.lang == "th" else r"(?:\b|(?<=\s))"
    base_rx = re.compile(rf"{edge}(?:{alt(base)})\s*(?:(?:the\s+)?(?:year|năm|ปี)\s*)?(?:พ\.ศ\.\s*)?$", re.I)
    cues = words(ctx.lang).get("base_year_cues") or []
    cue_rx = re.compile(rf"{edge}(?:{alt(cues)})", re.I) if cues else None
    for s, e, entry in lexicon_hits(text, ctx.lang, 0, len(text)):
        if entry.get("kind") != "index":
            continue
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



def period_of(ctx: Context, sent: Sentence, start: int, end: int, metric_id: str | None,
              sent_index: int, clause_start: int) -> str | None:
    """The year a number is for (see module docstring)."""
    text, lang = ctx.text, ctx.lang
    w = words(lang)
    base_rx = re.compile(rf"(?:{alt(w['base_year_before'])})\s*(?:(?:the\s+)?(?:year|năm|ปี)\s*)?(?:พ\.ศ\.\s*)?$", re.I)
    cues = w.get("base_year_cues") or []
    edge = "" if lang == "th" else r"(?<!\w)"  # Thai writes no spaces between words
    cue_rx = re.compile(rf"{edge}(?:{alt(cues)})", re.I) if cues else None
    cands = []
    for ys, ye, y in ctx.years_in(sent.start, sent.end):
        pre = text[max(sent.start, ys - 30):ys]
        if (base_rx.search(pre) and not re.search(r"\b(?:in|by|as\s+of|end\s+of)\s+(?:the\s+)?(?:year\s+)?$|\b(?:quarter|half|months?|year|period|end|beginning|start)\s+of\s+(?:the\s+year\s+)?$", pre, re.I)) \
                or re.search(r"\b(?:than|compared\s+(?:with|to)|versus|from|since|as\s+(?:many|much|high|low|large)\s+as)\s+(?:in\s+)?(?:the\s+year\s+)?$", pre, re.I):
            continue  # "higher than 2022", "since 2021": a base year, not the period
        if re.match(r"\s*[-–]\s*\d{4}", text[ye:ye + 8]) or re.search(r"\d{4}\s*[-–]\s*$", pre):
            continue  # "2021-2025": a plan period
        if ys > end and ctx.number_between(end, ys):
            continue  # "89.5%, up from 86.2% in 2022": the year of the other number
        if ys > end and cue_rx is not None and cue_rx.search(text, max(end, ys - 150), ys):  # bounded: linear
            continue  # "85%, compared with its result in 2022": a base year further on
        other_end = ctx.number_end_before(ys)
        if other_end is not None and other_end != end and other_end <= ys \
                and re.fullmatch(r"\s*(?:in|for|of|,)?\s*(?:the\s+year\s+)?", text[other_end:ys]):
            continue  # "from 20.5% in 2022 to 30.4% in 2023": 2022 is the first number's
        if re.search(r"(?:dated|ngày|ลงวันที่|issued\s+on|signed\s+on)\s*$", pre, re.I):
            continue  # the date of a document, not the period of a number
        if clause_start <= ys <= end + 40:
            rank = 0
        elif ys < start:
            rank = 1  # coordination carries it: "by 2025 at least 20% of X and at least 20% of Y"
        else:
            rank = 2
        cands.append((rank, abs(ys - start), y))
    if cands:
        return str(min(cands)[2])
    # "In 2023, ..." governs the rest of its paragraph; "Throughout the year" carries the last
    dates = load_json("dates.json", lang if lang in ("vi", "th") else "en")
    gov = re.compile(dates["governing_year_re"], re.I)
    carry = re.compile(dates["carry_year_re"], re.I)
    govs = ctx.cache.get("gov")
    if govs is None:
        clause = dates.get("governing_clause_year_re")
        govs = ctx.cache["gov"] = _governing(ctx, gov, carry, re.compile(clause) if clause else None)
    last_gov = govs[sent_index]
    if last_gov and last_gov[0] == sent.para:
        return str(last_gov[1])
    last = ctx.cache.get("last_reading")
    if last is not None and last[0] == sent.para and last[1].period:
        # "The PAR Index of X in 2023 was 85%. The SIPAS reached 83%.": the paragraph's year
        return last[1].period
    if lang in ("vi", "th"):
        # Vietnamese and Thai reports state the period once ("Trong quý I/2023, ...",
        # "ในปี 2566 ...") for the whole page, headline included: the last governing year
        # before, else the first one after (Buddhist-era years already converted).
        if last_gov:
            return str(last_gov[1])
        if metric_id and metric_id in ctx.index_years:
            return str(ctx.index_years[metric_id])  # "Chỉ số CCHC năm 2023 ... đạt 92,18%"
        if "gov_first" not in ctx.cache:
            ctx.cache["gov_first"] = next((g for g in govs if g), None)  # once per page: linear
        first = ctx.cache["gov_first"]
        if first:
            return str(first[1])
    if metric_id and metric_id in ctx.index_years:
        return str(ctx.index_years[metric_id])
    if lang == "en" and w.get("target_words"):
        # a page that reports on one year only ("In 2023, ..." and no other governing year):
        # a result stated without a year is that year's, a plan or target is not
        years = ctx.cache.get("gov_years")
        if years is None:
            years = ctx.cache["gov_years"] = {g[1] for g in govs if g}  # once per page: linear
        if len(years) == 1 and not re.search(rf"(?i)\b(?:{alt(w['target_words'])})\b", text[sent.start:sent.end]):
            return str(next(iter(years)))
    return None


def _governing(ctx: Context, gov: re.Pattern, carry: re.Pattern,
               clause: re.Pattern | None = None) -> list[tuple[int, int] | None]:
    """Per sentence, the (paragraph, year) last set by "In 2023, ..." up to and including it."""
    out: list[tuple[int, int] | None] = []
    last = None
    for s in ctx.sentences:
        seg = to_text(ctx.text, s)
        m = gov.match(seg)
        if m is None and clause is not None:
            # "According to X, in 2023 the province's SIPAS reached ...": a clause opening with
            # its year governs the rest of the paragraph as a sentence opening with it does
            m = clause.search(seg)
        y = plausible_year(int(m.group(1)), ctx.lang) if m else None
        if y:
            last = (s.para, y)
        elif last and carry.match(seg):
            last = (s.para, last[1])
        out.append(last)
    return out


def to_text(text: str, s: Sentence) -> str:
    return text[s.start:s.end]

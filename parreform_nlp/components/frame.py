"""The page frame: what a page as a whole is about, computed once per page.

A PAR page is usually about one index edition ("the 2023 PAR Index results", "PAR INDEX 2023",
"Chỉ số CCHC năm 2023"), one reporting period ("in the first six months of 2024", "quý I/2023",
"ไตรมาสที่ 1 ปี 2566"), one plan ("plans to finish ... by February 2025") and often one
province, city or body. A number whose own sentence restates none of these inherits them from
the page: from the paragraph, the lead, the headline, the dateline (:meth:`PageFrame.inherit`).

The frame is a plain value built by :func:`build_frame` from what the earlier components found
(dates, places, bodies, index names) and the cues of ``resources/<lang>/frame.json``; the
indicator readers find it at ``ctx.frame``, users at ``doc._.frame`` (a dict):

* ``mentions``: periods finer than a year and spans of years, written "2024-H1", "2023-Q3",
  "2016-2023" (a month comes from the dates component: "July 2024" -> "2024-07"); a period
  written without its year ("In the first quarter, ...") is in the page's own year;
* ``governing``: per sentence, the period an opening "In 2023, ..." / "Trong quý I/2023, ..."
  set for the rest of its paragraph and after (one set by a plan sentence only for its own
  paragraph);
* ``period`` / ``plan``: the reporting period / plan period the headline and lead state first
  (a deadline such as "vision to 2030" is the plan);
* ``edition``: the year of the edition of the index the page is about;
* ``dateline``: the page's own date when a date opens it;
* ``place``: the place the page is about ("the province" / "the city" resolve to it);
* ``body``: the body (ministry, department) the page is about.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from ..anchors import anchored, needed_literals
from ..numbers import plausible_year
from ..patterns import alt
from .attribution_subject import place_key
from .dates_find import page_scan
from .indicators_context import Context, index_hits
from .indicators_find import words
from .period import (
    PeriodMention, base_rxs, cue_rx, find_period_mentions, find_yearless_periods, frame_cues,
    index_years, is_other_year, plan_year_rx, relative_rx, status_rx,
)

#: The headline and lead: the first paragraphs of a page, up to this many characters.
HEAD_PARAGRAPHS = 3
HEAD_CHARS = 1200
#: A dateline date opens one of the first lines of a page.
DATELINE_LINES = 5
#: A source or dateline before the first words of a lead: "(Baohatinh.vn) - ", "HANOI (VNA) – ",
#: "Dong Nai, June 3, 2024 - ", "HANOI - ". Bounded runs: linear.
_SOURCE_PREFIX = re.compile(
    r"\W{0,3}(?:[^\n()]{0,40}?\([^()\n]{1,40}\)|[A-ZÀ-ỸĐ][^\n,()\-–—]{0,30},[^\n\-–—]{3,25}?|[A-ZÀ-ỸĐ .]{3,30})"
    r"\s*[-–—]\s+")


#: (paragraph, period, set by a plan sentence) of an opening "In 2023, ..." / "Năm 2025, tỉnh phấn đấu ..."
Governing = tuple[int, str, bool]


@dataclass
class PageFrame:
    """What the page as a whole is about (see the module docstring)."""

    edition: int | None = None
    editions: dict[str, int] = field(default_factory=dict)  # lexicon id -> edition year
    period: str | None = None
    plan: str | None = None
    dateline: str | None = None
    dateline_guessed: bool = False  # the dateline writes no year ("On May 19, ..."): it was inferred
    place: str | None = None
    body: str | None = None
    governing: list[Governing | None] = field(default_factory=list)
    mentions: list[PeriodMention] = field(default_factory=list)
    dates: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, value) of dates
    relatives: list[tuple[int, int, str]] = field(default_factory=list)  # "last year", "năm trước"
    # sorted starts of ``mentions``, ``dates`` and ``relatives`` (set by :meth:`index`): bisect
    # keeps pages linear; which sentences state a plan / the present, read once per sentence
    mention_starts: list[int] = field(default_factory=list, repr=False)
    date_starts: list[int] = field(default_factory=list, repr=False)
    relative_starts: list[int] = field(default_factory=list, repr=False)
    _says: dict[tuple[int, str], bool] = field(default_factory=dict, repr=False)

    @property
    def year(self) -> str | None:
        """The year the page reports on: its reporting period, index edition or dateline."""
        for p in (self.period, str(self.edition) if self.edition else None, self.dateline):
            if p:
                return p[:4]
        return None

    def to_dict(self) -> dict:
        """The frame as plain values (for ``Doc._.frame``)."""
        return {"edition": str(self.edition) if self.edition else None, "period": self.period,
                "plan": self.plan, "dateline": self.dateline, "place": self.place, "body": self.body}

    def inherit(self, sent_index: int, plan: bool = False) -> str | None:
        """The period a number inherits when its sentence states none: a plan takes the page's
        plan; any other the last period an opening clause set before (in any paragraph) unless a
        plan set it, else the headline and lead's reporting period, the index edition, the
        dateline's year, the year of the last plan."""
        if plan:
            return self.plan
        last = self.governing[sent_index] if 0 <= sent_index < len(self.governing) else None
        if last and not last[2]:
            return last[1]
        if self.period:
            return self.period
        if self.edition:
            return str(self.edition)
        if self.dateline and not self.dateline_guessed:
            return self.dateline[:4]
        if last:
            # "In 2022, the province will issue 1.5 million cards": a plan for its own year at
            # least dates the page, better than a year the dateline does not write ("On May 19")
            return last[1]
        return self.dateline[:4] if self.dateline else None

    def value_at(self, start: int, end: int, year: int, text: str, lang: str) -> str:
        """The period written at a year mention ``text[start:end]``: a finer period or a span
        of years covering it, a month date, else the year."""
        i = bisect_right(self.mention_starts, start)
        for m in self.mentions[max(0, i - 4):i]:  # mentions do not nest deeper than a few
            if m.start <= start and end <= m.end:
                return m.value
        j = bisect_right(self.date_starts, start)
        for ds, de, value in self.dates[max(0, j - 2):j]:
            if ds <= start and end <= de and value[:4] == f"{year:04d}":
                if len(value) == 7:
                    return value  # "July 2024", "tháng 7/2024"
                if len(value) == 10 and status_rx(lang).search(text, max(0, ds - 25), ds):
                    return value[:7]  # "as of June 30, 2024": the month the figure stands at
        return str(year)

    def date_at(self, start: int, end: int) -> str | None:
        """The value of the date mention covering ``[start, end)`` ("2024-06-30", "2024-07")."""
        j = bisect_right(self.date_starts, start)
        for ds, de, value in self.dates[max(0, j - 2):j]:
            if ds <= start and end <= de:
                return value
        return None

    def span_at(self, start: int, end: int) -> PeriodMention | None:
        """The span of years ("from 2016 to 2023") the year mention ``[start, end)`` is part of."""
        i = bisect_right(self.mention_starts, start)
        for m in self.mentions[max(0, i - 4):i]:
            if m.span and m.start <= start and end <= m.end:
                return m
        return None

    def relatives_in(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """Relative year phrases ("last year", "năm nay") starting in ``[start, end)``."""
        return self.relatives[bisect_left(self.relative_starts, start):bisect_left(self.relative_starts, end)]

    def says(self, ctx: Context, sent_index: int, key: str) -> bool:
        """Whether sentence ``sent_index`` has one of the frame cues ``key`` ("plan_cues",
        "present_cues"); read once per sentence, not once per number."""
        hit = self._says.get((sent_index, key))
        if hit is None:
            s = ctx.sentences[sent_index]
            hit = self._says[(sent_index, key)] = anchored(cue_rx(ctx.lang, key)).search(ctx.text, s.start, s.end) is not None
        return hit

    def index(self) -> None:
        """Sort ``mentions``, ``dates`` and ``relatives`` and record their starts for lookups."""
        self.mentions.sort(key=lambda p: (p.start, -p.end))
        self.dates.sort()
        self.mention_starts = [m.start for m in self.mentions]
        self.date_starts = [d[0] for d in self.dates]
        self.relative_starts = [r[0] for r in self.relatives]


def merge_years(years: list[tuple[int, int, int]], mentions: list[PeriodMention]) -> list[tuple[int, int, int]]:
    """Year mentions widened to the finer period they are the year of ("quý I/2023" starts at
    "quý", so "so với quý I/2022" reads as a base year), plus the years of periods the dates
    component did not report."""
    fine = [m for m in mentions if not m.span]
    if not fine:
        return years
    starts = [y[0] for y in years]
    out = list(years)
    for m in fine:
        i = bisect_right(starts, m.end)
        hit = None
        for k in range(max(0, i - 3), i):
            ys, ye, y = out[k]
            if ys < m.end and m.start < ye and y == m.year:
                hit = k
        if hit is None:
            out.append((m.start, m.end, m.year))
        else:
            ys, ye, y = out[hit]
            out[hit] = (min(ys, m.start), max(ye, m.end), y)
    out.sort()
    return out


@lru_cache(maxsize=None)
def _compiled(pattern: str, flags: int) -> re.Pattern:
    """A frame cue pattern compiled once (the same pattern object: its scanner is made once)."""
    return re.compile(pattern, flags)


def _governing(ctx: Context, frame: PageFrame) -> list[Governing | None]:
    """Per sentence, the (paragraph, period, is a plan) last set by an opening "In 2023, ..."
    up to and including it; "Throughout the year, ..." carries the year on."""
    cues = frame_cues(ctx.lang)
    gov = _compiled(cues["governing_year_re"], re.I)
    carry = _compiled(cues["carry_year_re"], re.I)
    # (searched the plain way in the few sentences that need it: the clause opens with
    # "^" or a comma, whose positions anchors.anchored would list for the whole page first)
    clause = _compiled(cues["governing_clause_year_re"], 0) if cues.get("governing_clause_year_re") else None
    out: list[Governing | None] = []
    last = None
    # both year patterns need four digits in a row: a sentence without them is only read for
    # "Throughout the year" (and only when a year governs already, and it holds a word that cue
    # needs); the digit runs and the words are the dates component's, found once per page
    scan = page_scan(ctx.text)
    runs = scan.long_runs()
    run_ends = [r[1] for r in runs]
    carry_at = _carry_positions(scan, carry)
    for i, s in enumerate(ctx.sentences):
        k = bisect_left(run_ends, s.start + 4)
        has_year = k < len(runs) and max(runs[k][0], s.start) + 4 <= s.end
        if not has_year and (last is None or (carry_at is not None and not _holds(carry_at, s.start, s.end))):
            out.append(last)
            continue
        seg = ctx.text[s.start:s.end]  # a slice: "^" of the cues is the sentence's start
        lead = _SOURCE_PREFIX.match(seg)
        if lead:
            seg = seg[lead.end():]  # "(Baohatinh.vn) - 9 tháng đầu năm 2024, ..."
        offset = s.start + (lead.end() if lead else 0)
        m = gov.match(seg) if has_year else None
        if m is None and clause is not None and has_year:
            # "According to X, in 2023 the province's SIPAS reached ...": a clause opening with
            # its year governs the rest of the paragraph as a sentence opening with it does
            m = clause.search(ctx.text[offset:s.end])
        y = plausible_year(int(m.group(1)), ctx.lang) if m else None
        if y:
            # "Năm 2025, tỉnh phấn đấu ...": a plan's year
            # (read once per sentence: the period of its numbers asks again)
            is_plan = frame.says(ctx, i, "plan_cues")
            last = (s.para, frame.value_at(offset + m.start(1), offset + m.end(1), y, ctx.text, ctx.lang), is_plan)
        elif last and carry.match(seg):
            last = (s.para, last[1][:4], last[2])  # "Từ đầu năm đến nay": the year so far, not its quarter
        out.append(last)
    return out


def _carry_positions(scan, carry: re.Pattern) -> list[int] | None:
    """Where a word every match of the "Throughout the year" cue holds occurs in the page (any
    case), ascending; None when that cannot tell (no such word known, a word that is not ASCII,
    a page whose lower-casing differs from the cue's case-insensitive match)."""
    need = needed_literals(carry.pattern, carry.flags)
    if need is None or scan.exotic or not all(w.isascii() for w in need):
        return None
    return scan.occurrences(tuple(sorted(need)))


def _holds(positions: list[int], start: int, end: int) -> bool:
    """Whether one of the ascending ``positions`` is in ``[start, end)``."""
    k = bisect_left(positions, start)
    return k < len(positions) and positions[k] < end


def sentences_with_years(ctx: Context) -> list[int]:
    """Indices of the sentences of ``ctx`` that hold the start of a year mention, ascending."""
    sents = ctx.sentences
    starts = ctx._starts("sent_starts", sents)
    out: set[int] = set()
    for ys, _, _ in ctx.years:
        k = bisect_right(starts, ys) - 1
        if k >= 0 and ys < sents[k].end:
            out.add(k)
    return sorted(out)


def _head_end(ctx: Context) -> int:
    """Index of the first sentence after the headline and lead."""
    paras: set[int] = set()
    for i, s in enumerate(ctx.sentences):
        if s.start >= HEAD_CHARS or (s.para not in paras and len(paras) == HEAD_PARAGRAPHS):
            return i
        paras.add(s.para)
    return len(ctx.sentences)


def _lead_periods(ctx: Context, frame: PageFrame) -> tuple[str | None, str | None]:
    """The reporting period and the plan period the headline and lead state first; a page
    whose lead states no reporting period has the first one stated further on."""
    period = plan = None
    cmp_rx = base_rxs(ctx.lang)[1]
    cmp_rx = anchored(cmp_rx) if cmp_rx else None
    pyear = anchored(plan_year_rx(ctx.lang))
    head_end = _head_end(ctx)
    # only the sentences that hold a year are read (whether one states a plan matters only for
    # its years): a page whose lead states no period is not walked sentence by sentence
    for i in sentences_with_years(ctx):
        if period and (plan or i >= head_end):
            break  # (as at the first sentence after the last one read: nothing changes between)
        s = ctx.sentences[i]
        years = ctx.years_in(s.start, s.end)
        is_plan = frame.says(ctx, i, "plan_cues")
        if is_plan and i >= head_end:
            continue  # a plan further on is that sentence's own
        for ys, ye, y in years:
            if is_other_year(ctx, ys, ye, s.start) or (cmp_rx and cmp_rx.search(ctx.text, max(s.start, ys - 150), ys)):
                continue  # "... cao hơn so với kết quả đánh giá năm 2021": a base year
            value = frame.value_at(ys, ye, y, ctx.text, ctx.lang)
            full_date = frame.date_at(ys, ye) is not None and len(frame.date_at(ys, ye)) == 10
            deadline = pyear.search(ctx.text, max(s.start, ys - 20), ys) is not None  # "vision to 2030"
            if (is_plan or deadline) and plan is None and i < head_end:
                plan = value[:4] if full_date else value
            elif not is_plan and not deadline and period is None and not full_date:
                period = value  # a full date is an event's day, not a period
    return period, plan


def _dateline(ctx: Context, frame: PageFrame) -> tuple[str | None, bool]:
    """The page's own date: a full date opening one of its first lines ("On May 19, ...",
    "Quang Tri, 14/03/2024 - ...") or standing on a short line ("Thu Hà 16:34, 31/03/2023");
    and whether its year is not written but was inferred."""
    text = ctx.text
    line_start, lines = 0, 0
    dates = [d for d in frame.dates if len(d[2]) == 10]
    k = 0
    while lines < DATELINE_LINES and line_start < len(text):
        nl = text.find("\n", line_start)
        line_end = len(text) if nl < 0 else nl
        if text[line_start:line_end].strip():
            lines += 1
            while k < len(dates) and dates[k][0] < line_start:
                k += 1
            if k < len(dates) and dates[k][0] < line_end and (
                    dates[k][0] - line_start <= 40 or line_end - line_start <= 90) \
                    and (dates[k][0] - line_start <= 12 or not is_other_year(ctx, dates[k][0], dates[k][1], line_start)):
                # "Ngày 10/4/2024, ...", but not "Decision 12 dated 3/4/2023": a document's date
                return dates[k][2], re.search(r"\d{4}", text[dates[k][0]:dates[k][1]]) is None
        line_start = line_end + 1
    return None, False


def _edition(ctx: Context, editions: dict[str, int]) -> int | None:
    """The edition year of the index the page names most (the first named on a tie), else the
    first edition the page states."""
    if not editions:
        return None
    counts: Counter[str] = Counter()
    for _, _, entry in index_hits(ctx):
        counts[entry["id"]] += 1
    for ident, _ in counts.most_common():
        if ident in editions:
            return editions[ident]
    return next(iter(editions.values()))


@lru_cache(maxsize=None)
def _national_rx(lang: str) -> re.Pattern:
    return re.compile(rf"(?:{alt(words(lang)['nationwide_cues'])})", re.I)


def _place(ctx: Context, dateline_place: str | None) -> str | None:
    """The place the page is about: named at least twice (its dateline counts) and more often
    than any other; the country itself is no such place."""
    national = _national_rx(ctx.lang)
    key = {}
    counts: Counter[str] = Counter()
    for form in [p[2] for p in ctx.places] + ([dateline_place] if dateline_place else []):
        if national.fullmatch(form):
            continue
        k = place_key(form)
        key.setdefault(k, k)
        counts[k] += 1
    ranked = counts.most_common(2)
    if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return key[ranked[0][0]]
    return None


def _body(bodies: list[dict] | None) -> str | None:
    """The body the page is about: named at least twice and more often than any other."""
    counts = sorted((sum(m.get("source", "original") == "original" for m in b.get("mentions") or []), b["name"])
                    for b in bodies or [] if b.get("name"))
    if counts and counts[-1][0] >= 2 and (len(counts) == 1 or counts[-1][0] > counts[-2][0]):
        return counts[-1][1]
    return None


def build_frame(ctx: Context, dates: list[dict] | None, dateline_place: str | None = None,
                bodies: list[dict] | None = None) -> PageFrame:
    """The frame of the page in ``ctx`` (sentences, places and years set) from the dates and
    body records of the earlier components; widens ``ctx.years`` to the finer periods written
    around them."""
    frame = PageFrame()
    frame.dates = sorted((d["start"], d["end"], str(d["value"])) for d in dates or []
                         if d.get("source", "original") == "original")
    frame.mentions = find_period_mentions(ctx.text, ctx.lang)
    frame.relatives = [(m.start(1), m.end(1), m.group(1)) for m in anchored(relative_rx(ctx.lang)[0]).finditer(ctx.text)]
    frame.index()
    ctx.years = merge_years(ctx.years, frame.mentions)
    ctx.cache.pop("year_starts", None)
    frame.editions = index_years(ctx)
    frame.edition = _edition(ctx, frame.editions)
    frame.period, frame.plan = _lead_periods(ctx, frame)
    frame.dateline, frame.dateline_guessed = _dateline(ctx, frame)
    own_year = (frame.dateline or frame.year or "")[:4]
    if own_year:
        # "In the first quarter, ...": a period of the page's own year
        more = find_yearless_periods(ctx.text, ctx.lang, int(own_year))
        if more:
            frame.mentions += more
            frame.index()
            ctx.years = merge_years(ctx.years, more)
            ctx.cache.pop("year_starts", None)
    frame.governing = _governing(ctx, frame)
    frame.place = _place(ctx, dateline_place)
    frame.body = _body(bodies)
    return frame

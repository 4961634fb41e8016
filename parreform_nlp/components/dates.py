"""Dates normalised to "YYYY-MM-DD" / "YYYY-MM" / "YYYY", anchored on the page's own date.

The candidates and their normalisation are in :mod:`.dates_find` (found once per text, read by
every step below). Here: the page's own date (its dateline, else a year inferred from the
text), the page's frame of dates, and the component. A date without a year takes the page's
frame year, never the machine's clock. Dates never come from document numbers (legal
references are found first and masked), times, file names or counts.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from ..anchors import CASE_EXOTIC, CueSet, match_at
from ..numbers import be_to_ce, plausible_year, related_blocks, to_ascii_digits
from ..page import page_of
from ..patterns import alt
from ..pipeline import Upstream, factory_meta
from ..resources import load_json
from ..spans import write_spans
from .doc_attrs import ensure_doc_attrs
from .dates_find import (  # noqa: F401  (the public names, and what the tests read, stay importable here)
    _YEAR,
    DateCandidates,
    DateHit,
    PageScan,
    _lead,
    _lowered,
    _months,
    _patterns,
    _valid,
    _year_candidates,
    candidates,
    find_dates,
    frame_year,
    normalise,
    page_scan,
)

_TIME = re.compile(r"\b\d{1,2}[:h]\d{2}\b")
_FOUR_DIGITS = re.compile(r"\d{4}")
_NUMBER_YEAR = re.compile(r"/((?:19|20)\d\d)/")  # "278/2025/ND-CP"
_RANGE_BEFORE = re.compile(r"\d\s*[-–]\s*$")  # "2021-2025": the end of a plan range


def find_dateline(text: str, lang: str) -> dt.date | None:
    """The page's dateline: a short line with a full date near the top, or a full date beside
    a time such as "16:34, 31/03/2023"; ``None`` when the page has none."""
    return _dateline(to_ascii_digits(text), lang)


def _dateline(text: str, lang: str) -> dt.date | None:
    """:func:`find_dateline` of a text with ASCII digits."""
    head = text[:4000]
    starts = page_scan(text)
    # a full date has a year a date can have, written as a run of four digits: only the lines
    # holding one are read
    line_start = -1
    for s, e in starts.long_runs():
        if s >= len(head):
            break
        if min(e, len(head)) - s != 4:
            continue
        year = int(head[s:s + 4])
        if not 1900 <= (be_to_ce(year) if lang == "th" else year) <= 2100:  # see dates_find._valid
            continue
        a = head.rfind("\n", 0, s) + 1
        if a == line_start:
            continue  # a line already read
        line_start = a
        b = head.find("\n", s)
        line = head[a:b if b >= 0 else len(head)]
        stripped = line.strip()
        if len(stripped) <= 90 and not stripped.endswith("."):
            first = _first_full(line, lang)
            if first:
                return first
    # a time opens with one or two digits and ":" or "h": tried only at those digit runs
    for mt in match_at(_TIME, head, starts.digits((1, 2), ":h")):
        near = head[max(0, mt.start() - 40):mt.end() + 40]
        first = _first_full(near, lang) if _FOUR_DIGITS.search(near) else None
        if first:
            return first
    return None


def _first_full(text: str, lang: str) -> dt.date | None:
    """The first date of ``text`` (ASCII digits) with day, month and year, found without a page date."""
    full = candidates(text, lang).full()
    return dt.date.fromisoformat(min(full)[1]) if full else None


def find_anchor(text: str, lang: str, floor_years: list[int] = ()) -> dt.date | None:
    """The page's own date: its dateline, else January 1 of a year inferred from the text
    (:func:`infer_year`; ``floor_years``, such as the years in the numbers of the documents
    the page cites, are the last resort)."""
    return find_dateline(text, lang) or _year_start(to_ascii_digits(text), lang, floor_years)


def _year_start(text: str, lang: str, floor_years) -> dt.date | None:
    """January 1 of :func:`infer_year` of ``text`` (ASCII digits), for a page without a dateline."""
    year = _infer_year(text, lang, floor_years, text)
    return dt.date(year, 1, 1) if year else None


@lru_cache(maxsize=None)
def _future_rx() -> CueSet:
    """"In 2022, the province will ...", "plans to finish in 2025": both need a future cue word,
    so a page with none of them is not scanned at all (see :class:`CueSet`)."""
    data = load_json("dates.json", "en")
    cues, words = alt(data["future_cues"]), alt(data["in_year"])
    # "In 2022, the province will ...": the cue in the same clause (no other number, no "and")
    return CueSet([_lead(*data["in_year"], *data["future_cues"])
                   + rf"(?i:\b(?:{words})\s+(\d{{4}})\b(?:(?!\b(?:and|but|while)\b)[^.;\n\d]){{0,60}}?\b(?:{cues})\b"
                   rf"|\b(?:{cues})\b[^.;\n]{{0,80}}?\b(?:{words})\s+(\d{{4}})\b(?![\-–/]))"], 0)


@lru_cache(maxsize=None)
def _future_regex() -> re.Pattern:
    """The pattern of :func:`_future_rx`, compiled."""
    return re.compile(_future_rx().cues[0])


def _future_years(text: str) -> list[int]:
    """English years spoken of in the future ("In 2022, the province will issue ...", "plans
    to finish in 2025"): the page is not from a later year."""
    data = load_json("dates.json", "en")
    starts = page_scan(text)
    # both forms hold "in 2025": only the years written after "in" / "during" / "of" are read,
    # and a page with no future cue word (in its lower-cased text, shared with the date
    # patterns) not at all
    years = _after_words(text, starts, tuple(_lowered(tuple(data["in_year"]))))
    if not years or not starts.exotic and not any(w in starts.low for w in _lowered(tuple(data["future_cues"]))):
        return []
    rx = _future_regex()
    longest_cue = max(map(len, data["future_cues"]))
    longest_word = max(map(len, data["in_year"]))
    # a cue up to 80 characters before "in 2025", or up to 60 after "In 2022,"
    windows = _windows(text, years, longest_cue + 80 + longest_word, 4 + 60 + longest_cue)
    return [y for m in _in_windows(rx, text, windows) if (y := plausible_year(int(m.group(1) or m.group(2))))]


def _after_words(text: str, starts: PageScan, words: tuple[str, ...]) -> list[int]:
    """Where the runs of four digits start that follow one of ``words`` (lower case) and blanks
    ("in 2025"); all of them in a text with odd case characters (see :class:`PageScan`)."""
    digits = starts.digits((4,))
    if starts.exotic:
        return digits
    low = starts.low
    out = []
    for p in digits:
        q = p
        while q > 0 and text[q - 1].isspace():
            q -= 1
        if q < p and low.endswith(words, 0, q):
            out.append(p)
    return out


def near_digits(rx: re.Pattern, text: str, before: int, after: int) -> list[re.Match]:
    """``list(rx.finditer(text))`` for a regex each of whose matches holds a digit run (a year),
    starts at most ``before`` non-blank characters before the run's first digit and ends at most
    ``after`` characters after it: the regex runs only on the stretches around the text's digit
    runs (merged where they meet), not over all of it. Linear: each stretch is walked once."""
    return _in_windows(rx, text, _windows(text, page_scan(text).digits(), before, after))


def _near_years(rx: re.Pattern, text: str, before: int, after: int) -> list[re.Match]:
    """:func:`near_digits` for a regex whose matches hold a year that is a whole run of four
    digits (look-arounds or blanks on both sides): only the stretches around those runs."""
    return _in_windows(rx, text, _windows(text, page_scan(text).digits((4,)), before, after))


def _windows(text: str, digits: list[int], before: int, after: int) -> list[list[int]]:
    """The stretches of :func:`near_digits` around the digit runs starting at ``digits``."""
    n = len(text)
    windows: list[list[int]] = []
    for p in digits:
        floor = windows[-1][1] if windows else 0
        # a wider stretch changes no match (each lies within its own year's stretch): twice
        # ``before`` characters back hold ``before`` non-blank ones, unless blanks abound
        q = max(floor, p - 2 * before)
        if q > floor and len("".join(text[q:p].split())) < before:
            q, seen = p, 0
            while q > floor and seen < before:  # back over ``before`` non-blank characters, blanks free
                nq = max(floor, q - (before - seen))
                chunk = text[nq:q]
                seen += len("".join(chunk.split()))
                q = nq
        hi = min(n, p + after + 2)  # two more: what look-aheads at the end of a match read
        if windows and q <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], hi)
        else:
            windows.append([q, hi])
    return windows


def _in_windows(rx: re.Pattern, text: str, windows: list[list[int]]) -> list[re.Match]:
    out: list[re.Match] = []
    for lo, hi in windows:
        out.extend(rx.finditer(text, lo, hi))
    return out


@lru_cache(maxsize=None)
def _year_patterns(rules: str) -> tuple[re.Pattern, int, re.Pattern | None, re.Pattern, int]:
    """The patterns of :func:`infer_year` for a rule pack: years reported on ("in 2023"), English
    editions ("the 2023 PAR Index", "SIPAS 2023"), and years mentioned with their target word;
    after the first and the last, how many non-blank characters their matches hold before the
    year (for :func:`near_digits`)."""
    data = load_json("dates.json", rules)
    words = alt(data["in_year"])
    reported = re.compile(rf"{_lead(*data['in_year'])}(?i:(?<!\w)(?:{words}))\s+(?:the\s+year\s+)?(?:พ\.ศ\.\s*)?(\d{{4}})(?![\d\-–/])")
    edition = None
    if rules == "en":
        months = alt(m for m in _months("en") if len(m) > 3)
        edition = re.compile(rf"(?=[\dA-Z])(?<![\w\-–/])(\d{{4}})\s+(?!(?:{months})\b)[A-Z][\w\-]*|\b[A-Z]{{3,6}}\s+(\d{{4}})(?![\w\-–/])")
    targets = data.get("target_year_before") or ["by", "to", "until"]
    mentioned = re.compile(rf"{_lead(*targets, '0', 'พ', 'ค')}(?i:(?<!\w)({alt(targets)})\s+(?:năm\s+|ปี\s*)?)?(?<![\w\-–/.,])(?:(?:พ\.ศ\.|ค\.ศ\.)\s*)?(\d{{4}})(?![\w\-–/%]|[.,]\d)")
    # "in the year พ.ศ. 2566": the word, "the year" and the era; "until năm 2025", "ค.ศ. 2024"
    reported_before = max(map(len, data["in_year"])) + len("theyearพ.ศ.") + 8
    mentioned_before = max(map(len, targets)) + len("nămพ.ศ.") + 8
    return reported, reported_before, edition, mentioned, mentioned_before


def _editions(rx: re.Pattern, text: str) -> list[re.Match]:
    """``list(rx.finditer(text))`` for the edition pattern: "2023 PAR" starts at a run of four
    digits, "SIPAS 2023" three to six letters before the blanks before one; tried only there."""
    digits = page_scan(text).digits((4,))
    starts = set(digits)
    for p in digits:
        q = p
        while q > 0 and text[q - 1].isspace():
            q -= 1
        if q < p:
            # "SIPAS 2023": the whole run of capitals before the blanks (``\b`` before it)
            k = q
            while k > q - 7 and k > 0 and "A" <= text[k - 1] <= "Z":
                k -= 1
            if 3 <= q - k <= 6:
                starts.add(k)
    return match_at(rx, text, sorted(starts))


def infer_year(text: str, lang: str, floor_years: list[int] = ()) -> int | None:
    """A page year when there is no dateline, never from the machine's clock: the latest year
    of a full date in the text, or the year after the one most often reported on ("in 2023",
    "the 2023 PAR Index", "SIPAS 2023" -> published in 2024), whichever is later; else the
    latest year the page mentions outside targets ("by 2025") and plan ranges ("2021-2025");
    else the latest of ``floor_years``. News on PAR reports a year's results early in the next
    year, unless the page speaks of that year in the future ("In 2022, the province will ...")."""
    return _infer_year(text, lang, floor_years, to_ascii_digits(text))


def _infer_year(text: str, lang: str, floor_years, ascii_text: str) -> int | None:
    """:func:`infer_year`; ``ascii_text``: ``to_ascii_digits(text)``, which may be ``text``."""
    rules = lang if lang in ("vi", "th") else "en"  # pages without a rule pack read as English
    full = [int(value[:4]) for _, value in candidates(ascii_text, lang).full()]
    reported_rx, reported_before, edition_rx, mentioned_rx, mentioned_before = _year_patterns(rules)
    # the years reported on and mentioned: both patterns read the same stretches around the
    # four-digit runs (wide enough for either)
    windows = _windows(text, page_scan(text).digits((4,)), max(reported_before, mentioned_before), 4 + 2)
    reported = Counter(plausible_year(int(m.group(1)), lang) for m in _in_windows(reported_rx, text, windows))
    if edition_rx is not None:
        # an edition: "the 2023 PAR Index", "2022 Provincial Competitiveness Index", "SIPAS 2023"
        for m in _editions(edition_rx, text):
            reported[plausible_year(int(m.group(1) or m.group(2)), lang)] += 1
    reported.pop(None, None)
    after = None
    if reported:
        top = max(reported.values())
        # "in 2023" in English marks a reported year; Vietnamese "năm" and Thai "ปี" precede
        # every year, so there the most cited year is taken as the page's own
        after = max(y for y, c in reported.items() if c == top) + (1 if rules == "en" else 0)
        future = _future_years(text) if rules == "en" else []
        if future:
            after = min(after, min(future))
    mentioned = [plausible_year(int(m.group(2)), lang)
                 for m in _in_windows(mentioned_rx, text, windows)
                 if not m.group(1) and not _RANGE_BEFORE.search(text, max(0, m.start(2) - 3), m.start(2))]
    latest = max((y for y in mentioned if y), default=None)
    if rules != "en" and latest:
        # a Vietnamese / Thai page citing last year's results ("năm 2023") and this year's
        # work ("6 tháng đầu năm 2024") is from the later year; "năm" / "ปี" precede targets
        # too ("đến năm 2025"), so, as in English, the latest year outside targets and plan
        # ranges wins over the most cited one
        after = latest
    years = [y for y in (max(full) if full else None, after) if y]
    if years:
        return max(years)
    return latest or max(floor_years, default=None)


def furniture(text: str, lang: str) -> list[tuple[int, int]]:
    """Spans of "Related news" / "Xem thêm" blocks (see :func:`numbers.related_blocks`)."""
    return related_blocks(text, furniture_headings())


@lru_cache(maxsize=None)
def furniture_headings() -> tuple[str, ...]:
    """Headings of every language pack: pages quote each other's site furniture."""
    return tuple(h for lang in ("en", "vi", "th") for h in load_json("dates.json", lang).get("related_headings", []))


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with ``spans`` replaced by spaces (offsets kept)."""
    if not spans:
        return text
    parts, pos = [], 0
    for a, b in spans:
        parts.append(text[pos:a])
        parts.append(re.sub(r"[^\n]", " ", text[a:b]))
        pos = b
    parts.append(text[pos:])
    return "".join(parts)


class DateNormalizer:
    """Finds dates and normalises them to "YYYY-MM-DD" / "YYYY-MM" / "YYYY"."""

    def __init__(self, nlp: Language, name: str = "parreform_dates") -> None:
        self.name = name
        self.lang = nlp.lang
        ensure_doc_attrs("dates", "published")
        self.upstream = Upstream(nlp, "parreform_dates")

    def __call__(self, doc: Doc, published: str | None = None) -> Doc:
        ensure_doc_attrs("dates", "published", "legal_refs")
        self.upstream(doc)
        # pages without a rule pack ("xx") also know other languages' month names
        lang = self.lang if self.lang in ("vi", "th", "xx") else "en"
        anchor = None
        if published:
            try:
                anchor = dt.date.fromisoformat(str(published)[:10])
            except ValueError:
                anchor = None
        page = page_of(doc)
        text, ascii_text = page.text, page.ascii_text
        # "Related news" / "Xem thêm" lists: dates of other articles, not of this page
        related = page.related
        ext = doc._  # (each ``doc._`` makes a new accessor)
        legal = [r for r in (ext.legal_refs or []) if r.get("source", "original") == "original"]
        blanked = blank(ascii_text, related)
        dateline = anchor or _dateline(blanked, lang)
        if anchor is None:
            anchor = dateline
        if anchor is None:
            # a page citing Decree 278/2025/ND-CP is from 2025 or later: the last resort
            floor = [int(y) for r in legal for y in _NUMBER_YEAR.findall(r.get("number") or "")]
            anchor = _year_start(blanked, lang, floor)
        ext.published = anchor.isoformat() if anchor else None
        masked = [(r["start"], r["end"]) for r in legal] + related
        # the page's candidates, read twice: its frame (its dateline and the dates it writes
        # with a year), then its dates
        found = candidates(ascii_text, lang)
        frame = sorted({dt.date.fromisoformat(value).toordinal() for _, value in found.full(masked)}
                       | ({dateline.toordinal()} if dateline else set()))
        ext.dates = dates = [{"text": text[s:e], "value": value, "start": s, "end": e, "source": "original"}
                             for s, e, value, _ in found.spans(anchor, masked, frame)]
        write_spans(doc, "dates", dates)
        return doc


@Language.factory("parreform_dates", default_config={}, **factory_meta("parreform_dates"))
def make_dates(nlp: Language, name: str) -> DateNormalizer:
    """spaCy factory of the date normaliser."""
    return DateNormalizer(nlp, name)

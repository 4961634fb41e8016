"""Dates normalised to "YYYY-MM-DD" / "YYYY-MM" / "YYYY", anchored on the page's own date.

Cheap regular expressions find candidate spans (month-name dates, day-first numeric dates,
ISO dates, Vietnamese "ngày 6 tháng 9 năm 2023", Thai "11 กรกฎาคม พ.ศ. 2567", CJK
"2024年8月31日", other languages' "25 de octubre" on pages without a rule pack, and years);
each pattern yields day, month and year as numbers, so the date is computed, not parsed.
A date without a year takes the page's frame year (:func:`frame_year`), never the machine's
clock. Dates never come from document numbers (legal references are found first and
masked), times, file names or counts.
"""
from __future__ import annotations

import datetime as dt
import re
import threading
from bisect import bisect_left
from collections import Counter, OrderedDict
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from ..anchors import CASE_EXOTIC, CueSet, match_at, positions
from ..numbers import (
    Occupied,
    be_to_ce,
    plausible_year,
    related_blocks,
    to_ascii_digits,
)
from ..patterns import alt
from ..page import page_of
from ..pipeline import Upstream, factory_meta
from ..resources import load_json
from ..spans import write_spans
from .doc_attrs import ensure_doc_attrs

_NOT_BEFORE = r"(?<![\w/.\-:])"
#: numeric dates may be glued to a preceding word in page headers ("Việt Nam06/09/2023")
_NUM_NOT_BEFORE = r"(?<![\d/.\-:_])"
_NOT_AFTER = r"(?![\w/]|[.\-]\d)"


@dataclass
class DateHit:
    """One date found in the text: ``value`` is "YYYY-MM-DD", "YYYY-MM" or "YYYY"."""

    start: int
    end: int
    value: str
    kind: str  # "full" (has day and year), "dm" (day, year from anchor), "month", "year"


@lru_cache(maxsize=None)
def _months(lang: str) -> dict[str, int]:
    """Month names of ``lang`` and English; "xx" (no rule pack) adds those of xx/dates.json."""
    months = dict(load_json("dates.json", "en")["months"])
    if lang in ("vi", "th", "xx"):
        months.update(load_json("dates.json", lang)["months"])
    return months


def _lead(*words: str) -> str:
    """A look-ahead for the first characters of ``words`` (either case; "0" stands for a digit).

    Patterns that open with look-behinds, optional groups or case-insensitive alternations are
    tried at every position of the page; this cheap test first makes the regex engine skip the
    positions where they cannot start (same matches, 2-4 times faster)."""
    chars = {c for w in words for c in (w[0].lower(), w[0].upper())}
    # what a case-insensitive regex also takes for these letters ("ſ" for "s", "K" for "k")
    chars |= {x for c, xs in (("s", "\u017f"), ("k", "\u212a"), ("i", "\u0130\u0131")) if c in chars for x in xs}
    digit = "0" in chars
    chars -= {"0"}
    return "(?=[" + ("\\d" if digit else "") + "".join(sorted(re.escape(c) for c in chars)) + "])"


@dataclass(frozen=True, eq=False)  # hashed by identity: a memo key per text, made once per pattern
class _Anchor:
    """Where the matches of a pattern can start: at a digit run ("0" in ``words``) or at one of
    ``words`` (any case); or at one of ``joined`` words written before one of ``before`` (month
    names) with only whitespace (and hyphens, when ``hyphen``) between ("last March", "mid-October")."""

    words: tuple[str, ...]
    joined: tuple[str, ...] = ()
    before: tuple[str, ...] = ()
    hyphen: bool = False


_DIGITS = _Anchor(("0",))


@lru_cache(maxsize=None)
def _patterns(lang: str) -> list[tuple[str, re.Pattern, _Anchor]]:
    """(kind, regex, anchor) candidates, most specific first; named groups d, m, mname, y, rel."""
    en = alt(k for k in _months("en" if lang != "xx" else "xx"))
    mon = rf"(?P<mname>\b(?i:{en})\.?)"
    rel = ("this", "last", "next")
    month_words = tuple(_months("en" if lang != "xx" else "xx"))
    cues = tuple(load_json("dates.json", "en")["month_cues"])
    # "of" between day and month / month and year; other languages' joiners ("25 de octubre de 2025")
    of = alt(["of", *load_json("dates.json", "xx")["joiners"]]) if lang == "xx" else "of"
    dot = r"|\." if lang == "xx" else ""  # German "5. Mai 2023"
    months_rel = _Anchor(month_words, rel, month_words)
    pats = [
        # year first: "2023-09-06", "2023/9/6", Korean and Chinese "2024.08.31"
        ("iso", rf"{_NOT_BEFORE}(?P<y>\d{{4}})(?P<isep>[-/.])(?P<m>\d{{1,2}})(?P=isep)(?P<d>\d{{1,2}}){_NOT_AFTER}", _DIGITS),
        ("num", rf"{_NUM_NOT_BEFORE}(?P<d>\d{{1,2}})(?P<sep>[/.\-])(?P<m>\d{{1,2}})(?P=sep)(?P<y>\d{{4}}){_NOT_AFTER}", _DIGITS),
        # CJK and Korean: "2024年8月31日", "2024년 8월 31일", "2023年5月"; year-less "8月31日"
        ("cjk", r"(?<!\d)(?P<y>\d{4})\s*[年년]\s*(?P<m>\d{1,2})\s*[月월](?:\s*(?P<d>\d{1,2})\s*[日일])?", _DIGITS),
        ("cjk", r"(?<![\d年년])(?P<m>\d{1,2})\s*[月월]\s*(?P<d>\d{1,2})\s*[日일]", _DIGITS),
        # two days of one month: "February 13 and 16, 2025" are two dates
        ("mdd", rf"{_lead(*month_words)}(?i:){mon}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:and|to|-|–|&)\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b"
                rf"(?:,?\s+(?P<y>\d{{4}})\b|(?![.,]?\d|\s*(?:%|percent|per\s+cent)|[a-z]))", _Anchor(month_words)),
        ("md", rf"{_lead(*month_words, *rel)}(?i:(?:(?P<rel>this|last|next)\s+)?){mon}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>\d{{4}})\b)?", months_rel),
        ("dm", rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th{dot})?\s+(?:(?i:{of})\s+)?{mon}(?![^\W\d_])(?:,?\s+(?:(?i:{of})\s+)?(?P<y>\d{{4}})\b)?", _DIGITS),
        ("my", rf"{_lead(*month_words, *rel)}(?i:(?:(?P<rel>this|last|next)\s+)?){mon}(?:,?\s+(?:(?i:{of})\s+)?(?P<y>\d{{4}})\b)", months_rel),
        ("relm", rf"{_lead(*rel)}(?i:\b(?P<rel>this|last|next)\s+){mon}(?![a-z])", _Anchor((), rel, month_words)),
        # a month of the page's year after a time word: "in March", "by June", "mid-October"
        ("mcue", rf"{_lead(*cues)}(?i:\b(?:{alt(cues)})[\s\-]+)(?P<mname>{_capitalised_months()})\b(?!\.?\s*\d)",
         _Anchor((), cues, month_words, hyphen=True)),
    ]
    if lang == "vi":
        day_words = ("ngày", "sáng", "chiều", "tối", "trưa", "đêm", "hôm", "vào")
        pats += [
            # a day and month after a day word: "ngày 17/4", "sáng 31.12", "chiều 17-4", "sáng nay (17/4)",
            # "hôm nay 17/4", "vào 17/4"
            ("num", _lead(*day_words) + r"(?i:(?:ngày|sáng|chiều|tối|trưa|đêm|hôm|vào)\s+(?:ngày\s+|nay\s*\(?\s*)?)(?P<d>\d{1,2})(?P<sep>[/.\-])(?P<m>\d{1,2})(?![\w/]|[.\-]\d)",
             _Anchor(day_words)),
            ("vi", _lead("ngày", "0") + r"(?i:\b(?:ngày\s+)?)(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})(?:\s*(?:năm|/)\s*(?P<y>\d{4}))?\b",
             _Anchor(("ngày", "0"))),
            ("vim", _lead("tháng") + r"(?i:\btháng\s+)(?P<m>\d{1,2})(?:\s*(?:năm|/)\s*)(?P<y>\d{4})\b", _Anchor(("tháng",))),
            # a month of the page's year: "trong tháng 3", not "mỗi tháng 2 lần" (twice a month)
            ("vim", _lead("tháng") + r"(?i:\btháng\s+)(?P<m>\d{1,2})(?![\w/]|[.,\-]\d|\s+(?:lần|đợt|ngày|tuần|giờ|tháng)\b)",
             _Anchor(("tháng",))),
        ]
    if lang == "th":
        th_months = tuple(load_json("dates.json", "th")["months"])
        tmon = rf"(?P<mname>{alt(th_months)})"
        pats += [
            ("thdm", rf"(?<![\d/])(?P<d>\d{{1,2}})\s*{tmon}(?:\s*(?:พ\.ศ\.|ค\.ศ\.)?\s*(?P<y>\d{{4}})(?!\d))?", _DIGITS),
            ("thmy", rf"{_lead(*th_months)}{tmon}\s*(?:ในปี|ปี)?\s*(?:พ\.ศ\.|ค\.ศ\.)?\s*(?P<y>\d{{4}})(?!\d)", _Anchor(th_months)),
        ]
    # every other pattern opens with a look-behind or a digit: it gets a digit look-ahead
    return [(k, re.compile(p if p.startswith("(?=") else _lead("0") + p), a) for k, p, a in pats]


def _capitalised_months() -> str:
    """English full month names as written in prose ("June", not "june" or "Jun": a verb, a name)."""
    return alt(m.capitalize() for m in _months("en") if len(m) > 3 or m == "may")


_YEAR = re.compile(_lead("0", "พ", "ค") + r"(?:(?<=\d{4}-)|(?<=\d{4}\s-)|(?<![\w/.,\-:]))(?:(?:พ\.ศ\.|ค\.ศ\.)\s*)?(\d{4})(?![\w/%]|[.,]\d)")
_TIME = re.compile(r"\b\d{1,2}[:h]\d{2}\b")
_FOUR_DIGITS = re.compile(r"\d{4}")


def _valid(y: int, m: int, d: int | None) -> bool:
    try:
        dt.date(y, m, 1 if d is None else d)  # day 0 ("00/05/2023") is no date
    except ValueError:
        return False
    return 1900 <= y <= 2100


def frame_year(month: int, day: int | None, anchor: dt.date | None, frame: list[int] = ()) -> int | None:
    """The year of a date written without one ("December 26", "tháng 3", "12/4").

    It is the page's year (``anchor``), or the year before or after when that puts the date
    within 90 days of one of the page's own full dates (``frame``: sorted ordinals of the
    dateline and the dates written with a year), so "This morning (December 26)" on a page
    announcing "from December 28, 2024" is 2024-12-26. Never the machine's clock: no anchor,
    no year.
    """
    if anchor is None:
        return None
    best = None
    for year in (anchor.year, anchor.year - 1, anchor.year + 1):
        if not _valid(year, month, day):
            continue
        o = dt.date(year, month, day or 15).toordinal()
        i = bisect_left(frame, o)
        near = min((abs(o - frame[j]) for j in (i - 1, i) if 0 <= j < len(frame)), default=None)
        if near is not None and near <= 90 and (best is None or near < best[0]):
            best = (near, year)
    return best[1] if best else anchor.year


def normalise(match: re.Match, kind: str, lang: str, anchor: dt.date | None,
              frame: list[int] = ()) -> tuple[str, str] | None:
    """(value, precision kind) for one candidate match, or ``None`` if it is not a date."""
    g = match.groupdict()
    months = _months(lang)
    if g.get("mname"):
        m = months.get(g["mname"].lower().rstrip(".")) or months.get(g["mname"].lower())
    else:
        m = int(g["m"])
    d = int(g["d"]) if g.get("d") else None
    if not m:
        return None
    year = None
    if g.get("y"):
        year = int(g["y"])
        year = be_to_ce(year) if lang == "th" else year
    rel = (g.get("rel") or "").lower()
    if year is None:
        if anchor is None:
            return None  # a day without a year and no page date: cannot say which year
        if rel:
            year = anchor.year + load_json("dates.json", "en")["relative"].get(rel, 0)
        else:
            year = frame_year(m, d, anchor, frame)
    if not _valid(year, m, d):
        return None
    if d is None:
        return f"{year:04d}-{m:02d}", "month"
    # the pattern gave day, month and year as numbers: the date is exact without dateparser
    return dt.date(year, m, d).isoformat(), "full" if g.get("y") else "dm"


_SCANS: "OrderedDict[tuple[str, str], list]" = OrderedDict()
_SCANS_LOCK = threading.Lock()


def _scan(key: tuple[str, str], compute):
    """The regex matches of a long text, kept for the next call on the same page: the dates
    component reads a page several times (its frame, its dates), with other anchors and masks
    but the same candidates. Short texts (datelines, snippets) are scanned each time."""
    if len(key[0]) < 1000:
        return compute()
    with _SCANS_LOCK:
        hit = _SCANS.get(key)
        if hit is not None:
            _SCANS.move_to_end(key)
            return hit
    value = compute()
    with _SCANS_LOCK:
        _SCANS[key] = value
        while len(_SCANS) > 8:
            _SCANS.popitem(last=False)
    return value


_DIGIT_RUN = re.compile(r"\d+")


class _Starts:
    """The positions of one text where each pattern's matches can start (see :class:`_Anchor`):
    what :func:`anchors.anchored` cannot derive from a pattern (digit runs, a word before a month
    name) or derives more slowly (the month names, looked up once for all the patterns that start
    with them), given to :func:`anchors.match_at`."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.low = text.lower()  # same length: texts with "İ" (two characters lowercased) never get here
        self._digits: set[int] | None = None
        self._memo: dict[_Anchor, list[int]] = {}

    def occurrences(self, words: tuple[str, ...]) -> list[int]:
        """Where any of ``words`` occurs (any case; anchors.positions keeps the last look-up of
        each word list, so the month names are looked up once for all patterns)."""
        return positions(self.low, {w.lower() for w in words if w != "0"})

    def digits(self) -> set[int]:
        if self._digits is None:
            self._digits = {m.start() for m in _DIGIT_RUN.finditer(self.text)}
        return self._digits

    def of(self, anchor: _Anchor) -> list[int]:
        got = self._memo.get(anchor)
        if got is not None:
            return got
        out = set(self.occurrences(anchor.words))
        if "0" in anchor.words:
            out |= self.digits()
        if anchor.joined:
            text = self.text
            joined = tuple(w.lower() for w in anchor.joined)
            for p in self.occurrences(anchor.before):
                q = p  # back over the run of whitespace (and hyphens) before the month name
                while q > 0 and (text[q - 1].isspace() or (anchor.hyphen and text[q - 1] == "-")):
                    q -= 1
                if q < p:
                    out.update(q - len(w) for w in joined if q >= len(w) and self.low.startswith(w, q - len(w)))
        got = self._memo[anchor] = sorted(out)
        return got


def _starts(text: str) -> _Starts:
    return _scan((text, "starts"), lambda: _Starts(text))


def _candidates(text: str, lang: str) -> list[tuple[str, list[re.Match]]]:
    """(kind, matches) of every pattern of ``lang`` in ``text``, in pattern order."""
    def compute():
        if CASE_EXOTIC.search(text):
            return [(kind, list(rx.finditer(text))) for kind, rx, _ in _patterns(lang)]
        starts = _starts(text)
        return [(kind, match_at(rx, text, starts.of(anchor))) for kind, rx, anchor in _patterns(lang)]

    return _scan((text, lang), compute)


_YEAR_ANCHOR = _Anchor(("0", "พ.ศ.", "ค.ศ."))


def _year_candidates(text: str) -> list[re.Match]:
    def compute():
        if CASE_EXOTIC.search(text):
            return list(_YEAR.finditer(text))
        return match_at(_YEAR, text, _starts(text).of(_YEAR_ANCHOR))

    return _scan((text, "year"), compute)


def find_dates(text: str, lang: str, anchor: dt.date | None, masked: list[tuple[int, int]] = (),
               frame: list[int] = ()) -> list[DateHit]:
    """All date candidates in ``text`` (ASCII digits), normalised, without overlaps.

    ``frame``: sorted ordinals of the page's own dates, for dates without a year (see
    :func:`frame_year`).
    """
    text = to_ascii_digits(text)
    taken = Occupied(len(text), masked)
    hits: list[DateHit] = []
    free = taken.free

    for kind, matches in _candidates(text, lang):
        for mt in matches:
            s, e = mt.span()
            if not free(s, e):
                continue
            mname = mt.groupdict().get("mname") or ""
            if mname[:1].islower() and mname.lower() in ("may", "march", "mar") and not mt.groupdict().get("rel"):
                continue  # "3 may attend", "officers march 5 km": a verb, not a month
            value = normalise(mt, kind, lang, anchor, frame)
            if value is None:
                continue
            if kind == "mdd":
                # "February 13 and 16, 2025": "February 13" and "16, 2025", one date each
                second = f"{value[0][:8]}{int(mt.group('d2')):02d}"
                if not _valid(int(second[:4]), int(second[5:7]), int(second[8:])):
                    continue
                taken.add(s, e)
                hits.append(DateHit(s, mt.end("d"), value[0], value[1]))
                hits.append(DateHit(mt.start("d2"), e, second, value[1]))
                continue
            if "(" in text[s:mt.start("d") if kind == "num" else s]:
                s = mt.start("d")  # "sáng nay (17/4)": the date is inside the brackets
            if kind == "mcue":
                s = mt.start("mname")  # "by June": the cue word is not part of the date
            if mname.endswith(".") and len(mname.rstrip(".")) > 4 and e == mt.end("mname"):
                e -= 1  # "on 1 January.": the sentence's full stop, not an abbreviation's
            taken.add(s, e)
            hits.append(DateHit(s, e, value[0], value[1]))
    for mt in _year_candidates(text):
        s, e = mt.span()
        y = plausible_year(int(mt.group(1)), lang)
        if y is None or not free(s, e) or re.search(r"\d[ .]$", text[max(0, s - 2):s]):
            continue  # phone numbers and digit groups ("028 3935 2079")
        taken.add(s, e)
        hits.append(DateHit(s, e, f"{y:04d}", "year"))
    hits.sort(key=lambda h: h.start)
    return hits


def find_dateline(text: str, lang: str) -> dt.date | None:
    """The page's dateline: a short line with a full date near the top, or a full date beside
    a time such as "16:34, 31/03/2023"; ``None`` when the page has none."""
    text = to_ascii_digits(text)
    head = text[:4000]
    for line in head.split("\n"):
        stripped = line.strip()
        # a full date has a four-digit year: a line without one is not read at all
        if 0 < len(stripped) <= 90 and not stripped.endswith(".") and _FOUR_DIGITS.search(line):
            for h in find_dates(line, lang, None):
                if h.kind == "full":
                    return dt.date.fromisoformat(h.value)
    for mt in _TIME.finditer(head):
        near = head[max(0, mt.start() - 40):mt.end() + 40]
        for h in find_dates(near, lang, None) if _FOUR_DIGITS.search(near) else ():
            if h.kind == "full":
                return dt.date.fromisoformat(h.value)
    return None


def find_anchor(text: str, lang: str, floor_years: list[int] = ()) -> dt.date | None:
    """The page's own date: its dateline, else January 1 of a year inferred from the text
    (:func:`infer_year`; ``floor_years``, such as the years in the numbers of the documents
    the page cites, are the last resort)."""
    dateline = find_dateline(text, lang)
    if dateline:
        return dateline
    year = infer_year(to_ascii_digits(text), lang, floor_years)
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


def _future_years(text: str) -> list[int]:
    """English years spoken of in the future ("In 2022, the province will issue ...", "plans
    to finish in 2025"): the page is not from a later year."""
    cues = _future_rx()
    rx = cues.regex(text)
    if rx is None:
        return []
    data = load_json("dates.json", "en")
    longest_cue = max(map(len, data["future_cues"]))
    longest_word = max(map(len, data["in_year"]))
    # a cue up to 80 characters before "in 2025", or up to 60 after "In 2022,"
    return [y for m in near_digits(rx, text, longest_cue + 80 + longest_word, 4 + 60 + longest_cue)
            if (y := plausible_year(int(m.group(1) or m.group(2))))]


def near_digits(rx: re.Pattern, text: str, before: int, after: int) -> list[re.Match]:
    """``list(rx.finditer(text))`` for a regex each of whose matches holds a digit run (a year),
    starts at most ``before`` non-blank characters before the run's first digit and ends at most
    ``after`` characters after it: the regex runs only on the stretches around the text's digit
    runs (merged where they meet), not over all of it. Linear: each stretch is walked once."""
    out: list[re.Match] = []
    n = len(text)
    windows: list[list[int]] = []
    for p in sorted(_starts(text).digits()):
        floor = windows[-1][1] if windows else 0
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
    """``list(rx.finditer(text))`` for the edition pattern: "2023 PAR" starts at a digit run,
    "SIPAS 2023" three to six letters before the blanks before one; tried only there."""
    digits = _starts(text).digits()
    starts = set(digits)
    for p in digits:
        q = p
        while q > 0 and text[q - 1].isspace():
            q -= 1
        if q < p:
            starts.update(range(max(0, q - 6), q - 2))
    return match_at(rx, text, sorted(starts))


def infer_year(text: str, lang: str, floor_years: list[int] = ()) -> int | None:
    """A page year when there is no dateline, never from the machine's clock: the latest year
    of a full date in the text, or the year after the one most often reported on ("in 2023",
    "the 2023 PAR Index", "SIPAS 2023" -> published in 2024), whichever is later; else the
    latest year the page mentions outside targets ("by 2025") and plan ranges ("2021-2025");
    else the latest of ``floor_years``. News on PAR reports a year's results early in the next
    year, unless the page speaks of that year in the future ("In 2022, the province will ...")."""
    rules = lang if lang in ("vi", "th") else "en"  # pages without a rule pack read as English
    full = [int(h.value[:4]) for h in find_dates(text, lang, None) if h.kind == "full"]
    reported_rx, reported_before, edition_rx, mentioned_rx, mentioned_before = _year_patterns(rules)
    reported = Counter(plausible_year(int(m.group(1)), lang)
                       for m in near_digits(reported_rx, text, reported_before, 4 + 2))
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
                 for m in near_digits(mentioned_rx, text, mentioned_before, 4 + 2)
                 if not m.group(1) and not re.search(r"\d\s*[-–]\s*$", text[max(0, m.start(2) - 3):m.start(2)])]
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
        text = page.text
        # "Related news" / "Xem thêm" lists: dates of other articles, not of this page
        related = page.related
        legal = [r for r in (doc._.legal_refs or []) if r.get("source", "original") == "original"]
        blanked = blank(text, related)
        dateline = anchor or find_dateline(blanked, lang)
        if anchor is None:
            # a page citing Decree 278/2025/ND-CP is from 2025 or later: the last resort
            floor = [int(y) for r in legal for y in re.findall(r"/((?:19|20)\d\d)/", r.get("number") or "")]
            anchor = dateline or find_anchor(blanked, lang, floor)
        doc._.published = anchor.isoformat() if anchor else None
        masked = [(r["start"], r["end"]) for r in legal] + related
        # the page's frame: its dateline and the dates it writes with a year
        frame = sorted({dt.date.fromisoformat(h.value).toordinal() for h in find_dates(text, lang, None, masked)
                        if h.kind == "full"} | ({dateline.toordinal()} if dateline else set()))
        out = []
        for h in find_dates(text, lang, anchor, masked, frame):
            out.append({"text": text[h.start:h.end], "value": h.value, "start": h.start,
                        "end": h.end, "source": "original"})
        doc._.dates = out
        write_spans(doc, "dates")
        return doc


@Language.factory("parreform_dates", default_config={}, **factory_meta("parreform_dates"))
def make_dates(nlp: Language, name: str) -> DateNormalizer:
    """spaCy factory of the date normaliser."""
    return DateNormalizer(nlp, name)

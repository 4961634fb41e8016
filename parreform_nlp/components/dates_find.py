"""Date candidates of a text, found and normalised once, then read by every caller.

Cheap regular expressions find candidate spans (month-name dates, day-first numeric dates,
ISO dates, Vietnamese "ngày 6 tháng 9 năm 2023", Thai "11 กรกฎาคม พ.ศ. 2567", CJK
"2024年8月31日", other languages' "25 de octubre" on pages without a rule pack, and years);
each pattern yields day, month and year as numbers, so the date is computed, not parsed.
A date without a year takes the page's frame year (:func:`frame_year`), never the machine's
clock.

The dates component reads a page several times: its year (full dates, no page date yet), its
frame (full dates outside legal references) and its dates (with the page date). The patterns
are tried once per text (:class:`DateCandidates`, kept for the next call on the same text), and
each candidate's day, month and written year are read once; a read then only resolves overlaps
and gives the year-less candidates their year (:meth:`DateCandidates.hits`).
"""
from __future__ import annotations

import datetime as dt
import re
import threading
from bisect import bisect_left
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache

from ..anchors import CASE_EXOTIC, lowered, match_at, positions
from ..numbers import be_to_ce, plausible_year, to_ascii_digits
from ..patterns import alt
from ..resources import load_json

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
    """Where the matches of a pattern can start: at a digit run ("0" in ``words``; only runs of
    ``digits`` digits, when given) or at one of ``words`` (any case); or at one of ``joined``
    words written before one of ``before`` (month names) with only whitespace (and hyphens, when
    ``hyphen``) between ("last March", "mid-October")."""

    words: tuple[str, ...]
    joined: tuple[str, ...] = ()
    before: tuple[str, ...] = ()
    hyphen: bool = False
    digits: tuple[int, ...] = ()
    needs: str = ""  # characters one of which every match holds ("年년")
    #: characters one of which follows the digit run ("/.-" in "06/09/2023"), or any blank
    #: when ``blank``; "" and False: anything
    follow: str = ""
    blank: bool = False


#: a day or month opens the match ("5 มีนาคม"): the pattern's look-behind and what follows the
#: digits make them a whole run of one or two digits (so do the digit anchors of the patterns)
_ONE_TWO = _Anchor(("0",), digits=(1, 2))


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
        ("iso", rf"{_NOT_BEFORE}(?P<y>\d{{4}})(?P<isep>[-/.])(?P<m>\d{{1,2}})(?P=isep)(?P<d>\d{{1,2}}){_NOT_AFTER}",
         _Anchor(("0",), digits=(4,), follow="-/.")),
        ("num", rf"{_NUM_NOT_BEFORE}(?P<d>\d{{1,2}})(?P<sep>[/.\-])(?P<m>\d{{1,2}})(?P=sep)(?P<y>\d{{4}}){_NOT_AFTER}",
         _Anchor(("0",), digits=(1, 2), follow="/.-")),
        # CJK and Korean: "2024年8月31日", "2024년 8월 31일", "2023年5月"; year-less "8月31日"
        ("cjk", r"(?<!\d)(?P<y>\d{4})\s*[年년]\s*(?P<m>\d{1,2})\s*[月월](?:\s*(?P<d>\d{1,2})\s*[日일])?",
         _Anchor(("0",), digits=(4,), needs="年년")),
        ("cjk", r"(?<![\d年년])(?P<m>\d{1,2})\s*[月월]\s*(?P<d>\d{1,2})\s*[日일]",
         _Anchor(("0",), digits=(1, 2), needs="月월")),
        # two days of one month: "February 13 and 16, 2025" are two dates
        ("mdd", rf"{_lead(*month_words)}(?i:){mon}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:and|to|-|–|&)\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b"
                rf"(?:,?\s+(?P<y>\d{{4}})\b|(?![.,]?\d|\s*(?:%|percent|per\s+cent)|[a-z]))", _Anchor(month_words)),
        ("md", rf"{_lead(*month_words, *rel)}(?i:(?:(?P<rel>this|last|next)\s+)?){mon}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>\d{{4}})\b)?", months_rel),
        ("dm", rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th{dot})?\s+(?:(?i:{of})\s+)?{mon}(?![^\W\d_])(?:,?\s+(?:(?i:{of})\s+)?(?P<y>\d{{4}})\b)?",
         _Anchor(("0",), digits=(1, 2), follow="snrt" + dot[-1:], blank=True)),
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
             _Anchor(("ngày", "0"), digits=(1, 2))),
            ("vim", _lead("tháng") + r"(?i:\btháng\s+)(?P<m>\d{1,2})(?:\s*(?:năm|/)\s*)(?P<y>\d{4})\b", _Anchor(("tháng",))),
            # a month of the page's year: "trong tháng 3", not "mỗi tháng 2 lần" (twice a month)
            ("vim", _lead("tháng") + r"(?i:\btháng\s+)(?P<m>\d{1,2})(?![\w/]|[.,\-]\d|\s+(?:lần|đợt|ngày|tuần|giờ|tháng)\b)",
             _Anchor(("tháng",))),
        ]
    if lang == "th":
        th_months = tuple(load_json("dates.json", "th")["months"])
        tmon = rf"(?P<mname>{alt(th_months)})"
        pats += [
            ("thdm", rf"(?<![\d/])(?P<d>\d{{1,2}})\s*{tmon}(?:\s*(?:พ\.ศ\.|ค\.ศ\.)?\s*(?P<y>\d{{4}})(?!\d))?", _ONE_TWO),
            ("thmy", rf"{_lead(*th_months)}{tmon}\s*(?:ในปี|ปี)?\s*(?:พ\.ศ\.|ค\.ศ\.)?\s*(?P<y>\d{{4}})(?!\d)", _Anchor(th_months)),
        ]
    # every other pattern opens with a look-behind or a digit: it gets a digit look-ahead
    return [(k, re.compile(p if p.startswith("(?=") else _lead("0") + p), a) for k, p, a in pats]


def _capitalised_months() -> str:
    """English full month names as written in prose ("June", not "june" or "Jun": a verb, a name)."""
    return alt(m.capitalize() for m in _months("en") if len(m) > 3 or m == "may")


_YEAR = re.compile(_lead("0", "พ", "ค") + r"(?:(?<=\d{4}-)|(?<=\d{4}\s-)|(?<![\w/.,\-:]))(?:(?:พ\.ศ\.|ค\.ศ\.)\s*)?(\d{4})(?![\w/%]|[.,]\d)")


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


_SCANS: "OrderedDict[tuple[str, str], object]" = OrderedDict()
_SCANS_LOCK = threading.Lock()


def _scan(key: tuple[str, str], compute):
    """What ``compute()`` finds in a long text, kept for the next call on the same page: the
    dates component reads a page several times (its year, its frame, its dates), with other
    page dates and masks but the same candidates. Short texts (datelines, snippets) are scanned
    each time."""
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
_OTHER_DIGIT = re.compile(r"[^\D0-9]")  # a decimal digit other than 0-9
_ASCII_BYTES = bytes(range(128))
_DIGIT_MASK = bytes(0x30 if 0x30 <= i <= 0x39 else 0x20 for i in range(256))
_ZERO_RUN = re.compile(rb"00*")


def _non_ascii(text: str) -> str:
    """The non-ASCII characters of ``text``, in order (UTF-8 bytes of ASCII characters never
    occur inside those of others: deleting them leaves whole characters; lone surrogates kept)."""
    return text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")


@lru_cache(maxsize=None)
def _needles(words: tuple[str, ...]) -> tuple[str, ...]:
    """The lower-cased ``words`` that no other one starts with: where "january" occurs, "jan"
    does, so the shorter ones alone give the same positions, found faster."""
    lits = _lowered(words)
    return tuple(sorted(x for x in lits if not any(y != x and x.startswith(y) for y in lits)))


@lru_cache(maxsize=None)
def _lowered(words: tuple[str, ...]) -> frozenset[str]:
    """The anchor words of ``words`` as looked up in the lower-cased text ("0" is a digit run)."""
    return frozenset(w.lower() for w in words if w != "0")


class PageScan:
    """The positions of one text where each pattern's matches can start (see :class:`_Anchor`):
    what :func:`anchors.anchored` cannot derive from a pattern (digit runs, a word before a month
    name) or derives more slowly (the month names, looked up once for all the patterns that start
    with them), given to :func:`anchors.match_at`. Made once per page (:func:`page_scan`): the
    frame, the period patterns and the number finders read its digit runs and words too."""

    def __init__(self, text: str) -> None:
        self.text = text
        # the text's non-ASCII characters, for the two tests below (a C scan of a short string
        # where a regex over the whole text would try every position)
        rest = self.rest = "" if text.isascii() else _non_ascii(text)
        #: a character a case-insensitive regex equates with an ASCII letter that ``str.lower``
        #: does not map onto it: the patterns then scan the whole text
        self.exotic = CASE_EXOTIC.search(rest) is not None
        #: a decimal digit other than 0-9 ("٣"): the digit runs are then found with a regex
        self.other_digits = _OTHER_DIGIT.search(rest) is not None
        # same length: texts with "İ" (two characters lowercased) are exotic; a page's text is
        # lower-cased once for every component that scans it (anchors.lowered)
        self.low = lowered(text) if len(text) > 512 else text.lower()
        self._runs: list[tuple[int, int]] | None = None
        self._digits: dict = {}  # digit run starts by run lengths (and the long runs)
        self._words: dict[tuple, list[int]] = {}  # by word list (and by joined look-up)
        self._memo: dict[_Anchor, list[int]] = {}

    def occurrences(self, words: tuple[str, ...]) -> list[int]:
        """Where any of ``words`` occurs (any case), ascending; each word list looked up once."""
        got = self._words.get(words)
        if got is None:
            # (anchors.positions: a find per word, or one scan of their alternation when many)
            got = self._words[words] = positions(self.low, _needles(words))
        return got

    def runs(self) -> list[tuple[int, int]]:
        """(start, end) of the runs of decimal digits (``\\d+``), in text order."""
        if self._runs is None:
            text = self.text
            if self.other_digits:
                self._runs = [m.span() for m in _DIGIT_RUN.finditer(text)]
            else:
                # a character class is tried at every position of a text; in the text's bytes
                # with each digit as "0" and all else a blank, "0" is a literal the engine skips
                # to in C (latin-1 with "?" for the other characters: one byte per character)
                masked = text.encode("latin-1", "replace").translate(_DIGIT_MASK)
                self._runs = [m.span() for m in _ZERO_RUN.finditer(masked)]
        return self._runs

    def long_runs(self) -> list[tuple[int, int]]:
        """The digit runs of four digits or more (years, and numbers holding one)."""
        got = self._digits.get("long")
        if got is None:
            got = self._digits["long"] = [r for r in self.runs() if r[1] - r[0] >= 4]
        return got

    def digits(self, lengths: tuple[int, ...] = (), follow: str = "", blank: bool = False) -> list[int]:
        """Where the digit runs (of ``lengths`` digits, when given; followed by one of ``follow``
        or a blank, when given) start, ascending."""
        key = (lengths, follow, blank)
        got = self._digits.get(key)
        if got is None:
            runs = self.runs()
            if lengths:
                runs = [r for r in runs if r[1] - r[0] in lengths]
            if follow or blank:
                text = self.text
                # "1/" "5 " "5th": the character after the run ("" at the end of the text)
                runs = [r for r in runs if (c := text[r[1]:r[1] + 1]) and (c in follow or blank and c.isspace())]
            got = self._digits[key] = [r[0] for r in runs]
        return got

    def of(self, anchor: _Anchor) -> list[int]:
        """Where a match of a pattern with ``anchor`` can start, ascending."""
        got = self._memo.get(anchor)
        if got is not None:
            return got
        words = self.occurrences(anchor.words)
        if anchor.needs and not any(c in self.text for c in anchor.needs):
            got = []  # "2024年8月": no year mark, no match
        elif not anchor.joined and ("0" not in anchor.words or not words):
            # the digit patterns: the digit runs as they are; the month names: their occurrences
            got = self.digits(anchor.digits, anchor.follow, anchor.blank) if "0" in anchor.words else words
        else:
            out = set(words)
            if "0" in anchor.words:
                out.update(self.digits(anchor.digits, anchor.follow, anchor.blank))
            if anchor.joined:
                out.update(self._joined(anchor.joined, anchor.before, anchor.hyphen))
            got = sorted(out)
        self._memo[anchor] = got
        return got

    def _joined(self, joined: tuple[str, ...], before: tuple[str, ...], hyphen: bool) -> list[int]:
        """Where one of ``joined`` is written before one of ``before`` with only whitespace (and
        hyphens, when ``hyphen``) between; patterns with the same words share the look-up."""
        key = (joined, before, hyphen)
        got = self._words.get(key)
        if got is not None:
            return got
        text, low = self.text, self.low
        by_last = _by_last(joined)
        got = []
        for p in self.occurrences(before):
            q = p  # back over the run of whitespace (and hyphens) before the month name
            while q > 0 and (text[q - 1].isspace() or (hyphen and text[q - 1] == "-")):
                q -= 1
            if q < p:
                for w in by_last.get(low[q - 1], ()):
                    if q >= len(w) and low.startswith(w, q - len(w)):
                        got.append(q - len(w))
        self._words[key] = got
        return got


@lru_cache(maxsize=None)
def _by_last(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The lower-cased ``words`` by their last character."""
    out: dict[str, list[str]] = {}
    for w in _lowered(words):
        out.setdefault(w[-1], []).append(w)
    return {c: tuple(ws) for c, ws in out.items()}


def page_scan(text: str) -> PageScan:
    """The :class:`PageScan` of ``text``, made once and shared by every caller."""
    return _scan((text, "starts"), lambda: PageScan(text))


def _matches(text: str, lang: str, starts: PageScan) -> list[tuple[str, list[re.Match]]]:
    """(kind, matches) of every pattern of ``lang`` in ``text``, in pattern order."""
    if starts.exotic:
        return [(kind, list(rx.finditer(text))) for kind, rx, _ in _patterns(lang)]
    out = []
    for kind, rx, anchor in _patterns(lang):
        at = starts.of(anchor)
        out.append((kind, match_at(rx, text, at) if at else []))
    return out


_YEAR_ANCHOR = _Anchor(("0", "พ.ศ.", "ค.ศ."), digits=(4,))


def _year_candidates(text: str, starts: PageScan | None = None) -> list[re.Match]:
    """The matches of :data:`_YEAR` in ``text`` (tried only at four-digit runs and era marks)."""
    starts = starts or page_scan(text)
    if starts.exotic:
        return list(_YEAR.finditer(text))
    return match_at(_YEAR, text, starts.of(_YEAR_ANCHOR))


_PHONE_BEFORE = re.compile(r"\d[ .]$")

#: A row of :attr:`DateCandidates.rows`: the span that must be free, the span it takes and
#: reports, month, day (None for a month), the written year (None: from the page date), the
#: year shift of "last" / "next" (None: none written), the value and precision kind when the
#: year is written, and for "February 13 and 16": (end of the first day, start of the second,
#: second day, its value when the year is written).
Row = tuple[int, int, int, int, int, "int | None", "int | None", "int | None", "str | None", str,
            "tuple[int, int, int, str | None] | None"]


class DateCandidates:
    """The date candidates of one text (ASCII digits) in one language, read once.

    :meth:`hits` is :func:`find_dates` (:meth:`spans` the same as tuples): the candidates in
    pattern order, each taken when its span is still free, then the years; it only computes the
    year of the candidates written without one. :meth:`full` gives the dates written with day,
    month and year found without a page date (what the year inference and the frame read).
    Shared between threads through the cache of :func:`candidates`: nothing is changed after
    construction but the years, read on first use.
    """

    __slots__ = ("text", "lang", "rows", "written", "starts", "_years")

    def __init__(self, text: str, lang: str) -> None:
        self.text = text
        self.lang = lang
        rows: list[Row] = []
        months = _months(lang)
        relative = load_json("dates.json", "en")["relative"]
        starts = page_scan(text)
        for kind, matches in _matches(text, lang, starts):
            for mt in matches:
                row = _row(mt, kind, lang, months, relative, text)
                if row is not None:
                    rows.append(row)
        self.rows = rows
        #: the rows with a written year: without a page date, the others are no date
        self.written = [r for r in rows if r[6] is not None]
        self.starts = starts
        self._years: list[tuple[int, int, str]] | None = None

    @property
    def years(self) -> list[tuple[int, int, str]]:
        """(start, end, value) of the years (read on first use: :meth:`full` needs none)."""
        if self._years is None:
            text, lang = self.text, self.lang
            years: list[tuple[int, int, str]] = []
            for mt in _year_candidates(text, self.starts):
                s, e = mt.span()
                y = plausible_year(int(mt.group(1)), lang)
                if y is None or _PHONE_BEFORE.search(text, max(0, s - 2), s):
                    continue  # phone numbers and digit groups ("028 3935 2079")
                years.append((s, e, f"{y:04d}"))
            self._years = years
        return self._years

    def hits(self, anchor: dt.date | None, masked: list[tuple[int, int]] = (),
             frame: list[int] = ()) -> list[DateHit]:
        """The dates of the text outside ``masked``, without overlaps, in text order (see
        :func:`find_dates`)."""
        return [DateHit(*h) for h in self.spans(anchor, masked, frame)]

    def spans(self, anchor: dt.date | None, masked: list[tuple[int, int]] = (),
              frame: list[int] = ()) -> list[tuple[int, int, str, str]]:
        """:meth:`hits` as (start, end, value, kind) tuples."""
        # the characters taken (an :class:`numbers.Occupied`, inlined: a C search per test)
        taken = bytearray(len(self.text) + 1)
        for s, e in masked:
            taken[s:e] = b"\x01" * (e - s)
        busy = taken.find
        hits: list[tuple[int, int, str, str]] = []
        for s, e, hs, he, m, d, year, shift, value, vkind, second in (self.rows if anchor is not None else self.written):
            if busy(1, s, e) >= 0:
                continue
            if value is None:  # no year written: the page date's, or its frame's
                year = frame_year(m, d, anchor, frame) if shift is None else anchor.year + shift
                if not _valid(year, m, d):
                    continue
                value = f"{year:04d}-{m:02d}" if d is None else f"{year:04d}-{m:02d}-{d:02d}"
            if second is not None:
                # "February 13 and 16, 2025": "February 13" and "16, 2025", one date each
                end_d, start_d2, d2, value2 = second
                if value2 is None:
                    if not _valid(year, m, d2):
                        continue
                    value2 = f"{value[:8]}{d2:02d}"
                taken[s:e] = b"\x01" * (e - s)
                hits.append((s, end_d, value, vkind))
                hits.append((start_d2, e, value2, vkind))
                continue
            taken[hs:he] = b"\x01" * (he - hs)
            hits.append((hs, he, value, vkind))
        for s, e, value in self.years:
            if busy(1, s, e) < 0:
                taken[s:e] = b"\x01" * (e - s)
                hits.append((s, e, value, "year"))
        hits.sort(key=_start)
        return hits

    def full(self, masked: list[tuple[int, int]] = ()) -> list[tuple[int, str]]:
        """(start, value) of the dates with day, month and year that :meth:`hits` gives without
        a page date, in candidate order (the years and the year-less dates take no part)."""
        taken = bytearray(len(self.text) + 1)  # as in :meth:`spans`
        for s, e in masked:
            taken[s:e] = b"\x01" * (e - s)
        busy = taken.find
        out: list[tuple[int, str]] = []
        for s, e, hs, he, m, d, year, shift, value, vkind, second in self.written:
            if busy(1, s, e) >= 0:
                continue
            if second is not None:
                taken[s:e] = b"\x01" * (e - s)
                out += ((s, value), (second[1], second[3]))
                continue
            taken[hs:he] = b"\x01" * (he - hs)
            if vkind == "full":
                out.append((hs, value))
        return out


def _start(hit: tuple) -> int:
    return hit[0]


def _row(mt: re.Match, kind: str, lang: str, months: dict[str, int], relative: dict[str, int],
         text: str) -> Row | None:
    """The :data:`Row` of a pattern match, or None when it is no date whatever the page date."""
    g = mt.groupdict()
    mname = g.get("mname") or ""
    if mname[:1].islower() and mname.lower() in ("may", "march", "mar") and not g.get("rel"):
        return None  # "3 may attend", "officers march 5 km": a verb, not a month
    if mname:
        low = mname.lower()
        m = months.get(low.rstrip(".")) or months.get(low)
    else:
        m = int(g["m"])
    if not m:
        return None
    d = int(g["d"]) if g.get("d") else None
    year = shift = value = None
    vkind = "month" if d is None else "full" if g.get("y") else "dm"
    if g.get("y"):
        year = int(g["y"])
        year = be_to_ce(year) if lang == "th" else year
        if not _valid(year, m, d):
            return None
        value = f"{year:04d}-{m:02d}" if d is None else f"{year:04d}-{m:02d}-{d:02d}"
    elif g.get("rel"):
        shift = relative.get(g["rel"].lower(), 0)
    s, e = mt.span()
    if kind == "mdd":
        d2 = int(g["d2"])
        value2 = None
        if year is not None:
            if not _valid(year, m, d2):
                return None
            value2 = f"{value[:8]}{d2:02d}"
        return s, e, s, e, m, d, year, shift, value, vkind, (mt.end("d"), mt.start("d2"), d2, value2)
    hs, he = s, e
    if kind == "num" and "(" in text[s:mt.start("d")]:
        hs = mt.start("d")  # "sáng nay (17/4)": the date is inside the brackets
    if kind == "mcue":
        hs = mt.start("mname")  # "by June": the cue word is not part of the date
    if mname.endswith(".") and len(mname.rstrip(".")) > 4 and e == mt.end("mname"):
        he -= 1  # "on 1 January.": the sentence's full stop, not an abbreviation's
    return s, e, hs, he, m, d, year, shift, value, vkind, None


def candidates(text: str, lang: str) -> DateCandidates:
    """The :class:`DateCandidates` of ``text`` (ASCII digits): made once per long text."""
    return _scan((text, lang), lambda: DateCandidates(text, lang))


def find_dates(text: str, lang: str, anchor: dt.date | None, masked: list[tuple[int, int]] = (),
               frame: list[int] = ()) -> list[DateHit]:
    """All date candidates in ``text`` (ASCII digits), normalised, without overlaps.

    ``frame``: sorted ordinals of the page's own dates, for dates without a year (see
    :func:`frame_year`).
    """
    return candidates(to_ascii_digits(text), lang).hits(anchor, masked, frame)

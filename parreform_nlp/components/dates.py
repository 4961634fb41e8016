"""Dates normalised with dateparser, anchored on the page's own date.

Cheap regular expressions find candidate spans (month-name dates, day-first numeric dates,
ISO dates, Vietnamese "ngày 6 tháng 9 năm 2023", Thai "11 กรกฎาคม พ.ศ. 2567" and years);
dateparser, imported lazily, normalises each candidate with languages restricted, day-first
order and the page date as ``RELATIVE_BASE``. Dates never come from document numbers
(legal references are found first and masked), times, file names or counts.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

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
    months = dict(load_json("dates.json", "en")["months"])
    if lang in ("vi", "th"):
        months.update(load_json("dates.json", lang)["months"])
    return months


def _lead(*words: str) -> str:
    """A look-ahead for the first characters of ``words`` (either case; "0" stands for a digit).

    Patterns that open with look-behinds, optional groups or case-insensitive alternations are
    tried at every position of the page; this cheap test first makes the regex engine skip the
    positions where they cannot start (same matches, 2-4 times faster)."""
    chars = {c for w in words for c in (w[0].lower(), w[0].upper())}
    digit = "0" in chars
    chars -= {"0"}
    return "(?=[" + ("\\d" if digit else "") + "".join(sorted(re.escape(c) for c in chars)) + "])"


@lru_cache(maxsize=None)
def _patterns(lang: str) -> list[tuple[str, re.Pattern]]:
    """(kind, regex) candidates, most specific first; named groups d, m, mname, y, rel."""
    en = alt(k for k in _months("en"))
    mon = rf"(?P<mname>\b(?i:{en})\.?)"
    rel = ("this", "last", "next")
    pats = [
        ("iso", rf"{_NOT_BEFORE}(?P<y>\d{{4}})(?P<isep>[-/])(?P<m>\d{{1,2}})(?P=isep)(?P<d>\d{{1,2}}){_NOT_AFTER}"),
        ("num", rf"{_NUM_NOT_BEFORE}(?P<d>\d{{1,2}})(?P<sep>[/.\-])(?P<m>\d{{1,2}})(?P=sep)(?P<y>\d{{4}}){_NOT_AFTER}"),
        ("md", rf"{_lead(*_months('en'), *rel)}(?i:(?:(?P<rel>this|last|next)\s+)?){mon}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>\d{{4}})\b)?"),
        ("dm", rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{mon}(?![a-z])(?:,?\s+(?P<y>\d{{4}})\b)?"),
        ("my", rf"{_lead(*_months('en'), *rel)}(?i:(?:(?P<rel>this|last|next)\s+)?){mon}(?:,?\s+(?:of\s+)?(?P<y>\d{{4}})\b)"),
        ("relm", rf"{_lead(*rel)}(?i:\b(?P<rel>this|last|next)\s+){mon}(?![a-z])"),
    ]
    if lang == "vi":
        pats += [
            ("num", _lead("ngày", "sáng", "chiều", "tối", "trưa", "đêm") + r"(?i:(?:ngày|sáng|chiều|tối|trưa|đêm)\s+(?:ngày\s+)?)(?P<d>\d{1,2})/(?P<m>\d{1,2})(?![\w/])"),
            ("vi", _lead("ngày", "0") + r"(?i:\b(?:ngày\s+)?)(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})(?:\s*(?:năm|/)\s*(?P<y>\d{4}))?\b"),
            ("vim", _lead("tháng") + r"(?i:\btháng\s+)(?P<m>\d{1,2})(?:\s*(?:năm|/)\s*)(?P<y>\d{4})\b"),
        ]
    if lang == "th":
        th = alt(k for k in load_json("dates.json", "th")["months"])
        tmon = rf"(?P<mname>{th})"
        pats += [
            ("thdm", rf"(?<![\d/])(?P<d>\d{{1,2}})\s*{tmon}(?:\s*(?:พ\.ศ\.|ค\.ศ\.)?\s*(?P<y>\d{{4}})(?!\d))?"),
            ("thmy", rf"{_lead(*load_json('dates.json', 'th')['months'])}{tmon}\s*(?:พ\.ศ\.|ค\.ศ\.)?\s*(?P<y>\d{{4}})(?!\d)"),
        ]
    # a pattern opening with a look-behind or a digit gets a digit look-ahead
    return [(k, re.compile(p if p.startswith("(?=") else _lead("0") + p)) for k, p in pats]


_YEAR = re.compile(_lead("0", "พ", "ค") + r"(?:(?<=\d{4}-)|(?<=\d{4}\s-)|(?<![\w/.,\-:]))(?:(?:พ\.ศ\.|ค\.ศ\.)\s*)?(\d{4})(?![\w/%]|[.,]\d)")
_TIME = re.compile(r"\b\d{1,2}[:h]\d{2}\b")


@lru_cache(maxsize=4096)
def _dateparser_value(text: str, lang: str, base: dt.datetime | None) -> dt.datetime | None:
    """Normalise one candidate span with dateparser (lazy import, restricted languages)."""
    import dateparser  # heavy: imported only when a page has a date candidate

    settings = {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first",
                "PREFER_DATES_FROM": "current_period", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = base
    languages = ["en"] if lang not in ("vi", "th") else [lang, "en"]
    try:
        return dateparser.parse(text, languages=languages, settings=settings)
    except Exception:  # noqa: BLE001 - dateparser raises assorted errors on odd input
        return None


def _valid(y: int, m: int, d: int | None) -> bool:
    try:
        dt.date(y, m, d or 1)
    except ValueError:
        return False
    return 1900 <= y <= 2100


def normalise(match: re.Match, kind: str, lang: str, anchor: dt.date | None) -> tuple[str, str] | None:
    """(value, precision kind) for one candidate match, or ``None`` if it is not a date."""
    g = match.groupdict()
    months = _months(lang)
    if g.get("mname"):
        m = months.get(g["mname"].lower().rstrip(".")) or months.get(g["mname"].lower())
    else:
        m = int(g["m"])
    d = int(g["d"]) if g.get("d") else None
    year = None
    if g.get("y"):
        year = int(g["y"])
        year = be_to_ce(year) if lang == "th" else year
    rel = (g.get("rel") or "").lower()
    if year is None:
        if anchor is None:
            return None  # a day without a year and no page date: cannot say which year
        year = anchor.year + load_json("dates.json", "en")["relative"].get(rel, 0)
    if not m or not _valid(year, m, d):
        return None
    # dateparser normalises a canonical rewrite of the span: Thai years converted to CE,
    # relative words resolved, so its answer is checked against what the pattern saw.
    if d is None:
        return f"{year:04d}-{m:02d}", "month"
    if kind in ("num", "iso"):
        probe = f"{d:02d}/{m:02d}/{year:04d}"
    else:
        probe = f"{d} {g['mname'] if g.get('mname') else m} {year}" if kind != "vi" else f"{d} tháng {m} năm {year}"
    base = dt.datetime(anchor.year, anchor.month, anchor.day) if anchor else None
    parsed = _dateparser_value(probe, lang, base)
    if parsed is not None and (parsed.year, parsed.month, parsed.day) == (year, m, d):
        return parsed.date().isoformat(), "full" if g.get("y") else "dm"
    return dt.date(year, m, d).isoformat(), "full" if g.get("y") else "dm"


def find_dates(text: str, lang: str, anchor: dt.date | None, masked: list[tuple[int, int]] = ()) -> list[DateHit]:
    """All date candidates in ``text`` (ASCII digits), normalised, without overlaps."""
    text = to_ascii_digits(text)
    taken = Occupied(len(text), masked)
    hits: list[DateHit] = []
    free = taken.free

    for kind, rx in _patterns(lang):
        for mt in rx.finditer(text):
            s, e = mt.span()
            if not free(s, e):
                continue
            mname = mt.groupdict().get("mname") or ""
            if mname[:1].islower() and mname.lower() in ("may", "march", "mar") and not mt.groupdict().get("rel"):
                continue  # "3 may attend", "officers march 5 km": a verb, not a month
            value = normalise(mt, kind, lang, anchor)
            if value is None:
                continue
            if mname.endswith(".") and len(mname.rstrip(".")) > 4 and e == mt.end("mname"):
                e -= 1  # "on 1 January.": the sentence's full stop, not an abbreviation's
            taken.add(s, e)
            hits.append(DateHit(s, e, value[0], value[1]))
    for mt in _YEAR.finditer(text):
        s, e = mt.span()
        y = plausible_year(int(mt.group(1)), lang)
        if y is None or not free(s, e) or re.search(r"\d[ .]$", text[max(0, s - 2):s]):
            continue  # phone numbers and digit groups ("028 3935 2079")
        taken.add(s, e)
        hits.append(DateHit(s, e, f"{y:04d}", "year"))
    hits.sort(key=lambda h: h.start)
    return hits


def find_anchor(text: str, lang: str) -> dt.date | None:
    """The page's own date: a dateline (a short line with a full date, or a date beside a
    time such as "16:34, 31/03/2023"), else a year inferred from the text."""
    text = to_ascii_digits(text)
    head = text[:4000]
    pos = 0
    for line in head.split("\n"):
        stripped = line.strip()
        if 0 < len(stripped) <= 90 and not stripped.endswith("."):
            for h in find_dates(line, lang, None):
                if h.kind == "full":
                    return dt.date.fromisoformat(h.value)
        pos += len(line) + 1
    for mt in _TIME.finditer(head):
        near = head[max(0, mt.start() - 40):mt.end() + 40]
        for h in find_dates(near, lang, None):
            if h.kind == "full":
                return dt.date.fromisoformat(h.value)
    year = infer_year(text, lang)
    return dt.date(year, 1, 1) if year else None


def infer_year(text: str, lang: str) -> int | None:
    """A page year when there is no dateline, never from the machine's clock: the latest year
    of a full date in the text, or the year after the one most often reported on ("in 2023",
    "the 2023 PAR Index", "SIPAS 2023" -> published in 2024), whichever is later; else the
    latest year the page mentions outside targets ("by 2025") and plan ranges ("2021-2025").
    News on PAR reports a year's results early in the next year."""
    full = [int(h.value[:4]) for h in find_dates(text, lang, None) if h.kind == "full"]
    data = load_json("dates.json", lang if lang in ("vi", "th") else "en")
    words = alt(data["in_year"])
    reported = Counter(
        plausible_year(int(m.group(1)), lang)
        for m in re.finditer(rf"{_lead(*data['in_year'])}(?i:(?<!\w)(?:{words}))\s+(?:the\s+year\s+)?(?:พ\.ศ\.\s*)?(\d{{4}})(?![\d\-–/])", text)
    )
    if lang == "en":
        # an edition: "the 2023 PAR Index", "2022 Provincial Competitiveness Index", "SIPAS 2023"
        months = alt(m for m in _months("en") if len(m) > 3)
        for m in re.finditer(rf"(?=[\dA-Z])(?<![\w\-–/])(\d{{4}})\s+(?!(?:{months})\b)[A-Z][\w\-]*|\b[A-Z]{{3,6}}\s+(\d{{4}})(?![\w\-–/])", text):
            reported[plausible_year(int(m.group(1) or m.group(2)), lang)] += 1
    reported.pop(None, None)
    after = None
    if reported:
        top = max(reported.values())
        # "in 2023" in English marks a reported year; Vietnamese "năm" and Thai "ปี" precede
        # every year, so there the most cited year is taken as the page's own
        after = max(y for y, c in reported.items() if c == top) + (1 if lang == "en" else 0)
    targets = data.get("target_year_before") or ["by", "to", "until"]
    target = alt(targets)
    mentioned = [plausible_year(int(m.group(2)), lang)
                 for m in re.finditer(rf"{_lead(*targets, '0', 'พ', 'ค')}(?i:(?<!\w)({target})\s+(?:năm\s+|ปี\s*)?)?(?<![\w\-–/.,])(?:(?:พ\.ศ\.|ค\.ศ\.)\s*)?(\d{{4}})(?![\w\-–/%]|[.,]\d)", text)
                 if not m.group(1) and not re.search(r"\d\s*[-–]\s*$", text[max(0, m.start(2) - 3):m.start(2)])]
    latest = max((y for y in mentioned if y), default=None)
    if lang != "en" and latest:
        # a Vietnamese / Thai page citing last year's results ("năm 2023") and this year's
        # work ("6 tháng đầu năm 2024") is from the later year; "năm" / "ปี" precede targets
        # too ("đến năm 2025"), so, as in English, the latest year outside targets and plan
        # ranges wins over the most cited one
        after = latest
    years = [y for y in (max(full) if full else None, after) if y]
    if years:
        return max(years)
    return latest


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
        lang = self.lang if self.lang in ("vi", "th") else "en"
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
        if anchor is None:
            anchor = find_anchor(blank(text, related), lang)
        doc._.published = anchor.isoformat() if anchor else None
        masked = [(r["start"], r["end"]) for r in (doc._.legal_refs or []) if r.get("source", "original") == "original"]
        masked += related
        out = []
        for h in find_dates(text, lang, anchor, masked):
            out.append({"text": text[h.start:h.end], "value": h.value, "start": h.start,
                        "end": h.end, "source": "original"})
        doc._.dates = out
        write_spans(doc, "dates")
        return doc


@Language.factory("parreform_dates", default_config={}, **factory_meta("parreform_dates"))
def make_dates(nlp: Language, name: str) -> DateNormalizer:
    """spaCy factory of the date normaliser."""
    return DateNormalizer(nlp, name)

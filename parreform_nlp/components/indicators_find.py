"""Finding the numbers themselves: percentages, index points and ratios (counts: :mod:`counts_find`).

Everything here works on the page text with Thai digits replaced by ASCII ones (the same
length, so offsets are shared) and returns character spans; metric, subject and period
come from :mod:`indicators_context`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..anchors import anchored, match_at
from ..numbers import LATIN_WORD, WORD_NUMBERS, Occupied, parse_number
from ..patterns import alt, alt_by_first, lead
from ..resources import load_json
from .dates_find import page_scan

NUM = r"\d+(?:[.,]\d+)*"


@dataclass
class NumberMention:
    """A number with its unit (indicator) or its counted noun (count)."""

    start: int  # start of the text span (qualifier included)
    end: int
    num_start: int  # start of the number itself
    num_end: int
    value: float
    unit: str | None = None  # percent | points | times (indicators)
    what: str | None = None  # counted noun (counts)
    qualifier: str | None = None


def words(lang: str) -> dict:
    """The indicator rule words of ``lang`` (English for languages without a pack)."""
    return load_json("indicator_words.json", lang if lang in ("vi", "th") else "en")


def _num_after(not_after: str) -> str:
    r""":data:`NUM` not right after a character of the class body ``not_after``, written to start
    with its first digit (``\d(?<![..]\d)`` for ``(?<![..])\d``): a pattern that starts with a
    character class lets the engine jump in C from one digit to the next."""
    return rf"(?P<num>\d(?<![{not_after}]\d)\d*(?:[.,]\d+)*)"


@lru_cache(maxsize=None)
def _indicator_regexes(lang: str) -> list[tuple[str, re.Pattern]]:
    """(unit, pattern) of ``lang``."""
    return [(unit, rx) for unit, rx, _ in _indicator_patterns(lang)]


@lru_cache(maxsize=None)
def _indicator_patterns(lang: str) -> list[tuple[str, re.Pattern, tuple[str, ...] | None]]:
    """(unit, pattern, unit words) of ``lang``: the unit words of a pattern that is a number, an
    optional blank and one of them (:func:`unit_anchored`), else None."""
    w = words(lang)
    qual = ""  # qualifiers are looked up behind each match (fast: patterns start at a digit)
    if lang == "th":
        b = ""  # Thai has no spaces between words: no word boundaries
        pre_pct = rf"{lead(w['percent_prefix'])}(?:{alt(w['percent_prefix'])})\s*(?P<num>{NUM})"
        pats = [("percent", pre_pct)]
    else:
        b = r"\b"
        pats = []
    num = _num_after(r"\w.,/")
    pats += [
        # a percentage may touch CJK or Thai letters ("の31.16%が"): only Latin ones glue to it
        ("percent", rf"{qual}{_num_after(LATIN_WORD + '.,/')}\s?(?:{alt(w['percent_units'])})(?:(?<=%)|(?![^\W\d_]))", w["percent_units"]),
        ("points", rf"{qual}{num}\s?(?:{alt(w['points_units'])}){b}", w["points_units"]),
        ("times", rf"{qual}{num}\s?(?:{alt(w['times_units'])}){b}", w["times_units"]),
    ]
    if lang == "en":
        words_ = [k for k in WORD_NUMBERS if k.isalpha()]
        wn = lead(words_) + rf"\b(?P<word>{alt_by_first(words_, True)})"
        # "two-fold", "three times": most pages have neither word (anchored() skips them)
        pats.append(("times", rf"(?i:{wn}[\s-]?fold\b)"))
        pats.append(("times", rf"(?i:{wn}\s+times\b)(?=\s+(?:{alt(w['times_after_required'])})\b)"))
    flags = re.I if lang != "th" else 0
    return [(p[0], re.compile(p[1], flags), _anchor_units(p[2] if len(p) > 2 else None, flags)) for p in pats]


def _anchor_units(units: list[str] | None, flags: int) -> tuple[str, ...] | None:
    """``units`` when :func:`unit_anchored` may find the numbers before them: ASCII words (looked
    up in the lower-cased page under ``re.I``) none of which is empty or starts with a blank, a
    digit, "." or "," (so that a number ends exactly where its unit, or the one blank before it,
    begins); else None."""
    if not units or not flags & re.I:
        return None
    if not all(u and u.isascii() and not u[0].isspace() and not u[0].isdecimal() and u[0] not in ".," for u in units):
        return None
    return tuple(units)


def unit_anchored(rx: re.Pattern, text: str, units: tuple[str, ...]) -> list[re.Match] | None:
    """``list(rx.finditer(text))`` for a pattern that is a number (``\\d+(?:[.,]\\d+)*`` with a
    look-behind), an optional blank and one of ``units``: the units are looked up in the page
    (any case, found once per page), the number is read backwards from each, and the pattern is
    tried only at its digits. A regex scan of the page tries every digit of it, most of them in
    dates and counts. None when the page's lower-casing cannot stand for ``re.I`` (then scan)."""
    scan = page_scan(text)
    if scan.exotic:
        return None
    starts: list[int] = []
    for u in scan.occurrences(units):
        e = u - 1 if u and text[u - 1].isspace() else u  # "85 %": the number ends before the blank
        if not e or not text[e - 1].isdecimal():
            continue
        r = e - 1
        while r and (text[r - 1].isdecimal() or text[r - 1] in ".,"):
            r -= 1
        starts.extend(q for q in range(r, e) if text[q].isdecimal())
    return match_at(rx, text, sorted(set(starts)))


@lru_cache(maxsize=None)
def _qualifier_regex(lang: str) -> re.Pattern:
    sep = r"\s*" if lang == "th" else r"\s+"
    lead = "" if lang == "th" else r"(?<![^\W\d_])"
    return re.compile(rf"{lead}(?P<qual>{alt(words(lang)['qualifiers'])}){sep}$", re.I)


def qualifier_before(text: str, start: int, lang: str) -> tuple[str | None, int]:
    """("at least", new start) when a qualifier ends right before ``start``."""
    m = _qualifier_regex(lang).search(text, max(0, start - 30), start)
    if m:
        return m.group("qual"), m.start()
    return None, start


def find_indicator_numbers(text: str, lang: str, masked: list[tuple[int, int]]) -> list[NumberMention]:
    """Percentages, points and ratios in ``text`` (ASCII digits), outside ``masked`` spans."""
    w = words(lang)
    out: list[NumberMention] = []
    taken = Occupied(len(text), masked)
    forbidden_after = re.compile(rf"\s*(?:{alt(w['times_after_forbidden'])})\b", re.I) if w.get("times_after_forbidden") else None
    for unit, rx, units in _indicator_patterns(lang):
        found = unit_anchored(rx, text, units) if units else None
        for m in (anchored(rx).finditer(text) if found is None else found):
            s, e = m.span()
            if not taken.free(s, e):
                continue
            if m.groupdict().get("word"):
                value = float(WORD_NUMBERS[m.group("word").lower()])
                ns, ne = m.span("word")
            else:
                value = parse_number(m.group("num"), lang)
                ns, ne = m.span("num")
            if value is None:
                continue
            if unit == "times" and forbidden_after and forbidden_after.match(text, e):
                continue  # "two times in a row": a frequency, not a ratio
            if unit == "points" and re.match(r"\s*(?:of|in)\s+(?:view|time)", text[e:e + 12]):
                continue
            qual, s = qualifier_before(text, s, lang)
            if not taken.free(s, e):
                continue
            taken.add(s, e)
            out.append(NumberMention(s, e, ns, ne, value, unit=unit, qualifier=qual.lower() if qual else None))
    if lang != "th":
        # "(62.58 to 67.68 percent)", "from 70-80%": the first bound of a range takes the unit of the second
        for n in list(out):
            r = _RANGE_START.search(text, max(0, n.num_start - 40), n.num_start)
            if r and taken.free(*r.span("num")):
                value = parse_number(r.group("num"), lang)
                if value is not None and n.unit != "times" and not re.fullmatch(r"(?:19|20)\d\d", r.group("num")):
                    taken.add(*r.span("num"))
                    out.append(NumberMention(r.start("num"), r.end("num"), r.start("num"), r.end("num"), value, unit=n.unit))
    out.sort(key=lambda n: n.start)
    return out


_RANGE_START = re.compile(rf"(?<![\w.,/])(?P<num>{NUM})\s*(?:to|[-–])\s*$", re.I)

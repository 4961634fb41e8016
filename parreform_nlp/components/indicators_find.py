"""Finding the numbers themselves: percentages, index points and ratios, and counts.

Everything here works on the page text with Thai digits replaced by ASCII ones (the same
length, so offsets are shared) and returns character spans; metric, subject and period
come from :mod:`indicators_context`.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from ..numbers import MULTIPLIERS, WORD_NUMBERS, Occupied, parse_number, plausible_year
from ..patterns import alt
from ..resources import load_json

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


@lru_cache(maxsize=None)
def _indicator_regexes(lang: str) -> list[tuple[str, re.Pattern]]:
    w = words(lang)
    qual = ""  # qualifiers are looked up behind each match (fast: patterns start at a digit)
    if lang == "th":
        b = ""  # Thai has no spaces between words: no word boundaries
        pre_pct = rf"(?:{alt(w['percent_prefix'])})\s*(?P<num>{NUM})"
        pats = [("percent", pre_pct)]
    else:
        b = r"\b"
        pats = []
    pats += [
        ("percent", rf"{qual}(?<![\w.,/])(?P<num>{NUM})\s?(?:{alt(w['percent_units'])})(?:(?<=%)|(?![^\W\d_]))"),
        ("points", rf"{qual}(?<![\w.,/])(?P<num>{NUM})\s?(?:{alt(w['points_units'])}){b}"),
        ("times", rf"{qual}(?<![\w.,/])(?P<num>{NUM})\s?(?:{alt(w['times_units'])}){b}"),
    ]
    if lang == "en":
        wn = alt(k for k in WORD_NUMBERS if k.isalpha())
        pats.append(("times", rf"(?i:\b(?P<word>{wn})[\s-]?fold\b)"))
        pats.append(("times", rf"(?i:\b(?P<word>{wn})\s+times\b)(?=\s+(?:{alt(w['times_after_required'])})\b)"))
    flags = re.I if lang != "th" else 0
    return [(u, re.compile(p, flags)) for u, p in pats]


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
    for unit, rx in _indicator_regexes(lang):
        for m in rx.finditer(text):
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


@lru_cache(maxsize=None)
def _count_regex(lang: str) -> re.Pattern:
    w = words(lang)
    nouns = alt(w["count_nouns_result"] + w["count_nouns_actor"])
    qual = ""  # looked up behind each match: see qualifier_before
    mult = alt(k for k in MULTIPLIERS)
    if lang == "th":
        return re.compile(rf"{qual}(?<![\w.,/])(?P<num>{NUM})(?:\s*(?P<mult>{mult}))?\s*(?P<noun>{nouns})")
    wn = alt(k for k in WORD_NUMBERS if k.isalpha()) if lang == "en" else None
    number = rf"(?:(?<![\w.,/:\-])(?P<num>{NUM})(?![.,]?\d)|(?P<word>\b(?:{wn})\b))" if wn else rf"(?<![\w.,/:\-])(?P<num>{NUM})(?![.,]?\d)"
    adj = r"(?:(?!(?:of|in|on|at|for|and|or|to|the|by|with|from|out|that|which)\b)[^\W\d][\w\-']*\s+){0,4}?"
    if lang == "vi":
        adj = ""  # Vietnamese puts the noun right after the number ("178.661 hồ sơ")
    return re.compile(
        rf"{qual}{number}(?:\s+(?P<mult>{mult}))?(?P<outof>\s+out\s+of\s+{NUM})?\s+(?P<what>{adj}(?P<noun>{nouns}))(?![\w])"
        + (rf"|(?<![\w.,/:\-])(?P<num2>{NUM})\s+(?P<less>{alt(w['count_less'])})\b(?=\s+than\b|[\s,.;]*(?:than|the same|compared|over|year))"
           if lang == "en" else ""),
        re.I if lang != "th" else 0)


def find_counts(text: str, lang: str, masked: list[tuple[int, int]], result_spans: list[tuple[int, int]],
                token_starts: list[int] = ()) -> list[NumberMention]:
    """Counts of reform results ("628 business regulations"), outside ``masked`` spans.

    Actor nouns ("5 ministries and agencies") count only inside ``result_spans`` (sentences
    with a reform-result verb: cut, simplify, complete ...); ranks, years, document
    numbers, phone numbers and addresses never count.
    """
    w = words(lang)
    actor = {n.lower() for n in w["count_nouns_actor"]}
    excluded = {x.lower() for x in w["count_excluded_before"]}
    out: list[NumberMention] = []
    occupied = Occupied(len(text), masked)
    in_result = Occupied(len(text), result_spans)
    for m in _count_regex(lang).finditer(text):
        s, e = m.span()
        if not occupied.free(s, e):
            continue
        g = m.groupdict()
        g["qual"], s = qualifier_before(text, s, lang)
        raw = g.get("num") or g.get("num2")
        if g.get("word"):
            value = float(WORD_NUMBERS[g["word"].lower()])
            ns, ne = m.span("word")
        else:
            value = parse_number(raw, lang)
            ns, ne = m.span("num") if g.get("num") else m.span("num2")
        if value is None or value == 0:
            continue
        if not g.get("word") and re.fullmatch(r"\d{4}", raw) and plausible_year(int(raw), lang) and not g.get("mult"):
            continue  # a year, not a count
        before = text[max(0, ns - 25):ns]
        prev_word = re.search(r"([^\s\d]+)\s*$", before)
        if not (g.get("qual") or g.get("qual2")) and prev_word and prev_word.group(1).lower().rstrip(":") in excluded:
            continue
        if re.search(r"[/#:]\s*$|\d\s$", before) or re.match(r"\s*[/:]\s*\d", text[ne:ne + 3]):
            continue  # ranks "54/63", times, phone digit groups
        if g.get("mult"):
            value *= MULTIPLIERS[g["mult"].lower()]
        noun = (g.get("noun") or "").lower()
        if lang == "th" and not g.get("what"):
            # Thai puts the counted thing before the number and a classifier after it
            # (the last words before it, cut at the doc's word boundaries)
            a = s
            for ts in reversed(token_starts[bisect_left(token_starts, s - 30):bisect_left(token_starts, s)]):
                if re.fullmatch(r"[\u0e00-\u0e7f]+\s*", text[ts:a]) is None and a != s:
                    break
                if s - ts > 25 or len(re.findall(r"[\u0e00-\u0e7f]+", text[ts:s])) > 3:
                    break
                a = ts
            g["what"] = (text[a:s].strip() + " " if a < s else "") + g["noun"]
        if g.get("less"):
            what = "reduction (" + g["less"].lower() + " than before)"
        else:
            what = g.get("what")
            if noun in actor or any(noun.endswith(" " + a) for a in actor):
                if in_result.free(s, s + 1):
                    continue
                # "5 ministries and agencies": take the coordinated actor nouns along
                more = re.match(rf"(?:\s*(?:,|and|và|และ)\s*(?:{alt(w['count_nouns_actor'])}))+", text[e:], re.I)
                if more:
                    e += more.end()
                    what = text[m.start("what"):e]
        if g.get("word") and g["word"][0].islower() and noun in actor:
            continue
        out.append(NumberMention(s, e, ns, ne, value, what=what, qualifier=(g.get("qual") or g.get("qual2") or None)))
    return out

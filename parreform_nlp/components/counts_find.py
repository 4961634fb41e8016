"""Counts of reform results and of the bodies, units and people they concern.

Constructions (our own examples):

* a number and its counted noun, with adjectives between: "628 business regulations",
  "six northern provinces", "Thirty-three provinces", "1.7 million people", "75 dự thảo văn bản",
  "3 bộ", Thai with a classifier "2,200 ฉบับ", "แสนคน" (a hundred thousand people);
* a part of a whole: "37 out of 76 agencies", "Five out of six indicators", "36/63 localities";
* coordinated nouns: "23,741 officials, civil servants and public employees";
* a number whose noun stands before it: "reduced to 15", "from 12 to 10", "giảm từ 21 xuống 15",
  "consolidated into four", "numbering eight", "now 14", "four of which", "seven others",
  "three had their positions unchanged" — only with a counted noun in the 250 characters before;
* CJK: "10件の法文書", "47の業務規制", "62/63の地方自治体", "62个省".

Never counted: years, dates, ranks ("ranked 54/63"), document numbers, phone numbers, money,
durations ("from three to one day"). Vocabulary is data: ``resources/<lang>/counts.json``
and ``resources/xx/counts.json`` (CJK counters).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import NamedTuple

from ..anchors import CASE_EXOTIC, anchored, match_at
from ..numbers import LATIN_WORD, MULTIPLIERS, WORD_NUMBERS, Occupied, parse_number, plausible_year
from ..patterns import alt, alt_by_first, lead
from ..resources import load_json
from .indicators_find import NUM, NumberMention, qualifier_before

DIGIT = r"\d"  # a number's first character, besides a number word's (patterns.lead)

#: a counted noun this far before a number without a noun can be its antecedent
ANTECEDENT_CHARS = 250


def count_words(lang: str) -> dict:
    """The count grammar words of ``lang`` (English for languages without a pack)."""
    return load_json("counts.json", lang if lang in ("vi", "th") else "en")


def _nouns(lang: str) -> list[str]:
    w = count_words(lang)
    return w["nouns_result"] + w["nouns_actor"]


def _word_number_words() -> list[str]:
    """The English cardinal words :func:`_word_number_regex` starts with."""
    return [k for k, v in WORD_NUMBERS.items() if k.isalpha() and (v < 20 or v in range(20, 100, 10))]


@lru_cache(maxsize=None)
def _word_number_regex() -> str:
    """English cardinal words, with compounds ("thirty-three", "Twenty one")."""
    units = [k for k, v in WORD_NUMBERS.items() if k.isalpha() and v < 20]
    tens = [k for k, v in WORD_NUMBERS.items() if k.isalpha() and v in range(20, 100, 10)]
    # grouped by first letter (patterns.alt_by_first): used under re.I, tried at every word start
    return (rf"(?:{alt_by_first(tens, True)})(?:[\s\-](?:{alt_by_first((u for u in units if WORD_NUMBERS[u] < 10), True)}))?"
            rf"|(?:{alt_by_first(units, True)})")


def word_value(word: str) -> float | None:
    """Value of an English cardinal word or compound ("Thirty-three" -> 33)."""
    total = 0
    for part in re.split(r"[\s\-]+", word.lower()):
        v = WORD_NUMBERS.get(part)
        if v is None:
            return None
        total += v
    return float(total)


@lru_cache(maxsize=None)
def _count_regex(lang: str) -> tuple[re.Pattern, re.Pattern | None]:
    """(counts of ``lang``, where they can start: :func:`_matches_at`)."""
    w = count_words(lang)
    nouns = alt_by_first(_nouns(lang), lang != "th")  # re.I but for Thai
    mult = alt(k for k in MULTIPLIERS)
    if lang == "th":
        return re.compile(
            # a one-character look-ahead first: see patterns.lead
            # (no \b first: tried everywhere, the plain way)
            rf"(?=[\dแหล])(?:(?<![\w.,/])(?P<num>{NUM})(?P<ratio>/{NUM})?(?:\s*(?P<mult>{mult}))?\s*(?P<noun>{nouns})"
            # "แสนคน": a multiplier word alone is the number (not "หลายแสนคน", many hundred thousand)
            rf"|(?<![\d\s])(?<!หลาย)(?<!นับ)(?P<wmult>แสน|หมื่น|ล้าน)(?P<noun2>{nouns}))"), None
    wn = _word_number_regex() if lang == "en" else None
    number = (rf"(?:(?<![\w.,/:\-])(?P<num>{NUM})(?![.,]?\d)|(?P<word>\b(?i:{wn})\b))" if wn
              else rf"(?<![\w.,/:\-])(?P<num>{NUM})(?![.,]?\d)")
    adj = r"(?:(?!(?:of|in|on|at|for|and|or|to|the|by|with|from|out|that|which)\b)[^\W\d][\w\-'/]*\s+){0,4}?"
    sp = r"[^\S\n]+"  # a number and its noun stand on one line
    linking = r"(?:(?:are|were)\s+)?"  # "of which 2,115,661 are permanent residents"
    out_of = rf"(?P<outof>\s+out\s+of\s+(?:{NUM}|(?i:{wn})))?" if wn else ""
    if lang == "vi":
        adj, linking = "", ""  # Vietnamese puts the noun right after the number ("178.661 hồ sơ")
    return re.compile(
        # a count starts at a word start (a number glued to no word): \b and a one-character
        # look-ahead reject the other positions before the alternatives are tried
        r"\b" + lead(_word_number_words() if wn else (), DIGIT) +
        rf"(?:{number}(?P<ratio>/{NUM}(?![.,]?\d))?(?:{sp}(?P<mult>{mult}))?{out_of}{sp}{linking}(?P<what>{adj}(?P<noun>{nouns}))(?![\w])"
        + (rf"|(?<![\w.,/:\-])(?P<num2>{NUM})\s+(?P<less>{alt(w['less'])})\b(?=\s+than\b|[\s,.;]*(?:than|the same|compared|over|year))"
           if w.get("less") else "") + ")",
        re.I), _word_starts(_word_number_words()) if wn else None


def _value(g: dict, lang: str) -> tuple[float | None, str | None]:
    """(value, raw digits) of a count match."""
    if g.get("word"):
        return word_value(g["word"]), None
    if g.get("wmult"):
        return MULTIPLIERS[g["wmult"]], None
    raw = g.get("num") or g.get("num2")
    return parse_number(raw, lang), raw


def find_counts(text: str, lang: str, masked: list[tuple[int, int]],
                token_starts: list[int] = ()) -> list[NumberMention]:
    """Counts in ``text`` (ASCII digits), outside ``masked`` spans, in text order."""
    actor = _lower(lang, "nouns_actor")
    out: list[NumberMention] = []
    occupied = Occupied(len(text), masked)
    other = _non_ascii(text)
    # English: where a number, a change verb or a cue starts, found once for both patterns
    starts = _english_starts(text, other) if lang == "en" else None
    rx, rx_starts = _count_regex(lang)
    matches = match_at(rx, text, starts.numbers) if starts is not None else _matches_at(text, rx, rx_starts)
    for m in matches:
        s, e = m.span()
        if not occupied.free(s, e):
            continue
        g = m.groupdict()
        qual, s = qualifier_before(text, s, lang)
        value, raw = _value(g, lang)
        span = "word" if g.get("word") else "wmult" if g.get("wmult") else "num" if g.get("num") else "num2"
        ns, ne = m.span(span)
        if value is None or value == 0:
            continue
        if raw and re.fullmatch(r"\d{4}", raw) and plausible_year(int(raw), lang) and not g.get("mult"):
            continue  # a year, not a count
        if _not_a_count_before(text[max(0, ns - 60):ns], lang, qual, (g.get("noun") or "").lower()):
            continue
        before = text[max(0, ns - 25):ns]
        if re.search(r"[/#:]\s*$|\d\s$", before) or (not g.get("ratio") and re.match(r"\s*[/:]\s*\d", text[ne:ne + 3])):
            continue  # ranks "54/63", times, phone digit groups
        if g.get("mult"):
            value *= MULTIPLIERS[g["mult"].lower()]
        noun = (g.get("noun") or g.get("noun2") or "").lower()
        what = g.get("what") or noun
        if lang == "th":
            what = _thai_what(text, s, token_starts, noun)
        elif g.get("less"):
            what = "reduction (" + g["less"].lower() + " than before)"
        elif noun in actor or any(noun[i + 1:] in actor for i, ch in enumerate(noun) if ch == " "):
            # "5 ministries and agencies", "14 tỉnh, thành phố": the coordinated nouns come along
            more = _coordination_regex(lang).match(text, e)
            if more:
                e = more.end()
                what = text[m.start("what"):e]
        occupied.add(s, e)
        out.append(NumberMention(s, e, ns, ne, value, what=what, qualifier=qual))
    if "anaphora" in count_words(lang):
        out += _anaphoric_counts(text, lang, occupied, starts)
    if other and _cjk_marks().search(other):  # a CJK counter on the page (few pages)
        out += _cjk_counts(text, occupied)
    out.sort(key=lambda n: n.start)
    return out


@lru_cache(maxsize=None)
def _before_regexes(lang: str) -> tuple[re.Pattern | None, re.Pattern | None, re.Pattern]:
    """(denominator cue, rank movement verb, survey verb) ending right before a number."""
    w = count_words(lang)
    den = re.compile(rf"(?:{alt(w['denominator_before'])})\s+(?:the\s+)?$", re.I) if w.get("denominator_before") else None
    rank = (re.compile(rf"\b(?:{alt(w['rank_movement']['verbs'])})\s+(?:by\s+)?$", re.I)
            if w.get("rank_movement") else None)
    # a survey's sample, also over a coordination: "surveyed 10,000 enterprises and 1,500 households"
    lead = "" if lang == "th" else r"(?<!\w)"
    survey = re.compile(rf"{lead}(?:{alt(w['survey_before'])})(?![\w])[^.;:\n]{{0,40}}$", re.I)
    return den, rank, survey


def _not_a_count_before(before: str, lang: str, qual: str | None, noun: str) -> bool:
    """Whether the words right before a number make it a rank, an address, a document
    number or a denominator ("ranked 54", "No. 5", "2nd out of 63 provinces")."""
    w = count_words(lang)
    words = _WORDS.findall(before)
    prev = words[-1].lower().rstrip(":") if words else ""
    if not qual and prev in _lower(lang, "excluded_before"):
        unless = w.get("excluded_unless", {}).get(prev, ())
        if not (len(words) > 1 and words[-2] in unless):
            return True
    den, rank, survey = _before_regexes(lang)
    # anchored: each pattern tried only where one of its cue words occurs (most windows: none),
    # not at every position of the window (the same matches)
    if anchored(survey).search(before):
        return True  # "a survey of 1,500 people": a sample, not a count
    if den and anchored(den).search(before):
        return True  # "ranked 2nd out of 63 provinces": the whole, not a count
    if rank and noun in _lower(lang, "rank_nouns") and anchored(rank).search(before):
        return True  # "climbed 15 positions": a rank movement
    return False


_WORDS = re.compile(r"[^\s\d]+")


@lru_cache(maxsize=None)
def _lower(lang: str, key: str) -> frozenset[str]:
    w = count_words(lang)
    words = w["rank_movement"]["nouns"] if key == "rank_nouns" and "rank_movement" in w else w.get(key, ())
    return frozenset(x.lower() for x in words)


@lru_cache(maxsize=None)
def _coordination_regex(lang: str) -> re.Pattern:
    """More actor nouns joined to a counted one: ", civil servants and public employees"."""
    return re.compile(rf"(?:\s*(?:,|and|và|และ)\s*(?:{alt(count_words(lang)['nouns_actor'])})(?![\w]))+", re.I)


def _thai_what(text: str, s: int, token_starts: list[int], noun: str) -> str:
    """Thai puts the counted thing before the number and a classifier after it: the last
    words before the number (cut at the doc's word boundaries) and the classifier."""
    a = s
    for ts in reversed(token_starts[bisect_left(token_starts, s - 30):bisect_left(token_starts, s)]):
        if re.fullmatch(r"[\u0e00-\u0e7f]+\s*", text[ts:a]) is None and a != s:
            break
        if s - ts > 25 or len(re.findall(r"[\u0e00-\u0e7f]+", text[ts:s])) > 3:
            break
        a = ts
    return (text[a:s].strip() + " " if a < s else "") + noun


@lru_cache(maxsize=None)
def _anaphora_regexes(lang: str) -> tuple[re.Pattern, re.Pattern, re.Pattern | None]:
    """(numbers whose noun stands before them, counted nouns, where the first can start) for
    ``lang`` (en, vi); see :func:`_anaphora_matches`."""
    a = count_words(lang)["anaphora"]
    thousands = "," if lang == "en" else "."
    n = rf"(?<![\w.,/:\-$])\d+(?:{re.escape(thousands)}\d{{3}})*(?![.,]?\d)"
    if lang == "en":
        n = rf"(?:{n}|\b(?i:{_word_number_regex()})\b)"
    not_unit = rf"(?!\s*(?:%|-|(?:{alt_by_first(a['not_after'])})(?!\w)|(?:{alt(k for k in MULTIPLIERS)})(?!\w)))"
    starts = _word_number_words() if lang == "en" else []  # what a number starts with, besides a digit
    num_lead = lead(starts, r"\d")
    parts = [
        # "reduced to 15", "will decrease from 12 to 10", "consolidated into four", "giảm từ 12 xuống 10"
        rf"(?i:{lead(a['change_verbs'])}\b(?:{alt_by_first(a['change_verbs'], True)})\w*\b[^.;:\n\d]{{0,40}}?)"
        rf"(?:\b(?i:{alt(a['from_words'])})\s+(?P<a>{n}){not_unit}\s+)?(?i:\b(?:{alt(a['to_words'])})\s+)(?P<b>{n}){not_unit}"]
    if a.get("total_cues"):  # "numbering eight", "now 14"
        parts.append(rf"(?i:{lead(a['total_cues'])}\b(?:{alt(a['total_cues'])})\s+)(?P<c>{n}){not_unit}")
    if a.get("part_cues"):  # "four of which", "seven others"
        parts.append(rf"(?i:{num_lead})(?P<d>{n})(?=\s+(?i:{alt(a['part_cues'])})\b)")
    if a.get("clause_verbs"):  # clause-initial "three had their positions unchanged"
        parts.append(rf"(?:(?i:{num_lead})(?:(?<=[,;:])|(?<=[,;:]\s))|(?i:{lead(a['clause_openers'])}\b(?:{alt(a['clause_openers'])})\s+))(?P<e>{n})"
                     rf"(?=\s+(?i:{alt_by_first(a['clause_verbs'], True)})\b)")
    nouns = re.compile(rf"{lead(_nouns(lang))}(?<!\w)(?:{alt_by_first(_nouns(lang), True)})(?!\w)", re.I)
    # a one-character look-ahead (patterns.lead) before the parts, then one in each part
    firsts = [*a["change_verbs"], *a.get("total_cues", ()), *starts, *a.get("clause_openers", ())]
    # every part starts at a word start (a word, or a number not glued to a word): \b rejects
    # the other positions before any part is tried
    rx = re.compile(rf"\b(?i:{lead(firsts, DIGIT)})(?:" + "|".join(parts) + ")")
    return rx, nouns, _word_starts(firsts)


@lru_cache(maxsize=None)
def _starts_rx(heads: frozenset[str]) -> re.Pattern | None:
    """Where a pattern that starts at a word start with a digit or one of the words ``heads``
    (lower-cased) can match, found on the page lower-cased as ASCII bytes (every other
    character a "?", which stands for any other digit too); None unless ``heads`` are ASCII."""
    if not all(h.isascii() for h in heads):
        return None
    return re.compile(rf"(?<![a-z0-9_])(?:{alt_by_first(heads) + '|' if heads else ''}[0-9?])".encode())


def _word_starts(words: list[str]) -> re.Pattern | None:
    """:func:`_starts_rx` of the first words of ``words``."""
    return _starts_rx(frozenset(re.match(r"\w+", w.lower()).group(0) for w in words))


def _matches_at(text: str, rx: re.Pattern, starts: re.Pattern | None) -> list[re.Match]:
    """The matches of ``rx.finditer(text)``: ``rx`` tried only where ``starts`` finds a
    possible start (the engine would try it at every word boundary, most of the page's cost).
    ``rx`` must start with ``\\b`` and a digit or a word of ``starts`` (:func:`_starts_rx`)."""
    low = text.lower()
    if starts is None or len(low) != len(text) or CASE_EXOTIC.search(text):
        # a character that matches a letter only case-insensitively ("ſ") or lower-cases to
        # two: the plain scan
        return list(rx.finditer(text))
    return match_at(rx, text, (c.start() for c in starts.finditer(low.encode("ascii", "replace"))))


#: ASCII bytes (``str.encode("ascii", "replace")``) -> the bytes :func:`_english_starts` scans: letters
#: lower-cased, "_" kept, every digit a "0", every other byte a space ("?" too: it stands for
#: any non-ASCII character, which can only end a word there: a superset of the word starts)
_WORD_BYTES = bytes((c | 0x20) if 65 <= c <= 90 else 48 if 48 <= c <= 57 else c if (97 <= c <= 122 or c == 95) else 32
                    for c in range(256))
_ASCII_BYTES = bytes(range(128))
#: non-ASCII characters the ASCII view of a page would hide from :func:`_english_starts`: digits
#: (``\d`` matches every decimal digit) and those that match an ASCII letter under re.I (anchors.CASE_EXOTIC)
_HIDDEN = re.compile(r"[\d\u0130\u0131\u017f\u212a]")


def _non_ascii(text: str) -> str:
    """The non-ASCII characters of ``text``, in order (empty for an ASCII text): C-speed byte
    operations, where a regex class scans the whole page a character at a time."""
    if text.isascii():
        return ""
    return text.encode("utf-8").translate(None, _ASCII_BYTES).decode("utf-8")


def _view_words(words) -> list[str]:
    """``words`` as they read in the view of :data:`_WORD_BYTES` (lower case, non-word characters spaces)."""
    return [w.lower().encode("ascii").translate(_WORD_BYTES).decode("ascii") for w in words]


@lru_cache(maxsize=None)
def _english_scan() -> tuple[re.Pattern, frozenset[bytes], re.Pattern, re.Pattern]:
    """How :func:`_english_starts` reads a page's view (:data:`_WORD_BYTES`): (the scan, the number
    words, what follows a digit and what follows a number word before a part cue or a clause verb).

    The scan finds, behind a space, a digit or a number word, a change verb, or a total cue or
    clause opener followed by a number: the only ways the English count and anaphora patterns
    start. An anaphora match that starts at a number needs a part cue or a clause verb after it
    ("four of which", "three had"): the two other patterns look for that."""
    a = count_words("en")["anaphora"]
    numbers = _view_words(_word_number_words())
    word = rf"(?:{alt_by_first(numbers)})(?![a-z0-9_])"
    follow = rf"(?:{alt_by_first(_view_words([*a.get('part_cues', ()), *a.get('clause_verbs', ())]))})(?![a-z0-9_])"
    # "1,234" is "0 000" in the view; a number of more than nine groups passes without a look
    # (the look stays bounded: linear time)
    after_digit = re.compile(rf"0*(?:(?: 000){{9}}|(?: 000){{0,8}} +{follow})".encode())
    # "twenty-one others": a compound is two words in the view
    after_word = re.compile(rf"(?: [a-z]+)? +{follow}".encode())
    tails = {w: "(?![a-z0-9_])" for w in numbers}
    tails.update({w: "" for w in _view_words(a["change_verbs"])})
    tails.update({w: rf"(?= +(?:0|{word}))" for w in _view_words([*a.get("total_cues", ()), *a.get("clause_openers", ())])})
    # one branch per first character, each opening with it: the engine skips a branch on its
    # first character, so a space costs a few comparisons
    groups: dict[str, list[str]] = {"0": [""]}
    for w in sorted(tails, key=len, reverse=True):
        groups.setdefault(w[0], []).append(re.escape(w[1:]) + tails[w])
    branches = "|".join(re.escape(ch) + "(?:" + "|".join(rest) + ")" for ch, rest in sorted(groups.items()))
    # the literal space first: the engine skips to spaces at C speed
    scan = re.compile(rf" (?:{branches})".encode())
    return scan, frozenset(w.encode() for w in numbers), after_digit, after_word


class _Starts(NamedTuple):
    """Where the English patterns can start on a page (:func:`_english_starts`)."""

    numbers: list[int]  #: the count pattern (digits and number words)
    anaphora: list[int]  #: the anaphora pattern
    view: bytes  #: the page as :data:`_WORD_BYTES`, behind one space


def _english_starts(text: str, other: str) -> _Starts | None:
    """(where the count pattern can start, where the anaphora pattern can) in an English page,
    found in one scan of its ASCII bytes; None when the page holds a character that view hides
    (``other``: its non-ASCII characters, :func:`_non_ascii`): then the patterns scan the page
    themselves.

    A count starts with a digit run or a number word at a word start; an anaphora match with a
    change verb, a total cue or clause opener and spaces before a number, or a number that a
    part cue or a clause verb follows. Each is found in the bytes view as a space and the words:
    a superset of the real starts (every non-word character is a space there, and the view
    never tells a shorter match from a longer one), so ``match_at`` over them gives ``finditer``."""
    if other and _HIDDEN.search(other):
        return None
    view = b" " + text.encode("ascii", "replace").translate(_WORD_BYTES)
    scan, number_words, after_digit, after_word = _english_scan()
    numbers: list[int] = []
    anaphora: list[int] = []
    for m in scan.finditer(view):
        p, e = m.span()  # the view's leading space: a word's offset in the view is p + 1, in the text p
        if e == p + 2 and view[p + 1] == 48:  # a digit ("0" in the view)
            numbers.append(p)
            if after_digit.match(view, e):
                anaphora.append(p)
        elif view[p + 1:e] in number_words:
            numbers.append(p)
            if after_word.match(view, e):
                anaphora.append(p)
        else:
            anaphora.append(p)  # a change verb, or a cue before a number
    return _Starts(numbers, anaphora, view)


@lru_cache(maxsize=None)
def _view_nouns() -> re.Pattern | None:
    """The English counted nouns in a page's view (:func:`_english_starts`), behind a space: where
    they can start; None when a noun is not ASCII (the view cannot show it)."""
    nouns = _nouns("en")
    if not all(n.isascii() for n in nouns):
        return None
    return re.compile(rf" (?:{alt_by_first(_view_words(nouns))})(?![a-z0-9_])".encode())


def _noun_hits(text: str, nouns: re.Pattern, starts: _Starts | None) -> list[tuple[int, int, str]]:
    """(start, end, text) of the counted nouns of ``text`` (``nouns.finditer``), tried only where
    the page's view shows one when the caller has it."""
    found = nouns.finditer(text)
    view_nouns = _view_nouns() if starts is not None else None
    if view_nouns is not None:
        found = match_at(nouns, text, [m.start() for m in view_nouns.finditer(starts.view)])
    return [(m.start(), m.end(), m.group(0)) for m in found]


def _anaphoric_counts(text: str, lang: str, occupied: Occupied,
                      starts: _Starts | None = None) -> list[NumberMention]:
    """Counts whose counted noun stands before the number (see the module doc); ``starts``:
    where a match can start (:func:`_english_starts`), else found here."""
    rx, nouns, rx_starts = _anaphora_regexes(lang)
    hits: list[tuple[int, int, str]] = []
    ends: list[int] | None = None  # the counted nouns: found on the first number that needs them
    out = []
    for m in (match_at(rx, text, starts.anaphora) if starts is not None else _matches_at(text, rx, rx_starts)):
        for name in ("a", "b", "c", "d", "e"):
            if not m.groupdict().get(name):
                continue
            s, e = m.span(name)
            raw = m.group(name)
            value = parse_number(raw, lang) if raw[0].isdigit() else word_value(raw)
            if not value or not occupied.free(s, e):
                continue
            if raw.isdigit() and len(raw) == 4 and plausible_year(int(raw)):
                continue
            if ends is None:
                hits = _noun_hits(text, nouns, starts)
                ends = [h[1] for h in hits]
            i = bisect_left(ends, s) - 1  # the nearest counted noun ending before the number
            if i < 0 or s - ends[i] > ANTECEDENT_CHARS or "\n\n" in text[ends[i]:s]:
                continue
            occupied.add(s, e)
            out.append(NumberMention(s, e, s, e, value, what=hits[i][2]))
    return out


@lru_cache(maxsize=None)
def _cjk_regex() -> re.Pattern:
    w = load_json("counts.json", "xx")
    cjk = r"\u3400-\u4dbf\u4e00-\u9fff\u30a0-\u30ff"
    stops = re.escape(w["zh_noun_stops"])
    before = "".join(re.escape(c) for c in w["not_after"])  # "第2の": an ordinal
    head = rf"(?=\d)(?<![{LATIN_WORD}.,/{before}])(?P<num>{NUM})(?:/{NUM})?"
    return re.compile(
        # Japanese: "10件の法文書", "47の業務規制", "2つの決定"; Chinese: "62个省", "1129项决定"
        rf"{head}(?:(?:{alt(w['ja_counters'])})?の(?P<noun>[{cjk}]{{1,12}})"
        rf"|(?:{alt(w['zh_counters'])})的?(?P<noun2>(?:(?![{stops}])[{cjk}]){{1,6}}))")


@lru_cache(maxsize=None)
def _cjk_marks() -> re.Pattern:
    """What every CJK count holds: "の" or the first character of a Chinese counter."""
    w = load_json("counts.json", "xx")
    return re.compile("[" + "".join(sorted({re.escape(c[0]) for c in ["の", *w["zh_counters"]]})) + "]")


def _cjk_counts(text: str, occupied: Occupied) -> list[NumberMention]:
    """Counts in Chinese and Japanese text (a number, a counter, the noun); the caller has
    checked that the page holds a CJK counter (:func:`_cjk_marks`)."""
    out = []
    for m in _cjk_regex().finditer(text):
        s, e = m.span()
        value = parse_number(m.group("num"), "en")
        if not value or not occupied.free(s, e):
            continue
        occupied.add(s, e)
        out.append(NumberMention(s, e, s, m.end("num"), value, what=m.group("noun") or m.group("noun2")))
    return out

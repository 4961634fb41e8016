"""What a number measures and for whom: ``metric``, ``subject``, ``comparison`` (``period``: :mod:`.period`).

No parser is available on ``spacy.blank``, so the grammar is read with patterns over the
sentence text around each number:

* ``metric`` and ``subject`` of English numbers: :mod:`attribution_en` (the clause reader),
  :mod:`attribution_np` (the metric noun phrase), :mod:`attribution_subject` (for whom),
  :mod:`attribution_enum` (rankings, enumerations, aggregates); of Vietnamese and Thai
  numbers: :mod:`indicators_native`. This module keeps what they share: sentences, places,
  the lexicon, ``Reading`` and ``comparison``.
* ``period``: read by :mod:`.period` with the page frame of :mod:`.frame`.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable, Iterator

from ..anchors import anchored, match_at, positions
from ..patterns import alt, alt_by_first, lead
from ..resources import has_resource, load_json
from .indicators_find import words
from .lexicon_page import alias_positions, entries_on_page

#: no sentence ends after "No.", "Mr.", "Dr.", "TP." or an initial; each look-behind is written
#: after the stop it is about ("(?<!\bNo.)"), so that the pattern opens with the stop itself: a
#: character class, from which the engine jumps in C to the next stop
_ABBREV = "".join(rf"(?<!\b{w}.)" for w in ("No", "Mr", "Mrs", "Ms", "Dr", "St", "TP", "vs", "[A-Z]"))
_SENT_END = re.compile(r"[.!?…]" + _ABBREV + r"(?<![.!?…].)[.!?…]*[\"'”’)]*\s+(?=[\"'“(\[]?[A-ZÀ-ỸĐ0-9\-•–])")


@dataclass
class Sentence:
    start: int
    end: int
    para: int


@dataclass
class Context:
    """Per-document facts the metric/subject/period rules share."""

    text: str
    lang: str
    sentences: list[Sentence]
    places: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, surface)
    bodies: list[tuple[int, int, str]] = field(default_factory=list)  # body mentions, same form
    years: list[tuple[int, int, int]] = field(default_factory=list)  # (start, end, year)
    index_years: dict[str, int] = field(default_factory=dict)  # lexicon id -> edition year
    acronyms: dict[str, str] = field(default_factory=dict)
    cache: dict = field(default_factory=dict)
    # the page frame (components/frame.py): index edition, reporting period, the place the
    # page is about (``frame.place``: "the province" / "the city" resolve to it)
    frame: Any = None

    # Sorted lookups keep long pages linear (bisect instead of scanning every mention).
    def _starts(self, key: str, items: list) -> list[int]:
        # Built once per document: a setdefault() default would be rebuilt on every call.
        starts = self.cache.get(key)
        if starts is None:
            starts = self.cache[key] = [item[0] if isinstance(item, tuple) else item.start for item in items]
        return starts

    def places_in(self, a: int, b: int) -> list[tuple[int, int, str]]:
        starts = self._starts("place_starts", self.places)
        return self.places[bisect_left(starts, a):bisect_left(starts, b)]

    def last_place_before(self, pos: int) -> str | None:
        starts = self._starts("place_starts", self.places)
        i = bisect_left(starts, pos)
        return self.places[i - 1][2] if i else None

    def years_in(self, a: int, b: int) -> list[tuple[int, int, int]]:
        starts = self._starts("year_starts", self.years)
        return self.years[bisect_left(starts, a):bisect_left(starts, b)]

    def next_number_after(self, pos: int) -> int | None:
        """Start of the next indicator number after ``pos`` (the extractor sets the list)."""
        starts = self.cache.get("num_starts", [])
        i = bisect_right(starts, pos)
        return starts[i] if i < len(starts) else None

    def number_end_before(self, pos: int) -> int | None:
        """End of the last indicator number ending at or before ``pos``."""
        ends = self.cache.get("num_ends", [])
        i = bisect_right(ends, pos)
        return ends[i - 1] if i else None

    def number_between(self, a: int, b: int) -> bool:
        starts = self.cache.get("num_starts", [])
        return bisect_left(starts, b) > bisect_right(starts, a)

    def sentence_index(self, pos: int) -> int:
        starts = self._starts("sent_starts", self.sentences)
        return max(0, bisect_right(starts, pos) - 1)


def split_sentences(text: str, lang: str) -> list[Sentence]:
    """Sentences with offsets; every line is a paragraph. Thai lines are kept whole."""
    out: list[Sentence] = []
    # the sentence ends of every line, found in one scan of the page: a match that reaches over
    # a line break is none of a line's own (its look-behinds read words and stops, never a line
    # break; its blanks and look-ahead cannot pass the end of a line)
    ends = [] if lang == "th" else [m.end() for m in _SENT_END.finditer(text) if "\n" not in m.group()]
    k = 0
    pos = 0
    for para, line in enumerate(text.split("\n")):
        stop = pos + len(line)
        if line.strip():
            cuts = [pos]
            while k < len(ends) and ends[k] <= stop:
                cuts.append(ends[k])
                k += 1
            cuts.append(stop)
            for a, b in zip(cuts, cuts[1:]):
                if not text[a:b].isspace() and a < b:
                    out.append(Sentence(a, b, para))
        else:
            while k < len(ends) and ends[k] <= stop:
                k += 1
        pos = stop + 1
    return out


def entry_aliases(entry: dict, lang: str) -> list[str]:
    """The aliases of a lexicon entry that apply on pages in ``lang``."""
    aliases = list(entry["aliases"].get("en", []))
    if lang in ("vi", "th"):
        # Thai pages quote Vietnamese captions and the reverse: all native aliases apply
        aliases += entry["aliases"].get("vi", []) + entry["aliases"].get("th", [])
    return [a for a in aliases if a]


@lru_cache(maxsize=None)
def lexicon(lang: str) -> list[tuple[re.Pattern, dict]]:
    """(pattern, entry) of the indicator lexicon for ``lang`` (plus English aliases)."""
    entries = load_json("indicators.json")["indicators"]
    out = []
    for entry in entries:
        aliases = entry_aliases(entry, lang)
        if not aliases:
            continue
        if lang == "th":
            rx = re.compile(lead(aliases) + alt_by_first(aliases, True), re.I)
        else:
            rx = re.compile(rf"{lead(aliases)}(?<!\w)(?:{alt_by_first(aliases, True)})(?!\w)", re.I)
        out.append((rx, entry))
    return out


def lexicon_on_page(text: str, lang: str) -> list[tuple[re.Pattern, dict]]:
    """The lexicon entries that can match in ``text`` (see :mod:`.lexicon_page`)."""
    return entries_on_page(text, lang, lexicon, entry_aliases)


def lexicon_hits(text: str, lang: str, start: int, end: int) -> list[tuple[int, int, dict]]:
    """Lexicon matches inside ``text[start:end]``, in text order (longest wins on overlap)."""
    if len(text) > _PAGE_HITS_MIN and end - start < len(text):
        # a window of a page: filter the page's hits, found once, instead of scanning every
        # lexicon pattern per number (quadratic on a one-line list of numbers)
        hits, starts = _page_lexicon_hits(text, lang)
        out = []
        for h in hits[bisect_left(starts, start):]:
            if h[0] >= end:
                break
            if h[1] <= end:
                out.append(h)
        return out
    if len(text) > _PAGE_HITS_MIN:
        return list(_page_lexicon_hits(text, lang)[0])  # the whole page: scanned once, for every caller
    # a metric label or a short text: the same few strings come back for many numbers and pages
    return list(_short_scan(text, lang, start, end))


_PAGE_HITS_MIN = 256


@lru_cache(maxsize=2048)
def _short_scan(text: str, lang: str, start: int, end: int) -> tuple[tuple[int, int, dict], ...]:
    return tuple(_lexicon_scan(text, lang, start, end))


@lru_cache(maxsize=4)
def _page_lexicon_hits(text: str, lang: str) -> tuple[list[tuple[int, int, dict]], list[int]]:
    hits = _lexicon_scan(text, lang, 0, len(text))
    return hits, [h[0] for h in hits]


def _entry_matches(text: str, lang: str, start: int, end: int) -> Iterator[tuple[dict, re.Match]]:
    """(entry, match) of every lexicon entry's pattern in ``text[start:end]``, entry by entry: on
    a whole page, each pattern tried only where one of its aliases occurs (:func:`alias_positions`)."""
    found = alias_positions(text, lang, lexicon, entry_aliases) if (start, end) == (0, len(text)) and len(text) > _PAGE_HITS_MIN else None
    if found is None:
        for rx, entry in lexicon_on_page(text, lang):
            for m in rx.finditer(text, start, end):
                yield entry, m
        return
    for rx, entry, at in found:
        for m in match_at(rx, text, at):
            yield entry, m


def _lexicon_scan(text: str, lang: str, start: int, end: int) -> list[tuple[int, int, dict]]:
    hits = []
    for entry, m in _entry_matches(text, lang, start, end):
        # upper-case acronyms only match in upper case ("PCI", not "pci")
        if m.group(0).isupper() is False and re.fullmatch(r"[A-Z]{3,6}", entry["label"]) and m.group(0).lower() == entry["label"].lower():
            continue
        hits.append((m.start(), m.end(), entry))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    kept = []
    for h in hits:
        if not kept or h[0] >= kept[-1][1]:
            kept.append(h)
    return kept


def index_hits(ctx: Context) -> list[tuple[int, int, dict]]:
    """Every mention of a named index on the page, in text order (computed once per page)."""
    hits = ctx.cache.get("index_hits")
    if hits is None:
        hits = ctx.cache["index_hits"] = [h for h in lexicon_hits(ctx.text, ctx.lang, 0, len(ctx.text))
                                          if h[2].get("kind") == "index"]
    return hits


WORD_START = r"(?<!\w.)"  # after a match's first character: no word character before the match


@lru_cache(maxsize=None)
def _gazetteer_forms(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """(names, ambiguous names) of the provinces of the shared places gazetteer for ``lang``."""
    forms: set[str] = set()
    ambiguous: set[str] = set()
    for p in load_json("places.json").get("provinces", []) if has_resource("places.json") else []:
        names = [p["name"], *p.get("aliases", [])]
        if lang in ("vi", "en"):
            names.append(p.get("vi") or "")
        if lang == "th":
            names += p.get("th") or []
        target = ambiguous if p.get("ambiguous") else forms
        target.update(n for n in names if n and len(n) > 2)
    return frozenset(forms), frozenset(ambiguous)


@lru_cache(maxsize=None)
def _gazetteer(lang: str) -> tuple[re.Pattern | None, re.Pattern | None]:
    """Regexes of province names (from the shared places gazetteer) for ``lang``."""
    if not has_resource("places.json"):
        return None, None
    forms, ambiguous = _gazetteer_forms(lang)
    if lang == "th":
        return re.compile(alt(forms | ambiguous)), None
    # the name's first letter, then "no word character before it": the engine jumps from one
    # first letter to the next (patterns.alt_by_first)
    plain = re.compile(rf"(?:{alt_by_first(forms, after_first=WORD_START)})(?!\w)")
    amb = re.compile(rf"(?:{alt_by_first(ambiguous, after_first=WORD_START)})(?=\s+(?:province|city)\b)") if ambiguous else None
    return plain, amb


@lru_cache(maxsize=None)
def region_names() -> dict[str, str]:
    """Every English form of a socio-economic region (lower-cased) -> its canonical name."""
    if not has_resource("regions.json"):
        return {}
    out: dict[str, str] = {}
    for r in load_json("regions.json")["regions"]:
        for f in [r["name"], *r.get("aliases", [])]:
            out[f.lower()] = r["name"]
    return out


@lru_cache(maxsize=None)
def _region_rx() -> re.Pattern | None:
    names = region_names()
    return re.compile(rf"{lead(names)}(?<!\w)(?:{alt_by_first(names, True)})(?!\w)", re.I) if names else None


def find_regions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, surface) of the socio-economic regions an English ``text`` names."""
    rx = _region_rx()
    # (tried only where a region's first word occurs: anchors.anchored)
    return [(m.start(), m.end(), m.group(0)) for m in anchored(rx).finditer(text)] if rx else []


def find_places(text: str, lang: str, doc_places: list[dict] | None) -> list[tuple[int, int, str]]:
    """Place mentions: the bodies component's places when it ran, plus the gazetteer."""
    spans: dict[tuple[int, int], str] = {}
    for place in doc_places or []:
        for m in place.get("mentions", []) or []:
            if m.get("source", "original") == "original":
                spans[(m["start"], m["end"])] = m.get("text") or text[m["start"]:m["end"]]
    covered = _Coverage(spans)
    plain, amb = _gazetteer(lang)
    for rx in (plain, amb):
        if rx is None:
            continue
        # an ambiguous name only counts before "province" / "city": tried only there
        found = _before_place_word(rx, text, _ambiguous_lengths(lang)) if rx is amb else rx.finditer(text)
        for m in found:
            if not covered(m.start()):
                spans[(m.start(), m.end())] = m.group(0)
                covered.add(m.start(), m.end())
    if lang == "en":
        # the six socio-economic regions are actors of rankings and averages ("the Mekong Delta averaged ...")
        for s, e, form in find_regions(text):
            if not covered(s):
                spans[(s, e)] = region_names().get(form.lower(), form)
                covered.add(s, e)
    if lang != "th":
        not_name = _place_prefix_words()
        for m in _province_words(text):
            # "In Hai Duong province", "Northern Quang Ninh province": the name without the word before it
            a, name = m.start(1), m.group(1)
            while " " in name and name.split(" ", 1)[0].lower() in not_name:
                head = name.split(" ", 1)[0]
                a, name = a + len(head) + 1, name[len(head) + 1:]
            if not covered(a) and name.lower() not in not_name:
                spans[(a, a + len(name))] = name
                covered.add(a, a + len(name))
    return sorted((a, b, t) for (a, b), t in spans.items())


@lru_cache(maxsize=None)
def _place_prefix_words() -> frozenset[str]:
    """Words before "X province" that are not part of its name ("In", "Northern"), lower-cased."""
    return frozenset(w.lower() for w in load_json("attribution.json", "en")["place_prefix_words"])


#: "Hai Duong province": up to three capitalised words, written to start with the first capital
#: (``[A-Z](?<!\w.)`` for ``\b[A-Z]``, the same words) so that the engine jumps from capital to capital
_PROVINCE_WORD = re.compile(r"([A-Z](?<!\w.)(?:[a-z]+\s[A-Z]){0,2}[a-z]+)\s+(?:province|city)\b")

#: the words after a place name in English, as :data:`_PROVINCE_WORD` and the ambiguous
#: gazetteer names are written before them (lower case: the patterns are case-sensitive)
_PLACE_WORDS = ("province", "city")


def _place_word_positions(text: str) -> list[int]:
    """Where "province" or "city" occurs (exact case), ascending."""
    return positions(text, _PLACE_WORDS)


def _blanks_before(text: str, k: int) -> int:
    """Start of the run of blanks (``\\s``) that ends at ``k`` (``k`` when there is none)."""
    j = k
    while j and text[j - 1].isspace():
        j -= 1
    return j


def _name_starts(text: str, k: int) -> list[int]:
    """Where a match of :data:`_PROVINCE_WORD` ending in the place word at ``k`` can start: the
    first letters of the one to three capitalised words (``[A-Z][a-z]+``, one blank apart) right
    before the blanks before ``k``, ascending."""
    j = _blanks_before(text, k)
    out: list[int] = []
    if j == k:
        return out
    for _ in range(3):
        i = j
        while i and "a" <= text[i - 1] <= "z":
            i -= 1
        if i == j or not i or not "A" <= text[i - 1] <= "Z":
            break
        out.append(i - 1)
        if i < 3 or not text[i - 2].isspace():
            break
        j = i - 2
    out.reverse()
    return out


def _province_words(text: str) -> list[re.Match]:
    """``list(_PROVINCE_WORD.finditer(text))``: each match ends in a place word after at most
    three capitalised words, so the pattern is tried only at the first letters of those words
    (a scan of the page tries it at every capital)."""
    return match_at(_PROVINCE_WORD, text, [p for k in _place_word_positions(text) for p in _name_starts(text, k)])


@lru_cache(maxsize=None)
def _ambiguous_lengths(lang: str) -> tuple[int, ...] | None:
    """The lengths of the ambiguous gazetteer names of ``lang``; None when one ends with a blank
    (then where it ends is not told by the blanks before a place word)."""
    names = _gazetteer_forms(lang)[1]
    if any(n[-1].isspace() for n in names):
        return None
    return tuple(sorted({len(n) for n in names}))


def _before_place_word(rx: re.Pattern, text: str, lengths: tuple[int, ...] | None) -> Iterable[re.Match]:
    """``rx.finditer(text)`` for the ambiguous-name pattern (a name of one of ``lengths``
    characters, then blanks and a place word): a name ends where the blanks before a place word
    begin (names end with a letter), so it is tried only a name's length before each of those."""
    if lengths is None:
        return rx.finditer(text)
    starts = set()
    for k in _place_word_positions(text):
        j = _blanks_before(text, k)
        if j < k:
            starts.update(j - n for n in lengths if j >= n)
    return match_at(rx, text, sorted(starts))


_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-ZÀ-ỸĐ][\w'’.]*(?:[ \t]+[A-ZÀ-ỸĐ][\w'’.]*){0,3})[ \t]*"
    r"(?P<tail>(?:,[ \t]*(?=[^\n]{0,14}\d)[^\n\-–—(]{3,25}?[ \t]*)?(?:\([^)\n]{1,30}\)[ \t]*)?)"
    r"[-–—:][ \t]+(?=\S[^\n]{30})", re.M)


def dateline_places(text: str) -> list[tuple[int, int]]:
    """Spans of the place of a dateline ("Hanoi (VNA) - ...", "Quang Tri, 14/03/2024 - ...",
    "HANOI - ..."): where the story was filed, not an actor of its numbers."""
    out = []
    head = text[:20000]  # datelines open a page
    # a match opens a line ("^" of a multi-line pattern) and stays on it: tried at line starts only
    starts = [0]
    i = head.find("\n")
    while i >= 0:
        starts.append(i + 1)
        i = head.find("\n", i + 1)
    for m in match_at(_DATELINE, head, starts):
        place = m.group("place")
        if m.group("tail").strip() or (place.isupper() and len(place) > 3):
            out.append(m.span("place"))
    return out


class _Coverage:
    """Whether a position falls inside one of a growing set of spans, in O(log n)."""

    def __init__(self, spans) -> None:
        self.spans = sorted(spans)

    def add(self, start: int, end: int) -> None:
        insort(self.spans, (start, end))

    def __call__(self, pos: int) -> bool:
        # Place mentions may nest (a province inside "X province"), never deeper than a few levels:
        # the last few spans starting before pos are enough.
        i = bisect_right(self.spans, (pos, float("inf")))
        return any(end > pos for _, end in self.spans[max(0, i - 8):i])


def find_acronyms(text: str) -> dict[str, str]:
    """Acronyms the page defines: "public e-service portals (PESPs)" -> {"PESPs": ...}."""
    out: dict[str, str] = {}
    for m in re.finditer(r"\(([A-Z]{2,8})(s?)\)", text):
        acro = m.group(1)
        before = re.findall(r"[\w\-']+", text[max(0, m.start() - 120):m.start()])
        letters = acro.lower()
        # walk back over words until their initials (hyphen parts too) spell the acronym
        for n in range(1, min(len(letters) + 4, len(before)) + 1):
            cand = before[-n:]
            initials = "".join(p[0].lower() for w in cand for p in w.split("-") if p and p.lower() not in ("of", "and", "the", "for", "in", "on"))
            if initials == letters:
                out[acro + m.group(2)] = " ".join(cand)
                out[acro] = " ".join(cand)
                break
    return out


# -- comparison -------------------------------------------------------------------------

def is_comparison(text: str, start: int, end: int, unit: str, clause_start: int, lang: str) -> bool:
    """Changes and multiples: "up 2.7%", "a 36 percent increase", "1.4 times", "cut at least 20%"."""
    if unit == "times":
        return True
    w = words(lang)
    before = text[max(clause_start, start - 40):start].lower()
    after = text[end:end + 40].lower()
    if lang == "th":
        return any(before.rstrip().endswith(c) for c in w["comparison_before"]) or any(after.lstrip().startswith(c) for c in w["comparison_after"])
    cue_before, cue_after, clause_verb = _comparison_regexes(lang)
    if cue_before.search(before):
        return True
    if cue_after.match(after):
        return True
    clause = text[clause_start:start].lower()
    if clause_verb and clause_verb.search(clause) \
            and not re.search(r"\b(?:to|at)\s*$", before):
        return True
    return False


@lru_cache(maxsize=None)
def _comparison_regexes(lang: str) -> tuple[re.Pattern, re.Pattern, re.Pattern | None]:
    """(cue before the number, cue after it, change verb of its clause) of ``lang``, compiled once."""
    w = words(lang)
    verbs = w.get("comparison_clause_verbs")
    return (re.compile(rf"\b(?:{alt(w['comparison_before'])})\s*$"), re.compile(rf"\s*(?:{alt(w['comparison_after'])})\b"),
            re.compile(rf"\b(?:{alt(verbs)})\b") if verbs else None)


# -- metric / subject ---------------------------------------------------------------------


@dataclass
class Reading:
    metric: str | None = None
    metric_id: str | None = None
    subject: str | None = None
    period: str | None = None
    comparison: bool = False


def _last_place(ctx: Context, pos: int) -> str | None:
    """The place an anaphor ("the province", "the city") refers to: the last place named
    before ``pos`` that is not the country, else the dateline's place."""
    starts = ctx._starts("place_starts", ctx.places)
    i = bisect_left(starts, pos)
    for j in range(i - 1, max(-1, i - 9), -1):  # a few steps back: linear on long pages
        form = ctx.places[j][2]
        if _national(form, ctx.lang) != "nationwide":
            return form
    return ctx.cache.get("dateline_place")


def _national(form: str | None, lang: str) -> str | None:
    """The country itself as a subject reads "nationwide"."""
    if form and _nationwide_regex(lang).fullmatch(form):
        return "nationwide"
    return form


@lru_cache(maxsize=None)
def _nationwide_regex(lang: str) -> re.Pattern:
    return re.compile(rf"(?:{alt(words(lang)['nationwide_cues'])})", re.I)

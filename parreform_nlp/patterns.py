"""Small text and regex building blocks shared by the rule components."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Iterable


def is_thai(ch: str) -> bool:
    """Whether ``ch`` is in the Thai block (letters, vowels, tone marks, digits)."""
    return "\u0e00" <= ch <= "\u0e7f"


def alt(items: Iterable[str]) -> str:
    """A regex alternation of literal ``items``, longest first, so the longest form wins."""
    return _alt(tuple(items))


@lru_cache(maxsize=4096)
def _alt(items: tuple[str, ...]) -> str:
    # Cached: the rules build the same alternations for every number on a page.
    return "|".join(re.escape(w) for w in sorted(set(items), key=len, reverse=True))


def lead(items: Iterable[str], extra: str = "") -> str:
    """A look-ahead for the first characters of ``items`` (plus the class body ``extra``, e.g.
    ``\\d``), to put before an alternation that starts with look-behinds or word boundaries.

    Python's regex engine tries such a pattern at every position of the text, and every branch
    of the alternation there; behind this one-character test it rejects almost every position at
    once. The matches are the same (a match must start with one of these characters); under
    ``re.I`` the class is case-insensitive too. Empty when an item is empty (no restriction).
    """
    items = list(items)
    if not all(items) or not (items or extra):
        return ""
    return "(?=[" + "".join(sorted({re.escape(w[0]) for w in items})) + extra + "])"



def alt_by_first(items: Iterable[str], ignore_case: bool = False, after_first: str = "") -> str:
    """The alternation :func:`alt` makes, grouped by first character: ``t(?:hree|wo)|f(?:our|ive)``.

    Where a flat alternation of a hundred words makes the engine try a hundred branches at every
    word start, this tries one per first character, then the few words of that group. The same
    word wins (longest first, as in :func:`alt`): at one position only one group can match. With
    ``ignore_case`` (for patterns compiled with ``re.I``) the groups are by lower-cased character.

    ``after_first`` is a zero-width test put right after each group's first character, such as
    ``(?<!\\w.)`` (no word character before the match, tested once its first character is read). A
    case-sensitive alternation that starts with it lets the engine jump in C from one of the
    first characters to the next, where a leading look-behind makes it try every position.
    """
    return _alt_by_first(tuple(items), ignore_case, after_first)


@lru_cache(maxsize=1024)
def _alt_by_first(items: tuple[str, ...], ignore_case: bool, after_first: str = "") -> str:
    if not all(items):
        if after_first:
            raise ValueError("after_first needs items of one character or more")
        return _alt(items)  # an empty item matches anywhere: keep the flat form
    groups: dict[str, list[str]] = {}
    for w in sorted(set(items), key=len, reverse=True):
        groups.setdefault(w[0].lower() if ignore_case else w[0], []).append(re.escape(w[1:]))
    return "|".join(re.escape(k) + after_first + (f"(?:{'|'.join(rests)})" if rests != [""] else "")
                    for k, rests in groups.items())


# -- cue lists: regexes tried only where they can match ---------------------------------------
try:  # the regex parser of the standard library (private, but stable across 3.10 - 3.13)
    from re import _constants as _sre_c
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre_c  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

#: characters that a case-insensitive regex equates with an ASCII letter but ``str.lower`` does not
#: map onto it (dotted and dotless i, long s, Kelvin sign): a text with one of them is never pruned
#: ("İ".lower() is even two characters)
CASE_EXOTIC = re.compile("[\u0130\u0131\u017f\u212a]")
_ZERO_WIDTH = {_sre_c.AT, _sre_c.ASSERT, _sre_c.ASSERT_NOT}
_REPEATS = {_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT, getattr(_sre_c, "POSSESSIVE_REPEAT", _sre_c.MAX_REPEAT)}


def _plain(ch: str) -> bool:
    """A literal character whose lowercase ``str.lower`` and the regex engine agree on."""
    return ch.isascii() or (ch.lower() == ch == ch.upper() and ch.casefold() == ch)


def _best(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective of two requirements (the one whose shortest literal is longer)."""
    if not b:
        return a
    if not a:
        return b
    return b if min(map(len, b)) > min(map(len, a)) else a


def _required(items) -> frozenset[str] | None:
    """Lowercase literals one of which every match of the parsed sequence ``items`` contains."""
    best: frozenset[str] | None = None
    run: list[str] = []

    def close() -> None:
        nonlocal best, run
        if run:
            best = _best(best, frozenset(["".join(run)]))
        run = []

    for op, av in items:
        if op is _sre_c.LITERAL and _plain(chr(av)):
            run.append(chr(av).lower())
            continue
        if op in _ZERO_WIDTH:
            continue  # consumes nothing: the literals on either side are adjacent in every match
        close()
        sub = None
        if op is _sre_c.SUBPATTERN:
            sub = _required(av[-1])
        elif op is _sre_c.BRANCH:
            alts = [_required(b) for b in av[1]]
            sub = frozenset().union(*alts) if all(alts) else None
        elif op in _REPEATS and av[0] >= 1:
            sub = _required(av[2])
        best = _best(best, sub)
    close()
    return best


@lru_cache(maxsize=None)
def required_literals(pattern: str, flags: int = re.I) -> frozenset[str] | None:
    """Lowercase strings one of which every match of ``pattern`` contains (``None``: unknown).

    "\\bphoto\\s*:" needs "photo"; "(?:reader|asked by)" needs "reader" or "asked by". A text
    (lowercased) containing none of them cannot match, so the regex need not run over it."""
    try:
        need = _required(_sre_parse.parse(pattern, flags))
    except Exception:  # an unusual construct: no pruning, never a wrong answer
        return None
    # "ask" is in every text "asked" is in: the shorter literal alone says as much
    return frozenset(w for w in need if not any(v != w and v in w for v in need)) if need else None


class CueSet:
    """Regex cues (rules as data) joined into one alternation, run only with the cues that can
    match the text at hand: a cue none of whose required literals (:func:`required_literals`)
    occurs in the lowercased text is left out, which changes no match, only the time spent
    trying it at every position. ``search``, ``match`` and ``finditer`` behave exactly as on
    ``re.compile("|".join(f"(?:{c})" for c in cues), flags)``; :meth:`scan` finds the literals
    of a whole page once, for cues run line by line."""

    def __init__(self, cues: Iterable[str], flags: int = re.I | re.M) -> None:
        self.cues = tuple(cues)
        self.flags = flags
        needs = [required_literals(c, flags) for c in self.cues]
        self.always = tuple(i for i, need in enumerate(needs) if need is None)
        by_literal: dict[str, list[int]] = {}
        for i, need in enumerate(needs):
            for w in need or ():
                by_literal.setdefault(w, []).append(i)
        self.by_literal = {w: tuple(ix) for w, ix in by_literal.items()}
        self._last: tuple[str, CueScan] | None = None

    def __bool__(self) -> bool:
        return bool(self.cues)

    def scan(self, text: str) -> "CueScan":
        """Where the cues' literals occur in ``text`` (kept for the next call on the same text)."""
        last = self._last
        if last is not None and last[0] is text:
            return last[1]
        got = CueScan(self, text)
        self._last = (text, got)
        return got

    def regex(self, text: str) -> re.Pattern | None:
        """The alternation of the cues that can match in ``text`` (``None`` when none can)."""
        return CueScan(self, text).regex(0, len(text))

    def search(self, text: str) -> re.Match | None:
        rx = self.regex(text)
        return rx.search(text) if rx is not None else None

    def match(self, text: str) -> re.Match | None:
        rx = self.regex(text)
        return rx.match(text) if rx is not None else None

    def finditer(self, text: str) -> Iterable[re.Match]:
        rx = self.regex(text)
        return rx.finditer(text) if rx is not None else iter(())


class CueScan:
    """The literals of a :class:`CueSet` found in one text: which cues can match in a part of it."""

    def __init__(self, cues: CueSet, text: str) -> None:
        self.cues = cues
        self.full = not cues.cues or CASE_EXOTIC.search(text) is not None
        hits: list[tuple[int, int, tuple[int, ...]]] = []
        if not self.full:
            low = text.lower()  # one character for one: "İ", the only exception, is CASE_EXOTIC
            for w, ix in cues.by_literal.items():
                i = low.find(w)
                while i >= 0:
                    hits.append((i, i + len(w), ix))
                    i = low.find(w, i + 1)
        hits.sort()
        self.hits = hits
        self.starts = [h[0] for h in hits]

    def regex(self, start: int, end: int) -> re.Pattern | None:
        """The alternation of the cues that can match within ``text[start:end]``."""
        cues = self.cues
        if self.full:
            return _joined(cues.cues, cues.flags) if cues.cues else None
        hits = self.hits
        k = bisect.bisect_left(self.starts, start)
        if not cues.always and (k == len(hits) or hits[k][0] >= end):
            return None  # most lines: no literal of any cue
        keep = set(cues.always)
        while k < len(hits) and hits[k][0] < end:
            if hits[k][1] <= end:
                keep.update(hits[k][2])
            k += 1
        if not keep:
            return None
        return _joined(tuple(cues.cues[i] for i in sorted(keep)), cues.flags)


@lru_cache(maxsize=512)
def _joined(cues: tuple[str, ...], flags: int) -> re.Pattern:
    return re.compile("|".join(f"(?:{c})" for c in cues), flags)


@lru_cache(maxsize=64)
def cue_set(cues: tuple[str, ...], flags: int = re.I | re.M) -> CueSet:
    """The :class:`CueSet` of ``cues``, made once."""
    return CueSet(cues, flags)


def match_at(rx: re.Pattern, text: str, starts: Iterable[int]) -> list[re.Match]:
    """``list(rx.finditer(text))`` when every match of ``rx`` starts at one of ``starts``
    (ascending): the regex is tried only there, in order, never inside a match already made.
    (``rx.match(text, pos)`` still sees the text before ``pos``: look-behinds and ``\\b`` hold.)"""
    out: list[re.Match] = []
    end = 0
    for p in starts:
        if p < end:
            continue
        m = rx.match(text, p)
        if m is not None:
            out.append(m)
            end = m.end()
    return out


def occurrences(text: str, words: Iterable[str]) -> list[int]:
    """Where any of ``words`` occurs in ``text`` (exact case), ascending."""
    out: set[int] = set()
    for w in words:
        i = text.find(w)
        while i >= 0:
            out.add(i)
            i = text.find(w, i + 1)
    return sorted(out)

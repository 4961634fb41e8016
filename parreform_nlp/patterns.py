"""Small text and regex building blocks shared by the rule components."""
from __future__ import annotations

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
    ``re.compile("|".join(f"(?:{c})" for c in cues), flags)``."""

    def __init__(self, cues: Iterable[str], flags: int = re.I | re.M) -> None:
        self.cues = tuple(cues)
        self.flags = flags
        self.needs = tuple(required_literals(c, flags) for c in self.cues)

    def __bool__(self) -> bool:
        return bool(self.cues)

    def regex(self, text: str, low: str | None = None) -> re.Pattern | None:
        """The alternation of the cues that can match in ``text`` (``None`` when none can);
        ``low``: ``text.lower()``, when the caller has it."""
        if not self.cues:
            return None
        if CASE_EXOTIC.search(text):
            return _joined(self.cues, self.flags)
        if low is None:
            low = text.lower()
        keep = tuple(c for c, need in zip(self.cues, self.needs)
                     if need is None or any(w in low for w in need))
        return _joined(keep, self.flags) if keep else None

    def search(self, text: str, low: str | None = None) -> re.Match | None:
        rx = self.regex(text, low)
        return rx.search(text) if rx is not None else None

    def match(self, text: str, low: str | None = None) -> re.Match | None:
        rx = self.regex(text, low)
        return rx.match(text) if rx is not None else None

    def finditer(self, text: str) -> Iterable[re.Match]:
        rx = self.regex(text)
        return rx.finditer(text) if rx is not None else iter(())


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

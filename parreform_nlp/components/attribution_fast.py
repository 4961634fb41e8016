"""Cheap exact tests that spare the clause reader a regex scan per number.

The English clause reader (:mod:`attribution_en`) runs dozens of small patterns per number.
Most of them end in ``\\s*$`` or need a word that the text mostly lacks, and the regex engine
tries such a pattern at every position of the clause. The helpers here give the same answers
with less work:

* :class:`TailPattern`: ``X\\s*$`` with ``X`` of bounded width is searched only from where a
  match can start (``rx.search(s, pos)`` still sees the text before ``pos``: ``\\b`` and
  look-behinds hold, ``^`` keeps its meaning);
* :class:`Needles`: whether a text can hold one of the literals every match contains (a
  necessary condition, tested with ``in`` on the lower-cased text);
* :class:`Suffixes`: whether a text, less the blanks a trailing ``\\s*$`` absorbs, ends with
  one of some literals.

Case: the literal tests lower-case the text; a text (or literal) beyond ASCII is left to the
regex, because ``re.I`` equates characters that ``str.lower`` does not ("ſ" and "s").
"""
from __future__ import annotations

import re
from typing import Iterable

from ..patterns import alt_by_first

try:  # Python >= 3.11
    from re import _constants as C, _parser as P  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as P  # type: ignore[no-redef]


class TailPattern:
    """``(?:head)\\s*$`` compiled once, searched only over the end of a text when ``head`` has a
    bounded width (a match ends where only blanks follow, so it starts at most that width
    before the last non-blank character)."""

    def __init__(self, head: str, flags: int = 0) -> None:
        self.rx = re.compile(rf"(?:{head})\s*$", flags)
        hi = P.parse(head, flags).getwidth()[1]
        # (with re.M, "$" also matches at each line end: no tail then)
        self.width: int | None = hi if hi < C.MAXREPEAT and not flags & re.M else None

    def search(self, s: str) -> re.Match | None:
        """``self.rx.search(s)``."""
        if self.width is None:
            return self.rx.search(s)
        return self.rx.search(s, max(0, len(s.rstrip()) - self.width))


def _ascii(items: Iterable[str]) -> tuple[str, ...] | None:
    """The lower-cased literals, or None when one is beyond ASCII (no literal test then)."""
    items = tuple(items)
    if not all(x.isascii() for x in items):
        return None
    return tuple(x.lower() for x in items)


class Needles:
    """Literals (matched case-insensitively) of which every match of some pattern holds one."""

    def __init__(self, items: Iterable[str], word_start: bool = False) -> None:
        """``word_start``: the pattern has ``\\b`` right before the literal (then only word
        starts are candidates)."""
        items = tuple(items)
        # an empty literal is in every text: no test then
        # (a C substring search per literal beats one regex of their alternation, which tries
        # each word at each position where one may start)
        self.items = (_ascii(items) or None) if all(items) else None
        # where one of them starts, overlapping ones too (a zero-width match at each such place),
        # one branch per first letter
        self.finder = re.compile((r"\b" if word_start else "") + f"(?={alt_by_first(self.items)})") \
            if self.items else None

    def may_hold(self, s: str) -> bool:
        """False only when ``s`` holds none of the literals (then the pattern cannot match)."""
        if self.items is None or not s.isascii():
            return True
        low = s.lower()
        for x in self.items:
            if x in low:
                return True
        return False

    def positions(self, s: str) -> list[int] | None:
        """Where in ``s`` one of the literals starts (case-insensitively), ascending; None when
        that cannot be told by lower-casing (the caller then scans the plain way). A pattern
        whose every match opens with one of the literals is tried only there (:func:`match_at`)."""
        if self.finder is None or not s.isascii():
            return None
        return [m.start() for m in self.finder.finditer(s.lower())]


class Suffixes:
    """Literals (lower-case, matched case-insensitively) one of which ends every match of a
    ``(?:a|b)\\s*$`` pattern."""

    def __init__(self, items: Iterable[str]) -> None:
        low = _ascii(items)
        self.items = low if low else None  # none (or beyond ASCII): no test

    def may_end(self, s: str) -> bool:
        """False only when ``s`` less its trailing blanks ends with none of the literals."""
        if self.items is None or not s.isascii():
            return True
        return s.rstrip().lower().endswith(self.items)

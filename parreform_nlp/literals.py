"""Every occurrence of many short literal strings in one text, found in a few numpy passes.

Why it exists: a rule pack's cue lists (bylines, footers, related-news headings, askers) need
to know where each of their literals ("photo", "related news", "editor-in-chief", ...) occurs
in a page (:class:`parreform_nlp.anchors.CueScan`). One ``str.find`` scan of the whole page per
literal costs about as much as the rest of the line scan together, and the cue lists hold some
eighty literals. Here the page's characters are hashed once per 1-, 2- and 3-character run
(:class:`Grams`, kept for the page), and a set of literals (:class:`Literals`) looks up the hash
of its first (up to) three characters in a table: one numpy look-up per set gives the few
candidate offsets, each then checked with ``str.startswith``. The result is exactly the
``find`` loop's: every offset of every literal, overlapping ones included.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable

import numpy

from .anchors import CueScan, CueSet, cue_set

_BITS = 16
_MASK = (1 << _BITS) - 1
#: multipliers of the rolling hash (odd, so no character's bits are lost mod 2**32)
_A, _B = 0x9E3779B1, 0x85EBCA77


def _hash(chars: list[int]) -> int:
    """The hash of one run of code points, as :class:`Grams` computes it for the text (int64
    arithmetic: only the low bits are kept, and those wrap alike)."""
    h = 0
    for c in chars:
        h = (h * _A + c * _B) & _MASK
    return h


class Grams:
    """Hashes of every run of 2 to :data:`LONGEST` characters of a (lowercased) text, by start
    offset; each length computed on first use."""

    def __init__(self, low: str) -> None:
        self.low = low
        # one code point per character (offsets are the string's own), as the index type: the
        # hashes index the tables directly, and int64 arithmetic wraps like the Python side's
        c = numpy.frombuffer(low.encode("utf-32-le"), dtype=numpy.uint32).astype(numpy.intp)
        self._b = c * _B
        self._rolling = [self._b]  # unmasked hashes of the runs of 1, 2, ... characters
        self._masked: dict[int, numpy.ndarray] = {}

    def hashes(self, k: int) -> numpy.ndarray:
        """The hash of the run of ``k`` characters at each offset (``len(text) - k + 1`` of them)."""
        got = self._masked.get(k)
        if got is None:
            rolling, b = self._rolling, self._b
            while len(rolling) < k:
                j = len(rolling)  # the runs of j + 1 characters, from those of j
                rolling.append(rolling[-1][:-1] * _A + b[j:])
            got = self._masked[k] = rolling[k - 1] & _MASK
        return got


#: the longest run a literal is looked up by: longer literals by their first LONGEST characters
#: (a shorter run like "com" or "rea" starts too many English words to pick out "comment" or "read more")
LONGEST = 4


class Literals:
    """A fixed set of lowercase literals and the tables of their first (up to :data:`LONGEST`) characters;
    one-character literals are found with ``str.find`` (a ``memchr``)."""

    def __init__(self, literals: Iterable[str]) -> None:
        self.literals = tuple(sorted({w for w in literals if w}))
        self.words = frozenset(self.literals)
        self.chars = tuple(w for w in self.literals if len(w) == 1)
        #: per prefix length k: the prefixes' hash table and prefix -> the literals it opens
        self.tables: list[tuple[int, numpy.ndarray, dict[str, tuple[str, ...]]]] = []
        for k in range(2, LONGEST + 1):
            words = [w for w in self.literals if min(len(w), LONGEST) == k]
            if not words:
                continue
            table = numpy.zeros(1 << _BITS, dtype=bool)
            by_prefix: dict[str, list[str]] = {}
            for w in words:
                table[_hash([ord(ch) for ch in w[:k]])] = True
                by_prefix.setdefault(w[:k], []).append(w)
            self.tables.append((k, table, {p: tuple(ws) for p, ws in by_prefix.items()}))

    def find(self, grams: Grams) -> list[tuple[int, str]]:
        """(offset, literal) of every occurrence in the text of ``grams``, in no particular order."""
        low = grams.low
        out: list[tuple[int, str]] = []
        for w in self.chars:
            i = low.find(w)
            while i >= 0:
                out.append((i, w))
                i = low.find(w, i + 1)
        for k, table, by_prefix in self.tables:
            if len(low) < k:
                continue
            for i in table.take(grams.hashes(k)).nonzero()[0].tolist():
                for w in by_prefix.get(low[i:i + k], ()):
                    if len(w) == k or low.startswith(w, i):
                        out.append((i, w))
        return out


class GramCueScan(CueScan):
    """:class:`parreform_nlp.anchors.CueScan` (where a cue list's literals occur in a text) built from
    the offsets of its literals found beforehand (:meth:`Literals.find`): the same hits, without one
    scan of the text per literal. ``found``: literal -> its offsets, for every literal of ``cues``."""

    def __init__(self, cues: CueSet, text: str, low: str, found: dict[str, list[int]]) -> None:  # noqa: D107
        # the attributes CueScan.regex reads, as CueScan.__init__ sets them
        self.cues = cues
        self.full = not cues.cues or len(low) != len(text) or any(ch in text for ch in cues.odd)
        hits: list[tuple[int, int, tuple[int, ...]]] = []
        if not self.full:
            by_literal = cues.by_literal
            for w, offsets in found.items():  # few literals occur: walk those, not the cue list's
                ix = by_literal.get(w)
                if ix is not None:
                    n = len(w)
                    hits.extend([(i, i + n, ix) for i in offsets])
        hits.sort()
        self.hits = hits
        self.starts = [h[0] for h in hits]


def found_literals(literals: Literals, grams: Grams | None) -> dict[str, list[int]]:
    """literal -> its offsets in the text of ``grams`` (sorted); none without grams."""
    found: dict[str, list[int]] = {}
    if grams is not None:
        for i, w in literals.find(grams):
            found.setdefault(w, []).append(i)
        for offsets in found.values():
            offsets.sort()
    return found


@lru_cache(maxsize=64)
def cue_literals(*cue_lists: tuple[str, ...]) -> Literals:
    """The :class:`Literals` of every cue of ``cue_lists`` (:attr:`parreform_nlp.anchors.CueSet.by_literal`),
    made once."""
    return Literals(w for cues in cue_lists for w in cue_set(cues).by_literal)

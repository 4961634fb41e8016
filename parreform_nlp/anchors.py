"""Regex scans that try a pattern only where a match can start: the same matches, found faster.

Python's regex engine tries a pattern at every position of the text unless the pattern opens
with a case-sensitive literal or character class. The rule patterns open with look-behinds
("(?<!\\w)"), optional words ("(?:the\\s+)?") and case-insensitive cue words, so every one
of them runs the matcher at every character of the page.

:func:`anchored` reads a compiled pattern once (its parse tree) and derives

* the literal strings every match starts with ("the", "first", ... of
  "(?<!\\w)(?:the\\s+)?(?:first|second)\\s+quarter"), when there are few: the pattern is then
  tried only where one of them occurs (found with ``str.find`` / a case-sensitive literal
  alternation on the lower-cased text, both C scans);
* sets of literal strings every match contains ("quarter"): a text with none of them has no
  match at all, and is not scanned.

The results are exactly those of ``rx.finditer`` / ``rx.search``: a match can only start
where a start literal occurs, and the pattern is tried there with ``rx.match`` in text order.
Case: both sides are lower-cased (a superset of the case-sensitive candidates); a text whose
lower-casing changes its length, or holding a character that matches a literal only through
Python's extra case folds ("ı" for "i", "ſ" for "s"), is scanned the plain way.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import Iterable, Iterator

try:  # Python >= 3.11
    from re import _casefix, _constants as C, _parser as P  # type: ignore[attr-defined]
    _EXTRA = _casefix._EXTRA_CASES
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as P  # type: ignore[no-redef]
    _EXTRA = {0x69: (0x131,), 0x73: (0x17F,), 0x131: (0x69,), 0x17F: (0x73,)}

#: A window this short is searched the plain way (a look-up costs more than the scan).
SHORT = 48
#: A pattern whose start literals occur more than once per this many characters of a text is
#: scanned the plain way (trying it at each candidate costs more than the engine's own scan).
DENSE = 12
#: Up to this many literals (none a prefix of another) are looked up one by one with ``find``
#: (a C string search per literal beats one regex scan of their alternation).
FIND = 16
#: At most this many start or needed literals per pattern (longer sets are cut to shorter prefixes).
CAP = 128
_REPEATS = tuple(getattr(C, n) for n in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(C, n))
_ZERO = (C.ASSERT, C.ASSERT_NOT, C.AT)
_ATOMIC = getattr(C, "ATOMIC_GROUP", None)
_UNKNOWN: frozenset[str] = frozenset({""})
_SIGMA = frozenset("ΣσςϲϹ")
#: Characters a case-insensitive regex equates with an ASCII letter that ``str.lower`` does not
#: map onto it (dotted and dotless i, long s, Kelvin sign; "İ".lower() is even two characters):
#: for a caller that looks fixed ASCII words up in ``text.lower()`` itself.
CASE_EXOTIC = re.compile("[\u0130\u0131\u017f\u212a]")


def _product(a: frozenset[str], b: frozenset[str]) -> frozenset[str] | None:
    if len(a) * len(b) > CAP:
        return None
    return frozenset(x + y for x in a for y in b)


def _shrink(s: frozenset[str]) -> frozenset[str]:
    """``s`` cut to prefixes short enough to hold at most :data:`CAP` strings (still a valid
    set of prefixes); the unknown set when even single characters are too many."""
    if len(s) <= CAP:
        return s
    for k in (8, 6, 4, 3, 2, 1):
        t = frozenset(x[:k] for x in s)
        if len(t) <= CAP:
            return t
    return _UNKNOWN


def _exact(node) -> frozenset[str] | None:
    """Every string ``node`` can match, when they are few and literal (lower-cased), else None."""
    op, av = node
    if op is C.LITERAL:
        return frozenset({chr(av)})
    if op is C.IN:
        chars: set[str] = set()
        for o, a in av:
            if o is C.LITERAL:
                chars.add(chr(a))
            elif o is C.RANGE and a[1] - a[0] < 16:
                chars.update(chr(c) for c in range(a[0], a[1] + 1))
            else:
                return None
        return frozenset(chars)
    if op is C.SUBPATTERN:
        return _exact_seq(av[3].data)
    if _ATOMIC is not None and op is _ATOMIC:
        return _exact_seq(av.data)
    if op is C.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            e = _exact_seq(alt.data)
            if e is None:
                return None
            out |= e
        return frozenset(out) if len(out) <= CAP else None
    if op in _REPEATS:
        lo, hi, body = av
        e = _exact_seq(body.data)
        if e is None or hi > 4:
            return None
        out = set()
        cur: frozenset[str] | None = frozenset({""})
        for k in range(hi + 1):
            if k >= lo:
                out |= cur
            if k < hi:
                cur = _product(cur, e)
                if cur is None:
                    return None
        return frozenset(out) if len(out) <= CAP else None
    if op in _ZERO:
        return frozenset({""})
    return None


def _exact_seq(items) -> frozenset[str] | None:
    out: frozenset[str] | None = frozenset({""})
    for node in items:
        e = _exact(node)
        if e is None:
            return None
        out = _product(out, e)
        if out is None:
            return None
    return out


#: In a start string, one character of any kind ("\\s" in "(?:^|\\s)(?:was|reached)"): the
#: literal after it is looked up, the match starts that many characters before.
ANY = "\x00"
_ONE_CHAR = (C.IN, C.ANY, C.NOT_LITERAL)


def _norm(s: frozenset[str]) -> frozenset[str]:
    """Start strings cut at an inner wildcard; the unknown set when one is only wildcards."""
    out = set()
    for x in s:
        body = x.lstrip(ANY)
        lead = len(x) - len(body)
        cut = body.find(ANY)
        body = body if cut < 0 else body[:cut]
        if not body or lead > 2:
            return _UNKNOWN
        out.add(ANY * lead + body)
    return frozenset(out)


def _prefix(items: list) -> frozenset[str]:
    """Strings every match of the sequence ``items`` starts with ({""}: unknown), after at
    most two characters of any kind (:data:`ANY`)."""
    if not items:
        return _UNKNOWN
    op, av = items[0]
    rest = items[1:]
    if op in _ZERO:
        return _prefix(rest)
    if op is C.SUBPATTERN:
        return _prefix(list(av[3].data) + rest)
    if _ATOMIC is not None and op is _ATOMIC:
        return _prefix(list(av.data) + rest)
    if op is C.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            out |= _prefix(list(alt.data) + rest)
        return _norm(_shrink(frozenset(out)))
    if op in _REPEATS:
        lo, _, body = av
        first = _prefix(list(body.data))
        return _norm(_shrink(first | _prefix(rest))) if lo == 0 else first
    e = _exact(items[0])
    if e is None:
        if op in _ONE_CHAR:  # one character, then the literals of the rest
            tail = _prefix(rest)
            return _UNKNOWN if "" in tail else _norm(frozenset(ANY + x for x in tail))
        return _UNKNOWN
    if any(ANY in x for x in e):
        return _UNKNOWN
    tail = _prefix(rest)
    both = _product(e, tail)
    if both is None:
        return _UNKNOWN if "" in e else _norm(_shrink(e))
    return _norm(_shrink(both))


def _best(sets: list[frozenset[str]]) -> frozenset[str] | None:
    usable = [s for s in sets if s and "" not in s]
    return max(usable, key=lambda s: (min(map(len, s)), -len(s))) if usable else None


def _needs(items) -> list[frozenset[str]]:
    """Sets of strings of which every match holds one (each set on its own)."""
    out: list[frozenset[str]] = []
    run: frozenset[str] = frozenset({""})

    def flush() -> None:
        if "" not in run:
            out.append(run)

    for node in items:
        e = _exact(node)
        if e is not None:
            nxt = _product(run, e)
            if nxt is None:
                flush()
                run = e
            else:
                run = nxt
            continue
        flush()
        run = frozenset({""})
        op, av = node
        if op is C.SUBPATTERN:
            out += _needs(av[3].data)
        elif _ATOMIC is not None and op is _ATOMIC:
            out += _needs(av.data)
        elif op is C.BRANCH:
            per_alt = [_best(_needs(alt.data)) for alt in av[1]]
            if all(per_alt):
                union = frozenset().union(*per_alt)
                if len(union) <= CAP:
                    out.append(union)
        elif op in _REPEATS and av[0] >= 1:
            out += _needs(av[2].data)
    flush()
    return out


def _lower(s: frozenset[str]) -> frozenset[str] | None:
    low = frozenset(x.lower() for x in s)
    if any(len(x.lower()) != len(x) or _SIGMA.intersection(x) for x in s):
        return None  # sigma lower-cases by its context: no literal lookup
    return low


def _inner_starts(lits: frozenset[str]) -> dict[str, tuple[int, ...]]:
    """Per literal, the offsets inside it where an occurrence of a literal can start (its tail
    there starts a literal or holds one at its start); literals without any are left out."""
    prefixes = {x[:j] for x in lits for j in range(1, len(x) + 1)}
    lengths = sorted({len(x) for x in lits})
    out = {}
    for x in lits:
        ks = tuple(k for k in range(1, len(x))
                   if x[k:] in prefixes or any(x[k:k + j] in lits for j in lengths if k + j <= len(x)))
        if ks:
            out[x] = ks
    return out


def _grouped(words: list[str]) -> str:
    """An alternation of literal ``words`` grouped by first character ("t(?:owards|o)|b(?:y)"):
    the engine checks one branch per first character, not every word, at each position."""
    groups: dict[str, list[str]] = {}
    for w in sorted(words, key=len, reverse=True):
        groups.setdefault(w[0], []).append(re.escape(w[1:]))
    return "|".join(re.escape(ch) + (f"(?:{'|'.join(rest)})" if rest != [""] else "") for ch, rest in groups.items())


@lru_cache(maxsize=512)
def _finder(lits: frozenset[str]):
    """(positions, any_in) of ``lits`` in a lower-cased text: ``positions(low, limit)`` gives
    the sorted start positions, or None when there are more than ``limit`` (then trying the
    pattern at each costs more than scanning with it); ``any_in(low)`` whether any occurs.

    In a long text, ASCII literals are looked up in its ASCII bytes (:func:`_ascii`: byte
    searches are C scans, those in a wide string are not); up to :data:`FIND` with ``find``, more with
    one scan of their alternation grouped by first character (:func:`_grouped`). ``positions``
    keeps its last answer: patterns with the same literals scan a page once."""
    # where "january" occurs, "jan" does: the literals no other one is a prefix of start at
    # exactly the same positions, and fewer of them are looked up faster
    lits = frozenset(x for x in lits if not any(y != x and x.startswith(y) for y in lits))
    items = tuple(sorted(lits))
    ascii_only = all(x.isascii() for x in lits)
    grouped = _grouped(list(items))
    rxs: list[re.Pattern | None] = [None, None]  # (str, bytes), compiled on first use

    def compiled(as_bytes: bool) -> re.Pattern:
        rx = rxs[as_bytes]
        if rx is None:
            rx = rxs[as_bytes] = re.compile(grouped.encode() if as_bytes else grouped)
        return rx
    inner: dict = _inner_starts(lits)
    free = not inner  # no literal can start inside another's occurrence
    inner.update({x.encode(): ks for x, ks in list(inner.items())})

    def hay(low: str):
        """The text a regex scans: a long one's ASCII bytes when the literals are ASCII."""
        if ascii_only and len(low) > 512 and not low.isascii():
            return _ascii(low), True
        return low, False

    last: list = [None]  # (text, limit, positions) of the last call: patterns sharing literals share a scan

    def positions(low: str, limit: int | None = None) -> list[int] | None:
        """(The list returned is shared: not to be changed.)"""
        memo = last[0]
        if memo is not None and memo[0] is low and memo[1] == limit:
            return memo[2]
        got = _positions(low, limit)
        last[0] = (low, limit, got)
        return got

    def _positions(low: str, limit: int | None) -> list[int] | None:
        if len(items) <= FIND:  # ``find`` is as fast in a wide string as in bytes
            out: list[int] = []
            for x in items:
                i = low.find(x)
                while i >= 0:
                    out.append(i)
                    if limit is not None and len(out) > limit:
                        return None
                    i = low.find(x, i + 1)
            return sorted(out) if len(items) > 1 else out  # no two literals start at one position
        h, as_bytes = hay(low)
        rx = compiled(as_bytes)
        if free:
            out = [m.start() for m in rx.finditer(h)]
            return None if limit is not None and len(out) > limit else out
        # one scan finds the literals that do not overlap; one that starts inside a found one
        # can only start at an offset where that one's tail begins some literal (``inner``)
        found = set()
        match = rx.match
        for m in rx.finditer(h):
            p = m.start()
            found.add(p)
            for k in inner.get(m.group(), ()):
                if match(h, p + k):
                    found.add(p + k)
            if limit is not None and len(found) > limit:
                return None
        return sorted(found)

    def any_in(low: str) -> bool:
        if len(items) <= FIND:
            return any(x in low for x in items)
        h, as_bytes = hay(low)
        return compiled(as_bytes).search(h) is not None
    return positions, any_in


def _starts_finder(start: frozenset[str]):
    """Sorted positions where a match can start: where a start literal occurs, less the
    characters of any kind before it (None when more than ``limit``)."""
    groups: dict[int, set[str]] = {}
    for x in start:
        body = x.lstrip(ANY)
        groups.setdefault(len(x) - len(body), set()).add(body)
    finders = [(skip, _finder(frozenset(lits))[0]) for skip, lits in sorted(groups.items())]
    if len(finders) == 1 and finders[0][0] == 0:
        return finders[0][1]

    def positions(low: str, limit: int | None = None) -> list[int] | None:
        out: set[int] = set()
        for skip, find in finders:
            found = find(low, limit)
            if found is None:
                return None
            out.update(q - skip for q in found if q >= skip)
        return sorted(out)
    return positions


def positions(text: str, words: Iterable[str]) -> list[int]:
    """Where any of ``words`` (non-empty) occurs in ``text`` (exact case; overlapping
    occurrences too), ascending: the start positions of a pattern that a caller knows better
    than :class:`Anchored` can derive, for :func:`match_at`."""
    words = frozenset(words)
    return _finder(words)[0](text) if words else []


def match_at(rx: re.Pattern, text: str, starts: Iterable[int]) -> list[re.Match]:
    """``list(rx.finditer(text))`` when every match of ``rx`` starts at one of ``starts``
    (ascending): ``rx`` is tried only there, in order, never inside a match already made
    (``rx.match(text, p)`` still sees the text before ``p``: look-behinds and ``\\b`` hold).
    What :meth:`Anchored.finditer` does with the positions it derives, for a caller that knows
    them better (the digit runs of a page); a loop of its own: the hot path of the date and
    legal-number candidates, without window bounds to test."""
    out: list[re.Match] = []
    end = 0
    match = rx.match
    for p in starts:
        if p < end:
            continue
        m = match(text, p)
        if m is not None:
            out.append(m)
            end = m.end()
    return out


class Anchored:
    """A compiled pattern with the literals its matches start with and contain (see the module
    docstring); :meth:`finditer` and :meth:`search` give exactly what the pattern's own do."""

    def __init__(self, rx: re.Pattern) -> None:
        self.rx = rx
        self.starts = None
        self.odd: tuple[str, ...] = ()
        self._cache: tuple[str, list[int] | None] | None = None
        self.needs: list = []
        try:
            tree = P.parse(rx.pattern, rx.flags)
        except Exception:  # pragma: no cover - bytes patterns and the like: scan the plain way
            return
        data = list(tree.data) if hasattr(tree, "data") else list(tree)
        start = _prefix(data)
        start = _lower(start) if "" not in start else None
        needs = [n for n in (_lower(s) for s in _needs(data)) if n and "" not in n]
        needs.sort(key=lambda s: -min(map(len, s)))
        odd: set[str] = set()
        for s in ([start] if start else []) + needs[:3]:
            for x in s:
                for ch in x:
                    odd.update(chr(c) for c in _EXTRA.get(ord(ch), ()))
        self.odd = tuple(odd)
        self.starts = _starts_finder(start) if start else None
        needs = [n for n in needs if n != start]  # the start lookup finds these already
        # one-letter needs hold nearly everywhere, except other scripts' ("年")
        self.needs = [_finder(n)[1] for n in needs[:3]
                      if min(map(len, n)) >= 2 or not any(x.isascii() for x in n)]

    def _low(self, s: str) -> str | None:
        """``s`` lower-cased, or None when literals cannot be looked up in it."""
        low = lowered(s) if len(s) > 512 else s.lower()
        if len(low) != len(s) or any(ch in s for ch in self.odd):
            return None
        return low

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match]:
        """The matches of ``rx.finditer(text, pos, endpos)``; in a window of a long text, the
        start literals are found once for the whole text and then only looked up."""
        n = len(text)
        endpos = n if endpos is None or endpos > n else endpos
        if self.starts is None and not self.needs:
            yield from self.rx.finditer(text, pos, endpos)
            return
        if pos > 0 or endpos < n:
            starts = self._page_starts(text) if n > 512 else None
            if starts is None:
                yield from self.rx.finditer(text, pos, endpos)
                return
            i = bisect_left(starts, pos)
        else:
            low = self._low(text)
            if low is None or any(not need(low) for need in self.needs):
                if low is None:
                    yield from self.rx.finditer(text)
                return
            if self.starts is None:
                yield from self.rx.finditer(text)
                return
            starts, i = self.starts(low, n // DENSE), 0
            if starts is None:
                yield from self.rx.finditer(text)  # start words everywhere: the plain scan is faster
                return
        match = self.rx.match
        for k in range(i, len(starts)):
            p = starts[k]
            if p >= endpos:
                break
            if p >= pos:
                m = match(text, p, endpos)
                if m is not None:
                    yield m
                    pos = m.end() if m.end() > p else p + 1

    def _page_starts(self, text: str) -> list[int] | None:
        """Start positions of the start literals in a whole page (found once per page); None
        when the page must be scanned the plain way."""
        cached = self._cache
        if cached is not None and cached[0] is text:
            return cached[1]
        low = self._low(text)
        starts = None
        if low is not None and self.starts is not None:
            # None: start words everywhere ("the"), the plain scan is faster
            starts = [] if any(not need(low) for need in self.needs) else self.starts(low, len(text) // DENSE)
        self._cache = (text, starts)  # one tuple: threads see a whole pair or none
        return starts

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        """The match of ``rx.search(text, pos, endpos)``; in a long text, the start literals
        are found once for the whole text and then only looked up."""
        n = len(text)
        endpos = n if endpos is None or endpos > n else endpos
        if self.starts is None or endpos - pos <= SHORT:
            return self.rx.search(text, pos, endpos)
        if n > 512 and (pos > 0 or endpos < n):
            starts = self._page_starts(text)
            if starts is None:
                return self.rx.search(text, pos, endpos)
            match = self.rx.match
            for i in range(bisect_left(starts, pos), len(starts)):
                p = starts[i]
                if p >= endpos:
                    break
                m = match(text, p, endpos)
                if m is not None:
                    return m
            return None
        seg = text[pos:endpos] if (pos or endpos != n) else text
        low = self._low(seg)
        if low is None:
            return self.rx.search(text, pos, endpos)
        match = self.rx.match
        for p in self.starts(low):
            m = match(text, pos + p, endpos)
            if m is not None:
                return m
        return None

    def search_slice(self, text: str, a: int, b: int) -> re.Match | None:
        """The match of ``rx.search(text[a:b])`` (offsets in the slice): "^" and look-behinds
        see the slice's start as the start of the text."""
        if self.starts is None or len(text) <= 512:
            return self.search(text[a:b])
        starts = self._page_starts(text)
        if starts is None:
            return self.rx.search(text[a:b])
        seg = None
        match = self.rx.match
        for i in range(bisect_left(starts, a), len(starts)):
            p = starts[i]
            if p >= b:
                break
            if seg is None:
                seg = text[a:b]
            m = match(seg, p - a)
            if m is not None:
                return m
        return None


@lru_cache(maxsize=8)
def _ascii(low: str) -> bytes:
    """A long lower-cased text as ASCII bytes, every other character one "?": offsets unchanged."""
    return low.encode("ascii", "replace")


@lru_cache(maxsize=8)
def lowered(text: str) -> str:
    """A page's text lower-cased once (the last few pages kept) for every scan over it."""
    return text.lower()


_ANCHORED: dict[int, Anchored] = {}


def anchored(rx: re.Pattern) -> Anchored:
    """The :class:`Anchored` scanner of ``rx``, made once per pattern object (looked up by
    identity: hashing a compiled pattern hashes its whole code)."""
    a = _ANCHORED.get(id(rx))
    if a is None or a.rx is not rx:
        if len(_ANCHORED) > 2048:
            _ANCHORED.clear()  # patterns built on the fly: keep the table bounded
        a = _ANCHORED[id(rx)] = Anchored(rx)
    return a


# -- cue lists: a rule list's regexes run only with the cues a text (or a line of it) can match --

def _parsed(pattern: str, flags: int) -> list | None:
    try:
        tree = P.parse(pattern, flags)
    except Exception:  # an unusual construct: no pruning, never a wrong answer
        return None
    return list(tree.data) if hasattr(tree, "data") else list(tree)


@lru_cache(maxsize=None)
def needed_literals(pattern: str, flags: int = re.I) -> frozenset[str] | None:
    """Lower-cased strings one of which every match of ``pattern`` contains (None: unknown):
    the most selective of the sets :class:`Anchored` reads from the parse tree, less the strings
    that contain another of it (where "asked" occurs, "ask" does).

    "\\\\bphoto\\\\s*:" needs "photo"; "(?:reader|asked by)" needs "reader" or "asked by"."""
    data = _parsed(pattern, flags)
    need = _best([n for n in (_lower(s) for s in _needs(data)) if n]) if data is not None else None
    return frozenset(w for w in need if not any(v != w and v in w for v in need)) if need else None


def _odd(literals) -> frozenset[str]:
    """Characters a case-insensitive regex equates with a letter of ``literals`` that
    ``str.lower`` does not map onto it ("ı" for "i", "ſ" for "s")."""
    return frozenset(chr(c) for x in literals for ch in x for c in _EXTRA.get(ord(ch), ()))


class CueSet:
    """Regex cues (rules as data) joined into one alternation, run only with the cues that can
    match the text at hand: a cue none of whose :func:`needed_literals` occurs in the lowercased
    text is left out, which changes no match, only the time spent trying it at every position.
    ``search``, ``match`` and ``finditer`` behave exactly as on
    ``re.compile("|".join(f"(?:{c})" for c in cues), flags)``; :meth:`scan` finds the literals
    of a whole page once, for cues run line by line."""

    def __init__(self, cues: Iterable[str], flags: int = re.I | re.M) -> None:
        self.cues = tuple(cues)
        self.flags = flags
        needs = [needed_literals(c, flags) for c in self.cues]
        self.always = tuple(i for i, need in enumerate(needs) if need is None)
        by_literal: dict[str, list[int]] = {}
        for i, need in enumerate(needs):
            for w in need or ():
                by_literal.setdefault(w, []).append(i)
        self.by_literal = {w: tuple(ix) for w, ix in by_literal.items()}
        self.probes = _probe_groups(self.by_literal)
        self.odd = tuple(_odd(by_literal))
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
        """``rx.search(text)`` of the joined cues."""
        rx = self.regex(text)
        return rx.search(text) if rx is not None else None

    def match(self, text: str) -> re.Match | None:
        """``rx.match(text)`` of the joined cues."""
        rx = self.regex(text)
        return rx.match(text) if rx is not None else None

    def finditer(self, text: str) -> Iterable[re.Match]:
        """``rx.finditer(text)`` of the joined cues."""
        rx = self.regex(text)
        return rx.finditer(text) if rx is not None else iter(())


def _probe_groups(by_literal: dict[str, tuple[int, ...]]) -> tuple[tuple[str | None, tuple], ...]:
    """The literals grouped by their first four characters (the probe), in their order: a group of
    several is looked for only where its probe occurs (one look-up instead of one per spelling);
    a literal alone has no probe (None)."""
    groups: dict[str, list[tuple[str, tuple[int, ...]]]] = {}
    for w, ix in by_literal.items():
        groups.setdefault(w[:4], []).append((w, ix))
    return tuple((probe if len(g) > 1 else None, tuple(g)) for probe, g in groups.items())


class CueScan:
    """The literals of a :class:`CueSet` found in one text: which cues can match in a part of it."""

    def __init__(self, cues: CueSet, text: str) -> None:
        self.cues = cues
        low = (lowered(text) if len(text) > 512 else text.lower()) if cues.cues else ""
        self.full = not cues.cues or len(low) != len(text) or any(ch in text for ch in cues.odd)
        hits: list[tuple[int, int, tuple[int, ...]]] = []
        if not self.full:
            for probe, group in cues.probes:
                if probe is not None and probe not in low:
                    continue  # none of the literals that contain it occurs ("editor-in-chief" and its spellings)
                for w, ix in group:
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
        k = bisect_left(self.starts, start)
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

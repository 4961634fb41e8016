"""A read-only view of a spaCy ``Doc`` for the rule grammars, without spaCy ``Token`` objects.

Why it exists: ``doc[i]`` makes a new ``Token`` object on every call, and every attribute read on it
(``lower_``, ``is_upper``, ...) is one more lookup through the vocab; the English grammars (bodies,
officials) look at the same few tokens around each candidate many times, and ``doc[i]`` was most of
their time. A :class:`TokenView` reads the offsets, lengths and LOWER ids of a page's tokens once
with ``Doc.to_array``; ``view[i]`` is a plain :class:`Tok` with the attributes the grammars read,
made on the first look from the vocab's lexeme getters and shared, per vocab, by equal words
(:class:`TokenCache`). ``view.span(a, b)`` stands for ``doc[a:b]`` (its tokens and its text).

One view per page is kept by the page context (:meth:`parreform_nlp.page.Page.tokens`): the bodies
and the officials grammars read the same one.
"""
from __future__ import annotations

import numpy
from spacy.attrs import IDX, IS_ALPHA, IS_DIGIT, IS_LOWER, IS_PUNCT, IS_TITLE, IS_UPPER, LENGTH, LIKE_NUM, LOWER
from spacy.tokens import Doc
from spacy.util import normalize_slice


def is_camel(s: str) -> bool:
    """Camel case ("VNeID", "eGov" is not: it starts lower): capitals after a first capital, and lower case."""
    return len(s) > 2 and s[:1].isupper() and any(c.islower() for c in s) and any(c.isupper() for c in s[1:])


class Tok:
    """The few token attributes the grammar reads, as plain Python values (a spaCy ``Token`` is a new
    object on every ``doc[i]``, and each attribute a lookup)."""

    __slots__ = ("text", "lower_", "is_alpha", "is_title", "is_upper", "is_lower", "is_punct", "is_digit",
                 "like_num", "tw", "whitespace_")

    def __len__(self) -> int:
        return len(self.text)


class Slice:
    """``doc[a:b]`` over a :class:`TokenView` (``view.span(a, b)``): its tokens and its text."""

    __slots__ = ("toks", "start", "end")

    def __init__(self, toks: "TokenView", start: int, end: int) -> None:
        self.toks, self.start, self.end = toks, start, end

    def __iter__(self):
        toks = self.toks
        return iter([toks[k] for k in range(self.start, self.end)])

    def __len__(self) -> int:
        return self.end - self.start

    @property
    def text(self) -> str:
        if self.end <= self.start:
            return ""
        t = self.toks
        return t.page_text[t.idx[self.start]:t.idx[self.end - 1] + t.length[self.end - 1]]


#: the lexeme flags a :class:`Tok` carries, in order
_FLAGS = (IS_ALPHA, IS_TITLE, IS_UPPER, IS_LOWER, IS_PUNCT, IS_DIGIT, LIKE_NUM)


def lexeme_flags(getters: dict, text: str) -> tuple[bool, ...]:
    """The :data:`_FLAGS` of the lexeme ``text``, from the vocab's ``lex_attr_getters`` (what spaCy sets
    them from when it makes the lexeme), then whether it is a title word
    (Title-case, capitals or camel case: "Committee", "MOHA", "VNeID"), the grammar's ``tw``."""
    alpha, title, upper, lower, punct, digit, num = (bool(getters[f](text)) for f in _FLAGS)
    tw = alpha and text[:1].isupper() and (title or upper or is_camel(text))
    return alpha, title, upper, lower, punct, digit, num, bool(tw)


class TokenCache:
    """:class:`Tok` objects of one vocab, shared by equal words ((text, trailing space) -> token: a
    token carries no position), across pages; emptied when it reaches ``limit`` words."""

    def __init__(self, vocab, limit: int = 1 << 13) -> None:
        self.vocab = vocab
        self.getters = vocab.lex_attr_getters
        self.limit = limit
        self.toks: dict[tuple[str, int], Tok] = {}

    def make(self, text: str, space: int, lower: str) -> Tok:
        """The token ``text`` (+ a space when ``space``), whose LOWER is ``lower``."""
        t = Tok()
        t.text, t.lower_, t.whitespace_ = text, lower, " " if space else ""
        (t.is_alpha, t.is_title, t.is_upper, t.is_lower, t.is_punct, t.is_digit, t.like_num,
         t.tw) = lexeme_flags(self.getters, text)
        if len(self.toks) >= self.limit:
            self.toks.clear()
        self.toks[(text, space)] = t
        return t


class TokenView(dict):
    """A read-only view of a ``Doc`` for the grammar: ``view[i]`` is a :class:`Tok` (made on first
    use, then a plain dict hit), ``view.span(a, b)`` a :class:`Slice` (``doc[a:b]``), ``len(view)``
    the number of tokens. Offsets, lengths and LOWER are read once per page with ``Doc.to_array``;
    the flags of a token only when the grammar looks at it (``to_array`` costs about as much per
    attribute as for all three of these)."""

    _ATTRS = (IDX, LENGTH, LOWER)

    def __init__(self, doc: Doc, text: str, cache: TokenCache | None = None) -> None:
        super().__init__()
        self.page_text = text
        self.strings = doc.vocab.strings
        # the shared tokens hold one vocab's lexeme flags: a doc of another vocab gets its own
        self.cache = cache if cache is not None and cache.vocab is doc.vocab else TokenCache(doc.vocab)
        self._shared = self.cache.toks
        self.n = len(doc)
        arr = doc.to_array(list(self._ATTRS)) if self.n else numpy.zeros((0, len(self._ATTRS)), dtype="uint64")
        self.lower_ids = arr[:, 2]
        self._low_bits: numpy.ndarray | None = None  # for positions(), made on its first call
        self.idx, self.length, self.lower = arr.T.tolist()

    def __len__(self) -> int:
        return self.n

    def __iter__(self):
        return (self[i] for i in range(self.n))

    __hash__ = object.__hash__

    def __eq__(self, other) -> bool:
        return self is other

    def span(self, start: int, end: int) -> Slice:
        """``doc[start:end]`` (Python slice bounds)."""
        if not 0 <= start <= end <= self.n:
            start, end = normalize_slice(self.n, start, end)
        return Slice(self, start, end)

    def positions(self, ids: "IdSet | numpy.ndarray") -> list[int]:
        """Offsets of the tokens whose LOWER is one of ``ids`` (:func:`string_ids`, or sorted string ids), in order."""
        if not self.n or not len(ids):
            return []
        if isinstance(ids, IdSet):
            # the low bits of each LOWER id in the words' table (a look-up per token, in numpy), then the
            # few tokens it lets through checked exactly (a string id is a hash: its low bits spread well)
            low = self._low_bits
            if low is None:
                low = self._low_bits = (self.lower_ids & _ID_MASK).astype(numpy.intp)
            lower, words = self.lower, ids.set
            return [i for i in ids.table.take(low).nonzero()[0].tolist() if lower[i] in words]
        at = numpy.minimum(numpy.searchsorted(ids, self.lower_ids), len(ids) - 1)
        return numpy.flatnonzero(ids[at] == self.lower_ids).tolist()

    def __missing__(self, i: int) -> Tok:
        n = self.n
        if i.__class__ is not int or not -n <= i < n:
            raise IndexError(i)
        j = i + n if i < 0 else i
        idx = self.idx
        a = idx[j]
        e = a + self.length[j]
        text = self.page_text[a:e]
        # the text is the tokens with their trailing spaces: a gap before the next token is this one's space
        # (a bool key finds the same entry as the int: True == 1, with one hash)
        key = (text, (idx[j + 1] if j + 1 < n else len(self.page_text)) > e)
        t = self._shared.get(key)
        if t is None:
            t = self.cache.make(text, int(key[1]), self.strings[self.lower[j]])
        self[i] = t
        return t


#: the low bits of a string id that :class:`IdSet` tables by
_ID_MASK = (1 << 16) - 1


class IdSet:
    """The string ids of a few words, for :meth:`TokenView.positions`: a set, and a table of their low
    bits (a numpy look-up per token of the page lets through only the few tokens worth checking)."""

    __slots__ = ("ids", "set", "table")

    def __init__(self, ids) -> None:
        #: sorted, as ``numpy.uint64``
        self.ids = numpy.array(sorted({int(x) for x in ids}), dtype="uint64")
        self.set = frozenset(self.ids.tolist())
        self.table = numpy.zeros(_ID_MASK + 1, dtype=bool)
        self.table[(self.ids & _ID_MASK).astype(numpy.intp)] = True

    def __len__(self) -> int:
        return len(self.set)

    def __contains__(self, string_id: int) -> bool:
        return string_id in self.set

    def tolist(self) -> list[int]:
        """The ids, sorted."""
        return self.ids.tolist()


def string_ids(vocab, words) -> IdSet:
    """The string ids of ``words`` (added to the vocab's strings), for :meth:`TokenView.positions`."""
    return IdSet(vocab.strings.add(w) for w in words)


def filter_offsets(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """:func:`spacy.util.filter_spans` on (start, end) pairs: the (first) longest of overlapping spans."""
    result = []
    seen: set[int] = set()
    for start, end in sorted(spans, key=lambda se: (se[1] - se[0], -se[0]), reverse=True):
        if start not in seen and end - 1 not in seen:
            result.append((start, end))
            seen.update(range(start, end))
    return sorted(result, key=lambda se: se[0])

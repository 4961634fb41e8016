"""Input preparation: text spaCy can take, in linear time, with every offset kept.

* :func:`sanitize` turns ``str`` subclasses (``numpy.str_``, lxml / bs4 strings) into plain
  ``str`` and replaces lone surrogates (``json.loads`` of scraped data yields them, and spaCy
  cannot encode them) by U+FFFD, one for one: the text keeps its length, so every
  ``start``/``end`` of a record indexes the caller's own string.
* :class:`RunSafeTokenizer` wraps a spaCy tokenizer so a pathological run without whitespace
  (8,000 "(" or a 5 MB token) never reaches it whole: spaCy's prefix/suffix search is quadratic
  in the length of one whitespace-delimited chunk. Runs over :data:`MAX_RUN` characters are
  tokenized in slices of :data:`SLICE` characters and the Doc is rebuilt from the pieces with
  ``Doc(vocab, words, spaces)``, so ``doc.text == text``.
"""
from __future__ import annotations

import re
from contextlib import ExitStack, contextmanager
from typing import Any, Iterator

from spacy.tokens import Doc

#: Longest whitespace-free run a wrapped tokenizer sees in one piece (longer ones are
#: URLs, runs of one character, or scripts without spaces, whose tokens no rule reads).
MAX_RUN = 100

#: ... and a longer run is tokenized in slices of this many: the affix search costs the square
#: of a slice's length per slice.
SLICE = 32

_SURROGATE = re.compile("[\ud800-\udfff]")
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")
#: a long run after a whitespace character: searched from one whitespace character to the next
#: (in C), where ``_LONG_RUN.search`` tries every position of every word
_SPACE_LONG_RUN = re.compile(rf"\s\S{{{MAX_RUN + 1}}}")


def has_long_run(text: str) -> bool:
    """Whether ``text`` has a whitespace-free run over :data:`MAX_RUN` characters."""
    return _LONG_RUN.match(text) is not None or _SPACE_LONG_RUN.search(text) is not None


def sanitize(text: str) -> str:
    """``text`` as a plain ``str`` of the same length that spaCy can encode.

    Lone surrogates become U+FFFD (the replacement character), one for one, so offsets hold.
    """
    if type(text) is not str:
        text = str.__str__(text)  # numpy.str_, bs4 NavigableString, lxml _ElementUnicodeResult
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


def pieces(text: str, limit: int = SLICE) -> Iterator[str]:
    """Consecutive pieces of ``text`` (joined, they give ``text``): whitespace-free runs longer
    than :data:`MAX_RUN` are cut into slices of at most ``limit`` characters (preferably after
    a character that is no letter or digit, so "45.5%" stays whole), the rest stays whole."""
    pos = 0
    rx = _LONG_RUN
    for m in rx.finditer(text):
        if m.start() > pos:
            yield text[pos:m.start()]
        a, end = m.start(), m.end()
        while end - a > limit:
            cut = a + limit
            for j in range(cut, a + limit // 2, -1):  # bounded look-back: linear
                if not text[j - 1].isalnum() and text[j - 1] not in ".,":
                    cut = j
                    break
            yield text[a:cut]
            a = cut
        yield text[a:end]
        pos = end
    if pos < len(text):
        yield text[pos:]


class RunSafeTokenizer:
    """A tokenizer that hands ``inner`` no whitespace-free run over :data:`MAX_RUN` characters.

    Texts without such runs (nearly all) go to ``inner`` unchanged, so tokens are exactly
    ``inner``'s; surrogates are replaced as in :func:`sanitize`.
    """

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.vocab = inner.vocab

    def __call__(self, text: str) -> Doc:
        text = sanitize(text)
        if not has_long_run(text):
            return self.inner(text)
        words: list[str] = []
        spaces: list[bool] = []
        for piece in pieces(text):
            for tok in self.inner(piece):
                words.append(tok.text)
                spaces.append(bool(tok.whitespace_))
        return Doc(self.vocab, words=words, spaces=spaces)

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    @contextmanager
    def memory_zone(self, mem=None):
        # spaCy's Tokenizer caches per memory zone: delegate so its cache is freed too
        with ExitStack() as stack:
            if hasattr(self.inner, "memory_zone"):
                stack.enter_context(self.inner.memory_zone(mem))
            yield mem

    # serialisation: the wrapped tokenizer's own data
    def to_bytes(self, **kwargs) -> bytes:
        return self.inner.to_bytes(**kwargs)

    def from_bytes(self, data: bytes, **kwargs) -> "RunSafeTokenizer":
        self.inner.from_bytes(data, **kwargs)
        return self

    def to_disk(self, path, **kwargs) -> None:
        self.inner.to_disk(path, **kwargs)

    def from_disk(self, path, **kwargs) -> "RunSafeTokenizer":
        self.inner.from_disk(path, **kwargs)
        return self

    def __getattr__(self, name: str) -> Any:
        # prefix_search, rules, explain, ... of the wrapped tokenizer
        if name == "inner":
            raise AttributeError(name)
        return getattr(self.inner, name)

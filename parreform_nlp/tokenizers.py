"""Linear-time tokenizers for Vietnamese and Thai, giving the same tokens as spaCy's own.

spaCy's Vietnamese tokenizer without pyvi aligns ``text.split()`` with
``util.get_words_and_spaces``, which slices the rest of the text for every word (quadratic:
~1 minute on a 2 MB page); its Thai tokenizer runs pythainlp over the whole page at once,
also superlinear. These do the same work chunk by chunk.
"""
from __future__ import annotations

import re
from typing import Callable

from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

_NON_SPACE = re.compile(r"\S+")


class _StatelessTokenizer:
    """Serialisation hooks for ``nlp.to_disk``/``spacy.load``: these tokenizers hold no data."""

    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> "_StatelessTokenizer":
        return self

    def to_disk(self, path, **kwargs) -> None:
        pass

    def from_disk(self, path, **kwargs) -> "_StatelessTokenizer":
        return self


class SyllableTokenizer(_StatelessTokenizer):
    """Whitespace-delimited syllables, as ``spacy.blank("vi")`` with ``use_pyvi = false``."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        pos = 0
        for m in _NON_SPACE.finditer(text):
            _add_gap(words, spaces, text[pos:m.start()])
            words.append(m.group())
            spaces.append(False)
            pos = m.end()
        _add_gap(words, spaces, text[pos:])
        return Doc(self.vocab, words=words, spaces=spaces)


def _add_gap(words: list[str], spaces: list[bool], gap: str) -> None:
    # One plain space after a word is its trailing space; any other whitespace is a token.
    if gap.startswith(" ") and words:
        spaces[-1] = True
        gap = gap[1:]
    if gap:
        words.append(gap)
        spaces.append(False)


class ThaiTokenizer(_StatelessTokenizer):
    """pythainlp's newmm word segmentation, as ``spacy.blank("th")``, run per whitespace chunk."""

    def __init__(self, vocab: Vocab) -> None:
        from .pythainlp_env import prepare

        prepare()  # a writable data folder, never ~/pythainlp-data
        from pythainlp.tokenize import word_tokenize  # only when a Thai page needs it

        self.vocab = vocab
        self.word_tokenize = word_tokenize

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        for m in re.finditer(r"\S+|\s+", text):
            # pythainlp's number rejoining ("(\d+[.,:])+\d+") is quadratic in a run of digits:
            # a run over _DIGIT_RUN digits becomes tokens of that size, never seen by it
            for i, part in enumerate(_LONG_DIGITS.split(m.group())):
                if i % 2:
                    words.extend(part[j:j + _DIGIT_RUN] for j in range(0, len(part), _DIGIT_RUN))
                elif part:
                    words.extend(w for w in self.word_tokenize(part, engine="newmm", keep_whitespace=True) if w)
        return Doc(self.vocab, words=words, spaces=[False] * len(words))


_DIGIT_RUN = 64
_LONG_DIGITS = re.compile(rf"(\d{{{_DIGIT_RUN + 1},}})")


@registry.tokenizers("parreform.SyllableTokenizer.v1")
def create_syllable_tokenizer() -> Callable[..., SyllableTokenizer]:
    return lambda nlp: SyllableTokenizer(nlp.vocab)


@registry.tokenizers("parreform.ThaiTokenizer.v1")
def create_thai_tokenizer() -> Callable[..., ThaiTokenizer]:
    return lambda nlp: ThaiTokenizer(nlp.vocab)

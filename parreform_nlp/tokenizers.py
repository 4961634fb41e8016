"""Linear-time tokenizers for Vietnamese and Thai, punctuation split off as spaCy's rule-based
tokenizers do it.

spaCy's Vietnamese tokenizer without pyvi aligns ``text.split()`` with
``util.get_words_and_spaces``, which slices the rest of the text for every word (quadratic:
~1 minute on a 2 MB page); its Thai tokenizer runs pythainlp over the whole page at once,
also superlinear. These do the same work chunk by chunk.

Both keep punctuation off words ("97%." -> "97", "%", "."; "2023," -> "2023", ","; "(PAR)" ->
"(", "PAR", ")"), so that every record found in the text starts and ends on token boundaries
(``doc.char_span`` finds it). Dots, commas, slashes and colons between word characters stay
inside the token ("84,38", "06/09/2023", "TP.HCM", "ก.พ"), as in spaCy's rules for numbers;
hyphens and dashes are tokens of their own ("2021-2030", "QĐ-UBND": each side can be a record),
and words glued by a page's layout are cut where a capital follows a small letter or a digit a
letter ("Việt NamViệt Nam", "Phủ04/05/2025").
"""
from __future__ import annotations

import re
from typing import Callable

from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

_NON_SPACE = re.compile(r"\S+")
#: a word character: letters, digits and the combining marks of Vietnamese (NFD) and Thai, which
#: Python's ``\w`` leaves out
_W = r"[\w\u0300-\u036f\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]"
#: a word (runs of word characters joined by inner punctuation), else one other character.
#: The two alternatives share no first character and the joiners are no word characters:
#: one left-to-right pass, no backtracking.
_PIECE = re.compile(rf"{_W}+(?:[.,/'’:&]{_W}+)*|\S")
_WORD = re.compile(rf"{_W}+")
_DIGIT = re.compile(r"\d")


def split_punct(chunk: str) -> list[str]:
    """The tokens of one whitespace-free ``chunk``: words, and each other character on its own."""
    if _WORD.fullmatch(chunk) and not _glued(chunk):
        return [chunk]  # the common case: a plain syllable or number
    out: list[str] = []
    for piece in _PIECE.findall(chunk):
        if _glued(piece):
            out.extend(_unglue(piece))
        else:
            out.append(piece)
    return out


def _glued(word: str) -> bool:
    """Whether ``word`` may hold two words run together (a capital after its first letter, or a
    digit after a letter): the cheap test before :func:`_unglue`'s character scan."""
    rest = word[1:]
    return rest != rest.lower() or (not word.isdigit() and _DIGIT.search(word) is not None)


def _unglue(word: str) -> list[str]:
    """``word`` cut where a capital follows a small letter or a digit follows a letter."""
    out, start = [], 0
    for i in range(1, len(word)):
        prev, cur = word[i - 1], word[i]
        if (cur.isupper() and prev.islower()) or (cur.isdigit() and _WORD.match(prev) and not prev.isdigit()):
            out.append(word[start:i])
            start = i
    out.append(word[start:])
    return out


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
    """Whitespace-delimited syllables, as ``spacy.blank("vi")`` with ``use_pyvi = false``, with
    punctuation split off (:func:`split_punct`)."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        pos = 0
        for m in _NON_SPACE.finditer(text):
            _add_gap(words, spaces, text[pos:m.start()])
            pieces = split_punct(m.group())
            words.extend(pieces)
            spaces.extend([False] * len(pieces))
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
    """pythainlp's newmm word segmentation, as ``spacy.blank("th")``, run per whitespace chunk,
    with punctuation split off its words (:func:`split_punct`)."""

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
                    continue
                for w in self.word_tokenize(part, engine="newmm", keep_whitespace=True) if part else ():
                    if w:
                        words.extend(split_punct(w) if not w.isspace() else [w])
        return Doc(self.vocab, words=words, spaces=[False] * len(words))


_DIGIT_RUN = 64
_LONG_DIGITS = re.compile(rf"(\d{{{_DIGIT_RUN + 1},}})")


@registry.tokenizers("parreform.SyllableTokenizer.v1")
def create_syllable_tokenizer() -> Callable[..., SyllableTokenizer]:
    return lambda nlp: SyllableTokenizer(nlp.vocab)


@registry.tokenizers("parreform.ThaiTokenizer.v1")
def create_thai_tokenizer() -> Callable[..., ThaiTokenizer]:
    return lambda nlp: ThaiTokenizer(nlp.vocab)

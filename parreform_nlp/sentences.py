"""Sentence splitting for translation, with character offsets, offline and deterministic.

Machine translation works sentence by sentence, and the English text is aligned back to the
source through these spans, so the splitter must be stable: the same text always gives the
same spans, in every process and on every machine (no statistical model, nothing to download).

* Thai writes no full stops: a space between two Thai clauses ends a sentence. Spaces next to
  Latin words ("นายกรัฐมนตรี Pham Minh Chinh") or digits do not, and chunks shorter than
  :data:`THAI_MIN_CHARS` (list items such as "กระทรวง ท้องถิ่น") are joined to their neighbour.
  Nor does a space next to a word of four characters or fewer (transliterated names such as
  "เล ดึ๊ก เตียน"), nor one before a continuation ("อยู่ที่ 30.4%", "และ ...") or after "ว่า" ("said that").
* Vietnamese and other languages split after ``.``, ``!``, ``?``, ``…`` (and ``;`` in very long
  sentences are kept whole) followed by a space and an upper-case letter, digit or quote, except
  after known abbreviations ("TP.", "Dr.", "No.") and inside numbers ("84,38%", "1.234").
* Line breaks always end a sentence; blank lines end paragraphs. A sentence longer than
  :data:`MAX_CHARS` is cut at its last space before the limit, or, in a Thai run without spaces,
  at the last word boundary found by pythainlp's dictionary segmenter (``newmm``, offline).
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from .patterns import is_thai

#: Thai chunks shorter than this (in characters) are joined to the following chunk.
THAI_MIN_CHARS = 40
#: A Thai chunk starting with one of these continues the previous one ("... อยู่ที่ 30.4%").
THAI_CONTINUATIONS = ("อยู่ที่", "และ", "ได้", "ถึง", "ของ", "หรือ", "ซึ่ง", "เป็น", "จำนวน", "คิดเป็น", "เพิ่มขึ้น", "ลดลง")
#: Sentences longer than this are split again at the last space before the limit (MT models
#: degrade on very long inputs).
MAX_CHARS = 600

_ABBREVIATIONS = frozenset(
    """tp mr mrs ms dr prof no nos st vs etc e.g i.e jan feb mar apr jun jul aug sep sept oct nov dec
    ths ts pgs gs ông bà q tx h p k""".split()
)

_LINE = re.compile(r"[^\n]+")
_PUNCT_END = re.compile(r"(?<![.!?…])[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-ZÀ-ỸĐ0-9])")


def _spans_in_line(line: str, offset: int, lang: str) -> Iterator[tuple[int, int]]:
    if lang == "th":
        yield from _thai_spans(line, offset)
    else:
        yield from _punct_spans(line, offset)


def _punct_spans(line: str, offset: int) -> Iterator[tuple[int, int]]:
    start = 0
    for m in _PUNCT_END.finditer(line):
        end = m.end()
        # the word before the stop, from a bounded look-back (linear on "X. X. X. ..."): a word
        # longer than that is no abbreviation anyway
        word = re.search(r"(\S+)$", line[max(start, m.start() - 40):m.start() + 1])
        token = word.group(1).rstrip(".").lower() if word else ""
        if m.group(0).startswith(".") and (token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())):
            continue
        yield from _trim(line, start, end, offset)
        start = end
    yield from _trim(line, start, len(line), offset)


def _thai_spans(line: str, offset: int) -> Iterator[tuple[int, int]]:
    cuts = [0]
    for m in re.finditer(r"\s+", line):
        before = line[m.start() - 1] if m.start() > 0 else ""
        after = line[m.end()] if m.end() < len(line) else ""
        thai_before = is_thai(before) or (before in ")\"”'" and m.start() > 1 and is_thai(line[m.start() - 2]))
        if thai_before and is_thai(after):
            # bounded slices: only short words matter here, and a long line stays linear
            if line.startswith(THAI_CONTINUATIONS, m.end()) or line[max(0, m.start() - 3):m.start()].endswith("ว่า"):
                continue
            word_before = line[max(0, m.start() - 8):m.start()].rsplit(None, 1)[-1]
            word_after = line[m.end():m.end() + 8].split(None, 1)[0]
            if len(word_before) <= 4 or len(word_after) <= 4:
                continue  # a transliterated name ("เล ดึ๊ก เตียน") or a short list item
            cuts.append(m.end())
        elif before in ".!?" and after:
            cuts.append(m.end())
    cuts.append(len(line))
    chunks = [(cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1)]
    merged: list[list[int]] = []
    pending: list[int] | None = None
    for a, b in chunks:
        if pending is not None:
            a = pending[0]
            pending = None
        if len(line[a:b].strip()) < THAI_MIN_CHARS:
            pending = [a, b]
            continue
        merged.append([a, b])
    if pending is not None:
        if merged:
            merged[-1][1] = pending[1]
        else:
            merged.append(pending)
    for a, b in merged:
        yield from _trim(line, a, b, offset)


def _trim(line: str, a: int, b: int, offset: int) -> Iterator[tuple[int, int]]:
    while a < b and line[a].isspace():
        a += 1
    while b > a and line[b - 1].isspace():
        b -= 1
    if a >= b:
        return
    while b - a > MAX_CHARS:
        cut = line.rfind(" ", a, a + MAX_CHARS)
        if cut <= a:
            cut = _word_boundary(line, a, a + MAX_CHARS)
        yield offset + a, offset + cut
        a = cut
        while a < b and line[a].isspace():
            a += 1
    if a < b:
        yield offset + a, offset + b


def _word_boundary(line: str, a: int, limit: int) -> int:
    """The last word boundary in ``line[a:limit]`` (pythainlp's dictionary segmenter for Thai runs)."""
    if any(is_thai(ch) for ch in line[a:limit]):
        from .pythainlp_env import prepare

        prepare()  # a writable data folder, never ~/pythainlp-data
        try:
            from pythainlp.tokenize import (
                word_tokenize,  # bundled dictionary: nothing to download
            )
        except ImportError:  # pragma: no cover - pythainlp is a dependency
            return limit
        pos, best = a, limit
        for word in word_tokenize(line[a:limit + 50], engine="newmm", keep_whitespace=True):
            if pos + len(word) > limit:
                break
            pos += len(word)
            best = pos
        return best if best > a else limit
    return limit


def split_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """``[(start, end), ...]`` of the sentences of ``text``, in order, without surrounding spaces."""
    spans: list[tuple[int, int]] = []
    for m in _LINE.finditer(text):
        spans.extend(_spans_in_line(m.group(0), m.start(), lang))
    return spans

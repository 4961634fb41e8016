"""Byte-pair encoding of words with a ``bpe.model`` merge list, as Argos Translate's BPE packages
use it (the subword-nmt algorithm, codes versions 0.1 and 0.2, separator "@@").

Our own copy so that reading those packages needs neither argostranslate (whose install pulls
stanza and torch) nor subword-nmt: only the merge table, applied greedily by rank.
"""
from __future__ import annotations

from typing import Iterable, TextIO

_END = "</w>"


class BPE:
    """The merges of one ``bpe.model`` file; :meth:`segment_tokens` splits words into subwords."""

    def __init__(self, codes: TextIO, separator: str = "@@") -> None:
        lines = codes.read().splitlines()
        self.version: tuple[int, ...] = (0, 1)
        if lines and lines[0].startswith("#version:"):
            raw = lines.pop(0).split()[-1]
            parts = [int(x) for x in raw.split(".")]
            while len(parts) > 2 and parts[-1] == 0:  # "0.2.0" -> (0, 2)
                parts.pop()
            self.version = tuple(parts)
        if self.version not in ((0, 1), (0, 2)):
            raise ValueError(f"unsupported BPE codes version {self.version}")
        self.ranks: dict[tuple[str, str], int] = {}
        for i, line in enumerate(lines):
            pair = tuple(line.strip("\r\n ").split(" "))
            if len(pair) != 2:
                raise ValueError(f"invalid line {i + 1} in BPE codes: {line!r}")
            self.ranks.setdefault(pair, i)  # the first occurrence of a duplicate wins
        self.separator = separator
        self._cache: dict[str, tuple[str, ...]] = {}

    def encode(self, word: str) -> tuple[str, ...]:
        """The subwords of one word (no separators), merges applied lowest rank first."""
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        if self.version == (0, 1):
            symbols = list(word) + [_END]
        else:
            symbols = list(word[:-1]) + [word[-1] + _END]
        inf = len(self.ranks) + 1
        while len(symbols) > 1:
            pairs = set(zip(symbols, symbols[1:]))
            best = min(pairs, key=lambda p: self.ranks.get(p, inf))
            if best not in self.ranks:
                break
            merged, i = [], 0
            while i < len(symbols):
                if i < len(symbols) - 1 and symbols[i] == best[0] and symbols[i + 1] == best[1]:
                    merged.append(best[0] + best[1])
                    i += 2
                else:
                    merged.append(symbols[i])
                    i += 1
            symbols = merged
        if symbols[-1] == _END:
            symbols.pop()
        elif symbols[-1].endswith(_END):
            symbols[-1] = symbols[-1][: -len(_END)]
        out = tuple(symbols)
        self._cache[word] = out
        return out

    def segment_tokens(self, tokens: Iterable[str]) -> list[str]:
        """Subwords of whitespace tokens; every subword but a word's last ends with the separator."""
        out: list[str] = []
        for word in tokens:
            if not word:
                continue
            pieces = self.encode(word)
            out.extend(p + self.separator for p in pieces[:-1])
            out.append(pieces[-1])
        return out

"""Offline translation to English with installed Argos Translate packages, sentence-aligned.

We drive the packages ourselves rather than through ``argostranslate.translate``: its import
reads settings and creates folders under the home directory, its default sentence splitter
downloads a model, and it picks splitters by substring of the package path. Here:

* sentences come from :mod:`parreform_nlp.sentences` (rules, no model, nothing to download);
* each package folder is read directly: ``metadata.json``, ``model/`` (CTranslate2) and its
  ``sentencepiece.model`` (or ``bpe.model``, with sacremoses and our own :mod:`parreform_nlp.bpe`);
* sentences are translated in batches with ``ctranslate2.Translator.translate_batch``;
* every translated sentence keeps a :class:`Segment` mapping its span in the English text to the
  span of its source sentence.

Translators load once per process per package and are shared between threads (CTranslate2
translators are thread-safe). Sentences already translated in this process come from an LRU cache
(:func:`cache_info`). A language without a direct package is translated through a pivot when two
installed packages chain (e.g. th->vi->en).

Settings (environment): ``PARREFORM_BEAM_SIZE`` (default 2), ``PARREFORM_TRANSLATION_CACHE``
(sentences kept, default 4096), ``PARREFORM_CT2_THREADS`` (intra threads per translator, default 0:
CTranslate2's choice).
"""
from __future__ import annotations

import os
import re
import threading
import warnings
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from .errors import TranslationUnavailable

__all__ = ["Segment", "Translation", "translate_document", "translate_sentences", "find_route",
           "cache_info", "clear_caches"]

#: Sentences per ``translate_batch`` call, and CTranslate2's own token budget per batch.
BATCH_SENTENCES = 64
BATCH_TOKENS = 2048


@dataclass
class Segment:
    """One translated sentence: its span in the source text and in the English text."""

    source_start: int
    source_end: int
    target_start: int
    target_end: int


@dataclass
class Translation:
    text: str
    from_code: str
    to_code: str = "en"
    segments: list[Segment] = field(default_factory=list)
    #: the package folders used, in order (two for a pivot)
    packages: list[str] = field(default_factory=list)
    #: the source text the segments' source offsets index into
    source: str = ""

    def source_span(self, start: int, end: int) -> list[int] | None:
        """[start, end] of the source sentence aligned with English characters ``start:end``."""
        for seg in self.segments:
            if seg.target_start <= start < seg.target_end or (start == end == seg.target_end):
                return [seg.source_start, seg.source_end]
        for seg in self.segments:  # a span across sentences: the first it overlaps
            if start < seg.target_end and end > seg.target_start:
                return [seg.source_start, seg.source_end]
        return None

    def segment_at(self, start: int) -> Segment | None:
        for seg in self.segments:
            if seg.target_start <= start < seg.target_end:
                return seg
        return None


# --------------------------------------------------------------------------- engines


class _Engine:
    """One package: its CTranslate2 translator and tokenizer, loaded once, shared by threads."""

    def __init__(self, pkg) -> None:
        self.pkg = pkg
        self._lock = threading.Lock()
        self._translator = None
        self._sp = None
        self._bpe = None
        #: the model's number of position encodings, once known (see translate)
        self.max_positions: int | None = None

    def _load(self) -> None:
        with self._lock:
            if self._translator is not None:
                return
            import ctranslate2

            self._load_tokenizer()
            threads = int(os.environ.get("PARREFORM_CT2_THREADS", "0") or 0)
            self._translator = ctranslate2.Translator(
                str(self.pkg.model_dir), device="cpu", compute_type="auto", inter_threads=1,
                intra_threads=threads)

    def _load_tokenizer(self) -> None:
        if self._sp is not None or self._bpe is not None:
            return
        kind = self.pkg.tokenizer_kind
        if kind == "sentencepiece":
            import sentencepiece as spm

            self._sp = spm.SentencePieceProcessor(model_file=str(self.pkg.path / "sentencepiece.model"))
        elif kind == "bpe":
            from sacremoses.normalize import MosesPunctNormalizer
            from sacremoses.tokenize import MosesDetokenizer, MosesTokenizer

            from .bpe import BPE

            with open(self.pkg.path / "bpe.model", encoding="utf-8") as f:
                bpe = BPE(f)
            self._bpe = (MosesPunctNormalizer(self.pkg.from_code), MosesTokenizer(self.pkg.from_code),
                         bpe, MosesDetokenizer(self.pkg.to_code))
        else:
            raise TranslationUnavailable(f"package {self.pkg.path} has no sentencepiece.model or bpe.model")

    def encode(self, sentence: str) -> list[str]:
        if self._sp is not None:
            return self._sp.encode(sentence, out_type=str)
        normalizer, tokenizer, bpe, _ = self._bpe
        tokens = " ".join(tokenizer.tokenize(normalizer.normalize(sentence)))
        return bpe.segment_tokens(tokens.strip("\r\n ").split(" "))

    def decode(self, tokens: list[str]) -> str:
        if self._sp is not None:
            text = self._sp.decode_pieces(tokens).replace("\u2581", " ")
        else:
            text = self._bpe[3].detokenize(" ".join(tokens).replace("@@ ", "").split(" "))
        prefix = self.pkg.target_prefix
        if prefix and text.startswith(prefix):
            text = text[len(prefix):]
        return text.strip()

    def translate(self, sentences: Sequence[str]) -> list[str]:
        if not sentences:
            return []
        if self._translator is None:
            self._load()
        try:
            return self._translate(sentences)
        except RuntimeError as e:
            # "No position encodings are defined for positions >= 256": the model's limit is
            # learnt once, then long sentences are cut into pieces that fit
            m = _POSITIONS.search(str(e))
            if m is None or self.max_positions is not None:
                raise
            self.max_positions = int(m.group(1))
            return self._translate(sentences)

    def _translate(self, sentences: Sequence[str]) -> list[str]:
        beam = max(1, int(os.environ.get("PARREFORM_BEAM_SIZE", "2") or 2))
        limit = self.max_positions or DEFAULT_MAX_POSITIONS
        # source pieces of at most half the positions: the output may be longer than the input
        piece = max(8, limit // 2 - 2)
        out: list[str] = []
        for i in range(0, len(sentences), BATCH_SENTENCES):
            chunk = sentences[i:i + BATCH_SENTENCES]
            owners: list[int] = []
            tokens: list[list[str]] = []
            for k, sentence in enumerate(chunk):
                toks = self.encode(sentence)
                for j in range(0, max(1, len(toks)), piece):
                    tokens.append(toks[j:j + piece])
                    owners.append(k)
            prefix = [[self.pkg.target_prefix]] * len(tokens) if self.pkg.target_prefix else None
            results = self._translator.translate_batch(
                tokens, target_prefix=prefix, beam_size=beam, num_hypotheses=1, replace_unknowns=True,
                length_penalty=0.2, max_batch_size=BATCH_TOKENS, batch_type="tokens", max_input_length=piece,
                max_decoding_length=max(8, min(limit - 2, 2 * max(map(len, tokens), default=0) + 16)))
            texts: list[list[str]] = [[] for _ in chunk]
            for k, r in zip(owners, results):
                texts[k].append(self.decode(r.hypotheses[0]))
            out.extend(" ".join(t for t in parts if t) for parts in texts)
        return out


#: Positions assumed until a model says otherwise (CTranslate2's default input limit).
DEFAULT_MAX_POSITIONS = 1024
_POSITIONS = re.compile(r"positions >= (\d+)")


_ENGINES: dict[str, _Engine] = {}
_ENGINES_LOCK = threading.Lock()


def _engine(pkg) -> _Engine:
    key = str(pkg.path)
    engine = _ENGINES.get(key)
    if engine is None or engine.pkg != pkg:
        with _ENGINES_LOCK:
            engine = _ENGINES.get(key)
            if engine is None or engine.pkg != pkg:
                engine = _ENGINES[key] = _Engine(pkg)
    return engine


# --------------------------------------------------------------------------- LRU cache


class CacheInfo(NamedTuple):
    hits: int
    misses: int
    maxsize: int
    currsize: int


class _LRU:
    def __init__(self, maxsize: int) -> None:
        self.maxsize = maxsize
        self._data: OrderedDict[tuple, str] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: tuple) -> str | None:
        with self._lock:
            value = self._data.get(key)
            if value is None:
                self.misses += 1
                return None
            self._data.move_to_end(key)
            self.hits += 1
            return value

    def put(self, key: tuple, value: str) -> None:
        if self.maxsize <= 0:
            return
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.maxsize:
                self._data.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
            self.hits = self.misses = 0

    def info(self) -> CacheInfo:
        with self._lock:
            return CacheInfo(self.hits, self.misses, self.maxsize, len(self._data))


_CACHE = _LRU(int(os.environ.get("PARREFORM_TRANSLATION_CACHE", "4096") or 0))
#: Whole pages: a page analysed again costs one lookup. Its hits count as hits of its sentences.
_DOC_CACHE: OrderedDict[tuple, "Translation"] = OrderedDict()
_DOC_CACHE_SIZE = 256


def cache_info() -> CacheInfo:
    """Hits, misses, maxsize and current size of the translated-sentence cache of this process."""
    return _CACHE.info()


def clear_caches() -> None:
    """Forget loaded translators and translated sentences (called on install/remove)."""
    with _ENGINES_LOCK:
        _ENGINES.clear()
        _DOC_CACHE.clear()
    _CACHE.clear()


# --------------------------------------------------------------------------- routes


def find_route(from_code: str, to_code: str = "en") -> list | None:
    """Installed packages that translate ``from_code`` to ``to_code``: one, or two through a pivot."""
    from .models import installed_packages

    packages = installed_packages()
    for pkg in packages:
        if (pkg.from_code, pkg.to_code) == (from_code, to_code):
            return [pkg]
    for first in packages:
        if first.from_code != from_code:
            continue
        for second in packages:
            if second.from_code == first.to_code and second.to_code == to_code:
                return [first, second]
    return None


def translate_sentences(sentences: Sequence[str], route: Sequence) -> list[str]:
    """Translate sentences through ``route`` (packages from :func:`find_route`), with the LRU cache."""
    route_key = tuple(str(p.path) for p in route)
    result: list[str | None] = [None] * len(sentences)
    todo: dict[str, list[int]] = {}
    for i, sentence in enumerate(sentences):
        cached = _CACHE.get((route_key, sentence))
        if cached is not None:
            result[i] = cached
        else:
            todo.setdefault(sentence, []).append(i)
    if todo:
        pending = list(todo)
        texts = pending
        for pkg in route:
            texts = _engine(pkg).translate(texts)
        for sentence, english in zip(pending, texts):
            _CACHE.put((route_key, sentence), english)
            for i in todo[sentence]:
                result[i] = english
    return [r or "" for r in result]


# --------------------------------------------------------------------------- documents

#: langdetect codes -> Argos Translate package codes
ARGOS_CODES = {"zh-cn": "zh", "zh-tw": "zt", "pt-br": "pb"}

_WARNED: set[tuple[str, str]] = set()
_WARNED_LOCK = threading.Lock()


def _guidance(from_code: str, to_code: str) -> str:
    from .models import packages_dir

    return (f"no translation package {from_code}->{to_code} is installed (looked in {packages_dir()}). "
            f"On a connected machine run `argospm install translate-{from_code}_{to_code}` (or download "
            f"the translate-{from_code}_{to_code} .argosmodel file), then, here, "
            f"`parreform_nlp.models.install(path)`.")


def _missing_extra() -> str | None:
    """Why installed packages cannot run here: the ``translate`` extra is not installed (else None)."""
    import importlib.util

    absent = [m for m in ("ctranslate2", "sentencepiece") if importlib.util.find_spec(m) is None]
    if not absent:
        return None
    return (f"translation packages are installed but {' and '.join(absent)} {'is' if len(absent) == 1 else 'are'} "
            "not: pip install 'parreform-nlp[translate]'.")


def _join(text: str, prev_end: int, start: int) -> str:
    gap = text[prev_end:start]
    if "\n\n" in gap or gap.count("\n") >= 2:
        return "\n\n"
    if "\n" in gap:
        return "\n"
    return " "


def translate_document(text: str, from_code: str, to_code: str = "en", *, required: bool = False) -> Translation | None:
    """English translation of ``text`` with its sentence alignment, or None when no package is installed.

    Without a package this warns once per language pair (naming how to install one) and returns
    None; with ``required=True`` it raises :class:`TranslationUnavailable` instead. A package that
    fails while translating is treated the same way (a warning and None, or the exception when
    required). Nothing is ever downloaded.
    """
    from_code = ARGOS_CODES.get(from_code, from_code)
    to_code = ARGOS_CODES.get(to_code, to_code)
    if from_code == to_code:
        from .sentences import split_sentences

        segments = [Segment(a, b, a, b) for a, b in split_sentences(text, from_code)]
        return Translation(text, from_code, to_code, segments, [], text)
    route = find_route(from_code, to_code)
    missing = _missing_extra() if route is not None else None
    if route is None or missing:
        message = missing or _guidance(from_code, to_code)
        if required:
            raise TranslationUnavailable(message)
        with _WARNED_LOCK:
            first = (from_code, to_code) not in _WARNED
            _WARNED.add((from_code, to_code))
        if first:
            warnings.warn(message + " Going on with the native rules.", UserWarning, stacklevel=3)
        return None

    doc_key = (tuple(str(p.path) for p in route), from_code, text)
    with _CACHE._lock:
        hit = _DOC_CACHE.get(doc_key)
        if hit is not None:
            _DOC_CACHE.move_to_end(doc_key)
            _CACHE.hits += len(hit.segments)
    if hit is not None:
        return replace(hit, segments=list(hit.segments), packages=list(hit.packages))

    from .sentences import split_sentences

    spans = split_sentences(text, from_code)
    try:
        english = translate_sentences([text[a:b] for a, b in spans], route)
    except Exception as e:  # noqa: BLE001 - a broken package must not lose the page
        message = (f"translating {from_code}->{to_code} with {', '.join(str(p.path) for p in route)} failed "
                   f"({type(e).__name__}: {e})")
        if required:
            raise TranslationUnavailable(message) from e
        warnings.warn(message + ". Going on with the native rules.", UserWarning, stacklevel=3)
        return None
    parts: list[str] = []
    segments: list[Segment] = []
    pos = 0
    prev_end = None
    for (a, b), sentence in zip(spans, english):
        if not sentence:
            continue
        if prev_end is not None:
            sep = _join(text, prev_end, a)
            parts.append(sep)
            pos += len(sep)
        parts.append(sentence)
        segments.append(Segment(a, b, pos, pos + len(sentence)))
        pos += len(sentence)
        prev_end = b
    result = Translation("".join(parts), from_code, to_code, segments, [str(p.path) for p in route], text)
    if _CACHE.maxsize > 0:
        with _CACHE._lock:
            _DOC_CACHE[doc_key] = replace(result, segments=[replace(seg) for seg in segments])
            while len(_DOC_CACHE) > _DOC_CACHE_SIZE:
                _DOC_CACHE.popitem(last=False)
    return result

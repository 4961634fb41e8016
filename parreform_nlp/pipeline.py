"""Builds the spaCy pipelines: which components, in which order, what each requires and assigns.

``analyze()`` keeps one private pipeline per language (:func:`shared`); :func:`load` gives the
caller a new one to change at will.
"""
from __future__ import annotations

import threading
import warnings

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import tokenizers  # noqa: F401  (registers the tokenizers named below)
from .textprep import RunSafeTokenizer

#: Component order: bodies and places first (officials read them for ``organization``),
#: legal references before dates and indicators (whose numbers they must not take).
COMPONENTS = (
    "parreform_language",
    "parreform_bodies",
    "parreform_officials",
    "parreform_legal_refs",
    "parreform_dates",
    "parreform_indicators",
)

#: What each component needs from the ones before it and writes, as spaCy's factory meta
#: (``nlp.analyze_pipes()`` checks it). The page context (``page.py``) is computed on demand.
#: Indicators also read bodies and places when present (subjects), but find their numbers without.
REQUIRES: dict[str, tuple[str, ...]] = {
    "parreform_officials": ("doc._.bodies",),
    "parreform_dates": ("doc._.legal_refs",),
    "parreform_indicators": ("doc._.legal_refs", "doc._.dates"),
}
ASSIGNS: dict[str, tuple[str, ...]] = {
    "parreform_language": ("doc._.language", "doc._.language_score"),
    "parreform_bodies": ("doc._.bodies", "doc._.places", "doc.spans", "span._.parreform"),
    "parreform_officials": ("doc._.officials", "doc.spans", "span._.parreform"),
    "parreform_legal_refs": ("doc._.legal_refs", "doc.spans", "span._.parreform"),
    "parreform_dates": ("doc._.dates", "doc._.published", "doc.spans", "span._.parreform"),
    "parreform_indicators": ("doc._.indicators", "doc._.counts", "doc.spans", "span._.parreform"),
}
#: the component that writes an attribute, and the span group that shows it ran on a doc
PROVIDER = {"doc._.bodies": "parreform_bodies", "doc._.places": "parreform_bodies",
            "doc._.legal_refs": "parreform_legal_refs", "doc._.dates": "parreform_dates"}

#: Languages with a tokenizer and a rule pack of their own; any other runs the English rules
#: on spaCy's language-neutral tokenizer ("xx").
NATIVE_LANGS = ("en", "vi", "th")

#: spaCy refuses texts over 1,000,000 characters by default (E088), a guard for its parser and
#: NER memory; these rule components stay linear, so long pages are allowed.
MAX_CHARS = 20_000_000

TOKENIZERS = {"vi": "parreform.SyllableTokenizer.v1", "th": "parreform.ThaiTokenizer.v1"}

_LOCK = threading.Lock()
_PIPELINES: dict[str, Language] = {}


def factory_meta(name: str) -> dict[str, list[str]]:
    """``requires`` / ``assigns`` keyword arguments of ``Language.factory`` for component ``name``."""
    return {"requires": list(REQUIRES.get(name, ())), "assigns": list(ASSIGNS.get(name, ()))}


class Upstream:
    """The components a component needs, run on a doc the pipeline did not run them on.

    ``spacy.blank("en").add_pipe("parreform_officials")`` alone would otherwise find no bodies and
    silently no officials: this runs ``parreform_bodies`` first (with a warning saying how to add
    it). The components are made once, on first need, and shared (they keep no per-page state).
    """

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        #: (attribute on doc._, the component that writes it)
        self.needs = tuple((a.split(".")[-1], PROVIDER[a]) for a in REQUIRES.get(name, ()))
        from .components.doc_attrs import ensure_doc_attrs

        ensure_doc_attrs(*(attr for attr, _ in self.needs))  # so that a caller can set them first
        self._nlp = nlp
        self._made: dict[str, object] = {}
        self._lock = threading.Lock()

    def _component(self, need: str):
        comp = self._made.get(need)
        if comp is None:
            with self._lock:
                comp = self._made.get(need)
                if comp is None:
                    comp = self._made[need] = self._nlp.create_pipe(need)
        return comp

    def __call__(self, doc: Doc) -> None:
        """Run on ``doc`` each needed component whose attribute is not set (by it or the caller)."""
        for attr, need in self.needs:
            if (getattr(doc._, attr) if doc.has_extension(attr) else None) is None:
                warnings.warn(f"{self.name} needs {need} before it in the pipeline: running it now "
                              f"(nlp.add_pipe({need!r}, before={self.name!r}) to do it once and for all)",
                              UserWarning, stacklevel=3)
                self._component(need)(doc)


def pipeline_lang(lang: str | None) -> str:
    """The pipeline that serves pages in ``lang``."""
    return lang if lang in NATIVE_LANGS else "xx"


def build(lang: str = "en") -> Language:
    """A new pipeline for ``lang`` on ``spacy.blank``: no trained model is needed."""
    if lang in TOKENIZERS:
        # spaCy's own tokens, made in linear time (see tokenizers.py); for Vietnamese, syllable
        # tokens are fine for matching and pyvi word segmentation is not needed.
        nlp = spacy.blank(lang, config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZERS[lang]}}})
    else:
        nlp = spacy.blank(lang)
        _align_infixes(nlp)
        # spaCy's affix search is quadratic in one whitespace-free run ("(" * 8000)
        nlp.tokenizer = RunSafeTokenizer(nlp.tokenizer)
    nlp.max_length = MAX_CHARS
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


_HAN_KANA = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HANGUL = "\uac00-\ud7af"
#: Infixes added to spaCy's rule-based tokenizer so that records end on token boundaries: number
#: ranges ("2021–2025": two years), a percent sign glued to the next word ("41%に"), a date glued
#: to the word before it by a page's layout ("Việt Nam06/09/2023") and CJK punctuation.
#: Bounded look-arounds: linear. Each is written to test the character at the position first
#: (a stop, or a look-ahead): most positions of a word fail on it at once.
ALIGN_INFIXES = (
    r"[-–—](?<=[0-9][-–—])(?=[0-9])",
    r"%(?<=[0-9]%)(?=[^\W\d_])",
    r"(?=[0-9]{1,2}[/.][0-9]{1,2}[/.][0-9]{4})(?<=[^\W\d_])",
    r"[、。，；：！？]",  # CJK punctuation: no space around it
    # Chinese and Japanese run words together: one token a character, as spaCy's Chinese "char"
    # segmenter does, and digits apart from CJK script ("の31.16%が", "10件", "69%에")
    rf"(?=[{_HAN_KANA}])(?<=[{_HAN_KANA}])",
    rf"(?=[0-9])(?<=[{_HAN_KANA}{_HANGUL}])",
    rf"(?=[{_HAN_KANA}{_HANGUL}])(?<=[0-9])",
)


def _align_infixes(nlp: Language) -> None:
    from spacy.util import compile_infix_regex

    nlp.tokenizer.infix_finditer = compile_infix_regex(list(nlp.Defaults.infixes or ()) + list(ALIGN_INFIXES)).finditer


def shared(lang: str = "en") -> Language:
    """The private pipeline ``analyze()`` uses for ``lang`` (built on first use, then reused)."""
    key = pipeline_lang(lang)
    nlp = _PIPELINES.get(key)
    if nlp is None:
        with _LOCK:
            nlp = _PIPELINES.get(key)
            if nlp is None:
                nlp = _PIPELINES[key] = build(key)
    return nlp


def load(lang: str = "en") -> Language:
    """A new pipeline for ``lang``, the same as ``analyze()`` runs, that the caller owns:
    removing or changing its pipes never changes ``analyze()``."""
    return build(pipeline_lang(lang))


def make_doc(text: str, lang: str) -> Doc:
    """``text`` tokenised as the pipeline of ``lang`` tokenises it, no component run."""
    return shared(lang).make_doc(text)

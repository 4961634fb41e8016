"""Builds the spaCy pipelines ``analyze()`` uses: one per language, built once per process."""
from __future__ import annotations

import threading

import spacy
from spacy.language import Language

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

#: Languages with a tokenizer and a rule pack of their own; any other runs the English rules
#: on spaCy's language-neutral tokenizer ("xx").
NATIVE_LANGS = ("en", "vi", "th")

#: spaCy refuses texts over 1,000,000 characters by default (E088), a guard for its parser and
#: NER memory; these rule components stay linear, so long pages are allowed.
MAX_CHARS = 20_000_000

TOKENIZERS = {"vi": "parreform.SyllableTokenizer.v1", "th": "parreform.ThaiTokenizer.v1"}

_LOCK = threading.Lock()
_PIPELINES: dict[str, Language] = {}


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
        # spaCy's affix search is quadratic in one whitespace-free run ("(" * 8000)
        nlp.tokenizer = RunSafeTokenizer(nlp.tokenizer)
    nlp.max_length = MAX_CHARS
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def load(lang: str = "en") -> Language:
    """The shared pipeline ``analyze()`` uses for ``lang`` (built on first use, then reused)."""
    key = pipeline_lang(lang)
    nlp = _PIPELINES.get(key)
    if nlp is None:
        with _LOCK:
            nlp = _PIPELINES.get(key)
            if nlp is None:
                nlp = _PIPELINES[key] = build(key)
    return nlp

"""analyze(): language -> (translation) -> extraction -> Analysis (analyze_many: corpus.py)."""
from __future__ import annotations

from typing import Any

from .components.language import UNDETERMINED, detect_language
from .page import prime
from .pipeline import shared
from .result import Analysis

_TRANSLATE_MODES = ("auto", True, False)


def _check_text(text: Any) -> str:
    if not isinstance(text, str):
        raise TypeError(f"analyze() expects text as str, not {type(text).__name__}"
                        + (" (decode bytes first, e.g. data.decode('utf-8'))" if isinstance(text, (bytes, bytearray)) else ""))
    return text


def _run(text: str, lang: str, score: float, published: str | None) -> Analysis:
    nlp = shared(lang)
    doc = nlp.make_doc(text)
    prime(doc, text)  # the page context has the text: no component rebuilds it from the tokens
    doc = nlp(doc, component_cfg={"parreform_language": {"lang": lang},
                                   "parreform_dates": {"published": published}})
    return Analysis.from_doc(doc, language=lang, language_score=score)


def analyze(text: str, *, lang: str | None = None, translate: bool | str = "auto",
            published: str | None = None) -> Analysis:
    """Analyze one page in any language and return its :class:`Analysis`.

    Args:
        text: the page as text.
        lang: ISO 639-1 code to use instead of detecting the language.
        translate: ``"auto"`` translates when a package to English is installed and otherwise
            warns once and goes on with the native rules; ``True`` requires a package
            (else :class:`TranslationUnavailable`); ``False`` never translates.
        published: the page's date ("YYYY-MM-DD"), anchoring relative dates such as "February 2".

    Raises:
        TypeError: ``text`` is not a ``str``.
        ValueError: ``translate`` is not one of "auto", True, False.
    """
    text = _check_text(text)
    if translate not in _TRANSLATE_MODES:
        raise ValueError(f"translate must be 'auto', True or False, not {translate!r}")
    if not text.strip():
        return Analysis(language=lang or UNDETERMINED)
    if lang:
        score = 1.0
    else:
        lang, score = detect_language(text)
        if lang == UNDETERMINED:
            # Too short or unclear to judge: numbers, references and dates still come out
            # of the language-neutral rules.
            return _run(text, UNDETERMINED, score, published)
    result = _run(text, lang, score, published)
    if lang != "en" and translate is not False:
        from .merge import merge_translation
        from .translation import translate_document

        translation = translate_document(text, lang, "en", required=translate is True)
        if translation is not None and translation.text.strip():
            english = _run(translation.text, "en", 1.0, published)
            result = merge_translation(result, english, translation, source_text=text)
    return result


def __getattr__(name: str):
    # analyze_many lives in corpus.py (which imports this module); kept importable from here.
    if name == "analyze_many":
        from .corpus import analyze_many

        return analyze_many
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

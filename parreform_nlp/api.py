"""analyze() / analyze_many(): language -> (translation) -> extraction -> Analysis."""
from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
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


def _analyze_kwargs(args: tuple[str, dict[str, Any]]) -> Analysis:
    text, kwargs = args
    return analyze(text, **kwargs)


def analyze_many(texts: Iterable[str], *, n_process: int = 1, batch_size: int = 64,
                 **kwargs: Any) -> Iterator[Analysis]:
    """Analyze many pages, yielding one :class:`Analysis` per text, in input order.

    ``n_process > 1`` spreads pages over worker processes; ``batch_size`` is how many
    pages a worker takes at a time. Other keyword arguments are those of :func:`analyze`.
    """
    if n_process < 1 or batch_size < 1:
        raise ValueError("n_process and batch_size must be >= 1")
    if n_process == 1:
        for text in texts:
            yield analyze(text, **kwargs)
        return
    import multiprocessing as mp

    ctx = mp.get_context("spawn")  # safe with threads and torch; workers build their own pipelines
    with ctx.Pool(n_process) as pool:
        yield from pool.imap(_analyze_kwargs, zip(texts, itertools.repeat(kwargs)), chunksize=batch_size)

"""analyze(): language -> (translation) -> extraction -> Analysis (analyze_many: corpus.py)."""
from __future__ import annotations

import contextlib
import datetime as dt
import math
import re
import threading
from dataclasses import dataclass
from typing import Any, ContextManager

from .components.language import UNDETERMINED, detect_language
from .page import prime
from .pipeline import shared
from .result import Analysis
from .textprep import sanitize

_LANG_RE = re.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*")
#: Tags whose region names another translation package (as langdetect reports them).
_KEEP_REGION = frozenset({"zh-cn", "zh-tw", "pt-br"})

#: How many strings a shared pipeline may learn from pages before each page runs in a memory zone.
#: Words the vocabulary and the tokenizer cache already know cost a third of unknown ones; a zone
#: frees what a page added, so every word of every page would stay unknown. The first pages' words
#: (the common ones) are kept, up to this bound (about 10 MB), and memory then stays flat.
WARM_STRINGS = 50_000


@dataclass
class _Zones:
    """Per shared pipeline: its lock (a memory zone frees every string added while it is open, so
    two threads must not run the same pipeline inside overlapping zones) and the size of its
    StringStore before any page."""
    lock: threading.Lock
    base: int


_ZONES: dict[int, _Zones] = {}
_ZONES_GUARD = threading.Lock()


def _check_text(text: Any) -> str:
    if not isinstance(text, str):
        raise TypeError(f"analyze() expects text as str, not {type(text).__name__}"
                        + (" (decode bytes first, e.g. data.decode('utf-8'))" if isinstance(text, (bytes, bytearray)) else ""))
    # str subclasses become plain str; lone surrogates become U+FFFD, one for one, so offsets hold
    return sanitize(text)


def check_translate(translate: Any) -> None:
    """Refuse any ``translate`` but exactly "auto", True or False (by identity: 1 and 0 are refused).

    Raises:
        ValueError: any other value.
    """
    if not (translate is True or translate is False or (isinstance(translate, str) and translate == "auto")):
        raise ValueError(f"translate must be 'auto', True or False, not {translate!r}")


def normalise_lang(lang: Any) -> str | None:
    """``lang`` as a lower-case ISO 639 code: "EN" -> "en", "vi-VN" -> "vi", "zh_Hant" -> "zh".

    Raises:
        ValueError: ``lang`` is not ``None`` and not a language tag.
    """
    if lang is None:
        return None
    m = _LANG_RE.fullmatch(lang.strip()) if isinstance(lang, str) else None
    if m is None:
        raise ValueError(f"lang must be an ISO 639-1 code such as 'en', 'vi' or 'th' (or a tag such as 'vi-VN'), not {lang!r}")
    tag = lang.strip().lower().replace("_", "-")
    if tag in _KEEP_REGION:
        return tag  # "zh-tw" and "pt-br" have packages of their own ("zt", "pb")
    return m.group(1).lower()


def normalise_published(published: Any) -> str | None:
    """``published`` (a date, a datetime or an ISO 8601 string) as "YYYY-MM-DD".

    Raises:
        ValueError: it is not a date.
    """
    if published is None:
        return None
    if isinstance(published, dt.datetime):
        return published.date().isoformat()
    if isinstance(published, dt.date):
        return published.isoformat()
    if isinstance(published, str):
        s = published.strip()
        if s[-1:] in "Zz" and "T" in s.upper():
            s = s[:-1] + "+00:00"  # Python 3.10's fromisoformat has no "Z"
        for parse in (dt.date.fromisoformat, dt.datetime.fromisoformat):
            try:
                value = parse(s)
            except ValueError:
                continue
            return (value.date() if isinstance(value, dt.datetime) else value).isoformat()
    raise ValueError(f"published must be a date, a datetime or an ISO 8601 string such as '2023-09-06', not {published!r}")


def _zones(nlp) -> _Zones:
    zones = _ZONES.get(id(nlp))
    if zones is None:
        with _ZONES_GUARD:
            zones = _ZONES.setdefault(id(nlp), _Zones(threading.Lock(), len(nlp.vocab.strings)))
    return zones


def _page_zone(nlp, base: int) -> ContextManager[Any]:
    """No zone while the pipeline has learned fewer than :data:`WARM_STRINGS` strings since
    ``base``, then a memory zone per page (call with the pipeline's lock held)."""
    return nlp.memory_zone() if len(nlp.vocab.strings) - base >= WARM_STRINGS else contextlib.nullcontext()


def _run(text: str, lang: str, score: float, published: str | None) -> Analysis:
    nlp = shared(lang)
    # The shared pipeline's StringStore would grow with every new word of every page: once it is
    # warm, each page runs in a memory zone that frees the page's strings again. Records are plain
    # Python values, built before the zone closes.
    zones = _zones(nlp)
    with zones.lock, _page_zone(nlp, zones.base):
        doc = nlp.make_doc(text)
        prime(doc, text)  # the page context has the text: no component rebuilds it from the tokens
        doc = nlp(doc, component_cfg={"parreform_language": {"lang": lang},
                                       "parreform_dates": {"published": published}})
        return _finite(Analysis.from_doc(doc, language=lang, language_score=score))


def _finite(result: Analysis) -> Analysis:
    # a 400-digit number is a float overflow, not a value: never a record (JSON has no Infinity)
    for kind in ("indicators", "counts"):
        records = getattr(result, kind)
        if any(not math.isfinite(r.value) for r in records):
            setattr(result, kind, [r for r in records if math.isfinite(r.value)])
    return result


def analyze(text: str, *, lang: str | None = None, translate: bool | str = "auto",
            published: str | dt.date | None = None) -> Analysis:
    """Analyze one page in any language and return its :class:`Analysis`.

    Args:
        text: the page as text (a ``str`` subclass is read as its plain ``str``). Lone
            surrogates are replaced by U+FFFD, one for one, so offsets index ``text`` itself.
        lang: ISO 639-1 code to use instead of detecting the language; tags are normalised
            ("EN" -> "en", "vi-VN" -> "vi").
        translate: ``"auto"`` translates when a package to English is installed and otherwise
            warns once and goes on with the native rules (also when the translation itself
            fails); ``True`` requires a package (else :class:`TranslationUnavailable`);
            ``False`` never translates.
        published: the page's date ("YYYY-MM-DD", an ISO datetime, or a ``datetime.date``),
            anchoring relative dates such as "February 2".

    Raises:
        TypeError: ``text`` is not a ``str``.
        ValueError: ``translate`` is not exactly "auto", True or False; ``lang`` is not a
            language code; ``published`` is not a date.
    """
    text = _check_text(text)
    check_translate(translate)
    lang = normalise_lang(lang)
    published = normalise_published(published)
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
            result = _finite(merge_translation(result, english, translation, source_text=text))
    return result


def __getattr__(name: str):
    # analyze_many lives in corpus.py (which imports this module); kept importable from here.
    if name == "analyze_many":
        from .corpus import analyze_many

        return analyze_many
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

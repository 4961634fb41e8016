"""Language detection: a script fast path, then langdetect with a fixed seed.

Writes ``doc._.language`` (ISO 639-1, or "und" when unsure) and ``doc._.language_score``.
"""
from __future__ import annotations

import threading
import unicodedata

from spacy.language import Language
from spacy.tokens import Doc

from ..patterns import is_thai
from ..pipeline import factory_meta
from .doc_attrs import ensure_doc_attrs

UNDETERMINED = "und"
_FACTORY_LOCK = threading.Lock()


def _letters(text: str) -> list[str]:
    return [c for c in text if c.isalpha()]


def _langdetect_factory():
    # langdetect loads its ~50 profiles on first use; guard it so threads do not race.
    from langdetect import detector_factory

    with _FACTORY_LOCK:
        detector_factory.init_factory()
    return detector_factory._factory


def detect_language(
    text: str, *, min_letters: int = 12, threshold: float = 0.5, seed: int = 0, max_chars: int = 2000
) -> tuple[str, float]:
    """Return ``(code, score)`` for ``text``; ``("und", 0.0)`` when it cannot be judged.

    Thai script decides Thai outright. Otherwise langdetect runs on the first ``max_chars``
    characters with a fixed ``seed``, so the same text always gets the same answer.
    """
    sample = text[:max_chars]
    letters = _letters(sample)
    if len(letters) < min_letters:
        return UNDETERMINED, 0.0
    thai = sum(map(is_thai, letters)) / len(letters)
    if thai >= 0.5:
        return "th", round(thai, 4)
    from langdetect.lang_detect_exception import LangDetectException

    detector = _langdetect_factory().create()
    detector.seed = seed  # langdetect is random unless seeded
    detector.append(unicodedata.normalize("NFC", sample))
    try:
        ranked = detector.get_probabilities()
    except LangDetectException:
        return UNDETERMINED, 0.0
    if not ranked or ranked[0].prob < threshold:
        return UNDETERMINED, round(ranked[0].prob, 4) if ranked else 0.0
    code = ranked[0].lang.split("-")[0]  # "zh-cn" -> "zh"
    return code, round(ranked[0].prob, 4)


class LanguageDetector:
    """spaCy component: sets ``doc._.language`` and ``doc._.language_score``.

    ``nlp(text, component_cfg={"parreform_language": {"lang": "vi"}})`` overrides detection.
    """

    def __init__(self, nlp: Language, name: str = "parreform_language", *, min_letters: int = 12,
                 threshold: float = 0.5, seed: int = 0) -> None:
        self.name = name
        self.min_letters = min_letters
        self.threshold = threshold
        self.seed = seed
        ensure_doc_attrs("language", "language_score")

    def __call__(self, doc: Doc, lang: str | None = None) -> Doc:
        ensure_doc_attrs("language", "language_score")
        if lang:
            doc._.language, doc._.language_score = lang, 1.0
        else:
            doc._.language, doc._.language_score = detect_language(
                doc.text, min_letters=self.min_letters, threshold=self.threshold, seed=self.seed)
        return doc


@Language.factory(
    "parreform_language",
    default_config={"min_letters": 12, "threshold": 0.5, "seed": 0},
    **factory_meta("parreform_language"),
)
def make_language_detector(nlp: Language, name: str, min_letters: int, threshold: float, seed: int) -> LanguageDetector:
    return LanguageDetector(nlp, name, min_letters=min_letters, threshold=threshold, seed=seed)

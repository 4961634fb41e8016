"""Language detection: the writing system and small stop-word profiles first, langdetect for the rest.

Most pages are decided without langdetect (about 10 ms a page in pure Python):

* a script used by one language decides it (Thai, Lao, Khmer, Myanmar, Georgian, Armenian,
  Hangul, kana, ...), including scripts langdetect has no profile for;
* Han characters are Japanese beside kana, Korean beside hangul, else Chinese;
* Latin text with enough letters only Vietnamese uses (ơ, ư, đ, ạ, ...) is Vietnamese;
* Latin text whose function words are clearly English ("the", "of", "and", ...) is English.

Everything else (Cyrillic, Arabic, Latin pages in other languages) goes to langdetect with a
fixed seed. Writes ``doc._.language`` (ISO 639-1, or "und" when unsure) and
``doc._.language_score``. The data lives in ``resources/scripts.json``.
"""
from __future__ import annotations

import re
import threading
import unicodedata
from collections import Counter
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from ..page import page_of
from ..pipeline import factory_meta
from ..resources import load_json
from .doc_attrs import ensure_doc_attrs

UNDETERMINED = "und"
_FACTORY_LOCK = threading.Lock()
#: a letter of any script (Thai and Indic vowel signs are marks, not letters, as before)
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=None)
def _script_regexes() -> tuple[tuple[str, re.Pattern, str | None], ...]:
    scripts = load_json("scripts.json")["scripts"]
    return tuple(
        (name, re.compile("[" + "".join(f"{re.escape(a)}-{re.escape(b)}" for a, b in s["ranges"]) + "]"), s["lang"])
        for name, s in scripts.items())


@lru_cache(maxsize=None)
def _profiles() -> tuple[dict[str, str], re.Pattern]:
    """word -> languages whose profile has it (a word may be in several); the Vietnamese letters."""
    data = load_json("scripts.json")
    owners: dict[str, list[str]] = {}
    for lang, words in data["function_words"].items():
        for w in words:
            owners.setdefault(w, []).append(lang)
    return {w: tuple(langs) for w, langs in owners.items()}, re.compile(f"[{data['vietnamese_letters']}]")


def script_counts(letters: str | Counter) -> Counter:
    """How many of ``letters`` (a string of letters only, or their counts) each script of
    ``scripts.json`` has."""
    # each distinct letter is classified once (a page has a few hundred letters of a few dozen kinds)
    freq = letters if isinstance(letters, Counter) else Counter(letters)
    distinct = "".join(freq)
    if distinct.isascii():
        return Counter({"latin": sum(freq.values())} if freq else {})  # A-Z, a-z: Latin (scripts.json)
    counts: Counter = Counter()
    for name, rx, _ in _script_regexes():
        n = sum(freq[c] for c in rx.findall(distinct))
        if n:
            counts[name] = n
    return counts


def _latin_language(sample: str) -> tuple[str, float] | None:
    """Vietnamese by its letters, or a language by a clear win of its function words."""
    data = load_json("scripts.json")
    owners, vi_letters = _profiles()
    words = _WORD.findall(sample.lower())
    if len(words) < 8:
        return None  # too short for word statistics: langdetect decides
    counts = Counter(words)  # each distinct word looked up once
    hits: Counter = Counter()
    for w in counts.keys() & owners.keys():  # the profile words of the sample (a set operation in C)
        for lang in owners[w]:
            hits[lang] += counts[w]
    vi = 0.0 if sample.isascii() else \
        sum(n for w, n in counts.items() if not w.isascii() and vi_letters.search(w)) / len(words)
    en = hits["en"] / len(words)
    # English pages name Vietnamese people and places with their diacritics: Vietnamese
    # letters decide only when they clearly outweigh English function words
    if vi >= data["vietnamese_share"] and vi >= 2 * en:
        return "vi", round(min(1.0, 0.5 + vi), 4)
    ranked = hits.most_common(2)
    if not ranked:
        return None
    best, n = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    if (best in data["profile_decides"] and n / len(words) >= data["profile_share"]
            and n >= data["profile_margin"] * second):
        return best, round(n / (n + second), 4)  # the margin over the runner-up
    return None


#: the bytes that are no ASCII letter (deleted to count the ASCII letters in C)
_NOT_ASCII_LETTER = bytes(b for b in range(128) if not chr(b).isalpha())


def _letter_counts(sample: str) -> Counter:
    """How often each letter occurs in ``sample``; vowel signs, digits and punctuation of a
    script are no letters. The ASCII letters are counted together, under "a" (they are all
    Latin, which is all the counts are read for): counted in C, not one by one."""
    ascii_letters = len(sample.encode("ascii", "ignore").translate(None, _NOT_ASCII_LETTER))
    only = Counter({"a": ascii_letters} if ascii_letters else {})
    if not sample.isascii():
        for c in set(sample):  # each distinct character is tested once
            if not c.isascii() and _LETTER.match(c):
                only[c] = sample.count(c)
    return only


def fast_language(text: str, *, min_letters: int = 12, max_chars: int = 2000) -> tuple[str, float] | None:
    """``(code, score)`` when the script or the function words decide, ``("und", 0.0)`` for
    text with too few letters, ``None`` when langdetect must judge."""
    sample = unicodedata.normalize("NFC", text[:max_chars])
    only = _letter_counts(sample)
    letters = sum(only.values())
    if letters < min_letters:
        return UNDETERMINED, 0.0
    counts = script_counts(only)
    if not counts:
        return None
    top, n = counts.most_common(1)[0]
    share = n / letters
    if top in ("han", "kana", "hangul"):
        cjk = counts["han"] + counts["kana"] + counts["hangul"]
        share_cjk = cjk / letters
        if share_cjk >= 0.4:
            with_ = load_json("scripts.json")["han_with"]
            if counts["hangul"] / cjk >= with_["hangul"]:
                return "ko", round(share_cjk, 4)
            if counts["kana"] / cjk >= with_["kana"]:
                return "ja", round(share_cjk, 4)
            return "zh", round(share_cjk, 4)
        return None
    if top == "latin":
        return _latin_language(sample) if share >= 0.5 else None
    lang = next(lang for name, _, lang in _script_regexes() if name == top)
    if lang and share >= 0.4:
        return lang, round(share, 4)
    return None


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

    The script and function-word fast path (:func:`fast_language`) decides most pages;
    otherwise langdetect runs on the first ``max_chars`` characters with a fixed ``seed``,
    so the same text always gets the same answer.
    """
    fast = fast_language(text, min_letters=min_letters, max_chars=max_chars)
    if fast is not None:
        return fast
    from langdetect.lang_detect_exception import LangDetectException

    detector = _langdetect_factory().create()
    detector.seed = seed  # langdetect is random unless seeded
    detector.append(unicodedata.normalize("NFC", text[:max_chars]))
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
            # the page context's text: ``doc.text`` would rebuild it from the tokens
            doc._.language, doc._.language_score = detect_language(
                page_of(doc).text, min_letters=self.min_letters, threshold=self.threshold, seed=self.seed)
        return doc


@Language.factory(
    "parreform_language",
    default_config={"min_letters": 12, "threshold": 0.5, "seed": 0},
    **factory_meta("parreform_language"),
)
def make_language_detector(nlp: Language, name: str, min_letters: int, threshold: float, seed: int) -> LanguageDetector:
    return LanguageDetector(nlp, name, min_letters=min_letters, threshold=threshold, seed=seed)

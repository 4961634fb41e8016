"""Vietnamese legal document references (Decision 280/QD-UBND, Nghị định số 45/2020/NĐ-CP, ...).

A reference is a Vietnamese document number ("280/QD-UBND", "42/2022/ND-CP", "01-CTr/TU"),
optionally preceded by a type word ("Decision", "Quyết định", "พระราชกฤษฎีกา") and a number
prefix ("No.", "số", "ฉบับที่"), optionally followed by its date ("dated July 6, 2023",
"ngày 12/8/2021", "ลงวันที่ 3 กุมภาพันธ์ 2567"). The type comes from the word, else from the
letters of the number ("QĐ" -> Decision).
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from ..anchors import match_at, positions
from ..numbers import LATIN_WORD, to_ascii_digits
from ..page import page_of
from ..patterns import alt
from ..pipeline import factory_meta
from ..resources import load_json
from ..spans import write_spans
from .dates import find_dates
from .doc_attrs import ensure_doc_attrs

_CODE = r"[A-ZĐ][A-Za-zĐđ]{0,7}\d{0,2}"
#: a reference glued to a Latin letter or digit is part of a longer token (see LATIN_WORD)
_LATIN = LATIN_WORD
#: "280/QD-UBND", "42/2022/ND-CP", "01-CTr/TU", "202/2025/QH15", "30c/NQ-CP", with spacing variants.
NUMBER = re.compile(
    rf"(?:(?<=\bNo\.)|(?<=\bno\.)|(?<![{_LATIN}/.\-]))\d{{1,5}}[a-z]?(?:\s?/\s?\d{{4}})?(?:\s?/\s?{_CODE}|-{_CODE}\s?/\s?{_CODE})(?:\s?[-–]\s?{_CODE}(?![a-z]))*(?![{_LATIN}/]|\.[A-Za-z])"
)
#: lookalike letters written for Vietnamese Đ / đ (Icelandic eth), same length
_LOOKALIKE = "\u00d0\u00f0"
_LOOKALIKES = str.maketrans(_LOOKALIKE, "\u0110\u0111")
#: where a document number can start (NUMBER's look-behind excludes a digit 0-9 before it);
#: the digit comes first so that the regex engine skips to digits at once
_NUMBER_START = re.compile(r"\d(?<![0-9]\d)")
#: every document number holds a "/" at most this many characters after its first digit
#: (five digits, a letter and a space, or a "-", a type code of ten characters and a space: NUMBER)
SLASH_REACH = 18


def number_starts(text: str) -> list[int]:
    """Where a document number (:data:`NUMBER`) can start: the digits of :data:`_NUMBER_START` that
    a "/" follows within :data:`SLASH_REACH` characters, found only before the page's slashes
    (a page without one has no document number; most digits of a page are far from one)."""
    out: list[int] = []
    done = 0
    i = text.find("/")
    while i >= 0:
        a = max(done, i - SLASH_REACH)
        if a < i:
            # the scan starts inside the text: its look-behind still sees what stands before
            out += [d.start() for d in _NUMBER_START.finditer(text, a, i)]
        done = i
        i = text.find("/", i + 1)
    return out
_DATE_CUE = re.compile(r"\s*,?\s*(?:dated|issued\s+on|signed\s+on|of|ngày|ban\s+hành\s+ngày|ลงวันที่|เมื่อวันที่|วันที่)\s*", re.I)
#: the issuer between the number and its date: "08/CT-TTg of the Prime Minister dated 23/6/2022"
_ISSUER_DATE_CUE = re.compile(r"\s*,?\s*(?:of|by|của)\s+[^,;.\n\d]{1,60}?\s+(?:dated|issued\s+on|signed\s+on|ngày|ban\s+hành\s+ngày)\s*", re.I)


@lru_cache(maxsize=None)
def _types(lang: str) -> tuple[dict[str, str], dict[str, str], list[str]]:
    en = load_json("legal_types.json", "en")
    types = dict(en["types"])
    prefixes = list(en["number_prefixes"])
    if lang in ("vi", "th"):
        native = load_json("legal_types.json", lang)
        types.update(native["types"])
        prefixes += native["number_prefixes"]
    return types, en["codes"], sorted(prefixes, key=len, reverse=True)


@lru_cache(maxsize=None)
def _short_number_types(lang: str) -> tuple[dict[str, str], re.Pattern]:
    """Named schemes cited by a short bare number ("Project 06", "Project No.06", "Đề án số 06"):
    their words -> type, and the pattern that finds them."""
    data = [load_json("legal_types.json", "en")] + ([load_json("legal_types.json", lang)] if lang in ("vi", "th") else [])
    words = {w: t for d in data for w, t in d.get("short_number_types", {}).items()}
    prefixes = [p for d in data for p in d["number_prefixes"]]
    # the number ends the reference: no decimal, no "/QĐ" or "-CP" (that is a document number)
    return words, re.compile(
        rf"(?<!\w)(?P<type>{alt(words)})\s*(?:(?:{alt(prefixes)})\s*)?(?P<num>\d{{1,3}})(?![.,]?\d|[/\-]?[{_LATIN}])")


def _short_number_refs(text: str, lang: str) -> list[tuple[int, int, str, str]]:
    """(start, end, type, number) of each "Project 06" in ``text``."""
    words, rx = _short_number_types(lang)
    if not words:
        return []
    # every match starts at one of the words (case as written): try the regex only there
    return [(m.start(), m.end(), words[m.group("type")], m.group("num"))
            for m in match_at(rx, text, positions(text, words))]


#: codes shared by several types ("QH15" ends both laws and resolutions of the National Assembly)
_AMBIGUOUS_CODES = {"QH", "L"}


def type_from_code(number: str, strict: bool = False) -> str | None:
    """The document type the letters of a number say: "280/QĐ-UBND" -> "Decision".

    ``strict``: only an unambiguous type code, no guess from the number's shape.
    """
    codes = _types("en")[1]
    parts = re.split(r"\s?[/-]\s?", number)
    letters = [p for p in parts[1:] if not p.isdigit()]
    for p in letters[:1]:
        key = re.sub(r"\d+$", "", p)
        if strict and key.upper() in _AMBIGUOUS_CODES:
            return None
        if key in codes:
            return codes[key]
        if key.upper() in codes:
            return codes[key.upper()]
    if len(letters) >= 2 and not strict:
        return "Official Dispatch"  # "2458/UBND-SNV": issuer-department, the công văn form
    return None


def _type_before(text: str, end: int, lang: str) -> tuple[int, str | None]:
    """(start, type) of the type word and number prefix just before ``end``."""
    types = _types(lang)[0]
    s = end
    before = text[max(0, end - 80):end]
    # number prefix: "No.", "số", "ฉบับที่"
    prefix_rx, type_rx = _before_patterns(lang)
    # every pattern ends with its word and the text's trailing spaces: its only possible match
    # starts that word's length before the stripped end (tried there, not at every position)
    stripped = len(before.rstrip())
    for n, rx in prefix_rx:
        m = rx.match(before, stripped - n) if stripped >= n else None
        if m:
            s = end - (len(before) - m.start())
            before = before[:m.start()]
            break
    if lang == "th":
        return _thai_type(before, s, types)
    stripped = len(before.rstrip())
    for t, rx in type_rx:
        m = rx.match(before, stripped - len(t)) if stripped >= len(t) else None
        if m:
            return s - (len(before) - m.start()), types[t]
    return s, None


def _thai_type(before: str, s: int, types: dict[str, str]) -> tuple[int, str | None]:
    """(start, type) of the type word in the Thai text ``before`` that ends at ``s``: Thai writes
    words together, so the word sits somewhere in the run of letters before the number."""
    base = s - len(before)
    trimmed = before.rstrip()
    chunk = re.search(r"\S*$", trimmed).group(0)
    chunk_start = base + len(trimmed) - len(chunk)
    best = None
    for t in types:
        i = chunk.find(t)
        if i >= 0 and (best is None or i < best[0] or (i == best[0] and len(t) > len(best[1]))):
            best = (i, t)
    if best:
        return chunk_start + best[0], types[best[1]]
    return s, None


@lru_cache(maxsize=None)
def _before_patterns(lang: str) -> tuple[list[tuple[int, re.Pattern]], list[tuple[str, re.Pattern]]]:
    """Number prefixes (with their length) and type words (longest first) as they end the text
    before a number. Neither has spaces at its ends (the resource files'), so a match starts
    exactly its length before the text's stripped end; a case-insensitive match is as long as
    its word (the engine compares one character with one)."""
    types, _, prefixes = _types(lang)
    if any(w != w.strip() for w in [*types, *prefixes]):
        raise ValueError("legal_types.json: a type word or number prefix with spaces at its ends")
    return ([(len(p), re.compile(rf"(?:^|(?<=[\s\u0e00-\u0e7f])){re.escape(p)}\s*$")) for p in prefixes],
            [(t, re.compile(rf"(?<![\w]){re.escape(t)}\s*$", re.I if lang != "en" else 0))
             for t in sorted(types, key=len, reverse=True)])


def _date_after(ascii_text: str, end: int, lang: str) -> str | None:
    """The issue date written right after a reference ("dated July 6, 2023", "ngày 12/8/2021")."""
    cue = _ISSUER_DATE_CUE.match(ascii_text, end) or _DATE_CUE.match(ascii_text, end)
    if cue:
        hits = find_dates(ascii_text[cue.end():cue.end() + 60], lang, None)
        if hits and hits[0].start == 0 and hits[0].kind == "full":
            return hits[0].value
    return None


def find_legal_refs(text: str, lang: str, ascii_text: str | None = None) -> list[dict]:
    """All references in ``text`` as output-contract dicts (offsets into ``text``), one per
    mention: a document named twice gives two records, each with its own offsets.
    ``ascii_text``: ``to_ascii_digits(text)``, when the caller has it."""
    ascii_text = to_ascii_digits(text) if ascii_text is None else ascii_text
    if any(ch in ascii_text for ch in _LOOKALIKE):  # C string searches (a regex class scans char by char)
        ascii_text = ascii_text.translate(_LOOKALIKES)
    out = []
    # a number starts at a digit that no ASCII digit precedes: the regex is tried only there
    for m in match_at(NUMBER, ascii_text, number_starts(ascii_text)):
        if re.match(r"[-–]\w|\.[A-Za-z]", ascii_text[m.end():m.end() + 2]):
            continue  # a file name ("280/QD-UBND.pdf") or a longer code cut short
        number = re.sub(r"\s+", "", m.group(0))
        if not re.search(r"[A-Za-zĐ]", number.split("/", 1)[-1]):
            continue
        start, typ = _type_before(ascii_text, m.start(), lang)
        # the number's type code is the Vietnamese original: it wins over a translated word
        # ("คำสั่งฉบับที่ 1234/QD-TTg" is a Decision), else the word, else the number's shape
        typ = type_from_code(number, strict=True) or typ or type_from_code(number)
        out.append({"text": text[start:m.end()], "type": typ, "number": number,
                    "date": _date_after(ascii_text, m.end(), lang),
                    "start": start, "end": m.end(), "source": "original"})
    for start, end, typ, number in _short_number_refs(ascii_text, lang):
        out.append({"text": text[start:end], "type": typ, "number": number,
                    "date": _date_after(ascii_text, end, lang),
                    "start": start, "end": end, "source": "original"})
    out.sort(key=lambda r: r["start"])
    return out


class LegalRefMatcher:
    """Finds legal document references and writes them to ``doc._.legal_refs``."""

    def __init__(self, nlp: Language, name: str = "parreform_legal_refs") -> None:
        self.name = name
        self.lang = nlp.lang
        ensure_doc_attrs("legal_refs")

    def __call__(self, doc: Doc) -> Doc:
        ensure_doc_attrs("legal_refs")
        page = page_of(doc)
        refs = find_legal_refs(page.text, self.lang if self.lang in ("vi", "th") else "en", page.ascii_text)
        doc._.legal_refs = refs
        write_spans(doc, "legal_refs", refs)
        return doc


@Language.factory("parreform_legal_refs", default_config={}, **factory_meta("parreform_legal_refs"))
def make_legal_refs(nlp: Language, name: str) -> LegalRefMatcher:
    """spaCy factory of the legal reference matcher."""
    return LegalRefMatcher(nlp, name)

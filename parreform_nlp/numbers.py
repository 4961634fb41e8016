"""Number helpers shared by the indicator, count, date and legal-reference components.

Sources write numbers three ways: English "1,234.5", Vietnamese "1.234,5" / "84,38" and
Thai with Arabic or Thai digits ("๒๕๖๖"). Years in Thai text are often Buddhist era.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

#: Thai, Lao, Khmer, Myanmar and fullwidth digits -> ASCII digits, fullwidth ％ and ． (a decimal point between
#: fullwidth digits) -> "%" and "." (one character each, so offsets are kept).
THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙໐໑໒໓໔໕໖໗໘໙០១២៣៤៥៦៧៨៩၀၁၂၃၄၅၆၇၈၉０１２３４５６７８９％．",
                            "0123456789" * 5 + "%.")

#: Characters a number glued to makes one longer token ("A4", "x12", "Điều5"): ASCII and
#: Latin letters with diacritics, digits. Thai and CJK scripts write words without spaces,
#: so a number touching their characters still stands alone ("の31.16%", "第933/QĐ-TTg号").
LATIN_WORD = r"0-9A-Za-z_\u00C0-\u024F\u1E00-\u1EFF"

#: Buddhist era = Gregorian + 543.
BE_OFFSET = 543

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "dozen": 12, "double": 2, "triple": 3, "two-fold": 2,
}

MULTIPLIERS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
               "nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9,
               "พัน": 1e3, "หมื่น": 1e4, "แสน": 1e5, "ล้าน": 1e6}

#: A number as written in any of our languages: digits with "." / "," groups or decimals.
NUMBER_RE = r"\d+(?:[.,]\d+)*"


_NUMBER = re.compile(NUMBER_RE)
_SEP = re.compile(r"[.,]")
_NON_ASCII_DIGIT = re.compile("[" + "".join(re.escape(chr(c)) for c in THAI_DIGITS) + "]")


def to_ascii_digits(text: str) -> str:
    """Replace Thai, Lao, Khmer, Myanmar and fullwidth digits (and ％) by ASCII ones (length-preserving)."""
    if text.isascii():
        return text  # (a flag of the string: no scan)
    if len(text) > 256:
        return _page_ascii_digits(text)  # a page is converted by several components
    return _ascii_digits(text)


def _ascii_digits(text: str) -> str:
    # str.translate looks every character up in the table; a text with none of them (most pages,
    # and every text already converted) is returned as it is after one fast scan
    return text.translate(THAI_DIGITS) if _NON_ASCII_DIGIT.search(text) else text


@lru_cache(maxsize=8)
def _page_ascii_digits(text: str) -> str:
    return _ascii_digits(text)


def parse_number(text: str, lang: str = "en") -> float | None:
    """Parse one written number; ``None`` when it is not a number or not finite
    (a 400-digit run overflows to ``inf``, which is no value and not JSON)."""
    value = _parse_number(text, lang)
    return value if value is None or math.isfinite(value) else None


def _parse_number(text: str, lang: str = "en") -> float | None:
    """Parse one written number; ``None`` when it is not a number.

    English uses "," for thousands and "." for decimals. Vietnamese is the other way round
    ("84,38" is 84.38, "178.661" is 178661). A lone separator followed by exactly three
    digits is read as a thousands separator in both ("2,200", "178.661"); otherwise the
    language decides ("30.4" in English, "99,7" in Vietnamese). Thai follows English.
    """
    s = to_ascii_digits(text.strip())
    if s.isascii() and s.isdigit():
        return float(s)  # most numbers: plain digits
    if not _NUMBER.fullmatch(s):
        return None
    dec, thou = (",", ".") if lang == "vi" else (".", ",")
    seps = _SEP.findall(s)
    if not seps:
        return float(s)
    groups = _SEP.split(s)
    if len(set(seps)) == 2:
        # both kinds: the last one is the decimal separator
        last = seps[-1]
        intpart, _, frac = s.rpartition(last)
        return float(_SEP.sub("", intpart) + "." + frac)
    sep = seps[0]
    if len(seps) > 1:
        # "1.234.567" / "1,234,567": repeated separator is always thousands
        if all(len(g) == 3 for g in groups[1:]):
            return float("".join(groups))
        return None
    if sep == thou and len(groups[1]) == 3:
        return float("".join(groups))
    if sep == dec:
        return float(groups[0] + "." + groups[1])
    # the "other" separator: thousands if 3 digits follow ("178.661" in vi), else decimal
    if len(groups[1]) == 3 and lang == "vi":
        return float("".join(groups))
    return float(groups[0] + "." + groups[1])


def word_number(word: str) -> int | None:
    """An English number word ("ten", "Five") as an int, else ``None``."""
    return WORD_NUMBERS.get(word.lower())


def be_to_ce(year: int) -> int:
    """Buddhist-era year -> Gregorian year (2566 -> 2023); other years unchanged."""
    return year - BE_OFFSET if 2400 <= year <= 2700 else year


def plausible_year(value: int, lang: str = "en") -> int | None:
    """The Gregorian year a 4-digit number denotes, if it can be one (1945..2100, or BE in Thai)."""
    if lang == "th" and 2400 <= value <= 2700:
        return value - BE_OFFSET
    if 1945 <= value <= 2100:
        return value
    return None


class Occupied:
    """Which characters of a text are already taken by a span: overlap checks in
    O(span length) instead of O(number of spans), so long pages stay linear."""

    def __init__(self, length: int, spans=()) -> None:
        self._bits = bytearray(length + 1)
        for s, e in spans:
            self.add(s, e)

    def add(self, start: int, end: int) -> None:
        """Mark ``[start, end)`` as taken."""
        self._bits[start:end] = b"\x01" * (end - start)

    def free(self, start: int, end: int) -> bool:
        """Whether no character of ``[start, end)`` is taken."""
        return not any(self._bits[start:end])


#: A "Related news" block ends at the first line of body prose after its heading: longer than
#: this many characters ...
PROSE_CHARS = 200
#: ... or a sentence longer than this ending with a stop, or a Thai line this long (Thai writes
#: no full stops, so a Thai paragraph is told from a headline by its length alone) ...
SENTENCE_CHARS = 80
THAI_PROSE_CHARS = 120
#: ... and after at most this many non-blank lines: a list of other articles' headlines is
#: short; a heading must never switch off the rest of a page.
MAX_BLOCK_LINES = 40


def _is_prose(line: str) -> bool:
    stripped = line.strip()
    n = len(stripped)
    if n > PROSE_CHARS or (n > SENTENCE_CHARS and stripped[-1:] in ".!?…\"”"):
        return True
    if n > THAI_PROSE_CHARS:
        thai = sum(1 for ch in stripped if "\u0e00" <= ch <= "\u0e7f")
        return thai * 2 > n
    return False


def block_end(text: str, pos: int) -> int:
    """Where a furniture block whose heading line ends before ``pos`` ends: the start of the
    first prose line from ``pos`` on, after :data:`MAX_BLOCK_LINES` non-blank lines, or the end."""
    seen = 0
    while pos < len(text):
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        line = text[pos:end]
        if line.strip():
            if _is_prose(line) or seen >= MAX_BLOCK_LINES:
                return pos
            seen += 1
        pos = end + 1
    return len(text)


@lru_cache(maxsize=16)
def _heading_regex(headings: tuple[str, ...]) -> re.Pattern:
    """A furniture heading line, built once per set of headings (not once per page)."""
    alt_ = "|".join(re.escape(h) for h in sorted(set(headings), key=len, reverse=True))
    return re.compile(rf"[\s\-•*#>|»]*(?:{alt_})\s*(?:[:»>|\-–]\s*(?P<rest>.*)|[:»>|]?\s*)$", re.I)


def related_blocks(text: str, headings: list[str] | tuple[str, ...]) -> list[tuple[int, int]]:
    """Spans of page furniture listing other articles: a heading line ("Related news",
    "Xem thêm", "ข่าวที่เกี่ยวข้อง", or "Read more: <headline>") and the short headline lines
    after it, up to the next line of body prose (see :func:`block_end`) or the end.

    Numbers and dates in these spans belong to other articles and are never extracted.
    """
    if not headings:
        return []
    head_rx = _heading_regex(tuple(headings))
    out: list[tuple[int, int]] = []
    pos = 0
    skip_to = 0  # inside a block already found
    for line in text.split("\n"):
        end = pos + len(line)
        stripped = line.strip()
        if pos >= skip_to and stripped and len(stripped) <= 200:
            m = head_rx.match(line)
            if m:
                if m.group("rest"):
                    out.append((pos, end))  # "Read more: <headline>" on its own line
                else:
                    skip_to = block_end(text, end + 1)
                    out.append((pos, skip_to))
        pos = end + 1
    return out

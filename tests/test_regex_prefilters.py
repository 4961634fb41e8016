"""The speed-ups of the number finders change no match.

``patterns.lead`` (a one-character look-ahead), ``patterns.alt_by_first`` (alternations grouped by
first character), ``indicators_find._num_after`` (a number that starts with its digit) and
``anchors.anchored`` (a page without a needed word is skipped) must give exactly what the plain
patterns give, also on case variants, shared prefixes and odd case-folding characters.
"""
import itertools
import re

import pytest

from parreform_nlp.components.counts_find import find_counts
from parreform_nlp.anchors import anchored
from parreform_nlp.components.indicators_find import NUM, _indicator_regexes, _num_after, find_indicator_numbers
from parreform_nlp.patterns import alt, alt_by_first, lead

WORDS = ["province", "provinces", "Province", "people", "p", "civil servants", "civil", "city",
         "cities", "Hà Nội", "hà nội", "Đà Nẵng", "đơn vị", "-x", "]a", "^b", "\\c", "a.b"]
TEXTS = [
    "Provinces and PEOPLE of the province, civil servants in cities: p. city-level a.b axb",
    "HÀ NỘI and hà nội, Đà Nẵng, đơn vị; -x ]a ^b \\c provincesx xprovince civilian civil",
    "province provinces Province PROVINCES people-first P p civil  servants Civil Servants",
]


def _spans(pattern: str, text: str, flags: int) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(pattern, text, flags)]


@pytest.mark.parametrize("flags", [0, re.I])
def test_grouped_alternation_matches_as_the_flat_one(flags):
    ignore_case = bool(flags)
    for n in range(1, len(WORDS) + 1, 3):
        words = WORDS[:n]
        for text in TEXTS:
            flat = _spans(rf"(?<!\w)(?:{alt(words)})(?!\w)", text, flags)
            grouped = _spans(rf"(?<!\w)(?:{alt_by_first(words, ignore_case)})(?!\w)", text, flags)
            bare = _spans(alt(words), text, flags)
            assert grouped == flat
            if not flags:  # the word-start test after the first character (the gazetteer's form)
                after = _spans("(?:" + alt_by_first(words, after_first=r"(?<!\w.)") + r")(?!\w)", text, flags)
                assert after == flat
            assert _spans(alt_by_first(words, ignore_case), text, flags) == bare
    assert _spans(alt_by_first(["a", ""], True), "xa", re.I) == _spans(alt(["a", ""]), "xa", re.I)


@pytest.mark.parametrize("flags", [0, re.I])
def test_lead_changes_no_match(flags):
    for words in (WORDS, ["-x", "]a", "^b", "\\c"], ["one", "Two"]):
        for text in TEXTS + ["one Two TWO two-fold ONE"]:
            plain = _spans(rf"(?<!\w)(?:{alt(words)})", text, flags)
            assert _spans(rf"{lead(words)}(?<!\w)(?:{alt(words)})", text, flags) == plain
    assert _spans(lead(["one"], r"\d") + r"(?:\d+|one)", "x 12 one ONE", re.I) == [(2, 4), (5, 8), (9, 12)]
    assert lead(["a", ""]) == ""  # an empty item can match anywhere: no restriction


def test_number_starting_with_its_digit_is_the_same_number():
    texts = ["12 a12 1.2.3 .5 x/12 ,7 Điều5 5%", "9", "3,000,5 ab 4.5.", "/1 -2 _3 ế4 の31"]
    for cls in (r"\w.,/", r"0-9A-Za-z_\u00C0-\u024F\u1E00-\u1EFF.,/"):
        for text in texts:
            plain = [(m.span(), m.group("num")) for m in re.finditer(rf"(?<![{cls}])(?P<num>{NUM})", text)]
            first = [(m.span(), m.group("num")) for m in re.finditer(_num_after(cls), text)]
            assert first == plain


def test_needed_word_skips_a_page_only_when_no_case_variant_can_match():
    # the "fold" / "times" patterns need their word: a page is skipped only when no case variant
    # of it can match, so the anchored scan finds what the plain one finds
    ratio_words = [rx for unit, rx in _indicator_regexes("en") if "(?P<word>" in rx.pattern]
    assert len(ratio_words) == 2
    for text in ["three times higher than", "THREE TIMES HIGHER THAN", "Two-Fold", "three t\u0131mes higher than",
                 "three \u0130", "x \u017f", "two \u017fold", "a 2.5% rise"]:
        for rx in ratio_words:
            assert [m.span() for m in anchored(rx).finditer(text)] == [m.span() for m in rx.finditer(text)], text
    assert not list(anchored(ratio_words[0]).finditer("a 2.5% rise"))
    # what the guard is for: re.I matches the dotless i and the long s to "i" and "s"
    assert re.search("times", "t\u0131me\u017f", re.I)


@pytest.mark.parametrize("text,unit,value", [
    ("Output grew THREE-FOLD last year.", "times", 3.0),
    ("Revenue was five times higher than in 2020.", "times", 5.0),
    ("Satisfaction reached 84.5 percent and 3 points more.", "percent", 84.5),
])
def test_ratio_words_and_numbers_still_found(text, unit, value):
    found = [(n.unit, n.value) for n in find_indicator_numbers(text, "en", [])]
    assert (unit, value) in found


def test_counts_found_at_the_start_of_a_page_and_after_punctuation():
    for text in ("Five provinces merged.", "(628 regulations) were cut", "cut 12 procedures;Thirty-three provinces"):
        counts = find_counts(text, "en", [])
        assert counts and all(text[c.num_start:c.num_end].strip() for c in counts), text
    words = [c.what for c in find_counts("The number of provinces was reduced to 34, and 63 districts", "en", [])]
    assert "districts" in words and "provinces" in words


def test_no_count_glued_to_a_word():
    for text in ("Decree No12 provinces", "A4 documents", "x12 agencies"):
        assert not [c for c in find_counts(text, "en", []) if c.value == 12 or c.value == 4], text


def test_every_combination_of_case_in_a_word_number():
    for form in ("".join(p) for p in itertools.product(*(c + c.upper() for c in "two"))):
        found = find_counts(f"{form} ministries were merged", "en", [])
        assert [c.value for c in found] == [2.0], form


def test_province_word_pattern_starts_at_a_capital_not_glued_to_a_word():
    from parreform_nlp.components.indicators_context import _PROVINCE_WORD

    plain = re.compile(r"\b((?:[A-Z][a-z]+\s){0,2}[A-Z][a-z]+)\s+(?:province|city)\b")
    for text in ["In Hai Duong province and Can Tho city.", "A B C D province", "Quang\nNinh city",
                 "xHa Noi province", "Ha  Noi province", "\u00c1Ha Noi province", "Ha Noi provinces",
                 "Ha Noi Province city", "Hanoi City city", "_Ha Noi city", "Northern Quang Ninh province"]:
        assert [(m.span(), m.group(1)) for m in _PROVINCE_WORD.finditer(text)] == \
            [(m.span(), m.group(1)) for m in plain.finditer(text)], text

"""Date patterns are tried only where a match can start: the same matches as a full scan."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from parreform_nlp.components import dates as D

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

TRICKY = [
    "On September 6, 2023 and 06/09/2023, 2023-09-06; also last   March, this\tJune 5 and mid-October.",
    "By June, in March; early-April; the end of  May 2024; February 13 and 16, 2025; 3 may attend.",
    "Việt Nam06/09/2023 ngày 17/4, sáng nay (17/4), 6 tháng 9 năm 2023, tháng 3, THÁNG 5/2024, NGÀY 2 tháng 9",
    "11 กรกฎาคม พ.ศ. 2567, มกราคม 2566, ค.ศ. 2024, 2024年8月31日, 8月31日, 2024년 8월 31일",
    "LAST MARCH, Next december 1st, THIS SEPT. 2, 5. Mai 2023, 25 de octubre de 2025",
    "phone 028 3935 2079, 2021-2025, 2021 - 2025, 1,000 2023.5 v2023 x2023 2023%",
    "ſeptember 5, 2023 and the Kelvin \u212a and Edİtor: June 1",  # case oddities: the full scan
    "xt March 3", " June 5", "-May 2024 next", "last March",
    "summary market decision innovation doctor: no months here, just 12 and 2024.",
    # digit runs of other lengths than the patterns' (3, 5), other decimal digits, CJK marks alone
    "123/4/2023, 12345-09-06, 2023-09-061, 1/2/20234, 2024 年 and 8 月, ٢٠٢٣-09-06, 06/09/٢٠٢٣",
    # what follows the digits: blanks of every kind, ordinals, separators, the end of the text
    "5\u00a0June, 5\tJune, 5\u2009June 2023, 12th of May, 2nd  June, 3rd July, 21st Sept., "
    "06-09-2023, 06.09.2023, 2023/9/6, 2023.9.6, 7h30, 16:34, 5. Mai 2023, 5th. June, 12",
]


def _texts():
    yield from TRICKY
    for p in sorted(FIXTURES.glob("*.txt")):
        yield p.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["en", "vi", "th", "xx"])
def test_anchored_matches_equal_full_scan(lang):
    for text in _texts():
        text = D.to_ascii_digits(text)
        want = [(kind, [m.span() for m in rx.finditer(text)]) for kind, rx, _ in D._patterns(lang)]
        starts = D.PageScan(text)
        got = [(kind, [m.span() for m in D.match_at(rx, text, starts.of(anchor))])
               for kind, rx, anchor in D._patterns(lang)]
        if not D.CASE_EXOTIC.search(text):
            assert got == want, text[:60]
        assert [m.span() for m in D._year_candidates(text)] == [m.span() for m in D._YEAR.finditer(text)]


def test_anchor_words_fold_like_the_regex():
    # candidates are found in text.lower(): every character a case-insensitive regex equates with
    # a letter of an anchor word must lowercase to that letter (the exotic ones make a full scan)
    letters = {c for lang in ("en", "vi", "th", "xx") for _, _, a in D._patterns(lang)
               for w in (*a.words, *a.joined, *a.before) for c in w.lower() if c != "0"}
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    for c in letters:
        for m in re.finditer("(?i:" + re.escape(c) + ")", every):
            ch = m.group(0)
            assert ch.lower() == c or D.CASE_EXOTIC.match(ch), (c, ch)


def test_future_years_scan_only_pages_with_a_future_cue():
    rx = re.compile(D._future_rx().cues[0])
    for text in [*_texts(), "In 2022, the province will issue 5 plans.", "It plans to finish in 2025.",
                 "In 2022, the province issued 5 plans.", "IN 2030 IT WILL BE DONE; ſhall in 2031 be"]:
        assert [m.span() for m in D._future_rx().finditer(text)] == [m.span() for m in rx.finditer(text)]
    assert D._future_years("In 2022, the province will issue 5 plans.") == [2022]
    assert D._future_years("In 2022, the province issued 5 plans.") == []


YEAR_TEXTS = [
    "In 2022, the province will issue 5 plans; it is expected to finish in      2025.",
    "in the   year   2023 and during 2024-2025, of 2021/2022; by 2030, until năm 2025, ปี 2566, พ.ศ. 2567",
    "the 2023 PAR Index, SIPAS 2023, PCI\n\n 2022 Report, 2022 June, ABCDEFG 2021, x2020 y, 20231 z 1999",
    "will " + "x" * 90 + " in 2024 " + " " * 500 + "2025 " + "in " + " " * 300 + "2026 will",
]


@pytest.mark.parametrize("lang", ["en", "vi", "th"])
def test_year_patterns_near_digits_match_a_full_scan(lang):
    reported, reported_before, edition, mentioned, mentioned_before = D._year_patterns(lang)
    for text in [*_texts(), *YEAR_TEXTS]:
        text = D.to_ascii_digits(text)
        spans = lambda ms: [m.span() for m in ms]  # noqa: E731
        assert spans(D.near_digits(reported, text, reported_before, 6)) == spans(reported.finditer(text))
        assert spans(D.near_digits(mentioned, text, mentioned_before, 6)) == spans(mentioned.finditer(text))
        if edition is not None:
            assert spans(D._editions(edition, text)) == spans(edition.finditer(text))
    rx = re.compile(D._future_rx().cues[0])
    for text in [*_texts(), *YEAR_TEXTS]:
        want = [int(m.group(1) or m.group(2)) for m in rx.finditer(text)]
        assert D._future_years(text) == [y for y in want if D.plausible_year(y)]

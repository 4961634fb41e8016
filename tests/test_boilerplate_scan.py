"""The byline / footer / related-news scan done once per page (names.Boilerplate): each variant the
components read is exactly what the scan made with only that variant's cue lists gives."""
from __future__ import annotations

import random

import pytest

from parreform_nlp.components.officials import _asker_ranges
from parreform_nlp.names import Boilerplate, excluded_ranges
from parreform_nlp.page import Page
from parreform_nlp.resources import load_lang_json

PROSE = "The Ministry of Home Affairs met on Monday to review the reform plan for the coming year."
PAGE = (
    "Ha Noi (VNA) -\n"
    f"{PROSE}\n"
    "Photo: Tran Van Binh\n"
    "The director spoke to the press - Photo by Le Thi Hoa\n"
    "Related news\n"
    "Ministry announces new plan\n"
    "Province cuts procedures\n"
    "The reform went on with many more meetings across all the provinces and cities this year.\n"
    "Da Nang Today newspaper\n"
    "Editor-in-chief: Nguyen Van Cuong\n"
    "Address: 1 Tran Phu Street\n"
    "Latest news\n"
    "Another headline\n"
)


def _cues(lang: str = "en") -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    by = load_lang_json("bylines.json", lang)
    return tuple(by["line_cues"]), tuple(by["end_cues"]), tuple(by.get("footer_cues", ()))


def _pages() -> list[str]:
    """Pages of my own: bylines, credits, footers and related-news blocks in several orders and
    line breaks, a footer before any prose (no footer then), one-line pages, empty ones."""
    pieces = [PROSE, "Photo: Nguyen Van An", "Source: VNA", "By Tran Minh", "Related news", "Read more",
              "Tags", "Comments (3)", "Editor-in-chief: Le Van Ba", "© 2024 Viet Nam News", "All rights reserved.",
              "Da Nang Today newspaper", "A short headline", "Tel: 024 3825 1234", "", "   ",
              "Xem thêm", "Tổng biên tập: Phạm Văn Tâm", "ข่าวที่เกี่ยวข้อง", "İstanbul office"]
    rng = random.Random(11)
    out = [PAGE, "", "\n", PROSE, "Editor-in-chief: X\n" + PROSE, PROSE + "\nEditor-in-chief: X"]
    for _ in range(300):
        out.append("".join(rng.choice(pieces) + rng.choice(["\n", "\n", "\r\n", "\n\n", "\x0c", "\u2028"])
                           for _ in range(rng.randint(1, 14))))
    return out


@pytest.mark.parametrize("lang", ["en", "vi", "th"])
def test_each_variant_is_the_scan_with_only_its_cue_lists(lang):
    line, end, footer = _cues(lang)
    for text in _pages():
        scan = Boilerplate(text, line, end, footer)
        for lines in (True, False):
            for with_footer in (True, False):
                alone = Boilerplate(text, line if lines else (), end, footer if with_footer else ()).ranges()
                assert scan.ranges(lines=lines, footer=with_footer) == alone, (lines, with_footer, text)
        assert scan.ranges() == excluded_ranges(text, line, end, footer)


def test_the_variants_on_a_page_with_credits_a_related_block_and_a_footer():
    line, end, footer = _cues()
    scan = Boilerplate(PAGE, line, end, footer)

    def at(s: str, to: str | None = None) -> tuple[int, int]:
        a = PAGE.index(s)
        return a, (PAGE.index(to) if to else PAGE.index("\n", a) + 1)

    block = at("Related news", "The reform went on")
    masthead = PAGE.index("Da Nang Today")  # a short line right before the footer line goes with it
    photo, photo_by = at("Photo: Tran"), at("- Photo by")  # "by" credits count after a dash
    # the bodies: the related-news block and the footer ("Source: Ministry of ..." still names a body)
    assert scan.ranges(lines=False) == [block, (masthead, len(PAGE))]
    # the places: the blocks only, also the one after the footer
    assert scan.ranges(lines=False, footer=False) == [block, at("Latest news", None)[:1] + (len(PAGE),)]
    # the officials: credit lines too
    assert scan.ranges() == [photo, photo_by, block, (masthead, len(PAGE))]
    # without the footer, its lines are credit lines of their own ("Editor-in-chief:", "Address:")
    assert scan.ranges(footer=False) == [photo, photo_by, block, at("Editor-in-chief"), at("Address"),
                                         (PAGE.index("Latest news"), len(PAGE))]


def test_the_page_makes_one_scan_for_the_bodies_and_the_officials():
    page = Page(PAGE)
    cues = _cues()
    assert page.boilerplate_scan(*cues) is page.boilerplate_scan(*cues)
    assert page.boilerplate(*cues) == page.boilerplate_scan(*cues).ranges()


def test_the_asker_from_the_page_scan_is_the_asker():
    line, end, footer = _cues()
    asker = tuple(load_lang_json("bylines.json", "en")["asker_cues"])
    texts = ["Reader Nguyen Van A asks: can I renew my passport online?\nAnswer: yes, through the portal.",
             "Q: Mr. Tran Van B wrote: how long does it take?\nA: Five days.", PAGE]
    for text in texts + _pages():
        scan = Boilerplate(text, line, end, footer).scan(asker)
        assert _asker_ranges(text, asker, scan) == _asker_ranges(text, asker)
    assert _asker_ranges(texts[0], asker) == [(0, texts[0].index("asks") + 4)]

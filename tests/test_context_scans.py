"""The page-context scans of the indicator matcher (frame, periods, lexicon, places, numbers)
find what the plain scans they replace find: each is compared with the plain form on sentences
written for these tests and on random strings built from the pieces that matter."""
from __future__ import annotations

import random
import re

from parreform_nlp.components import frame as fr
from parreform_nlp.components import indicators_context as ic
from parreform_nlp.components import lexicon_page

_LEXICON_PIECES = ["PAR Index", "par index", "PCI", "pci", "Pci", "SIPAS", "the PAPI", "rate of online records",
                   "PAR INDEXES", "xPCI", "PCI2", "PAR  Index", "satisfaction index", "Satisfaction Index of Public "
                   "Administration Services", "one-stop", "e-government development index", " ", ", ", ".\n",
                   "Đồng Nai", "ß"]
_EXOTIC = ["İ", "ı", "ſ"]  # case-insensitive matches str.lower does not give: the plain scan


def _plain_lexicon_hits(text: str, lang: str) -> list[tuple[int, int, str]]:
    """Every entry's pattern scanned over the whole text, as before alias_positions."""
    saved = ic.alias_positions
    ic.alias_positions = lambda *args: None
    try:
        return _scan(text, lang)
    finally:
        ic.alias_positions = saved


def _scan(text: str, lang: str = "en") -> list[tuple[int, int, str]]:
    return [(s, e, entry["id"]) for s, e, entry in ic._lexicon_scan(text, lang, 0, len(text))]


def test_alias_positions_are_where_each_entry_can_match():
    text = ("The PAR Index of 2023 and the pci rose; the Satisfaction Index of Public Administration "
            "Services (SIPAS) fell. " * 12)
    found = lexicon_page.alias_positions(text, "en", ic.lexicon, ic.entry_aliases)
    by_id = {entry["id"]: at for _, entry, at in found}
    assert len(by_id) >= 3
    for rx, entry, at in found:
        assert at == sorted(set(at))
        assert {m.start() for m in rx.finditer(text)} <= set(at)  # every match starts at a position
    # an entry none of whose aliases occurs is not listed
    assert all(at for at in by_id.values())


def test_alias_positions_refuse_texts_lowercasing_cannot_stand_for():
    page = "The PAR Index rose. " * 40
    assert lexicon_page.alias_positions(page, "en", ic.lexicon, ic.entry_aliases) is not None
    for odd in ("İstanbul ", "ıdea ", "ſeal "):
        assert lexicon_page.alias_positions(odd + page, "en", ic.lexicon, ic.entry_aliases) is None
    # non-ASCII aliases (Vietnamese, Thai): the plain scan
    assert lexicon_page.alias_positions(page, "vi", ic.lexicon, ic.entry_aliases) is None


def test_whole_page_lexicon_scan_equals_the_plain_scan_on_written_sentences():
    page = ("HANOI - The 2023 PAR Index, the PCI and the SIPAS were announced. The pci of the province "
            "rose, its Pci too; the rate of online records resolved on time reached 80%. The PAR INDEXES "
            "differ from the one-stop shops and from the e-Government Development Index (EGDI). " * 5)
    assert len(page) > 512
    assert _scan(page) == _plain_lexicon_hits(page, "en")
    assert _scan(page)  # real hits are compared


def test_whole_page_lexicon_scan_equals_the_plain_scan_on_random_texts():
    rng = random.Random(9)
    fast = 0
    for k in range(150):
        pieces = _LEXICON_PIECES + (_EXOTIC if k % 5 == 0 else [])
        page = "".join(rng.choice(pieces) for _ in range(rng.randint(40, 160)))
        fast += lexicon_page.alias_positions(page, "en", ic.lexicon, ic.entry_aliases) is not None
        assert _scan(page) == _plain_lexicon_hits(page, "en"), page
    assert fast >= 100  # most pages take the alias positions


# -- the frame ----------------------------------------------------------------------------------

def _ctx(text: str, years: list[tuple[int, int, int]]) -> ic.Context:
    return ic.Context(text=text, lang="en", sentences=ic.split_sentences(text, "en"), years=years)


def test_sentences_with_years_are_the_sentences_holding_a_year_start():
    text = "In 2023, it rose. Nothing here.\nThe 2021 level and 2022.\n\nNo year. Again 2024 here."
    years = [(m.start(), m.end(), int(m.group())) for m in re.finditer(r"\d{4}", text)]
    ctx = _ctx(text, years)
    expected = [i for i, s in enumerate(ctx.sentences) if ctx.years_in(s.start, s.end)]
    assert fr.sentences_with_years(ctx) == expected == [0, 2, 4]
    assert fr.sentences_with_years(_ctx(text, [])) == []


# -- indicator numbers found backwards from their units ----------------------------------------

_NUMBER_PIECES = ["85", "85.5", "1,234.5", "2023", "0", ".", ",", " ", "  ", "\n", "%", " %", "percent", "PERCENT",
                  "Per Cent", "per  cent", "pct", "percentage points", "% points", "point", "Points", "pts",
                  "index points", "times", "TIMES", "-fold", "fold", "x", "A", "é", "/", "_", "-", "٣",
                  "the rate", "Q1", "and", "\u00a0", "Điều"]


def test_unit_anchored_numbers_equal_the_plain_scan():
    from parreform_nlp.components import indicators_find as fi

    patterns = [(rx, units) for _, rx, units in fi._indicator_patterns("en") if units]
    assert len(patterns) == 3
    written = ["It reached 85.5% in 2023, up 3.2 percentage points; 1,234.5 per cent x2 times.",
               "A12% b 12 % 3. 5%, 4,5,6%x 7.%, .8% 9-fold 10 fold 11times 12 TIMES 13 Points 14pts",
               "2023/85% 85%% 1.2.3 percent 0 % \u00a05 % 6\u00a0% ٣٤% 7é% 8_% 9 index points"]
    rng = random.Random(3)
    randoms = ["".join(rng.choice(_NUMBER_PIECES) for _ in range(rng.randint(5, 80))) for _ in range(400)]
    anchored_pages = 0
    for text in written + randoms:
        for rx, units in patterns:
            found = fi.unit_anchored(rx, text, units)
            if found is not None:
                anchored_pages += 1
                assert [(m.span(), m.group("num")) for m in found] == \
                       [(m.span(), m.group("num")) for m in rx.finditer(text)], (rx.pattern[:40], text)
    assert anchored_pages > 1000
    assert [m.group() for m in fi.unit_anchored(patterns[0][0], written[0], patterns[0][1])] == \
           ["85.5%", "3.2 percentage points", "1,234.5 per cent"]


def test_unit_anchored_numbers_refuse_odd_case_folding():
    from parreform_nlp.components import indicators_find as fi

    rx, units = next((rx, units) for _, rx, units in fi._indicator_patterns("en") if units)
    assert fi.unit_anchored(rx, "5 percent and 6 per\u017fent", units) is None  # "ſ" matches "s" under re.I
    assert fi._anchor_units([" x"], re.I) is None and fi._anchor_units(["5x"], re.I) is None
    assert fi._anchor_units([".x"], re.I) is None and fi._anchor_units(["%"], 0) is None
    assert fi._anchor_units(["phần trăm"], re.I) is None and fi._anchor_units(["%"], re.I) == ("%",)


# -- sentences ------------------------------------------------------------------------------------

def _split_line_by_line(text: str, lang: str) -> list[ic.Sentence]:
    """The splitter as it was: each line scanned on its own."""
    out, pos = [], 0
    for para, line in enumerate(text.split("\n")):
        if line.strip():
            cuts = [0] + ([] if lang == "th" else [m.end() for m in ic._SENT_END.finditer(line)]) + [len(line)]
            out += [ic.Sentence(pos + a, pos + b, para) for a, b in zip(cuts, cuts[1:]) if line[a:b].strip()]
        pos += len(line) + 1
    return out


_SENTENCE_PIECES = ["It rose", ". ", ".", "!", "?", "…", " ", "\n", "\n\n", " \n", ".\n", '"', "'", "”", ")", "(",
                    "No.", "Mr.", "Dr. Lan", "TP.", "A.", "e.g.", "The", "Hanoi", "5", "2023", "-", "•", "–", "\t",
                    "Đà Nẵng", "x", "  ", "“Yes"]


def test_one_scan_sentence_split_equals_the_line_by_line_split():
    written = ("HANOI - The rate rose. It fell!\nMr. Lan said: \"Yes.\" Then 5 more.\n\n  \n"
               "No. 12 is here. Dr. Ha left.\n•  Item one.\n“Quoted.” (Aside.) - Next…\nLast line without a stop")
    rng = random.Random(5)
    texts = [written] + ["".join(rng.choice(_SENTENCE_PIECES) for _ in range(rng.randint(1, 120))) for _ in range(500)]
    for text in texts:
        for lang in ("en", "th"):
            assert ic.split_sentences(text, lang) == _split_line_by_line(text, lang), text
    assert len(ic.split_sentences(written, "en")) == 11


# -- places ---------------------------------------------------------------------------------------

_PLACE_PIECES = ["Hai", "Duong", "Ha Noi", "Ba Ria Vung Tau", "Quang Nam", "Hue", "Long An", "Binh", "McDonald",
                 "province", "provinces", "city", "City", "Province", "cityx", " ", "  ", "\n", "\t", ",", ".",
                 "In", "in", "northern", "x", "1", "-", "HANOI", "Hanoi (VNA)", " - ", " – ", ": ", "(", ")",
                 "Dong Nai, June 3, 2024", "Đà Nẵng", "The rate rose sharply over the whole period"]


def _random_texts(pieces: list[str], n: int, seed: int, most: int = 60) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, most))) for _ in range(n)]


def test_province_words_tried_at_name_starts_equal_the_plain_scan():
    written = ["In Hai Duong province and Ba Ria Vung Tau province, Northern Quang Nam city grew.",
               "McDonald province, A Bb Cc Dd province, Hue  city, Long An\tprovince, Hue City province",
               "Ha Noi provinces; Ha Noi provincex; Ha  Noi province; Ha\nNoi city; city province"]
    for text in written + _random_texts(_PLACE_PIECES, 600, 11):
        got = [(m.span(), m.group(1)) for m in ic._province_words(text)]
        assert got == [(m.span(), m.group(1)) for m in ic._PROVINCE_WORD.finditer(text)], text
    # at most three words: "Ba" is left out (find_places drops "In" and "Northern" afterwards)
    assert [m.group(1) for m in ic._province_words(written[0])] == ["In Hai Duong", "Ria Vung Tau", "Northern Quang Nam"]


def test_ambiguous_names_tried_before_place_words_equal_the_plain_scan():
    amb = ic._gazetteer("en")[1]
    lengths = ic._ambiguous_lengths("en")
    assert amb is not None and lengths
    names = sorted(ic._gazetteer_forms("en")[1])[:12]
    pieces = _PLACE_PIECES + names + [n + " province" for n in names] + [n + "  city" for n in names]
    hits = 0
    for text in _random_texts(pieces, 600, 13):
        got = [m.span() for m in ic._before_place_word(amb, text, lengths)]
        assert got == [m.span() for m in amb.finditer(text)], text
        hits += len(got)
    assert hits > 50
    assert [m.span() for m in ic._before_place_word(amb, "x", None)] == []  # no lengths: the plain scan


def test_dateline_places_tried_at_line_starts_equal_the_plain_scan():
    def plain(text):
        return [m.span("place") for m in ic._DATELINE.finditer(text[:20000])
                if m.group("tail").strip() or (m.group("place").isupper() and len(m.group("place")) > 3)]

    written = "HANOI - The government announced the results of the index on Monday.\nHanoi (VNA) – The " \
              "ministry said the rate rose sharply this year.\nDong Nai, June 3, 2024 - Officials said the rate of online records rose."
    assert len(ic.dateline_places(written)) == 3
    for text in [written] + _random_texts(_PLACE_PIECES, 600, 17, most=90):
        assert ic.dateline_places(text) == plain(text), text


# -- periods --------------------------------------------------------------------------------------

_PERIOD_PIECES = ["In the first quarter of 2024", "the second half of 2023", "Q1/2024", "q2 2023", "2024-Q3", "2023 H2",
                  "H1 of 2022", "first six months of 2024", "January to June 2024", "Jan-Sept, 2023", "from 2016 to 2023",
                  "between 2019 and 2021", "2024年第1四半期", "2023年上半期", "2024년 2분기", "2023년 하반기", "2024年",
                  "QUARTER", "Half", "Months", "during the first quarter", "in the last three months", " ", ", ", ".",
                  "\n", "2024", "12024", "x2024", "-2024", "Quý I/2023", "nửa đầu năm 2024", "ไตรมาส 1 ปี 2566",
                  "ſecond", "İn", "the", "first", "quarter", "half", "of"]


def test_periods_skipped_by_their_needed_words_are_those_that_cannot_match():
    from parreform_nlp.components import period

    written = ("In the first quarter of 2024 and Q2/2023, 2024-H1, the first six months of 2023, from 2016 to 2023; "
               "2024年第1四半期, 2023년 하반기. During the second half, in the first quarter, ...")
    texts = [written] + _random_texts(_PERIOD_PIECES, 400, 23, most=30)
    for lang in ("en", "vi", "th"):
        every = [rx for group in period._period_rxs(lang) for rx in group]
        for text in texts:
            scan = period.page_scan(text)
            for rx in every:
                if not period._may_match(rx, scan):
                    assert rx.search(text) is None, (rx.pattern[:40], text)
    assert period.find_period_mentions(written, "en")  # real periods are found
    saved = period._may_match
    for text in texts:
        for lang in ("en", "vi", "th"):
            got = (period.find_period_mentions(text, lang), period.find_yearless_periods(text, lang, 2024))
            period._may_match = lambda rx, scan: True
            try:
                assert got == (period.find_period_mentions(text, lang), period.find_yearless_periods(text, lang, 2024))
            finally:
                period._may_match = saved


def test_needed_words_of_period_patterns():
    from parreform_nlp.components import period

    fine = period._period_rxs("en")[0]
    assert period._need(fine[0]) == (("quarter",), True)
    assert any(period._need(rx) == (("年", "년"), False) for rx in fine)  # uncased letters
    vi = period._period_rxs("vi")[0]
    assert period._need(vi[0]) is None  # "quý": ASCII and other letters mixed, cased: no cheap test


def test_governing_years_skip_only_sentences_without_the_carry_word(monkeypatch):
    import parreform_nlp

    pages = ["In 2023, the province received 52,000 dossiers. The staff worked hard. Throughout the year, "
             "the rate rose to 80%. Over the whole year it was 81%.\nIn the first half of 2024, it reached 85%. "
             "During the year, 86% were settled. The YEAR ended well with 87%.",
             "Throughout the year, 5% were late.\nIn 2022, 10% were late. Nothing about years here. 12% in all."]
    seen = []
    original = fr._governing

    def both(ctx, frame):
        got = original(ctx, frame)
        with monkeypatch.context() as m:
            m.setattr(fr, "_carry_positions", lambda scan, carry: None)  # every sentence read
            assert original(ctx, frame) == got
        seen.append(got)
        return got

    monkeypatch.setattr(fr, "_governing", both)
    for page in pages:
        parreform_nlp.analyze(page, lang="en", translate=False)
    assert len(seen) == 2 and any(g and g[1] == "2023" for g in seen[0])
    assert fr._holds([3, 10, 20], 4, 11) and not fr._holds([3, 10, 20], 11, 20) and not fr._holds([], 0, 5)

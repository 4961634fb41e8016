"""Anchored scans give exactly the matches of the plain pattern (parreform_nlp.anchors)."""
import json
import random
import re
from pathlib import Path

import pytest

from parreform_nlp.anchors import CueSet, anchored, needed_literals, positions
from parreform_nlp.components.period import _period_rxs, cue_rx, plan_year_rx, relative_rx

TEXTS = [
    "In the first quarter of 2024, the province's PAR Index rose from 2021 to 2023 by 2.1 points. "
    "During the second half, H1 2024 and 2023-Q3 figures were released; Q4/2022 was lower.",
    "the the first  \n\n quarter   2023 THE FIRST HALF OF THE YEAR 2022, from January to June, 2024.",
    "Between 2016 and 2023 the share rose. It was 24% in the previous year and will reach 30% by 2025.",
    # characters that match "i" / "s" only through Python's extra case folds, and a length-changing one
    "ın the fırst quarter of 2023; ſince 2020; İn the second half of 2021; In the first half of 2022.",
    "Trong quý I/2023, 6 tháng đầu năm 2024 và từ năm 2016 đến năm 2023; năm trước đạt 80%.",
    "ไตรมาสที่ 1 ปี 2566 ครึ่งปีแรก 2567 ปีที่แล้ว",
    "2023年第2四半期 2024년 상반기 2022年から",
    "",
]


def _patterns():
    out = []
    for lang in ("en", "vi", "th"):
        for group in _period_rxs(lang):
            out += group
        out += [relative_rx(lang)[0], cue_rx(lang, "plan_cues"), plan_year_rx(lang)]
    out += [re.compile(r"(?:^|[,;:]\s*)(?:[Ii]n|[Dd]uring)\s+(\d{4})"),
            re.compile(r"(?<!\w)(?:ab|b|bab)(?!\w)", re.I),  # overlapping literals
            re.compile(r"(?:^|\s)(?P<cue>was|is|stood\s+at)\s*(?:the\s+)*$", re.I),  # one character, then the literal
            re.compile(r"x*")]  # may match empty: scanned the plain way
    return out


def _spans(ms):
    return [(m.span(), m.groups()) for m in ms]


@pytest.mark.parametrize("rx", _patterns(), ids=lambda r: r.pattern[:40])
def test_anchored_scans_match_the_plain_pattern(rx):
    rng = random.Random(7)
    a = anchored(rx)
    for text in TEXTS + [" ".join(TEXTS) * 3]:
        assert _spans(a.finditer(text)) == _spans(rx.finditer(text))
        for _ in range(60):
            i = rng.randrange(len(text) + 1)
            j = rng.randrange(i, len(text) + 1)
            assert _spans(filter(None, [a.search(text, i, j)])) == _spans(filter(None, [rx.search(text, i, j)]))
            assert _spans(filter(None, [a.search_slice(text, i, j)])) == _spans(filter(None, [rx.search(text[i:j])]))
            assert _spans(a.finditer(text, i, j)) == _spans(rx.finditer(text, i, j))


def test_anchored_pattern_finds_its_start_words():
    a = anchored(cue_rx("en", "plan_cues"))
    assert a.starts is not None  # the cue words start every match
    assert a.search("The city plans to digitise 80% of records.").group(0) == "plans to"
    assert a.search("The city digitised 80% of records.") is None
    q = anchored(_period_rxs("en")[0][0])
    assert q.needs  # "quarter" is in every match: a page without it is not scanned
    assert [m.group(0) for m in q.finditer("In the Third Quarter of 2023 and the first quarter 2024.")] == \
        ["the Third Quarter of 2023", "the first quarter 2024"]


def test_cue_search_from_the_last_words_finds_what_the_full_search_finds():
    from parreform_nlp.components.attribution_en import _CUE, _cue_from, _vocab_rx

    rx = _vocab_rx("en", _CUE)
    lefts = ["The rate of online records reached ", "the share stood at only ", "It recorded a rate of ",
             "Hanoi reachedonly ", "which reached therate of ", "was ", "the figure for Cao Bang was just the ",
             "with scores above ", "In 2023, the PAR Index of ministries and branches was an ",
             "nothing to see here ", "", "   ", "the index ſtood at "]
    for left in lefts:
        m = rx.search(left)
        n = rx.search(left, _cue_from(left, "en"))
        assert (m and m.span()) == (n and n.span()), left


def test_literal_positions_include_overlapping_occurrences():
    from parreform_nlp.anchors import FIND, _finder

    rng = random.Random(3)
    many = {"ab", "b", "bab", "aba"} | {a + b for a in "tow" for b in "arsdv"}  # more than FIND: one regex scan
    assert len(many) > FIND + 1
    for lits in ({"ab", "b", "bab", "aba"}, {"to", "towards", "over", "o"}, {"aa", "aaa"}, {"x", "xy", "yx"}, many):
        find, any_in = _finder(frozenset(lits))
        for size in (30, 700):  # a short text, and a long one (a regex scans its bytes)
            for _ in range(30):
                text = "".join(rng.choice("abtowardsvexy é") for _ in range(size))
                want = sorted({i for lit in lits for i in range(len(text)) if text.startswith(lit, i)})
                assert find(text) == want
                assert positions(text, lits) == want  # the public look-up (exact case)
                assert any_in(text) == bool(want)


# -- cue sets: a rule list run only with the cues a text can match ------------------------------

RES = Path(__file__).resolve().parents[1] / "parreform_nlp" / "resources"


def test_needed_literals_of_cue_shapes():
    assert needed_literals(r"\bphoto\s*:") == {"photo"}
    assert needed_literals(r"(?:^|[-/:]\s*)(?:photos?|written)\s+by\b") == {"photo", "written"}
    assert needed_literals(r"^\s*comments?\s*\(\d+\)\s*$") == {"comment"}
    # "ask" already says what "asked" would
    assert needed_literals(r"\b(?:asks?|asked|wrote)\b") == {"ask", "wrote"}
    assert needed_literals(r"\d+") is None  # nothing literal: never pruned


LINES = [
    "Photo: Tran Tuyen", "Reported by Nguyen An", "The minister said the report was ready.",
    "PHOTO : VNA", "ſource: the long s matches s under IGNORECASE", "Edİtor-in-chief: Le Van A",
    "Tel. 0243 123 456", "hotel staff", "Editor-in-chief: Nguyen Van B", "(5) comments",
    "Related news", "", "by Mai Lan", "  By Mai Lan", "© 2024 Vietnam News", "Reader Tran Van C asks: why?",
    "He wrote: ask the KELVIN sign \u212aelvin", "Question from Mr. D (Hanoi): how?\nAnswer: yes",
]


@pytest.mark.parametrize("kind", ["line_cues", "end_cues", "footer_cues", "asker_cues"])
def test_cue_set_matches_like_the_joined_regex(kind):
    for lang in ("en", "vi", "th"):
        path = RES / lang / "bylines.json"
        if not path.exists():
            continue
        cues = json.loads(path.read_text(encoding="utf-8")).get(kind, [])
        joined = re.compile("|".join(f"(?:{c})" for c in cues), re.I | re.M) if cues else None
        cs = CueSet(cues)
        for line in LINES + ["\n".join(LINES)]:
            want_s = joined.search(line) if joined else None
            got_s = cs.search(line)
            assert (want_s and want_s.span()) == (got_s and got_s.span()), (lang, kind, line)
            want_m = joined.match(line) if joined else None
            got_m = cs.match(line)
            assert (want_m and want_m.span()) == (got_m and got_m.span()), (lang, kind, line)
            want = [m.span() for m in joined.finditer(line)] if joined else []
            assert [m.span() for m in cs.finditer(line)] == want, (lang, kind, line)
        # a page scanned once, its cues then run line by line
        for page in ("\n".join(LINES), "\n".join(LINES[:4])):
            scan, pos = cs.scan(page), 0
            for line in page.split("\n"):
                rx = scan.regex(pos, pos + len(line))
                got = rx.search(line) if rx is not None else None
                want = joined.search(line) if joined else None
                assert (got and got.span()) == (want and want.span()), (lang, kind, line)
                pos += len(line) + 1


def test_probe_groups_share_a_first_four_letters_look_up():
    from parreform_nlp.anchors import _probe_groups

    groups = dict(_probe_groups({"editor in chief": (0,), "editor-in-chief": (0,), "editorial director": (1,),
                                 "tel": (2,), "photo": (3, 4)}))
    assert groups["edit"] == (("editor in chief", (0,)), ("editor-in-chief", (0,)), ("editorial director", (1,)))
    assert (None, (("photo", (3, 4)),)) in _probe_groups({"photo": (3, 4), "tel": (2,)})
    assert _probe_groups({"tel": (2,)}) == ((None, (("tel", (2,)),)),)


def test_cue_scan_hits_are_every_occurrence_of_every_literal():
    """The probe look-up skips only literals that cannot occur: the hits are those of one ``find``
    loop per literal, on texts of my own with the spellings of one cue and overlapping literals."""
    from parreform_nlp.anchors import CueScan

    cues = (r"\beditor(?:ial)?[- ]in[- ]chief\b", r"\beditorial director\b", r"\bmanaging editor\b",
            r"\blicen[cs]e\b", r"\btel\b", r"^\s*by\s+[A-Z]", r"(?:photo|photos|report|reported)\s+by\b")
    cs = CueSet(cues)
    words = ["Editor-in-chief", "editorial in chief", "EDITORIAL DIRECTOR", "editor", "licence", "License",
             "hotel", "tel", "by", "Photo by", "reported by", "edit", "lice", "x", "\n", ": "]
    rng = random.Random(5)
    for _ in range(400):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 30)))
        low = text.lower()
        want = sorted((i, i + len(w), ix) for w, ix in cs.by_literal.items()
                      for i in range(len(low)) if low.startswith(w, i))
        assert CueScan(cs, text).hits == want, text

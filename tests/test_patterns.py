"""Cue sets prune the cues a text cannot match, and change no match."""
import json
import re
from pathlib import Path

import pytest

from parreform_nlp.anchors import CueSet, needed_literals

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


def test_legal_numbers_tried_at_digits_match_a_full_scan():
    from parreform_nlp.components.legal_refs import _NUMBER_START, NUMBER, _short_number_refs, _short_number_types
    from parreform_nlp.anchors import match_at

    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    texts = [p.read_text(encoding="utf-8") for p in sorted(fixtures.glob("*.txt"))] + [
        "Decision No.280/QD-UBND, no.12/2020/ND-CP, 42/2022/NĐ-CP; a123/QD-X; ٣5/QD-TTg; 01-CTr/TU 30c/NQ-CP",
        "Project 06, Project No.06, Đề án số 06, Đề Án 6; xProject 06; Project 06/QD",
    ]
    for text in texts:
        starts = [m.start() for m in _NUMBER_START.finditer(text)]
        assert [m.span() for m in match_at(NUMBER, text, starts)] == [m.span() for m in NUMBER.finditer(text)]
        for lang in ("en", "vi", "th"):
            _, rx = _short_number_types(lang)
            assert [r[:2] for r in _short_number_refs(text, lang)] == [m.span() for m in rx.finditer(text)]


def test_could_end_place_rules_out_only_tokens_no_place_ends_with():
    from parreform_nlp.names import could_end_place, is_place, place_table

    assert could_end_place("Hanoi") and could_end_place("Tau") and could_end_place("\n")
    assert not could_end_place("Secretary")
    for key in list(place_table())[:200]:  # every place's last word passes the test
        assert could_end_place(key.split()[-1]) and is_place(key)

"""Rule scans tried only where they can match (anchors.match_at with a rule's own start
positions) change no match; place-name look-ups."""
from pathlib import Path


def test_legal_numbers_tried_at_digits_match_a_full_scan():
    from parreform_nlp.anchors import match_at
    from parreform_nlp.components.legal_refs import _NUMBER_START, NUMBER, _short_number_refs, _short_number_types

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

"""Vietnamese legal document references with type, number and date."""
from __future__ import annotations

import pytest

import parreform_nlp
from tests.conftest import read_seed


def refs(text: str, lang: str = "en") -> list:
    return parreform_nlp.analyze(text, lang=lang, translate=False).legal_refs


@pytest.mark.parametrize("text, surface, typ, number, date", [
    ("under Decision 280/QD-UBND on the plan", "Decision 280/QD-UBND", "Decision", "280/QD-UBND", None),
    ("as Decree No. 42/2022/ND-CP requires", "Decree No. 42/2022/ND-CP", "Decree", "42/2022/ND-CP", None),
    ("in Official Dispatch 2458/UBND-SNV in 2023", "Official Dispatch 2458/UBND-SNV", "Official Dispatch", "2458/UBND-SNV", None),
    ("the Resolution 20/2022/NQ-HDND dated September 12, 2022 of the Council", "Resolution 20/2022/NQ-HDND",
     "Resolution", "20/2022/NQ-HDND", "2022-09-12"),
    ("at the Program No. 01-CTr/TU dated March 17, 2021", "Program No. 01-CTr/TU", "Program", "01-CTr/TU", "2021-03-17"),
    ("Plan 136/KH-UBND dated June 1, 2021", "Plan 136/KH-UBND", "Plan", "136/KH-UBND", "2021-06-01"),
    ("Directive 08/CT-TTg on reform", "Directive 08/CT-TTg", "Directive", "08/CT-TTg", None),
    ("Circular 01/2023/TT-BNV guides", "Circular 01/2023/TT-BNV", "Circular", "01/2023/TT-BNV", None),
    ("Notice 304/TB-VPCP said", "Notice 304/TB-VPCP", "Notice", "304/TB-VPCP", None),
    ("the Law No. 18/2023/QH15 on", "Law No. 18/2023/QH15", "Law", "18/2023/QH15", None),
])
def test_english_references(text, surface, typ, number, date):
    found = refs(text)
    assert len(found) == 1
    r = found[0]
    assert (r.text, r.type, r.number, r.date) == (surface, typ, number, date)
    assert text[r.start:r.end] == r.text


def test_type_from_the_number_when_no_word_precedes():
    assert [(r.type, r.number) for r in refs("see 61/2018/ND-CP for details")] == [("Decree", "61/2018/ND-CP")]


@pytest.mark.parametrize("number", ["280/QĐ-UBND", "280/QD-UBND", "280/QĐ - UBND"])
def test_d_and_spacing_variants(number):
    found = refs(f"Decision {number} was signed")
    assert len(found) == 1 and found[0].type == "Decision"


def test_repeated_mention_is_one_record():
    text = "Official Dispatch 2458/UBND-SNV in 2023 asks ... More in Official Dispatch 2458/UBND-SNV 2023."
    assert len(refs(text)) == 1


def test_not_references():
    assert refs("Project 06 on 06/09/2023, ranked 54/63, file 280/QD-UBND.pdf") == []


def test_seed_003_all_ten():
    found = refs(read_seed("seed-003"))
    assert len(found) == 10
    assert found[1].number == "01-CTr/TU" and found[1].date == "2021-03-17"


def test_type_code_wins_over_a_translated_word_but_qh_is_ambiguous():
    th = parreform_nlp.analyze("คำสั่งฉบับที่ 1234/QD-TTg", lang="th", translate=False).legal_refs
    assert [(r.type, r.number) for r in th] == [("Decision", "1234/QD-TTg")]
    found = refs("Resolution 202/2025/QH15 and Law No. 18/2023/QH15")
    assert [r.type for r in found] == ["Resolution", "Law"]


def test_number_glued_to_no_dot():
    refs = parreform_nlp.analyze("The ministry applied Decree No.42/2022/ND-CP on online services.",
                                 lang="en", translate=False).legal_refs
    assert [(r.text, r.type, r.number) for r in refs] == [("Decree No.42/2022/ND-CP", "Decree", "42/2022/ND-CP")]


@pytest.mark.parametrize("text, lang, date", [
    ("Directive 08/CT-TTg of the Prime Minister dated 23/6/2022 set new tasks.", "en", "2022-06-23"),
    ("Chỉ thị số 08/CT-TTg của Thủ tướng Chính phủ ngày 23/6/2022 về cải cách hành chính.", "vi", "2022-06-23"),
])
def test_date_after_the_issuer(text, lang, date):
    refs = parreform_nlp.analyze(text, lang=lang, translate=False).legal_refs
    assert [r.date for r in refs] == [date]

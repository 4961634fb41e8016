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


def test_each_mention_is_a_record_with_its_own_offsets():
    text = "Official Dispatch 2458/UBND-SNV in 2023 asks ... More in Official Dispatch 2458/UBND-SNV 2023."
    found = refs(text)
    assert [r.number for r in found] == ["2458/UBND-SNV"] * 2
    assert found[0].start < found[1].start and all(text[r.start:r.end] == r.text for r in found)


def test_not_references():
    assert refs("on 06/09/2023, ranked 54/63, file 280/QD-UBND.pdf, project 06 of the firm, 2023/24") == []


def test_seed_003_all_ten():
    found = refs(read_seed("seed-003"))
    assert len({r.number for r in found}) == 10
    assert found[1].number == "01-CTr/TU" and found[1].date == "2021-03-17"


@pytest.mark.parametrize("text, lang, surface", [
    ("The province pushed Project 06 on population data forward.", "en", "Project 06"),
    ("Work under Project No.06 went on.", "en", "Project No.06"),
    ("the Steering Committee for Project No. 06 met", "en", "Project No. 06"),
    ("Tỉnh đẩy mạnh triển khai Đề án 06 của Chính phủ.", "vi", "Đề án 06"),
    ("Kết quả thực hiện Đề án số 06 trong quý I.", "vi", "Đề án số 06"),
])
def test_project_with_a_short_number(text, lang, surface):
    found = parreform_nlp.analyze(text, lang=lang, translate=False).legal_refs
    assert [(r.text, r.type, r.number) for r in found] == [(surface, "Project", "06")]


@pytest.mark.parametrize("text", ["Project 06/2023 was approved.", "Project 06-CP went on.", "Project 0.6 units"])
def test_project_number_that_is_not_a_short_number(text):
    assert all(r.type != "Project" or r.number != "06" for r in refs(text))


@pytest.mark.parametrize("text, lang, typ, number", [
    ("Chính phủ ban hành Nghị quyết số 30c/NQ-CP về cải cách hành chính.", "vi", "Resolution", "30c/NQ-CP"),
    ("The Government's Resolution 12a/NQ-CP on the master programme", "en", "Resolution", "12a/NQ-CP"),
    ("Bộ Chính trị ban hành Nghị quyết số 18-NQ/TW về tinh gọn bộ máy.", "vi", "Resolution", "18-NQ/TW"),
    ("the Politburo's Conclusion 126-KL/TW on the merger", "en", "Conclusion", "126-KL/TW"),
])
def test_letter_suffixes_and_party_documents(text, lang, typ, number):
    found = parreform_nlp.analyze(text, lang=lang, translate=False).legal_refs
    assert [(r.type, r.number) for r in found] == [(typ, number)]


def test_lookalike_eth_is_read_as_d_with_stroke():
    text = "Căn cứ Nghị định số 45/2020/N\u00d0-CP và Quyết \u00d0ịnh 12/QÐ-UBND."
    found = parreform_nlp.analyze(text, lang="vi", translate=False).legal_refs
    assert [(r.type, r.number) for r in found] == [("Decree", "45/2020/NĐ-CP"), ("Decision", "12/QĐ-UBND")]
    assert all(text[r.start:r.end] == r.text for r in found)  # the surface keeps the page's letter


@pytest.mark.parametrize("text, lang, number", [
    ("根据第1234号决定(1234/QĐ-TTg)，政府简化了行政手续。", "zh", "1234/QĐ-TTg"),
    ("首相は第45/2021/NĐ-CP号政令を公布した。", "ja", "45/2021/NĐ-CP"),
    ("총리는 결정 제567/QD-TTg호에 서명했다.", "ko", "567/QD-TTg"),
])
def test_references_inside_cjk_text(text, lang, number):
    found = parreform_nlp.analyze(text, lang=lang, translate=False).legal_refs
    assert [r.number for r in found] == [number]
    assert found[0].text == number and text[found[0].start:found[0].end] == number


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

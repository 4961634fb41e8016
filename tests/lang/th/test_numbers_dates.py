"""Thai numbers (Thai digits), Buddhist-era years, Thai month names, ร้อยละ / เท่า / คะแนน."""
from __future__ import annotations

import pytest

import parreform_nlp
from parreform_nlp.numbers import be_to_ce, parse_number, to_ascii_digits
from tests.conftest import read_seed


def analyze(text: str):
    return parreform_nlp.analyze(text, lang="th", translate=False)


def test_thai_digits_and_buddhist_era():
    assert to_ascii_digits("๒๕๖๖") == "2566"
    assert parse_number("๓๗.๔", "th") == pytest.approx(37.4)
    assert be_to_ce(2566) == 2023 and be_to_ce(2023) == 2023


def test_roi_la_percent_points_and_times():
    r = analyze("ในปี 2566 ดัชนี PAR ของจังหวัดกวางนามอยู่ที่ 84.6 คะแนน "
                "อัตราบันทึกออนไลน์ของกระทรวงและสาขาต่างๆ อยู่ที่ ร้อยละ 30.4 (สูงกว่าปี 2565 ถึง 1.4 เท่า) "
                "ระดับท้องถิ่นอยู่ที่ ๓๗.๔%")
    got = [(i.value, i.unit, i.metric, i.subject, i.period, i.comparison) for i in r.indicators]
    assert got == [
        (84.6, "points", "PAR Index", "กวางนาม", "2023", False),
        (30.4, "percent", "rate of online records", "ministries and branches", "2023", False),
        (1.4, "times", "rate of online records", "ministries and branches", "2023", True),
        (37.4, "percent", "rate of online records", "localities", "2023", False),
    ]


def test_at_least_roi_la_with_be_target_year():
    ind = analyze("นายกรัฐมนตรีขอให้ลดระยะเวลาการดำเนินการอย่างน้อยร้อยละ 30 ภายในปี พ.ศ. 2568").indicators[0]
    assert (ind.text, ind.value, ind.period) == ("อย่างน้อยร้อยละ 30", 30, "2025")


def test_thai_dates_with_be_years_and_thai_digits():
    r = analyze("เมื่อวันที่ ๑๑ กรกฎาคม พ.ศ. ๒๕๖๗ และวันที่ 26 มีนาคม 2568 ประชุม")
    assert [(d.text, d.value) for d in r.dates] == [("๑๑ กรกฎาคม พ.ศ. ๒๕๖๗", "2024-07-11"), ("26 มีนาคม 2568", "2025-03-26")]


def test_day_month_takes_year_from_dateline():
    r = analyze("Việt NamViệt Nam02/02/2024\nบ่ายวันนี้ (2 กุมภาพันธ์) นายกรัฐมนตรีเป็นประธานการประชุม")
    assert [(d.text, d.value) for d in r.dates] == [("02/02/2024", "2024-02-02"), ("2 กุมภาพันธ์", "2024-02-02")]


def test_thai_legal_references():
    r = analyze("ตามมติฉบับที่ 66/NQ-CP ลงวันที่ 26 มีนาคม 2568 และพระราชกฤษฎีกาฉบับที่ 42/2022/ND-CP")
    got = [(x.text, x.type, x.number, x.date) for x in r.legal_refs]
    assert got == [("มติฉบับที่ 66/NQ-CP", "Resolution", "66/NQ-CP", "2025-03-26"),
                   ("พระราชกฤษฎีกาฉบับที่ 42/2022/ND-CP", "Decree", "42/2022/ND-CP", None)]


def test_classifier_counts_need_a_result_verb_for_actors():
    r = analyze("จนถึงปัจจุบัน มี 16 กรม 15 อำเภอ ที่ได้โอนกระบวนการทั้งหมด และกระทรวงได้ลดข้อบังคับธุรกิจ 628 ฉบับ")
    assert [c.value for c in r.counts] == [16, 15, 628]
    assert analyze("เครื่องบินรบ จำนวน 5 ลำ").counts == []


def test_seed_004():
    r = analyze(read_seed("seed-004"))
    assert [i.value for i in r.indicators] == [28.59, 39.48, 100, 30.4, 1.4, 37.4, 3.7, 45.22, 26.86]
    assert {i.period for i in r.indicators} == {"2023"}
    assert [i.unit for i in r.indicators].count("times") == 2
    assert [c.value for c in r.counts] == [144, 628]
    assert [x.number for x in r.legal_refs] == ["42/2022/ND-CP"]


def test_rank_denominator_is_not_a_count_and_what_is_readable():
    r = analyze("จังหวัดได้ยกเลิกขั้นตอนการบริหาร 45 ขั้นตอน ในปี 2567 จังหวัดได้อันดับที่ 5 จาก 63 จังหวัด")
    assert [c.value for c in r.counts] == [45]
    assert r.counts[0].what.endswith("ขั้นตอน") and "ยกเลิก" in r.counts[0].what


def test_abbreviated_month_and_be_dateline():
    r = analyze("ฮานอย 15/03/2567\nเมื่อวันที่ 14 มี.ค. 2567 คณะกรรมการประชุม")
    assert [(d.text, d.value) for d in r.dates] == [("15/03/2567", "2024-03-15"), ("14 มี.ค. 2567", "2024-03-14")]

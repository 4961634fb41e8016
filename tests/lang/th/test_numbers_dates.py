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
    r = analyze("ในปี 2565 จังหวัดกวางจิมีดัชนี PAR อยู่ที่ 82.3 คะแนน "
                "อัตราบันทึกออนไลน์ของกระทรวงและสาขาต่างๆ อยู่ที่ ร้อยละ 21.7 (สูงกว่าปี 2564 ถึง 2.1 เท่า) "
                "ระดับท้องถิ่นอยู่ที่ ๒๘.๓%")
    got = [(i.value, i.unit, i.metric, i.subject, i.period, i.comparison) for i in r.indicators]
    assert got == [
        (82.3, "points", "PAR Index", "Quang Tri", "2022", False),  # Thai place forms read in English
        (21.7, "percent", "rate of online records", "ministries and branches", "2022", False),
        (2.1, "times", "rate of online records", "ministries and branches", "2022", True),
        (28.3, "percent", "rate of online records", "localities", "2022", False),
    ]


def test_at_least_roi_la_with_be_target_year():
    ind = analyze("กระทรวงตั้งเป้าลดระยะเวลาดำเนินการอย่างน้อยร้อยละ 25 ภายในปี พ.ศ. 2569").indicators[0]
    assert (ind.text, ind.value, ind.period) == ("อย่างน้อยร้อยละ 25", 25, "2026")


def test_thai_dates_with_be_years_and_thai_digits():
    r = analyze("เมื่อวันที่ ๓ สิงหาคม พ.ศ. ๒๕๖๖ และวันที่ 9 ตุลาคม 2567 ประชุม")
    assert [(d.text, d.value) for d in r.dates] == [("๓ สิงหาคม พ.ศ. ๒๕๖๖", "2023-08-03"), ("9 ตุลาคม 2567", "2024-10-09")]


def test_day_month_takes_year_from_dateline():
    r = analyze("Việt NamViệt Nam02/02/2024\nบ่ายวันนี้ (2 กุมภาพันธ์) นายกรัฐมนตรีเป็นประธานการประชุม")
    assert [(d.text, d.value) for d in r.dates] == [("02/02/2024", "2024-02-02"), ("2 กุมภาพันธ์", "2024-02-02")]


def test_thai_legal_references():
    r = analyze("ตามมติฉบับที่ 18/NQ-CP ลงวันที่ 9 ตุลาคม 2567 และพระราชกฤษฎีกาฉบับที่ 42/2022/ND-CP")
    got = [(x.text, x.type, x.number, x.date) for x in r.legal_refs]
    assert got == [("มติฉบับที่ 18/NQ-CP", "Resolution", "18/NQ-CP", "2024-10-09"),
                   ("พระราชกฤษฎีกาฉบับที่ 42/2022/ND-CP", "Decree", "42/2022/ND-CP", None)]


def test_classifier_counts_need_a_result_verb_for_actors():
    r = analyze("ปัจจุบัน มี 12 กรม 9 อำเภอ ที่ได้โอนบริการทั้งหมดขึ้นระบบออนไลน์ และกระทรวงได้ลดข้อบังคับธุรกิจ 628 ฉบับ")
    assert [c.value for c in r.counts] == [12, 9, 628]
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


def test_level_word_inside_an_index_name_is_no_subject():
    r = analyze("ในปี 2566 ดัชนี SIPAS ของจังหวัดด่งท้าปอยู่ที่ร้อยละ 84.2 ดัชนีความสามารถในการแข่งขันระดับจังหวัด (PCI) อยู่ที่ 68.5 คะแนน")
    assert [(i.metric, i.subject) for i in r.indicators] == [("SIPAS", "Dong Thap"), ("PCI", "Dong Thap")]


def test_thai_law_and_official_telegram_types():
    r = analyze("ตามโทรเลขอย่างเป็นทางการที่ 31/CD-TTg และพระราชบัญญัติที่ 25/2018/QH14")
    assert [(x.type, x.number) for x in r.legal_refs] == [("Official Dispatch", "31/CD-TTg"), ("Law", "25/2018/QH14")]


def test_as_high_as_is_no_change_and_the_next_clause_keeps_its_own_metric():
    r = analyze("ในปี 2567 อัตราบันทึกออนไลน์สูงถึงร้อยละ 64.1 เพิ่มขึ้นถึงร้อยละ 4 ความพึงพอใจของประชาชนอยู่ที่ร้อยละ 96")
    got = [(i.value, i.metric, i.comparison) for i in r.indicators]
    assert got == [(64.1, "rate of online records", False), (4, "rate of online records", True),
                   (96, "satisfaction rate", False)]


def test_headline_number_takes_the_first_governing_year_after_it():
    # the headline states no year; the body's "ในปี 2567" (Buddhist era) is the period of the page
    r = analyze("ดัชนี PAR ของจังหวัดเบ๊นแจอยู่ที่ร้อยละ 88.6\n\n"
                "ในปี 2567 จังหวัดเบ๊นแจได้เร่งปฏิรูปการบริหารอย่างต่อเนื่อง")
    assert [(i.value, i.period) for i in r.indicators] == [(88.6, "2024")]


def test_year_after_a_comparison_cue_is_no_index_edition():
    # "เมื่อเทียบกับ ปี 2565" is the base of a comparison, not the year of the index
    r = analyze("ดัชนี PAR ของจังหวัดอยู่ที่ร้อยละ 84 เมื่อเทียบกับ ปี 2565")
    assert [(i.value, i.period) for i in r.indicators] == [(84, None)]

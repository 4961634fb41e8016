"""Count constructions (our own sentences): parts of a whole, word numbers, people, nouns
standing before the number, Vietnamese, Thai classifiers, CJK counters, and what never counts."""
from __future__ import annotations

import pytest

import parreform_nlp


def counts(text: str, lang: str = "en") -> list[tuple[str, float]]:
    found = parreform_nlp.analyze(text, lang=lang, translate=False).counts
    assert all(text[c.start:c.end] == c.text for c in found)
    return [(c.text, c.value) for c in found]


@pytest.mark.parametrize("text, expected", [
    ("So far 42 out of 95 agencies have connected to the portal.", [("42 out of 95 agencies", 42)]),
    ("Seven out of nine indicators improved this year.", [("Seven out of nine indicators", 7)]),
    ("The reform now covers 41/63 localities.", [("41/63 localities", 41)]),
    ("The city sent 27/30 districts their quotas.", [("27/30 districts", 27)]),
])
def test_part_of_a_whole(text, expected):
    assert counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Twelve ministries sent their plans on time.", [("Twelve ministries", 12)]),
    ("Forty-one provinces reported results above average.", [("Forty-one provinces", 41)]),
    ("Only four southern provinces lagged behind.", [("four southern provinces", 4)]),
    ("One content axis fell while two content axes rose.", [("One content axis", 1), ("two content axes", 2)]),
])
def test_word_numbers_and_adjectives(text, expected):
    assert counts(text) == expected


def test_people_and_coordinated_nouns():
    assert counts("The reorganisation affects 18,402 officials, civil servants and public employees.") == [
        ("18,402 officials, civil servants and public employees", 18402)]
    assert counts("The district has 1.2 million people and 310 commune/ward leaders.") == [
        ("1.2 million people", 1_200_000), ("310 commune/ward leaders", 310)]
    assert counts("The town has 54,201 people, of which 50,110 are permanent residents.") == [
        ("54,201 people", 54201), ("50,110 are permanent residents", 50110)]


@pytest.mark.parametrize("text, expected", [
    ("The province has 19 departments, which will be reduced to 13 next year.",
     [("19 departments", 19), ("13", 13)]),
    ("The number of divisions will decrease from 11 to 9 in each district.", [("11", 11), ("9", 9)]),
    ("Other public units, numbering six, will be merged into two.", [("six", 6), ("two", 2)]),
    ("After the reorganisation the city had 20 departments; there are now 14.",
     [("20 departments", 20), ("14", 14)]),
    ("The district handles 12 procedures online, five of which are fully digital.",
     [("12 procedures", 12), ("five", 5)]),
    ("Of the 22 agencies, 15 were merged, four were dissolved and three had their names unchanged.",
     [("22 agencies", 22), ("15", 15), ("four", 4), ("three", 3)]),
    ("Eight ministries kept their structure and seven others were merged.",
     [("Eight ministries", 8), ("seven", 7)]),
])
def test_noun_before_the_number(text, expected):
    assert counts(text) == expected


@pytest.mark.parametrize("text", [
    "The waiting time was reduced from five to two days.",             # durations
    "Opening hours were changed from 8 to 11 a.m.",                    # times
    "The fee was cut from 50,000 to 20,000 dong.",                     # money
    "The share of online records rose from 40 to 60 percent.",        # a share
    "The meeting will be held from 2025 to 2026.",                     # years, no noun before
    "Hai Duong climbed 12 positions to 20th place.",                   # a rank movement
    "Hai Duong ranked 3rd out of 63 provinces and cities.",            # a denominator
    "A survey of 2,400 people and 900 enterprises was conducted.",     # a sample
])
def test_not_counts(text):
    assert counts(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Bộ Tư pháp đã lấy ý kiến đối với 75 dự thảo văn bản.", [("75 dự thảo văn bản", 75)]),
    ("Đoàn công tác làm việc với 3 bộ và 12 tỉnh.", [("3 bộ", 3), ("12 tỉnh", 12)]),
    ("Trong số 63 đơn vị hành chính cấp tỉnh, 11 đơn vị giữ nguyên.", [("63 đơn vị hành chính", 63), ("11 đơn vị", 11)]),
    ("Chỉ số gồm 8 nhóm chính sách được người dân đánh giá.", [("8 nhóm chính sách", 8)]),
    ("Năm nay có 1.250 doanh nghiệp thành lập mới và 42 cuộc thanh tra.", [("1.250 doanh nghiệp", 1250), ("42 cuộc thanh tra", 42)]),
])
def test_vietnamese(text, expected):
    assert counts(text, "vi") == expected


def test_vietnamese_number_after_so_is_a_document_number():
    assert counts("Theo Quyết định số 12 của tỉnh, các đơn vị thực hiện.", "vi") == []


@pytest.mark.parametrize("text, expected", [
    ("กระทรวงได้ยกเลิกกฎระเบียบ 1,300 ฉบับ ในปีนี้", [("1,300 ฉบับ", 1300)]),
    ("ปัจจุบันเหลือหน่วยงานระดับจังหวัด 34 แห่ง และ 28 จังหวัด", [("34 แห่ง", 34), ("28 จังหวัด", 28)]),
    ("การปฏิรูปอาจกระทบข้าราชการราว 80,000 คน", [("80,000 คน", 80000)]),
    ("คาดกระทบข้าราชการแสนคน", [("แสนคน", 100000)]),
    ("ท้องถิ่น 60/63 แห่งผ่านเกณฑ์", [("60/63 แห่ง", 60)]),
])
def test_thai_classifiers(text, expected):
    assert counts(text, "th") == expected


def test_thai_many_hundred_thousand_is_no_number():
    assert counts("การปฏิรูปกระทบคนหลายแสนคน", "th") == []


@pytest.mark.parametrize("text, lang, expected", [
    ("政府は12件の法文書と35の業務規制を見直した。", "ja", [("12件の法文書", 12), ("35の業務規制", 35)]),
    ("58/63の地方自治体が接続した。", "ja", [("58/63の地方自治体", 58)]),
    ("第2の計画が承認された。", "ja", []),
    ("全国已有62个省完成了改革。", "zh", [("62个省", 62)]),
    ("根据第933号决定，政府简化了手续。", "zh", []),
])
def test_cjk_counters(text, lang, expected):
    assert counts(text, lang) == expected


@pytest.mark.parametrize("text, expected", [
    ("Số sở của thành phố sẽ giảm từ 21 xuống 15 sau khi sắp xếp.", [("21", 21), ("15", 15)]),
    ("Các phòng chuyên môn được sáp nhập còn 8.", [("8", 8)]),
    ("Thời gian giải quyết hồ sơ giảm từ 10 xuống 5 ngày.", []),
])
def test_vietnamese_noun_before_the_number(text, expected):
    assert [c for c in counts(text, "vi") if c[0] not in ("hồ sơ",)] == expected


@pytest.mark.parametrize("text", [
    "The province has 19 departments, which will be REDUCED TO 13; Now 14 units, ٣ of which closed.",
    "Of the 22 agencies, ١٥ were merged, Four were dissolved and “three had their names unchanged.",
    "Phòng ban: 12 of them; đơn vị 13 others, éand 5 had moved, x7 others, _8 others.",
    "Other units, numbering ſix, were merged into İ two; ſeven others.",  # case-folding letters: the plain scan
])
def test_count_scans_find_what_the_plain_scan_finds(text):
    # the count patterns are only tried where a match can start: the same matches as finditer
    from parreform_nlp.components.counts_find import _anaphora_regexes, _count_regex, _matches_at

    rx, _, starts = _anaphora_regexes("en")
    assert list(rx.finditer(text))
    assert [m.span() for m in _matches_at(text, rx, starts)] == [m.span() for m in rx.finditer(text)]
    rx, starts = _count_regex("en")
    assert [m.span() for m in _matches_at(text, rx, starts)] == [m.span() for m in rx.finditer(text)]

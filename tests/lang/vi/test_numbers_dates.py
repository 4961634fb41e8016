"""Vietnamese numbers, indicators, counts, legal references and dates, read natively."""
from __future__ import annotations

import pytest

import parreform_nlp
from parreform_nlp.numbers import parse_number


def analyze(text: str):
    return parreform_nlp.analyze(text, lang="vi", translate=False)


@pytest.mark.parametrize("raw, value", [("86,17", 86.17), ("95,8", 95.8), ("245.310", 245310),
                                        ("1.234.567", 1234567), ("1.234,5", 1234.5), ("97", 97)])
def test_decimal_comma_and_thousands_dot(raw, value):
    assert parse_number(raw, "vi") == pytest.approx(value)


def test_index_with_decimal_comma_and_change():
    r = analyze("Chỉ số cải cách hành chính năm 2023 của tỉnh Hà Nam đạt 86,17%, tăng 1,94% so với năm 2022.")
    got = [(i.text, i.value, i.metric, i.subject, i.period, i.comparison) for i in r.indicators]
    assert got == [("86,17%", 86.17, "PAR Index", "Hà Nam", "2023", False),
                   ("1,94%", 1.94, "PAR Index", "Hà Nam", "2023", True)]


def test_rate_of_online_records_from_lexicon():
    r = analyze("Trong quý II/2024, tỷ lệ hồ sơ trực tuyến giải quyết đúng hạn của huyện Đông Anh là 95,8%.")
    ind = r.indicators[0]
    assert (ind.value, ind.metric, ind.period) == (95.8, "rate of online records resolved on time", "2024-Q2")


def test_points_and_times_with_base_year():
    r = analyze("Chỉ số PAPI năm 2022 của tỉnh đạt 45,12 điểm, gấp 1,4 lần năm 2021.")
    assert [(i.value, i.unit, i.period) for i in r.indicators] == [(45.12, "points", "2022"), (1.4, "times", "2022")]
    assert r.indicators[1].comparison is True


def test_share_of_what_follows_the_number():
    r = analyze("Chính phủ yêu cầu các bộ cắt giảm ít nhất 20% điều kiện đầu tư kinh doanh không cần thiết.")
    assert r.indicators[0].text == "ít nhất 20%"
    assert r.indicators[0].metric == "share of business investment conditions to abolish"


def test_counts_with_thousands_dot_and_not_ranks():
    r = analyze("Toàn tỉnh đã cắt giảm 1.234 thủ tục hành chính và 25 văn bản; xếp thứ 27/63, tăng 05 bậc.")
    assert [(c.value, c.what) for c in r.counts] == [(1234, "thủ tục hành chính"), (25, "văn bản")]


def test_legal_reference_with_so_and_d_stroke():
    r = analyze("Theo Quyết định số 280/QĐ-UBND ngày 6/9/2023 của UBND tỉnh và Nghị quyết 20/NQ-HĐND.")
    got = [(x.text, x.type, x.number, x.date) for x in r.legal_refs]
    assert got == [("Quyết định số 280/QĐ-UBND", "Decision", "280/QĐ-UBND", "2023-09-06"),
                   ("Nghị quyết 20/NQ-HĐND", "Resolution", "20/NQ-HĐND", None)]


def test_day_first_dates_and_dateline_with_time():
    r = analyze("Minh Anh 16:34, 31/03/2023\nNgày 6/9/2023, ngày 6 tháng 9 năm 2023 và tháng 10/2023 hội nghị họp.")
    got = [(d.text, d.value) for d in r.dates if len(d.value) > 4]
    assert got == [("31/03/2023", "2023-03-31"), ("6/9/2023", "2023-09-06"),
                   ("ngày 6 tháng 9 năm 2023", "2023-09-06"), ("tháng 10/2023", "2023-10")]


def test_quarter_is_not_a_date_and_legal_year_is_not_a_date():
    r = analyze("Trong quý I/2023, Nghị định số 107/2021/NĐ-CP được thực hiện.")
    assert [d.value for d in r.dates if len(d.value) > 4] == []
    assert "2021" not in [d.value for d in r.dates]


def test_time_of_day_dates_and_no_words_between_number_and_noun():
    r = analyze("Sáng 12/7, UBND tỉnh tổ chức hội nghị năm 2024. Theo báo cáo, 6 tháng qua tỉnh đã tiếp nhận 245.678 hồ sơ.")
    assert [(d.text, d.value) for d in r.dates if len(d.value) > 4] == [("Sáng 12/7", "2024-07-12")]
    assert [(c.text, c.value) for c in r.counts] == [("245.678 hồ sơ", 245678)]


def test_year_behind_a_source_clause_governs_the_paragraph_and_the_headline():
    r = analyze("Phú Yên: Chỉ số hài lòng của người dân đạt 83,9%\n\nHải Yến 08:10, 02/05/2024\n\n"
                "Theo Sở Nội vụ, năm 2023, Chỉ số SIPAS của tỉnh đạt 83,9%, tăng 1,2% so với năm 2022. "
                "Tỷ lệ hồ sơ trực tuyến toàn trình đạt 41,3%.")
    assert [(i.value, i.metric, i.period) for i in r.indicators] == [
        (83.9, "SIPAS", "2023"), (83.9, "SIPAS", "2023"), (1.2, "SIPAS", "2023"), (41.3, "rate of online records", "2023")]


def test_months_of_a_year_behind_a_reporting_clause():
    r = analyze("Báo cáo của UBND huyện cho biết, trong 6 tháng đầu năm 2024, huyện tiếp nhận 8.215 hồ sơ. "
                "Tỷ lệ số hóa hồ sơ đạt 71,2%.")
    assert [(i.value, i.period) for i in r.indicators] == [(71.2, "2024-H1")]


def test_before_and_on_time_and_percentage_points():
    r = analyze("Năm 2024, tỷ lệ hồ sơ được giải quyết trước và đúng hạn đạt 98,6%; tỷ lệ thanh toán trực tuyến "
                "đạt 28,1%, tăng 9,4 điểm phần trăm.")
    got = [(i.value, i.unit, i.metric, i.comparison) for i in r.indicators]
    assert got == [(98.6, "percent", "rate of administrative procedure records resolved on time", False),
                   (28.1, "percent", "rate of online payment on the National Public Service Portal", False),
                   (9.4, "percent", "rate of online payment on the National Public Service Portal", True)]


def test_unit_named_in_the_numbers_own_clause_is_its_subject():
    r = analyze("Năm 2023, Chỉ số CCHC của tỉnh Gia Lai đạt 84,02%. Trong khối sở, Sở Công Thương dẫn đầu với 90,5%; "
                "khối cấp huyện, thị xã An Khê đứng đầu với 88,1%, huyện Chư Pưh thấp nhất với 79,6%. "
                "Sở Nội vụ cho biết tỷ lệ hồ sơ trực tuyến đạt 61,2%.")
    assert [i.subject for i in r.indicators] == ["Gia Lai", "Sở Công Thương", "An Khê", "Chư Pưh", "Gia Lai"]


def test_share_of_records_received_online_after_the_number():
    ind = analyze("Năm 2025, tỉnh phấn đấu có ít nhất 85% hồ sơ được tiếp nhận trực tuyến.").indicators[0]
    assert (ind.text, ind.metric, ind.period) == ("ít nhất 85%", "rate of online records", "2025")


def test_as_of_a_date_governs_and_bare_on_time_rate():
    r = analyze("Tính đến ngày 30.6.2024, huyện đã tiếp nhận 12.480 hồ sơ, tỷ lệ đúng hạn đạt 97,3%.")
    ind = r.indicators[0]
    assert (ind.value, ind.metric, ind.period) == (97.3, "rate of administrative procedure records resolved on time", "2024-06")


def test_district_subject_word():
    r = analyze("Năm 2024, Chỉ số SIPAS cả nước đạt 82,1%. Tỷ lệ số hóa hồ sơ của huyện đạt 64,8%.")
    assert [i.subject for i in r.indicators] == ["nationwide", "the district"]


def test_level_word_inside_an_index_name_is_no_subject_vi():
    r = analyze("Năm 2023, Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) của Kon Tum đạt 63,4 điểm. "
                "Chỉ số năng lực cạnh tranh cấp tỉnh năm 2022 đạt 61 điểm.")
    assert [i.subject for i in r.indicators] == ["Kon Tum", "Kon Tum"]


def test_notice_of_conclusions_keeps_its_full_type():
    r = analyze("Thực hiện Thông báo kết luận số 45/TB-VPCP và Kết luận số 09-KL/TW.")
    assert [(x.text, x.type) for x in r.legal_refs] == [("Thông báo kết luận số 45/TB-VPCP", "Notice"),
                                                       ("Kết luận số 09-KL/TW", "Conclusion")]


def test_difference_after_a_copula_and_the_standard_of_a_comparison():
    r = analyze("Chỉ số PAR INDEX 2023 của tỉnh Hậu Giang đạt 84,7%, cao hơn năm 2022 là 1,8%. "
                "Năm 2023, Chỉ số SIPAS của tỉnh Hậu Giang cao hơn trung bình cả nước, đạt 83%.")
    got = [(i.value, i.subject, i.comparison) for i in r.indicators]
    assert got == [(84.7, "Hậu Giang", False), (1.8, "Hậu Giang", True), (83, "Hậu Giang", False)]


def test_line_introducing_a_list_governs_its_items():
    r = analyze("Kết quả các chỉ số năm 2022 của tỉnh Sơn La:\n- Chỉ số PAR INDEX: 81,3%\n- Chỉ số SIPAS: 80,9%\n"
                "- PAPI: 41,7 điểm")
    assert [(i.metric, i.period) for i in r.indicators] == [("PAR Index", "2022"), ("SIPAS", "2022"), ("PAPI", "2022")]


def test_body_where_the_action_happens_is_no_subject():
    r = analyze("Năm 2024, tỷ lệ số hóa hồ sơ của các bộ, cơ quan đạt 58,4%; tỷ lệ thanh toán trực tuyến trên "
                "Cổng Dịch vụ công quốc gia đạt 38,2%.")
    assert [i.subject for i in r.indicators] == ["ministries and agencies", "ministries and agencies"]


def test_year_a_few_words_after_so_voi_is_a_base_year():
    r = analyze("Chỉ số SIPAS của tỉnh Trà Vinh đạt 82,7%, cao hơn nhiều so với kết quả đánh giá năm 2021.")
    assert [(i.value, i.period) for i in r.indicators] == [(82.7, None)]

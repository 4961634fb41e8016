"""The page frame (components/frame.py) and the periods numbers inherit from it.

Every sentence here is written for these tests, one phenomenon per test.
"""
from __future__ import annotations

import pytest

import parreform_nlp


def periods(text: str, lang: str = "en") -> list[tuple[float, str | None]]:
    return [(i.value, i.period) for i in parreform_nlp.analyze(text, lang=lang, translate=False).indicators]


def frame_of(text: str, lang: str = "en") -> dict:
    doc = parreform_nlp.load(lang)(text, component_cfg={"parreform_language": {"lang": lang}})
    return doc._.frame


# -- inheritance from the page ------------------------------------------------------------------

def test_governing_period_is_inherited_three_paragraphs_later():
    text = ("Binh Phuoc speeds up online services\n\n"
            "In the first half of 2024, the province received 52,000 dossiers.\n\n"
            "The chairman praised the staff of the one-stop shops.\n\n"
            "Provincial leaders visited several communes in the north.\n\n"
            "The rate of dossiers settled on time reached 98.2 percent.")
    assert periods(text) == [(98.2, "2024-H1")]


def test_lead_period_stated_mid_sentence_is_inherited_further_on():
    text = ("Online payments in Long An rose sharply in the first nine months of 2024, the department said.\n\n"
            "Officials credited a new mobile application.\n\n"
            "Citizens in remote communes still queue at the one-stop shop.\n\n"
            "The share of online payments was 41.5 percent.")
    # nine months is no half or quarter: the year
    assert periods(text) == [(41.5, "2024")]


def test_headline_index_edition_is_the_period_of_the_page():
    text = ("Quang Ninh tops PAR INDEX 2023\n\n"
            "The Ministry of Home Affairs announced the results on Monday.\n\n"
            "Among ministries, the Ministry of Justice ranked first with 91.2 percent.")
    assert periods(text) == [(91.2, "2023")]
    assert frame_of(text)["edition"] == "2023"


def test_edition_written_before_its_index_name():
    text = ("The ministry announced the 2021 PAR Index results on Tuesday.\n\n"
            "Da Nang ranked first with 90.4 percent, followed by Hai Phong with 89.9 percent.")
    assert periods(text) == [(90.4, "2021"), (89.9, "2021")]


def test_dateline_year_when_the_page_states_no_period():
    text = ("Ha Giang speeds up online services\n"
            "Thu Ha 16:34, 31/03/2024\n"
            "The rate of online records of the province reached 61.5 percent.")
    assert frame_of(text)["dateline"] == "2024-03-31"
    assert periods(text) == [(61.5, "2024")]


def test_event_date_opening_the_lead_is_the_dateline():
    text = ("On 12/05/2023, the provincial steering committee met to review Project 06.\n"
            "Officials noted that 11.4% of the target of electronic accounts had been reached.")
    assert frame_of(text)["dateline"] == "2023-05-12"
    assert periods(text) == [(11.4, "2023")]


def test_present_time_sentence_does_not_inherit_an_earlier_year():
    text = ("In 2022, the district digitised its land records.\n"
            "So far, 64.5% of households have an electronic identification account.")
    assert periods(text) == [(64.5, None)]


def test_plan_sentence_takes_the_plan_of_the_lead_not_the_reporting_period():
    text = ("Can Tho plans to finish merging its departments by March 2025, the city said.\n\n"
            "In 2024, the city handled 410,000 dossiers.\n\n"
            "The city will cut its internal units by 20%.")
    assert periods(text) == [(20, "2025-03")]


# -- periods finer than a year -------------------------------------------------------------------

@pytest.mark.parametrize("text, period", [
    ("In the third quarter of 2023, 76.4 percent of records were processed online.", "2023-Q3"),
    ("The satisfaction rate reached 88 percent in Q3/2023.", "2023-Q3"),
    ("In the first half of 2024, the rate of online payments was 35.2 percent.", "2024-H1"),
    ("During the first six months of 2024, the rate of online payments was 35.2 percent.", "2024-H1"),
    ("As of July 2024, the rate of full-process online services reached 48 percent.", "2024-07"),
    ("As of June 30, 2024, the rate of digitised records was 57.1 percent.", "2024-06"),
])
def test_periods_finer_than_a_year(text, period):
    assert [p for _, p in periods(text)] == [period]


def test_span_of_years_is_the_period_of_the_numbers_before_it():
    text = ("The share of women using the internet was lower by 6% to 9% than that of men "
            "over the years from 2017 to 2022.")
    assert [p for _, p in periods(text)] == ["2017-2022", "2017-2022"]


# -- changes -------------------------------------------------------------------------------------

def test_change_after_a_level_has_the_current_period_not_the_base_year():
    text = "In 2023, the average PAR Index of provinces was 84.38 percent, an increase of 0.33 percent from 2022."
    assert periods(text) == [(84.38, "2023"), (0.33, "2023")]


def test_change_after_an_edition_level_has_the_edition_year():
    text = "The 2023 PAR Index average reached 84.38 percent, up 0.33 percent compared with 2022."
    assert periods(text) == [(84.38, "2023"), (0.33, "2023")]


def test_previous_year_after_a_number_is_the_year_before_the_page_period():
    text = ("Bribery declined in 2019, according to the survey released on Tuesday.\n\n"
            "The share of respondents who paid bribes fell to 21% from 26% in the previous year.")
    assert periods(text) == [(21, "2019"), (26, "2018")]


# -- Vietnamese and Thai ----------------------------------------------------------------------------

def test_vietnamese_reporting_period_of_six_months_is_inherited():
    text = ("Trong 6 tháng đầu năm 2024, tỉnh Phú Thọ tiếp nhận 52.000 hồ sơ.\n\n"
            "Lãnh đạo tỉnh đánh giá cao đội ngũ cán bộ một cửa.\n\n"
            "Tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,5%.")
    assert periods(text, "vi") == [(98.5, "2024-H1")]


def test_vietnamese_quarter_is_written_as_a_quarter():
    text = "Trong quý III/2023, tỷ lệ hồ sơ trực tuyến của tỉnh đạt 45,6%."
    assert periods(text, "vi") == [(45.6, "2023-Q3")]


def test_vietnamese_year_so_far_is_the_year_not_the_quarter_before():
    text = ("Trong quý I/2024, toàn tỉnh tiếp nhận 10.200 hồ sơ, tỷ lệ đúng hạn đạt 96,1%.\n\n"
            "Từ đầu năm đến nay, tỉnh đưa 100% thủ tục ra tiếp nhận tại Trung tâm.")
    assert periods(text, "vi") == [(96.1, "2024-Q1"), (100, "2024")]


def test_vietnamese_index_edition_of_the_page():
    text = ("Bảng xếp hạng Chỉ số SIPAS năm 2022 của các tỉnh\n\n"
            "Ở chỉ số này, tỉnh Bắc Ninh dẫn đầu với 89,4%; tỉnh Hà Nam đạt 88,7%.")
    assert [p for _, p in periods(text, "vi")] == ["2022", "2022"]


def test_thai_quarter_in_buddhist_era_is_converted():
    text = "ในไตรมาสที่ 3 ปี 2566 อัตราบันทึกออนไลน์ของจังหวัดอยู่ที่ร้อยละ 45.2"
    assert periods(text, "th") == [(45.2, "2023-Q3")]


def test_thai_first_half_is_inherited_by_a_later_line():
    text = ("ครึ่งปีแรกของปี 2567 จังหวัดได้รับเอกสาร 12,000 ฉบับ\n\n"
            "ความพึงพอใจของประชาชนอยู่ที่ร้อยละ 93.5")
    assert periods(text, "th") == [(93.5, "2024-H1")]


def test_cjk_year_and_quarter_on_a_page_without_a_rule_pack():
    text = "2022年第3四半期には、各省庁は計画を実施し、62%に達した。"
    assert [p for _, p in periods(text, "ja")] == ["2022-Q3"]


# -- the place the page is about -------------------------------------------------------------------

def test_frame_place_is_the_place_the_page_is_about():
    text = ("Hai Duong (VNA) - Hai Duong has cut 15 procedures this year.\n"
            "Leaders of Hai Duong met businesses; a delegation from Bac Ninh attended.")
    assert frame_of(text)["place"] == "Hai Duong"


def test_no_frame_place_when_no_place_dominates():
    text = "Bac Ninh and Hai Duong signed a cooperation agreement on Monday."
    assert frame_of(text)["place"] is None


def test_frame_body_is_the_body_the_page_is_about():
    text = ("The Ministry of Justice reviewed its reform results on Monday.\n"
            "The Ministry of Justice cut 45 procedures; the Ministry of Finance sent a delegation.")
    assert frame_of(text)["body"] == "Ministry of Justice"


@pytest.mark.parametrize("text, lang, period", [
    ("From January to June 2024, the rate of online dossiers was 52.3 percent.", "en", "2024-H1"),
    ("Từ tháng 1 đến tháng 6/2024, tỷ lệ hồ sơ trực tuyến đạt 52,3%.", "vi", "2024-H1"),
    ("Jan-Mar 2023: the satisfaction rate was 90.1 percent.", "en", "2023-Q1"),
])
def test_months_from_january_are_a_half_or_a_quarter(text, lang, period):
    assert [p for _, p in periods(text, lang)] == [period]


def test_document_date_on_an_opening_line_is_no_dateline():
    text = ("Decision No. 1291 dated 15/03/2022 of the Prime Minister was reviewed.\n"
            "The rate of online records reached 61.5 percent.")
    assert frame_of(text)["dateline"] is None


@pytest.mark.parametrize("text, lang, period", [
    ("Quang Tri, 02/11/2024 - In the first quarter, the city settled 99.1 percent of dossiers on time.", "en", "2024-Q1"),
    ("Thứ Ba, 09/07/2024\nTrong quý II, tỷ lệ hồ sơ trực tuyến của huyện đạt 61,4%.", "vi", "2024-Q2"),
])
def test_period_without_its_year_is_in_the_year_of_the_dateline(text, lang, period):
    assert [p for _, p in periods(text, lang)] == [period]


def test_first_half_of_the_dossiers_is_no_period():
    text = "Hue, 02/11/2024 - Officials checked the first half of the dossiers; 45.5 percent were complete."
    assert [p for _, p in periods(text)] == ["2024"]


def test_change_from_x_to_y_over_a_span_of_years():
    text = "Between 2018 and 2022, the share of cashless fee payments rose from 3% to 27%."
    assert [p for _, p in periods(text)] == ["2018", "2022"]


def test_vietnamese_dateline_opening_with_ngay():
    text = ("Ngày 10/4/2024, Sở Nội vụ tỉnh họp báo.\n"
            "Tỷ lệ hồ sơ trực tuyến của tỉnh đạt 61,5%.")
    assert frame_of(text, "vi")["dateline"] == "2024-04-10"


def test_thai_quarter_opening_a_line_governs_the_next_sentence_of_its_line():
    text = "ในไตรมาสที่ 2 ปี 2567 จังหวัดได้รับเอกสาร 8,000 ฉบับ ความพึงพอใจอยู่ที่ร้อยละ 95.5"
    assert periods(text, "th") == [(95.5, "2024-Q2")]


def test_opening_behind_a_source_prefix_governs_the_page():
    text = ("Tỷ lệ hồ sơ trực tuyến của tỉnh đạt 72%\n\n"
            "(Baoquangtri.vn) - 9 tháng đầu năm 2024, toàn tỉnh tiếp nhận 210.000 hồ sơ.\n\n"
            "Theo Sở Nội vụ, tỷ lệ hồ sơ giải quyết đúng hạn đạt 99,2%.\n\n"
            "Năm 2025, tỉnh phấn đấu 100% hồ sơ được số hóa.")
    assert [p for _, p in periods(text, "vi")] == ["2024", "2024", "2025"]


def test_a_plan_year_does_not_govern_later_paragraphs():
    text = ("In 2023, the rate of online records in the province reached 80.5 percent.\n\n"
            "In 2025, the province will digitise all land records.\n\n"
            "The satisfaction rate of citizens stood at 88.1 percent.")
    assert [p for _, p in periods(text)] == ["2023", "2023"]


def test_deadline_in_the_lead_is_no_reporting_period():
    text = ("Bac Lieu carries out Project 06 for the period 2022-2025, with a vision to 2030.\n\n"
            "In 2023, the province issued 600,000 chip-based identity cards.\n\n"
            "So far 12.5% of the targeted accounts have been activated, the police said.")
    doc_frame = frame_of(text)
    assert doc_frame["period"] == "2023" and doc_frame["plan"] == "2030"


@pytest.mark.parametrize("text, period", [
    ("Vinh Long, 04/06/2024 - The rate of online payments was 38.2 percent. Last year, it was 21.7 percent.",
     ["2024", "2023"]),
    ("Vinh Long, 04/06/2024 - In 2022, online payments were 15.1 percent. This year, the rate is 38.2 percent.",
     ["2022", "2024"]),
])
def test_last_year_and_this_year_are_relative_to_the_dateline(text, period):
    assert [p for _, p in periods(text)] == period

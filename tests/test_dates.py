"""Dates: day-first, anchored on the page date, never from numbers that are not dates."""
from __future__ import annotations

import pytest

import parreform_nlp
from parreform_nlp.components.dates import find_anchor, infer_year
from tests.conftest import read_seed


def dates(text: str, lang: str = "en", published: str | None = None) -> list[tuple[str, str]]:
    result = parreform_nlp.analyze(text, lang=lang, translate=False, published=published)
    return [(d.text, d.value) for d in result.dates if len(d.value) > 4]


def test_06_09_2023_is_6_september():
    assert dates("Published 06/09/2023 by the province.") == [("06/09/2023", "2023-09-06")]


def test_iso_dates_stay():
    assert dates("Updated 2023-09-06.") == [("2023-09-06", "2023-09-06")]


def test_month_day_takes_the_year_of_the_dateline():
    text = "Việt NamViệt Nam06/09/2023\nOn the morning of September 6, the committee met."
    assert dates(text) == [("06/09/2023", "2023-09-06"), ("September 6", "2023-09-06")]


def test_published_argument_anchors_and_is_recorded():
    doc = parreform_nlp.load("en")("On February 2, the meeting was held.",
                                   component_cfg={"parreform_dates": {"published": "2024-02-05"}})
    assert doc._.published == "2024-02-05"
    assert [(d["text"], d["value"]) for d in doc._.dates] == [("February 2", "2024-02-02")]


def test_month_without_day_gives_year_month():
    assert dates("Completion time is September 2023.") == [("September 2023", "2023-09")]


def test_this_month_relative_to_page_year():
    assert dates("By this June, the backlog had halved.", published="2023-07-01") == [("this June", "2023-06")]


def test_dateline_with_time():
    text = "PV May 8, 2024 15:20\nOn the morning of May 8, the Deputy PM chaired a meeting before May 15, 2024."
    assert dates(text) == [("May 8, 2024", "2024-05-08"), ("May 8", "2024-05-08"), ("May 15, 2024", "2024-05-15")]


@pytest.mark.parametrize("text", [
    "Decision 280/QD-UBND was signed.",               # never a date from a document number
    "Official Dispatch 2023/UBND-NC was sent.",
    "Video: 020224_-_Hop_truc_tuyen_CP.mp4?_t=1706882763",  # file name
    "The meeting opened at 15:20.",                    # a time
    "Ministries cut 628 regulations in 53 documents.",  # counts
    "Cao Bang ranked 54/63.",
    "The province may 8 times revise it.",
])
def test_never_a_date(text):
    assert dates(text, published="2024-01-01") == []


def test_bare_years_are_year_values_only():
    result = parreform_nlp.analyze("In 2023, the province reported results.", lang="en", translate=False)
    assert [(d.text, d.value) for d in result.dates] == [("2023", "2023")]


def test_anchor_inferred_from_reported_year_without_dateline():
    text = "Tay Ninh improved its PCI in 2021, officials said at a conference on March 3."
    assert infer_year(text, "en") == 2022
    assert dates(text) == [("March 3", "2022-03-03")]


def test_no_anchor_no_guess():
    # a day and month with no year anywhere: nothing to anchor on, so no date is invented
    assert dates("The forum opens on October 9.") == []


def test_seed_001_and_002_anchors():
    assert str(find_anchor(read_seed("seed-001"), "en")) == "2023-09-06"
    assert str(find_anchor(read_seed("seed-002"), "en")) == "2024-05-08"


def test_seed_003_month_name_dates():
    values = [v for _, v in dates(read_seed("seed-003"))]
    assert "2021-03-17" in values and "2023-09" in values and "2022-09-12" in values


def test_may_and_march_as_verbs_are_not_dates():
    found = dates("Leaders of 3 may attend; officers march 5 km. On March 5, 2024 they met.")
    assert found == [("March 5, 2024", "2024-03-05")]


def test_dates_in_related_news_are_not_extracted():
    text = ("Hue, 14/03/2024 - On March 12, the province reviewed its one-stop shops.\n"
            "Tin liên quan\n"
            "- Hanoi reviews procedures on March 2\n"
            "- Da Nang opens service centre (05/01/2024)")
    assert dates(text) == [("14/03/2024", "2024-03-14"), ("March 12", "2024-03-12")]


def test_no_page_date_year_comes_from_the_reported_edition_not_the_clock():
    # the page reports on the 2023 edition (named three times); a 2024 target does not make it 2025
    text = ("Ministry announces 2023 PAR Index\n"
            "The ministry on April 16 announced the 2023 PAR Index and the SIPAS 2023.\n"
            "Localities were urged to cut at least 20% of compliance costs in 2024.")
    assert dates(text) == [("April 16", "2024-04-16")]


def test_no_page_date_latest_year_outside_targets():
    assert infer_year("The 2021-2025 plan was reviewed; the province expects results by 2030. "
                      "Figures for 2022 were published.", "en") == 2022


def test_latest_mentioned_year_when_nothing_is_reported():
    assert infer_year("Plan 2021-2025 and targets by 2030; budget 2022 approved.", "en") == 2022


def test_no_year_on_the_page_gives_no_full_date():
    assert dates("On April 16 the ministry announced the new index.") == []


def test_vietnamese_page_citing_last_years_results_is_from_the_later_year():
    text = ("Bộ Nội vụ công bố Chỉ số cải cách hành chính năm 2023\n"
            "Chiều 16/4, Bộ Nội vụ công bố Chỉ số cải cách hành chính năm 2023. "
            "Trong 6 tháng đầu năm 2024, các tỉnh tiếp tục cải cách.")
    assert dates(text, "vi") == [("Chiều 16/4", "2024-04-16")]


def test_vietnamese_target_year_is_not_the_page_year():
    # no dateline: the page cites 2023, 2024 and a target "đến năm 2026" once each; the
    # day-month date takes the latest year mentioned outside targets
    text = ("Chiều 20/1, Sở Nội vụ tổng kết công tác năm 2023 và bàn kế hoạch năm 2024; "
            "mục tiêu đến năm 2026 là hoàn thành số hóa.")
    assert dates(text, "vi") == [("Chiều 20/1", "2024-01-20")]

def test_full_month_name_does_not_take_the_full_stop():
    assert dates("Hanoi, May 10, 2024 - The board met on 1 January. It met again on Jan. 3 too.") == [
        ("May 10, 2024", "2024-05-10"), ("1 January", "2024-01-01"), ("Jan. 3", "2024-01-03")]


def test_iso_date_with_slashes():
    assert dates("Updated 2024/05/10.") == [("2024/05/10", "2024-05-10")]


def test_both_years_of_a_hyphen_range():
    found = parreform_nlp.analyze("In the 2023-2024 school year and the 2021–2025 period.", lang="en",
                                  translate=False).dates
    assert [d.value for d in found] == ["2023", "2024", "2021", "2025"]


def test_both_years_of_a_plan_range_written_with_a_loose_dash():
    r = parreform_nlp.analyze("Đề án số hóa của tỉnh giai đoạn 2022 -2026 đã được phê duyệt.", lang="vi", translate=False)
    assert [(d.text, d.value) for d in r.dates] == [("2022", "2022"), ("2026", "2026")]


# --- dates without a year take the page frame's year, never the clock ------------------------

def test_day_before_a_dated_period_takes_that_periods_year():
    text = ("On the afternoon of December 30, the department presented its plan. The new units will work "
            "from January 3, 2026, and report at the end of the first quarter of 2026.")
    assert ("December 30", "2025-12-30") in dates(text)


def test_day_near_the_dateline_across_new_year():
    text = "Ha Noi, 02/01/2025\nOn December 29, the ministry sent its report to the Government."
    assert dates(text) == [("02/01/2025", "2025-01-02"), ("December 29", "2024-12-29")]


def test_page_speaking_of_a_year_in_the_future_is_from_that_year():
    text = ("On June 3, the provincial police reviewed the issuance of identity cards. In 2021, the province "
            "will issue 900,000 more cards, officials said.")
    assert dates(text) == [("June 3", "2021-06-03")]


def test_will_in_a_later_clause_does_not_make_the_reported_year_the_page_year():
    text = ("On March 2, the province said that in 2022 it cut 300 procedures and will cut more "
            "this year.")
    assert dates(text) == [("March 2", "2023-03-02")]


def test_a_year_reported_on_in_the_past_still_means_the_next_year():
    text = "On March 2, the province announced that in 2022 it had cut 300 procedures."
    assert dates(text) == [("March 2", "2023-03-02")]


def test_no_year_anywhere_gives_no_date_from_the_clock():
    assert dates("On November 14, the committee met again.") == []


def test_year_of_a_cited_document_number_is_the_last_resort():
    text = "El 14 de noviembre, el Gobierno aplicó el Decreto n.º 45/2024/ND-CP sobre datos."
    assert dates(text, lang="es") == [("14 de noviembre", "2024-11-14")]


def test_two_days_of_one_month():
    text = "The city will finish the merger between March 3 and 7, 2025, the department said."
    assert dates(text) == [("March 3", "2025-03-03"), ("7, 2025", "2025-03-07")]


@pytest.mark.parametrize("text, expected", [
    ("Sáng 31.12, UBND tỉnh tổ chức lễ ra mắt trung tâm.", ("Sáng 31.12", "2024-12-31")),
    ("Chiều 17-4, Sở Nội vụ họp báo.", ("Chiều 17-4", "2024-04-17")),
    ("Sáng nay (17/4), Bộ Nội vụ công bố chỉ số.", ("17/4", "2024-04-17")),
    ("Hôm nay 18/4, Bộ Nội vụ công bố chỉ số.", ("Hôm nay 18/4", "2024-04-18")),
    ("Hội nghị diễn ra vào 20/4 tại Hà Nội.", ("vào 20/4", "2024-04-20")),
    ("Ngày 19 tháng 7 năm 2023, Thủ tướng ký quyết định.", ("Ngày 19 tháng 7 năm 2023", "2023-07-19")),
    ("Trong tháng 3, tỉnh tiếp nhận nhiều hồ sơ trực tuyến.", ("tháng 3", "2024-03")),
])
def test_vietnamese_dates(text, expected):
    assert dates(text, lang="vi", published="2024-05-02") == [expected]


def test_vietnamese_month_count_and_ratio_are_no_dates():
    assert dates("Đoàn kiểm tra làm việc mỗi tháng 2 lần với các xã.", lang="vi", published="2024-05-02") == []
    assert dates("Tỉnh đạt 36/63 tiêu chí và xếp hạng 12/63.", lang="vi", published="2024-05-02") == []


@pytest.mark.parametrize("text, lang, expected", [
    ("政府は2024年8月31日に会議を開いた。", "ja", [("2024年8月31日", "2024-08-31")]),
    ("国务院于2023年5月发布了通知。", "zh", [("2023年5月", "2023-05")]),
    ("정부는 2024년 9월 5일 회의를 열었다.", "ko", [("2024년 9월 5일", "2024-09-05")]),
    ("입력 2024.08.31 오전 회의가 열렸다.", "ko", [("2024.08.31", "2024-08-31")]),
    ("El 3 de marzo de 2025 el Gobierno aprobó el plan.", "es", [("3 de marzo de 2025", "2025-03-03")]),
    ("Le 12 février 2024, le ministère a publié le décret.", "fr", [("12 février 2024", "2024-02-12")]),
])
def test_dates_on_pages_without_a_rule_pack(text, lang, expected):
    assert dates(text, lang=lang) == expected


def test_thai_month_with_year_word():
    text = "เหตุการณ์สำคัญเกิดขึ้นในเดือนกันยายนในปี พ.ศ. 2490 ที่กรุงฮานอย"
    assert dates(text, lang="th") == [("กันยายนในปี พ.ศ. 2490", "1947-09")]


@pytest.mark.parametrize("text, expected", [
    ("The review started in March and will end by June.", [("March", "2024-03"), ("June", "2024-06")]),
    ("Since mid-October the portal has handled more files.", [("October", "2024-10")]),
    ("The talks on March 3-4 went well.", [("March 3", "2024-03-03"), ("4", "2024-03-04")]),
])
def test_months_and_day_ranges_of_the_page_year(text, expected):
    assert dates(text, published="2024-05-02") == expected


@pytest.mark.parametrize("text", [
    "Officials may review it in may or june.",       # lower case: verbs and nouns
    "The share rose from March 3 to 5 percent.",     # no day range
    "In Jun the office was closed.",                 # an abbreviation without a cue word is not enough
])
def test_no_month_of_the_page_year(text):
    assert [d for d in dates(text, published="2024-05-02") if d[1].count("-") >= 1 and d[0] not in ("March 3",)] == []


def test_date_patterns_open_with_a_first_character_test():
    # Speed, structurally: patterns that open with optional groups or look-behinds are tried at
    # every position unless a look-ahead on the first character lets the engine skip ahead.
    import re as _re

    from parreform_nlp.components.dates import _YEAR, _patterns

    for lang in ("en", "vi", "th"):
        for kind, rx, _ in _patterns(lang):
            assert _re.match(r"\(\?=\[[^\]]+\]\)", rx.pattern), (lang, kind)
    assert _YEAR.pattern.startswith("(?=[")


def test_thai_digits_still_converted_and_others_untouched():
    from parreform_nlp.numbers import to_ascii_digits

    assert to_ascii_digits("ปี ๒๕๖๖ ร้อยละ ๙๗.๕") == "ปี 2566 ร้อยละ 97.5"
    text = "Năm 2023 đạt 97,5%"
    assert to_ascii_digits(text) is text

"""Indicators: percentages, index points and ratios with metric, subject, period, comparison."""
from __future__ import annotations

import pytest

import parreform_nlp
from tests.conftest import read_seed


def indicators(text: str, lang: str = "en") -> list:
    return parreform_nlp.analyze(text, lang=lang, translate=False).indicators


def one(text: str, lang: str = "en"):
    found = indicators(text, lang)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, value, unit", [
    ("The rate reached 30.4%.", 30.4, "percent"),
    ("The rate reached 92.18 percent.", 92.18, "percent"),
    ("The rate reached 78 per cent.", 78.0, "percent"),
    ("The province scored 87.84 points.", 87.84, "points"),
    ("With 88.6 points, Bac Ninh came second in the index.", 88.6, "points"),
    ("Applications were 1.4 times higher than in 2022.", 1.4, "times"),
    ("Online payments grew fivefold.", 5.0, "times"),
    ("Online payments grew 1.5-fold.", 1.5, "times"),
])
def test_values_and_units(text, value, unit):
    ind = one(text)
    assert ind.value == pytest.approx(value) and ind.unit == unit
    assert text[ind.start:ind.end] == ind.text


@pytest.mark.parametrize("text, surface", [
    ("The goal is to have at least 20% of records online.", "at least 20%"),
    ("The province completed over 60% of tasks.", "over 60%"),
    ("Nearly 78 per cent of users were satisfied.", "Nearly 78 per cent"),
    ("More than 45% of procedures are online.", "More than 45%"),
])
def test_qualifiers_are_kept_in_the_text(text, surface):
    assert one(text).text == surface


def test_frequency_is_not_a_ratio():
    assert indicators("Long An has won the award 3 times in a row.") == []


@pytest.mark.parametrize("text, expected", [
    ("E-commerce revenue was up 2.7% on last year.", True),
    ("The score saw an increase of 0.33 percent.", True),
    ("Exports went down 5.66% in the quarter.", True),
    ("The number of records was 1.4 times higher than 2022.", True),
    ("The ministry reported a reduction of 35% in waiting time.", True),
    ("The city will reduce at least 20% of compliance costs.", True),
    ("The rate of online records reached 30.4%.", False),
    ("A later poll found a still smaller rate of portal visitors at only 4.9 percent.", False),
])
def test_comparison(text, expected):
    assert one(text).comparison is expected


def test_seed_rate_of_online_records_with_ellipsis():
    found = indicators("In 2023, the work continued. The rate of online records of ministries and branches "
                       "reached 30.4%; localities reached 37.4%.")
    assert [(i.value, i.metric, i.subject, i.period) for i in found] == [
        (30.4, "rate of online records", "ministries and branches", "2023"),
        (37.4, "rate of online records", "localities", "2023"),
    ]


def test_subject_after_at_and_coordination():
    found = indicators("The rate of online payment on the portal at ministries and branches reached 45.22% "
                       "and localities reached 26.86%.")
    assert [i.subject for i in found] == ["ministries and branches", "localities"]
    assert all(i.metric == "rate of online payment on the portal" for i in found)


def test_share_of_x():
    ind = one("100% of State agencies have specialized database systems.")
    assert ind.metric.startswith("share of State agencies")


def test_named_index_from_lexicon_and_its_edition_year():
    text = ("Da Nang headed the Provincial Competitiveness Index (PCI) in 2021.\n"
            "Scoring 73.2 points, Da Nang was again first in the PCI.")
    ind = one(text)
    assert (ind.metric, ind.metric_id, ind.subject, ind.period) == ("PCI", "pci", "Da Nang", "2021")


def test_anaphor_resolves_to_the_last_place():
    ind = one("Binh Dinh held on to first place. In the satisfaction survey (SIPAS), the province scored a rate of 84.12%.")
    assert (ind.metric, ind.subject) == ("SIPAS", "Binh Dinh")


def test_period_in_sentence_ignores_base_year():
    ind = one("In 2023 the number of online records was 1.4 times higher than 2022.")
    assert ind.period == "2023"


def test_period_governs_only_its_paragraph():
    found = indicators("In 2023, the rate of online records reached 30.4%.\n"
                       "Up to now, 100% of communes have broadband.")
    assert [i.period for i in found] == ["2023", None]


def test_period_by_target_year():
    assert one("Hanoi will simplify at least 20% of internal procedures by 2025.").period == "2025"


def test_nationwide_subject():
    ind = one("The nation has finished the digitization of 100 percent of land records.")
    assert ind.subject == "nationwide"
    assert ind.metric == "digitization of land records"


def test_acronym_defined_on_the_page_is_expanded():
    text = ("Citizens use one-stop service kiosks (OSSKs).\n"
            "The audit recorded a rate of OSSK users at only 12.5 percent.")
    assert "one-stop service kiosks" in one(text).metric


def test_numbers_of_legal_refs_and_dates_are_not_indicators():
    assert indicators("Decision 280/QD-UBND dated 06/09/2023 was issued.") == []


def test_seed_000_indicators():
    found = indicators(read_seed("seed-000"))
    assert [i.value for i in found] == [50.6, 90.75, 30.4, 37.4, 45.22, 26.86]
    assert {i.period for i in found} == {"2023"}
    assert [i.subject for i in found] == ["ministries and branches", "localities"] * 3
    assert found[0].metric.startswith("rate of administrative procedure records resolved correctly")


def test_seed_001_rate_of_previous_clause():
    found = indicators(read_seed("seed-001"))
    first = found[0]
    assert (first.value, first.subject, first.period) == (29.32, "Ha Tinh", "2023")
    assert "tasks" in first.metric and first.metric.startswith("rate of")


def test_points_take_the_index_the_paragraph_is_about():
    found = indicators("The ministry announced the 2023 PAR Index on Tuesday. Hai Phong ranked first with 92.08 points, "
                       "an increase of 0.33 percent over 2022, followed by Thanh Hoa with 91.13 points.")
    got = [(i.value, i.metric, i.subject, i.period, i.comparison) for i in found]
    assert got == [(92.08, "PAR Index", "Hai Phong", "2023", False),
                   (0.33, "PAR Index", "Hai Phong", "2023", True),
                   (91.13, "PAR Index", "Thanh Hoa", "2023", False)]


def test_that_of_keeps_the_measure():
    found = indicators("The average score of provinces stood at 85.76%, while that of ministries was 86.55%.")
    assert [(i.metric, i.subject) for i in found] == [("average score", "provinces"), ("average score", "ministries")]


def test_than_in_year_is_a_base_year():
    assert one("Online applications in Binh Duong were 2.5 times higher than in 2022.").period is None


def test_clause_subject_after_a_leading_adverbial():
    ind = one("By December 2023, localities had abolished many procedures and cut 35% of compliance costs.")
    assert (ind.subject, ind.period, ind.comparison) == ("localities", "2023-12", True)
    assert ind.metric == "share of compliance costs"


def test_year_of_the_other_number_and_document_dates_are_not_periods():
    found = indicators("In 2023, its satisfaction index is at 89.5%, up from 86.2% in 2022.")
    assert [(i.value, i.period) for i in found] == [(89.5, "2023"), (86.2, "2022")]
    found = indicators("Hanoi will simplify by 2025 at least 20% of procedures and cut at least 20% of costs "
                       "under Decision 4610/QD-UBND dated November 22, 2022.")
    assert [i.period for i in found] == ["2025", "2025"]


def test_share_of_stops_at_the_next_clause():
    found = indicators("98.5% of records were settled on schedule, and the rate of dossiers submitted online was 65 percent.")
    assert found[0].metric == "share of records settled on schedule"
    assert found[1].metric == "rate of dossiers submitted online"


def test_from_to_levels_with_their_own_years():
    found = indicators("In Ha Tinh, the rate of online records increased from 20.5% in 2022 to 30.4% in 2023.")
    got = [(i.value, i.metric, i.subject, i.period, i.comparison) for i in found]
    assert got == [(20.5, "rate of online records", "Ha Tinh", "2022", False),
                   (30.4, "rate of online records", "Ha Tinh", "2023", False)]



def _with_bodies(text: str, names: list[str]) -> list[dict]:
    """Run dates + indicators on a blank pipeline with the given body mentions (no dependence
    on the bodies component)."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("parreform_dates")
    doc = nlp(text)
    doc._.bodies = [{"name": n, "mentions": [{"text": n, "start": text.index(n), "end": text.index(n) + len(n),
                                              "source": "original"}]} for n in names]
    return nlp.add_pipe("parreform_indicators")(doc)._.indicators


def test_body_as_subject():
    text = ("In 2023, the Ministry of Justice cut 30% of its administrative procedures. "
            "The Hanoi People's Committee achieved 95.5% in online payments.")
    found = _with_bodies(text, ["Ministry of Justice", "Hanoi People's Committee"])
    got = [(i["value"], i["metric"], i["subject"]) for i in found]
    assert got == [(30.0, "share of administrative procedures", "Ministry of Justice"),
                   (95.5, "online payments", "Hanoi People's Committee")]


def test_a_ministry_target_for_the_country_is_nationwide():
    text = "The Ministry of Finance targets 45 percent of tax procedures being handled online."
    found = _with_bodies(text, ["Ministry of Finance"])
    assert [i["subject"] for i in found] == ["nationwide"]


@pytest.mark.parametrize("text, metric, subject", [
    ("The rate of online records of ministries and branches reached 30.4%.", "rate of online records", "ministries and branches"),
    ("The proportion of online payments in Da Nang was 45.2%.", "proportion of online payments", "Da Nang"),
    ("The satisfaction rate of Bac Giang stood at 88.1 percent.", "satisfaction rate", "Bac Giang"),
    ("Online applications accounted for 62 per cent of all dossiers at localities.", "Online applications", "localities"),
    ("The digitization rate of records at the provincial level achieved 71.5%.", "digitization rate of records", "provincial level"),
    ("Lao Cai's PAR Index scored 86.4 points.", "PAR Index", "Lao Cai"),
])
def test_subject_noun_phrase_of_cue_verbs(text, metric, subject):
    ind = one(text)
    assert (ind.metric, ind.subject) == (metric, subject)


def test_list_items_under_an_index_heading_and_headlines():
    found = indicators("PAR Index 2023 results\nHai Phong: 92.08%\nThanh Hoa: 91.13%\n"
                       "Ha Tinh achieves 98% on-time settlement rate\n"
                       "Over 90 percent of people satisfied with services in Binh Duong, survey shows")
    got = [(i.value, i.metric, i.subject) for i in found]
    assert got[:2] == [(92.08, "PAR Index", "Hai Phong"), (91.13, "PAR Index", "Thanh Hoa")]
    assert found[0].period == "2023"
    assert got[2] == (98.0, "on-time settlement rate", "Ha Tinh")
    assert got[3] == (90.0, "share of people satisfied with services", "Binh Duong")


def test_level_after_the_number_is_a_subject_not_a_metric():
    ind = one("Online submissions reached 17 percent at the provincial level.")
    assert (ind.metric, ind.subject) == ("Online submissions", "provincial level")


# -- generalisation: own probe sentences ------------------------------------------------

@pytest.mark.parametrize("text, metric", [
    ("Minister of Home Affairs Pham Thi Thanh Tra said the average PAR Index of ministries was 86.52%.",
     "average PAR Index"),
    ("UNDP Resident Representative Ramla Khalidi said the PAPI score of the province was 42.1 points.",
     "PAPI score"),
    ("Director Nguyen Viet Hung emphasised in his speech that the share of civil servants trained "
     "in digital skills reached 74%.", "share of civil servants trained in digital skills"),
    ("He added that the proportion of dossiers received online rose to 61.4 percent.",
     "proportion of dossiers received online"),
])
def test_metric_starts_after_the_reporting_clause(text, metric):
    assert one(text).metric == metric


def test_reported_cases_stay_in_the_metric():
    # a reporting verb inside the noun phrase (no determiner or name after it) does not cut it
    assert one("The number of reported cases handled online was 55%.").metric.startswith("number of reported cases")


@pytest.mark.parametrize("text, period", [
    ("According to the department, in 2023 the province's SIPAS reached 84.6%.", "2023"),
    ("In 2023 the province's SIPAS reached 84.6%.", "2023"),
    ("As of June 2023, the province's SIPAS reached 84.6%.", "2023-06"),
])
def test_leading_time_adjunct_is_not_metric(text, period):
    ind = one(text)
    assert ind.metric == "SIPAS" and ind.period == period


@pytest.mark.parametrize("text, expected", [
    ("The average PAR Index of ministries was 86.52%, while the average of provinces and cities "
     "stood at 86.21 percent.", [("average PAR Index", "ministries"), ("average PAR Index", "provinces and cities")]),
    ("The PCI of Lang Son achieved 65.3 points, while the figure for Cao Bang was 61.2 points.",
     [("PCI", "Lang Son"), ("PCI", "Cao Bang")]),
])
def test_bare_head_carries_the_measure_of_the_clause_before(text, expected):
    assert [(i.metric, i.subject) for i in indicators(text)] == expected


def test_bare_head_carries_across_sentences_of_a_paragraph():
    found = indicators("The SIPAS of Tay Ninh was 82.4 percent. The lowest was 71.5 percent.")
    assert [i.metric for i in found] == ["SIPAS", "SIPAS"]


@pytest.mark.parametrize("text, metric", [
    ("As of May 20, the city had received 125,300 dossiers, of which 98.7 percent were settled on time.",
     "share of dossiers settled on time"),
    ("The district handled 88,400 applications, of which 97.2% were resolved ahead of schedule.",
     "share of applications resolved ahead of schedule"),
])
def test_of_which_share(text, metric):
    assert one(text).metric == metric


def test_bare_points_take_the_index_the_page_is_about():
    text = ("Ministry announces 2023 PAR Index\n"
            "The PAR Index and the SIPAS were announced on Tuesday. The PAR Index of ministries rose.\n"
            "The SIPAS rose too.\n"
            "Quang Ninh led the provinces with 92.18 points, followed by Hai Phong.")
    ind = one(text)
    assert ind.metric == "PAR Index" and ind.subject == "Quang Ninh"


def test_year_after_by_is_not_left_in_the_metric():
    ind = one("The resolution sets the target of 80 percent of records handled online by 2025.")
    assert ind.metric == "share of records handled online" and ind.period == "2025"


@pytest.mark.parametrize("text", [
    "The SIPAS rose by 1.2 percentage points.",
    "The rate was up 12.5 percentage points year-on-year.",
])
def test_percentage_points_are_a_percent_change(text):
    ind = one(text)
    assert ind.unit == "percent" and ind.comparison is True


@pytest.mark.parametrize("heading", ["Related news", "Latest news:", "READ MORE", "Xem thêm"])
def test_related_news_headlines_are_not_this_pages_numbers(heading):
    text = ("The city said the rate of dossiers settled online reached 61.2% this year.\n"
            f"{heading}\n"
            "- Hanoi to cut 30% of administrative procedures\n"
            "- Online payments in Hue up 2.5 times")
    assert [i.value for i in indicators(text)] == [61.2]


def test_read_more_link_line_is_skipped_and_body_resumes():
    text = ("The SIPAS of the province reached 84.6%.\n"
            "Read more: Hanoi to cut 30% of administrative procedures\n"
            "The rate of online payment rose to 25 per cent, according to the provincial department of finance.")
    assert [i.value for i in indicators(text)] == [84.6, 25.0]


def test_thai_related_news_block():
    text = ("ดัชนี PAR ของจังหวัดนี้ปีล่าสุดอยู่ที่ 81.3%\n"
            "ข่าวที่เกี่ยวข้อง\n"
            "ฮานอยลดขั้นตอนการบริหาร 30%")
    assert [i.value for i in indicators(text, "th")] == [81.3]


@pytest.mark.parametrize("dateline", ["Hanoi (VNA) - ", "Ha Noi, 14/03/2024 - ", "HANOI - "])
def test_dateline_place_is_not_a_subject(dateline):
    text = (f"{dateline}The ministry on Tuesday published its yearly survey of public services.\n"
            "The SIPAS of the year reached 80.08%, down 0.07% from the previous year.")
    assert [i.subject for i in indicators(text)] == [None, None]


def test_dateline_place_still_resolves_the_city():
    text = ("Da Nang (VNA) - The municipal authorities met on Monday to review reform results.\n"
            "The city's rate of dossiers settled online reached 71.3%.")
    assert one(text).subject == "Da Nang"


def test_subject_does_not_carry_into_a_new_paragraph():
    text = ("Quang Ninh led the provinces. Bac Kan ranked 63/63.\n"
            "The deputy minister said the target is to reduce at least 20% of compliance costs in 2024.")
    assert one(text).subject is None


def test_subject_of_a_directive():
    text = "The deputy minister urged localities to reduce at least 20% of compliance costs in 2024."
    ind = one(text)
    assert ind.subject == "localities" and ind.comparison is True and ind.period == "2024"


def test_place_in_a_reporting_clause_is_not_the_subject():
    text = "Ambassador of Australia Andrew Goledzinowski said the average e-governance score rose to 1.42 points."
    ind = one(text)
    assert ind.subject is None and ind.metric == "average e-governance score"


def test_the_province_resolves_past_the_country():
    text = ("Officials of Quang Tri province met on Friday.\n"
            "UNDP Resident Representative in Viet Nam Ramla Khalidi said the PAPI score of the province "
            "was 42.1 points, 1.5 times higher than in 2019.")
    found = indicators(text)
    assert [(i.subject, i.period) for i in found] == [("Quang Tri", None), ("Quang Tri", None)]


def test_place_subject_carries_to_the_next_sentence_of_its_paragraph():
    text = ("According to the department, in 2023 the province's SIPAS reached 84.6% in Quang Tri. "
            "The rate of dossiers settled online reached 52.3%; districts reached 41.7%.")
    found = indicators(text)
    assert [(i.subject, i.period) for i in found] == [("Quang Tri", "2023"), ("Quang Tri", "2023"), ("districts", "2023")]


def test_dateline_with_date_is_cut_from_the_metric():
    text = ("Binh Duong, March 5 (VNA) - Binh Duong province scored 70.4 points in the 2023 "
            "Provincial Competitiveness Index (PCI), the highest in the country.")
    ind = one(text)
    assert ind.metric == "PCI" and "Binh Duong" in ind.subject and ind.period == "2023"


@pytest.mark.parametrize("text, metric, comparison", [
    ("The province targets to raise the on-time settlement rate to 99% in 2024.", "on-time settlement rate", False),
    ("The plan is to reduce the time to process business licences by 30% by 2025.",
     "reduction of time to process business licences", True),
    ("The city will increase the share of cashless fee payments by 15%.", "increase in share of cashless fee payments", True),
])
def test_object_of_a_change_verb(text, metric, comparison):
    ind = one(text)
    assert (ind.metric, ind.comparison) == (metric, comparison)


def test_share_of_x_drops_the_auxiliary_and_a_second_verb_phrase():
    ind = one("The chairman said 97.5% of dossiers were processed on time in 2023.")
    assert ind.metric == "share of dossiers processed on time" and ind.period == "2023"
    ind = one("Last year, the province cut 18% of its procedures and moved 1,200 services online.")
    assert ind.metric == "share of procedures"


def test_in_the_province_after_share_resolves_the_place():
    text = ("Thua Thien-Hue launched the Hue-S app in 2019.\n"
            "The app had 1.1 million users, accounting for 82% of adults in the province.")
    ind = one(text)
    assert ind.metric == "share of adults" and "Hue" in ind.subject


@pytest.mark.parametrize("text, period", [
    ("Satisfaction among citizens climbed to 88 percent in the first quarter of 2024.", "2024-Q1"),
    ("Nationwide, 40% of public services are offered fully online, twice as many as in 2021.", None),
])
def test_period_of_a_quarter_and_not_of_an_as_many_as_base(text, period):
    assert one(text).period == period


def test_share_of_x_stops_at_a_comparison_after_a_comma():
    ind = one("Nationwide, 40% of public services are offered fully online, twice as many as in 2021.")
    assert ind.metric == "share of public services offered fully online"


def test_change_of_a_count_names_the_counted_thing():
    ind = one("The ministry also received 4,620 petitions from citizens, up 12 per cent from 2022.")
    assert ind.metric == "number of petitions" and ind.comparison is True and ind.period is None


def test_rank_among_provinces_is_not_the_changed_count():
    found = indicators("The PAR Index of Hai Phong in 2023 was 92.08%, ranking first among 63 provinces "
                       "and cities, an increase of 2.35% compared to 2022.")
    assert [i.metric for i in found] == ["PAR Index", "PAR Index"]


def test_of_these_takes_the_count_of_the_sentence_before():
    ind = one("According to the report, 18,200 people were surveyed. Of these, 84.5 percent said they "
              "were satisfied with the attitude of civil servants.")
    assert ind.metric.startswith("share of people said they were satisfied")


def test_for_place_right_after_each_number():
    found = indicators("The proportion of people satisfied with procedures was 86.4 per cent for Hai Phong, "
                       "85.1 per cent for Quang Ninh and 80.2 per cent for Bac Giang.")
    assert [i.subject for i in found] == ["Hai Phong", "Quang Ninh", "Bac Giang"]


def test_the_city_is_the_place_the_page_is_about():
    text = ("Hai Phong (VNA) - Hai Phong topped the rankings this year, officials of Hai Phong said.\n"
            "The proportion was 85.1 per cent for Quang Ninh and 80.2 per cent for Bac Giang.\n"
            "The rate of records processed online in the city reached 56.2%.")
    assert indicators(text)[-1].subject == "Hai Phong"


def test_page_about_one_place_gives_it_to_numbers_without_a_subject():
    text = ("Can Tho streamlines apparatus\n"
            "Can Tho (VNA) - Can Tho city has cut 12 departments, the chairman said on October 3.\n"
            "By the end of September 2024, 85.6 percent of dossiers were submitted online.")
    ind = one(text)
    assert ind.subject == "Can Tho" and ind.period == "2024-09"


def test_period_carries_from_the_number_before_in_the_paragraph():
    found = indicators("The PAR Index of Ninh Binh in 2023 was 85.2%. The SIPAS reached 83.4%.\n"
                       "The province will cut 20% of its procedures.")
    assert [i.period for i in found] == ["2023", "2023", None]


def test_vietnamese_index_edition_year_beats_a_later_governing_year():
    text = ("Quảng Ninh dẫn đầu Chỉ số cải cách hành chính năm 2023\n"
            "Theo đó, Chỉ số cải cách hành chính của tỉnh Quảng Ninh đạt 92,18%.\n"
            "Trong 6 tháng đầu năm 2024, tỉnh đã tiếp nhận 125.300 hồ sơ.")
    assert [i.period for i in indicators(text, "vi")] == ["2023"]


def test_index_edition_is_not_a_base_year():
    text = "Chỉ số SIPAS của tỉnh Bình Định đạt 86,25%, tăng 2,1% so với năm 2022."
    assert [i.period for i in indicators(text, "vi")] == [None, None]


def test_fold_increase_after_numbers_with_thousand_commas():
    found = indicators("The number of full-process online public services rose from 1,102 in 2022 to 4,432 "
                       "in 2023, a fourfold increase.")
    assert [(i.metric, i.comparison) for i in found] == [
        ("increase in number of full-process online public services", True)]


def test_doubled_to_is_a_cue():
    ind = one("The share of online applications has doubled to 47 percent over three years.")
    assert ind.metric == "share of online applications"


def test_base_year_on_the_line_before_is_not_the_next_index_edition():
    text = ("ดัชนี PAR ของจังหวัดกวางนิญอยู่ที่ 92.18% เพิ่มขึ้น 1.2% เมื่อเทียบกับปี 2565\n"
            "ดัชนีความพึงพอใจ (SIPAS) เฉลี่ยทั่วประเทศอยู่ที่ 80.08%")
    assert [i.period for i in indicators(text, "th")][-1] is None
    text = ("The PAR Index of Quang Ninh rose 1.2% compared with 2022\n"
            "The SIPAS nationwide was 80.08%.")
    assert indicators(text)[-1].period is None


@pytest.mark.parametrize("text, surface", [
    ("The gap between the two groups was 5 percentage points.", "5 percentage points"),
    ("The rate moved 2 percentage-points.", "2 percentage-points"),
    ("The rate was 0.5 percent point above the average.", "0.5 percent point"),
    ("The rate gained 2.5% points.", "2.5% points"),
])
def test_percentage_point_variants_are_percent_changes(text, surface):
    ind = one(text)
    assert (ind.text, ind.unit, ind.comparison) == (surface, "percent", True)


def test_index_points_are_points():
    ind = one("The score rose by 2.5 index points.")
    assert (ind.unit, ind.comparison) == ("points", True)


@pytest.mark.parametrize("text, lang, surface", [
    ("อัตราบันทึกออนไลน์เพิ่มขึ้น 1.2 จุดเปอร์เซ็นต์", "th", "1.2 จุดเปอร์เซ็นต์"),
    ("Tỷ lệ hồ sơ trực tuyến là 1,2 điểm phần trăm cao hơn.", "vi", "1,2 điểm phần trăm"),
])
def test_native_percentage_points(text, lang, surface):
    ind = one(text, lang)
    assert (ind.text, ind.unit, ind.comparison) == (surface, "percent", True)


@pytest.mark.parametrize("text, metric", [
    ("Meanwhile the rate of online payment was 45%.", "rate of online payment"),
    ("In the first quarter the rate of online payment was 45%.", "rate of online payment"),
    ("During the year the share of online dossiers was 50%.", "share of online dossiers"),
])
def test_sentence_adverbs_and_time_adjuncts_open_the_clause(text, metric):
    assert one(text).metric == metric


def test_that_of_names_the_other_actor():
    found = indicators("The average PAR Index of 17 ministries and ministerial-level agencies was 86.5%, "
                       "and that of 63 provinces and centrally-run cities 87.1%.")
    assert [i.subject for i in found] == ["17 ministries and ministerial-level agencies",
                                          "63 provinces and centrally-run cities"]
    assert [i.metric for i in found] == ["average PAR Index", "PAR Index"]


def test_place_inside_a_share_is_the_subject_only():
    ind = one("Over 97 percent of administrative procedure dossiers in Lao Cai were settled on time in 2023.")
    assert (ind.metric, ind.subject, ind.period) == (
        "share of administrative procedure dossiers settled on time", "Lao Cai", "2023")


def test_page_reporting_on_one_year_gives_it_to_results_without_a_year():
    text = ("According to the department, in 2023 the province's SIPAS reached 84.6% in Quang Tri.\n"
            "Officials met on Friday.\n"
            "A UNDP official said the PAPI score of the province was 42.1 points, 1.5 times higher than in 2019.\n"
            "The province will raise the score to 45 points.")
    assert [i.period for i in indicators(text)] == ["2023", "2023", "2023", None]


def test_written_numbers_parse_the_same_on_the_plain_digit_path():
    from parreform_nlp.numbers import parse_number

    cases = {("2023", "en"): 2023.0, ("007", "en"): 7.0, ("๒๕๖๖", "th"): 2566.0, ("２０２４", "en"): 2024.0,
             ("²", "en"): None, ("1,234", "en"): 1234.0, ("84,38", "vi"): 84.38, ("30.4", "en"): 30.4,
             ("1.234.567", "vi"): 1234567.0, ("1.2.3", "en"): None, ("", "en"): None, (" 45 ", "en"): 45.0}
    for (text, lang), value in cases.items():
        assert parse_number(text, lang) == value, text


def test_ascii_digits_of_pages_and_short_texts():
    from parreform_nlp.numbers import THAI_DIGITS, to_ascii_digits

    page = "ปี ๒๕๖๖ มีผู้ใช้ ๙๘% " * 40 + "Đà Nẵng 2024 ％"
    for text in (page, page[:30], "plain 2024", "Trần Hồng Hà 45%" * 30, ""):
        assert to_ascii_digits(text) == text.translate(THAI_DIGITS)
        assert to_ascii_digits(text) == to_ascii_digits(text)  # a page converted again (kept) is the same
    assert "๒" not in to_ascii_digits(page) and "2566" in to_ascii_digits(page)


def test_sentences_end_at_stops_but_not_after_titles_initials_or_inside_a_run():
    from parreform_nlp.components.indicators_context import split_sentences

    text = ("Mr. Nam said the rate was 45%. It rose!! Then Dr. Lan spoke... \"Next year\" is key. "
            "Decision No. 12 and vs. 2023 stay whole; J. Smith too. (See above.) Done?\n"
            "TP. HCM reached 90%.   Another line")
    got = [text[s.start:s.end].strip() for s in split_sentences(text, "en")]
    assert got == ["Mr. Nam said the rate was 45%.", "It rose!!", "Then Dr. Lan spoke...",
                   "\"Next year\" is key.", "Decision No. 12 and vs. 2023 stay whole; J. Smith too.",
                   "(See above.)", "Done?", "TP. HCM reached 90%.", "Another line"]

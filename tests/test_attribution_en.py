"""English attribution by phenomenon: what each number measures (metric) and for whom (subject).

Every sentence here is written for the test; none comes from an evaluation page.
"""
from __future__ import annotations

import pytest

import parreform_nlp


def indicators(text: str) -> list:
    return parreform_nlp.analyze(text, lang="en", translate=False).indicators


def by_text(text: str) -> dict:
    return {i.text: i for i in indicators(text)}


def subjects(text: str) -> list[str | None]:
    return [i.subject for i in indicators(text)]


# -- ranking lists ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # "led with, followed by X with, Y (N), and Z, N"
    ("The Ministry of Home Affairs released the 2023 PAR Index. Quang Nam topped the ranking with 91.2 percent, "
     "followed by Nghe An with 90.4 percent, Lao Cai (89.9 percent) and Binh Dinh, 89.1 percent.",
     ["Quang Nam", "Nghe An", "Lao Cai", "Binh Dinh"]),
    # items separated by semicolons, the actor before each number
    ("The 2022 SIPAS was announced. Leading provinces were Ninh Binh, 89.4%; Thai Binh, 88.7%; and Nam Dinh, 88.1%.",
     ["Ninh Binh", "Thai Binh", "Nam Dinh"]),
    # "the highest ... was X (N), the lowest Y (M)"
    ("Results of the 2024 PAR Index were released. The highest score went to Khanh Hoa (90.2%), "
     "the lowest to Lai Chau (79.5%).",
     ["Khanh Hoa", "Lai Chau"]),
])
def test_ranking_list_gives_each_number_its_own_actor_and_the_shared_metric(text, expected):
    found = indicators(text)
    assert [i.subject for i in found] == expected
    assert len({i.metric for i in found}) == 1 and found[0].metric in ("PAR Index", "SIPAS")


def test_ranking_list_metric_is_never_a_clause_fragment():
    found = indicators("The PAR Index 2022 was announced in Hanoi. Among the 12 provinces and cities with scores "
                       "above 85 percent, Quang Ninh led with 92.1%, followed by Hai Phong (91.8%).")
    assert [i.metric for i in found] == ["PAR Index"] * 3
    assert [i.subject for i in found] == ["12 provinces and cities", "Quang Ninh", "Hai Phong"]


def test_ministries_in_a_ranking_are_their_own_subjects():
    text = ("The 2023 PAR Index was released. Among ministries and ministerial-level agencies, the Ministry of "
            "Finance topped the list with 90.5 percent, followed by the Ministry of Justice and the State Bank of "
            "Vietnam with indexes ranging from 88.2 percent to 89.0 percent. Other weak performers included the "
            "Ministry of Health, with 80.1 percent; and the Government Inspectorate, 82.4 percent.")
    found = by_text(text)
    assert found["90.5 percent"].subject == "Ministry of Finance"
    both = found["88.2 percent"].subject
    assert "Ministry of Justice" in both and "State Bank of Vietnam" in both
    assert found["89.0 percent"].subject == both
    assert found["88.2 percent"].metric == "PAR Index range"
    assert found["80.1 percent"].subject == "Ministry of Health"
    assert found["82.4 percent"].subject == "Government Inspectorate"


def test_a_ministry_setting_a_target_still_speaks_for_the_country():
    ind = indicators("In 2023, the Ministry of Justice will cut 20% of business regulations.")[0]
    assert ind.subject == "nationwide"


# -- "respectively" ------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("The 2023 SIPAS results were announced. Hue, Da Nang and Can Tho scored 88.1%, 87.5% and 86.9% respectively.",
     ["Hue", "Da Nang", "Can Tho"]),
    ("In the 2021 PAR Index, Bac Ninh and Hung Yen reached 86.0 percent and 84.2 percent, respectively.",
     ["Bac Ninh", "Hung Yen"]),
])
def test_respectively_distributes_the_actors_in_order(text, expected):
    assert subjects(text) == expected


# -- a change after a level ----------------------------------------------------------------

@pytest.mark.parametrize("text, level", [
    ("The 2023 PAR Index was announced. The average of provinces and centrally-run cities was 84.38 percent, "
     "an increase of 0.33 percent from 2022.", "84.38 percent"),
    ("The 2024 SIPAS was published. The national average stood at 82.7%, up 1.2% compared with 2023.", "82.7%"),
    ("The Ministry of Home Affairs announced the 2023 PAR Index on Monday. The average was 84.38 percent, an "
     "increase of 0.33 percent from 2022.", "84.38 percent"),
    ("Quang Binh's PAR Index in 2023 stood at 85.12%, a decrease of 1.02% compared with the previous year.", "85.12%"),
])
def test_a_change_after_a_level_measures_the_same_thing(text, level):
    found = indicators(text)
    assert len(found) == 2
    lvl, change = found
    assert lvl.text == level and lvl.metric and lvl.comparison is False
    assert change.metric == lvl.metric and change.comparison is True
    assert change.subject == lvl.subject


def test_the_average_of_provinces_is_a_subject_of_the_page_index():
    ind = indicators("The 2023 PAR Index was announced. The average of provinces and centrally-run cities "
                     "was 84.38 percent.")[0]
    assert "PAR Index" in ind.metric
    assert "provinces and centrally-run cities" in ind.subject


# -- "the province" / "the city" ----------------------------------------------------------

@pytest.mark.parametrize("text, place", [
    ("Hue province announced its 2023 results. Hue ranks among the leaders. The province's PAR Index reached 89.2%.",
     "Hue"),
    ("Can Tho city released its report. Can Tho improved its services. In 2023 the SIPAS of the city was 86.4 percent.",
     "Can Tho"),
])
def test_the_province_resolves_to_the_place_of_the_page(text, place):
    assert subjects(text)[-1] == place


# -- aggregates as subjects ---------------------------------------------------------------

@pytest.mark.parametrize("text, first, last", [
    ("The PAR Index 2022 results were announced. Twenty-five provinces achieved good results "
     "(between 85 percent and 90 percent).", "25 provinces", "25 provinces"),
    ("The 2022 PAR Index was published. The weak group (70.1 to 75 percent) consisted of four provinces: "
     "Lai Chau, Ha Giang, Son La and Dien Bien.", "four provinces", "four provinces"),
])
def test_a_counted_group_is_the_subject_of_its_range(text, first, last):
    found = indicators(text)
    assert len(found) == 2
    assert found[0].subject == first and found[-1].subject == last
    assert all(i.metric.startswith("PAR Index range of") for i in found)


def test_the_first_bound_of_a_range_is_a_number_too():
    found = indicators("In the PAR Index, the moderate group scored (67.5 to 70 percent).")
    assert [i.value for i in found] == [67.5, 70.0]
    assert {i.unit for i in found} == {"percent"}


def test_socio_economic_regions_are_subjects():
    found = indicators("In the 2023 PAR Index, the Red River Delta led the six socio-economic regions with an average "
                       "of 88.5%, while the Central Highlands had the lowest, 81.2%.")
    assert [i.subject for i in found] == ["Red River Delta", "Central Highlands"]


# -- pronouns and fragments are never metrics ----------------------------------------------

@pytest.mark.parametrize("text", [
    "The province's PAR Index reached 89.2% in 2023. It is 2.1 percent higher than the year before.",
    "The province's PAR Index reached 89.2% in 2023. This figure was 2.1 percent above the national average.",
    "The province's PAR Index reached 89.2% in 2023. This number rose by 2.1 percent.",
])
def test_a_pronoun_takes_the_measure_before_it(text):
    found = indicators(text)
    assert found[-1].metric == "PAR Index"


@pytest.mark.parametrize("text", [
    "It reached 45%.",
    "This figure was 45%.",
    "The locality achieved 45%.",
])
def test_a_pronoun_with_nothing_before_is_a_null_metric(text):
    ind = indicators(text)[0]
    assert ind.metric is None


def test_a_bare_number_on_an_index_page_measures_that_index():
    found = indicators("Hai Duong released its 2024 PAPI results on Monday. Hai Duong came third with 45.1 percent.")
    assert found[0].metric == "PAPI" and found[0].subject == "Hai Duong"


# -- index components in a list -------------------------------------------------------------

def test_components_listed_with_their_scores():
    found = indicators("The 2024 PAPI report was published. Tay Ninh scored 45.2 points overall. Its highest scores "
                       "were in control of corruption in the public sector (7.2 points); e-governance (4.1 points); "
                       "and environmental governance (3.5 points).")
    assert [i.metric for i in found] == ["PAPI", "PAPI control of corruption in the public sector",
                                         "PAPI e-governance", "PAPI environmental governance"]
    assert {i.subject for i in found} == {"Tay Ninh"}


# -- survey shares ---------------------------------------------------------------------------

def test_survey_shares_belong_to_respondents():
    found = indicators("The 2023 PAPI survey was released. Fewer citizens trust local officials, with just 41% saying "
                       "their commune government is honest. The share of respondents who paid bribes for a "
                       "construction permit rose to 19% from 15%.")
    assert found[0].metric == "share of respondents saying their commune government is honest"
    assert found[1].metric == found[2].metric == "share of respondents who paid bribes for a construction permit"
    assert {i.subject for i in found} == {"survey respondents"}


def test_a_region_named_with_its_word_is_a_subject_not_a_metric():
    found = indicators("The Mekong Delta region averaged 84.2%, the Southeast 86.0% and the Central Highlands 80.9% "
                       "in the 2023 PAR Index.")
    assert [i.subject for i in found] == ["Mekong Delta", "Southeast", "Central Highlands"]
    assert {i.metric for i in found} == {"PAR Index"}


def test_the_province_before_its_name_resolves_forward():
    ind = indicators("The province topped the 2023 PAR Index with 92.3 percent. Quang Tri is the first central "
                     "province to do so.")[0]
    assert ind.subject == "Quang Tri"


def test_a_table_flattened_into_lines():
    found = indicators("Provincial PAR Index 2023\n1. Hai Phong: 91.81%\n2. Quang Ninh: 91.20%\n3. Bac Ninh - 90.10%")
    assert [(i.subject, i.metric) for i in found] == [("Hai Phong", "PAR Index"), ("Quang Ninh", "PAR Index"),
                                                      ("Bac Ninh", "PAR Index")]


def test_a_change_keeps_the_level_measure_when_the_sentence_names_its_index():
    found = indicators("Nationally, the average SIPAS was 80.08 percent, a slight decrease of 0.84 percent "
                       "compared with 2022.")
    assert [i.metric for i in found] == ["average SIPAS", "average SIPAS"]
    assert [i.subject for i in found] == ["nationwide", "nationwide"]
    assert [i.comparison for i in found] == [False, True]


def test_a_change_belongs_to_the_actor_of_its_level_not_to_a_ranking_after_it():
    found = indicators("Ho Chi Minh City's PAR Index in 2023 was 89.61 percent, up 2.35 percentage points over "
                       "2022, ranking ninth among 63 provinces and cities.")
    assert [i.subject for i in found] == ["Ho Chi Minh City", "Ho Chi Minh City"]


def test_percent_of_which_is_a_share_of_the_counted_noun():
    ind = indicators("In the first nine months, Da Nang received over 300,000 dossiers, 98.2% of which were "
                     "resolved on time.")[0]
    assert ind.metric == "share of dossiers resolved on time" and ind.subject == "Da Nang"


def test_survey_shares_with_a_predicate():
    found = indicators("The survey of 14,000 citizens found that 62% were satisfied with the attitude of civil "
                       "servants, while 18% said they had to make unofficial payments.")
    assert found[0].metric == "share of respondents satisfied with the attitude of civil servants"
    assert found[1].metric.startswith("share of respondents said they had to make unofficial payments")
    assert {i.subject for i in found} == {"survey respondents"}


def test_the_index_of_the_page_measures_a_number_paragraphs_later():
    text = ("The Ministry of Home Affairs announced the 2023 PAR Index on Monday.\n"
            "The ceremony was attended by leaders of ministries and localities. Officials discussed ways to "
            "improve the quality of services for people and businesses.\n"
            "Da Nang ranked first with 91.2 percent.")
    ind = indicators(text)[0]
    assert ind.metric == "PAR Index" and ind.subject == "Da Nang"


def test_an_index_named_once_in_passing_is_not_the_measure_of_the_page():
    text = ("Hue held a conference on digital services on Monday.\n"
            "Delegates discussed training for civil servants. The city plans more one-stop shops.\n"
            "Hue ranked first with 45 percent.\n"
            "Businesses also answered questions for the PCI survey.")
    assert indicators(text)[0].metric is None


def test_the_national_average_is_the_country():
    found = indicators("The 2023 PAR Index of Quang Ninh was 91.5%, compared to the national average of 84.4%.")
    assert [i.subject for i in found] == ["Quang Ninh", "nationwide"]


def test_the_set_a_place_ranks_in_is_not_its_subject():
    found = indicators("According to the 2023 PAR Index, Hai Phong ranked 2nd out of 63 provinces and cities with a "
                       "result of 91.81%, an increase of 1.72% compared to the previous year.")
    assert [i.subject for i in found] == ["Hai Phong", "Hai Phong"]


def test_aggregates_of_ministries_and_provinces_are_subjects():
    found = indicators("In the 2023 PAR Index, ministries and ministerial-level agencies averaged 86.5 percent, while "
                       "provinces and centrally-run cities averaged 84.2 percent.")
    assert [i.subject for i in found] == ["ministries and ministerial-level agencies",
                                          "provinces and centrally-run cities"]


@pytest.mark.parametrize("text", [
    "Hai Phong retained its first place in the PAR Index for the sixth time since 2012 by scoring 92.1%.",
    "Hai Phong ranked first in the 2023 PAR Index with 92.1%.",
])
def test_a_verb_phrase_is_never_a_metric(text):
    ind = indicators(text)[0]
    assert ind.metric == "PAR Index" and ind.subject == "Hai Phong"


@pytest.mark.parametrize("text, place", [
    ("In Hai Duong province, over 60% of tasks were completed.", "Hai Duong"),
    ("Northern Quang Ninh province ranked 19th with 80.2 percent in the PAR Index.", "Quang Ninh"),
])
def test_a_word_before_x_province_is_not_part_of_the_place(text, place):
    assert indicators(text)[0].subject == place


def test_a_year_after_a_possessive_is_not_part_of_the_metric():
    ind = indicators("Hai Phong held a press conference. The city's 2023 SIPAS Index reached 88.09%.")[0]
    assert ind.metric == "SIPAS Index" and ind.subject == "Hai Phong"


def test_respectively_distributes_the_measures_in_order():
    found = indicators("Ha Nam province reported progress. The rates of online records and of on-time settlement "
                       "were 45% and 98% respectively.")
    assert [i.metric for i in found] == ["rate of online records", "rate of on-time settlement"]
    assert {i.subject for i in found} == {"Ha Nam"}


def test_the_actor_in_parentheses_after_a_number():
    found = indicators("The 2023 PAR Index was announced. The highest score was 92.1% (Hai Phong) and the lowest "
                       "78.3% (Lai Chau).")
    assert [i.subject for i in found] == ["Hai Phong", "Lai Chau"]
    assert {i.metric for i in found} == {"PAR Index"}


def test_a_counted_group_after_the_ranking_body_is_the_subject():
    ind = indicators("In the 2023 PAR Index, the Ministry of Home Affairs ranked the provinces, with 45 provinces "
                     "above 85 percent.")[0]
    assert ind.subject == "45 provinces"


def test_with_inside_a_metric_noun_phrase_stays():
    ind = indicators("According to the report, the share of households satisfied with public services rose to 87%.")[0]
    assert ind.metric == "share of households satisfied with public services"


def test_list_items_after_a_colon_name_their_measures():
    found = indicators("The 2023 PAR Index of Hai Duong reached 89.1%. Component index scores: administrative procedure "
                       "reform 93.5%, organisational reform 90.1%, public finance reform 85.2%.")
    assert [i.metric for i in found] == ["PAR Index", "administrative procedure reform", "organisational reform",
                                         "public finance reform"]
    assert {i.subject for i in found} == {"Hai Duong"}


def test_components_after_a_colon_with_commas():
    found = indicators("Hai Duong's PAPI 2023 scores by dimension: participation at local levels, 5.2 points; "
                       "transparency, 5.6 points; e-governance, 3.9 points.")
    assert [i.metric for i in found] == ["PAPI participation at local levels", "PAPI transparency", "PAPI e-governance"]


def test_a_gapped_clause_names_its_rate():
    found = indicators("Ha Nam reported its results. The province's online payment rate was 45%, the on-time "
                       "settlement rate 98.2% and the online application rate 60.1%.")
    assert [i.metric for i in found] == ["online payment rate", "on-time settlement rate", "online application rate"]
    assert {i.subject for i in found} == {"Ha Nam"}


@pytest.mark.parametrize("text, subject", [
    ("Localities are required to cut at least 20% of business regulations by 2025.", "Localities"),
    ("Ministers, heads of ministerial-level agencies and provincial leaders are requested to simplify at least 20 "
     "percent of internal procedures.", "Ministers, heads of ministerial-level agencies and provincial leaders"),
])
def test_those_asked_in_a_passive_directive_are_the_subject(text, subject):
    assert indicators(text)[0].subject == subject


def test_a_body_after_of_is_the_subject_and_that_of_carries_the_measure():
    found = indicators("The PAR Index of the Ministry of Finance was 90.1 percent. That of the State Bank of Vietnam "
                       "was 89.9 percent.")
    assert [(i.metric, i.subject) for i in found] == [("PAR Index", "Ministry of Finance"),
                                                      ("PAR Index", "State Bank of Vietnam")]


def test_an_actor_word_in_a_list_is_no_measure():
    found = indicators("Rate of online records in 2023: nationwide 45%, localities 38%.")
    assert all(i.metric not in ("nationwide", "localities") for i in found)
    assert [i.subject for i in found] == ["nationwide", "localities"]


def test_the_city_of_x_is_a_place_not_a_measure():
    found = indicators("Tra Vinh province ranked 5th. The province's PAPI score was 44.9 points, while the city of "
                       "Can Tho scored 43.1 points.")
    assert [i.subject for i in found] == ["Tra Vinh", "Can Tho"]
    assert all(i.metric.startswith("PAPI") for i in found)

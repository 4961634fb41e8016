"""Counts of reform results, and the numbers that are never counts."""
from __future__ import annotations

import pytest

import parreform_nlp
from tests.conftest import read_seed


def counts(text: str, lang: str = "en") -> list:
    return parreform_nlp.analyze(text, lang=lang, translate=False).counts


@pytest.mark.parametrize("text, value, what", [
    ("Ministries and branches have cut and simplified 628 business regulations.", 628, "business regulations"),
    ("Ha Tinh was assigned 133 tasks by the Government.", 133, "tasks"),
    ("The Chairman has issued more than 20 decisions on procedures.", 20, "decisions"),
    ("Localities have abolished more than 3,450 business conditions.", 3450, "business conditions"),
    ("The province issued over 2 million electronic health records.", 2_000_000, "electronic health records"),
])
def test_result_counts(text, value, what):
    found = counts(text)
    assert [(c.value, c.what) for c in found] == [(value, what)]
    assert text[found[0].start:found[0].end] == found[0].text


def test_word_number_actor_count_in_a_result_sentence():
    found = counts("Ten ministries have completed the digitization of records.")
    assert [(c.text, c.value) for c in found] == [("Ten ministries", 10)]


def test_coordinated_actor_nouns():
    found = counts("A plan to cut 144 business regulations under the management of 5 ministries and agencies.")
    assert [(c.value, c.what) for c in found] == [(144, "business regulations"), (5, "ministries and agencies")]


def test_bodies_units_and_people_are_counts_in_any_sentence():
    found = counts("The Deputy Prime Minister chaired a meeting with 3 ministries and 8 localities.")
    assert [(c.value, c.what) for c in found] == [(3, "ministries"), (8, "localities")]


def test_out_of_and_less():
    found = counts("With 41 out of 53 key online services ready, the city had 120 fewer than in 2022.")
    assert [c.value for c in found] == [41, 120]


@pytest.mark.parametrize("text", [
    "Lang Son ranked 54/63 provinces in 2023.",               # a rank
    "In 2023, the province reviewed its procedures.",          # a year
    "Decision 280/QD-UBND on 133 procedures was signed.",      # document number ...
    "Phone: (028) 7302 2286. Address: 19 Nguyen Gia Thieu.",   # phone, address
    "A survey of 1,500 people was conducted in the province.", # a sample size
    "On 06/09/2023 at 10:30 the conference opened.",           # date and time
    "The seventh meeting reviewed the first 9 months.",        # ordinal, months
])
def test_never_counts(text):
    found = counts(text)
    assert all(c.value not in (54, 63, 2023, 280, 28, 7302, 2286, 19, 1500, 6, 9, 10, 30) for c in found), found


def test_ranked_54_63_is_not_a_count():
    assert counts("The province ranked 54/63 in the PAR Index.") == []


def test_seed_000_counts():
    assert [c.value for c in counts(read_seed("seed-000"))] == [144, 5, 628, 53]


def test_seed_002_decisions_and_meeting_participants():
    assert [c.text for c in counts(read_seed("seed-002"))][:3] == ["3 Ministries", "8 localities", "3 Ministries"]
    assert "more than 20 decisions" in [c.text for c in counts(read_seed("seed-002"))]


def test_survey_sample_is_not_a_count():
    assert counts("The PCI 2023 surveyed 10,000 enterprises and 1,500 households nationwide.") == []


def test_counts_in_related_news_are_not_extracted():
    text = ("The province has simplified 215 administrative procedures this year.\n"
            "Related news\n"
            "- Hanoi cuts 120 procedures for businesses\n"
            "- Hue abolishes 34 regulations")
    assert [c.value for c in counts(text)] == [215]


def test_divisions_cut_are_counted():
    found = counts("The city has cut 12 departments and 45 divisions, reducing 1,350 civil servant positions.")
    assert [(c.value, c.what) for c in found] == [(12, "departments"), (45, "divisions"),
                                                   (1350, "civil servant positions")]

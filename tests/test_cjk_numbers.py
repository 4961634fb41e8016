"""Percentages in text without spaces (CJK), fullwidth digits and ％: language-neutral records."""
from __future__ import annotations

import pytest

import parreform_nlp
from parreform_nlp.numbers import to_ascii_digits


def percents(text: str, lang: str) -> list[tuple[str, float]]:
    found = parreform_nlp.analyze(text, lang=lang, translate=False).indicators
    assert all(text[i.start:i.end] == i.text for i in found)
    return [(i.text, i.value) for i in found if i.unit == "percent"]


@pytest.mark.parametrize("text, lang, expected", [
    ("手続き記録の72.5%がデジタル化された。", "ja", [("72.5%", 72.5)]),
    ("計画の実施率は３８．２％に達した。", "ja", [("３８．２％", 38.2)]),
    ("网上办理率达到８５％，比去年提高了4.5%。", "zh", [("８５％", 85.0), ("4.5%", 4.5)]),
    ("전체 지역의 평균 이용률은 23.4%에 불과했다.", "ko", [("23.4%", 23.4)]),
])
def test_percentages_touching_cjk_letters(text, lang, expected):
    assert percents(text, lang) == expected


def test_a_number_glued_to_latin_letters_is_no_percentage():
    assert percents("The model A4% was a typo in the report of the committee.", "en") == []


def test_fullwidth_digits_keep_offsets():
    text = "率は１２．５％"
    assert len(to_ascii_digits(text)) == len(text) and to_ascii_digits(text).endswith("12.5%")


def test_khmer_and_lao_digits_give_language_neutral_records():
    km = "រដ្ឋាភិបាលបានសម្រេច ៨៥% នៃបែបបទ នៅថ្ងៃ ១៧/០១/២០២៤ តាមសេចក្តីសម្រេច ១២៣/QĐ-TTg"
    r = parreform_nlp.analyze(km, translate=False)
    assert r.language == "km"
    assert [(i.text, i.value) for i in r.indicators] == [("៨៥%", 85.0)]
    assert [d.value for d in r.dates] == ["2024-01-17"]
    assert [x.number for x in r.legal_refs] == ["123/QĐ-TTg"]
    lo = "ລັດຖະບານໄດ້ປະຕິຮູບ ໗໐% ຂອງຂັ້ນຕອນການບໍລິຫານ ໃນປີນີ້ ຕາມແຜນການ"
    r = parreform_nlp.analyze(lo, translate=False)
    assert r.language == "lo" and [i.value for i in r.indicators] == [70.0]

"""The PAR glossary: Vietnamese and Thai metric noun phrases rendered in English."""
from __future__ import annotations

import pytest

from parreform_nlp import glossary
from parreform_nlp.resources import load_json


@pytest.mark.parametrize("phrase, label", [
    # head first, modifiers after it: the modifier moves before its noun in English
    ("tỷ lệ hồ sơ trực tuyến được giải quyết đúng hạn", "rate of online records resolved on time"),
    ("tỷ lệ dịch vụ công trực tuyến toàn trình", "rate of full-process online public services"),
    ("số hồ sơ tiếp nhận trực tuyến", "number of records received online"),
    ("tỷ lệ cán bộ, công chức sử dụng chữ ký số", "rate of officials and civil servants using digital signatures"),
    ("tỷ lệ thanh toán trực tuyến phí, lệ phí", "rate of online payment of fees and charges"),
    ("tỷ lệ người dùng internet tại nhà", "rate of people using internet at home"),
    ("các thủ tục hành chính theo ngành dọc", "administrative procedures under vertical management"),
    ("tỷ lệ văn bản đến được xử lý trên môi trường mạng", "rate of incoming documents processed online"),
    ("tốc độ tăng trưởng kinh tế (GRDP)", "economic growth rate"),  # a parenthetical restates
])
def test_vietnamese_metric_phrase_in_english(phrase, label):
    assert glossary.render(phrase, "vi") == label


@pytest.mark.parametrize("phrase, label", [
    ("อัตราบริการสาธารณะออนไลน์เต็มรูปแบบ", "rate of full-process online public services"),
    ("สัดส่วนประชาชนที่พึงพอใจ", "share of citizens satisfied"),
    ("ลดขนาดกระทรวง หน่วยงานต่างๆ", "reduction in the size of ministries, agencies"),
    ("อัตราการชำระเงินออนไลน์ของกระทรวง", "rate of online payment of ministries"),
])
def test_thai_metric_phrase_in_english(phrase, label):
    assert glossary.render(phrase, "th") == label


def test_demonstrative_figure_names_no_measure():
    # "con số đó" (that figure) is a generic head: it takes the measure of the clause before
    label = glossary.render("con số đó", "vi")
    assert label is None or glossary.is_generic(label, "vi")


@pytest.mark.parametrize("phrase, lang", [
    ("nó", "vi"),                      # a pronoun names no measure
    ("xin chào các bạn", "vi"),        # nothing the glossary knows
    ("มัน", "th"),
    ("", "vi"),
])
def test_unknown_or_pronoun_is_none(phrase, lang):
    assert glossary.render(phrase, lang) is None


def test_unknown_words_are_dropped_never_copied():
    label = glossary.render("tỷ lệ hồ sơ xyzabc trực tuyến", "vi")
    assert label is not None and "xyzabc" not in label and "hồ" not in label


def test_generic_heads_name_no_measure():
    assert glossary.is_generic(glossary.render("giá trị trung bình", "vi"), "vi")
    assert glossary.is_generic(glossary.render("ค่าเฉลี่ย", "th"), "th")
    assert not glossary.is_generic(glossary.render("tỷ lệ hồ sơ", "vi"), "vi")
    assert glossary.generic_modifiers("average value", "vi") == ["average"]


@pytest.mark.parametrize("lang", ["vi", "th"])
def test_glossary_is_data_of_a_few_hundred_terms(lang):
    data = load_json("glossary.json", lang)
    n = sum(len(v) for k, v in data.items() if not k.startswith("_") and k not in ("generic", "anaphors", "stop"))
    assert n >= 250
    # every English label is ASCII-ish English: no native script leaks into labels
    for role in ("heads", "nouns", "modifiers", "post", "prepositions"):
        for en in data[role].values():
            assert not any("\u0e00" <= c <= "\u0e7f" for c in en)
            assert en.isascii(), en

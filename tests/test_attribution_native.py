"""Metric and subject of Vietnamese and Thai numbers, read natively (no translation model).

Sentences are written for these tests, one phenomenon each, in several forms."""
from __future__ import annotations

import pytest

import parreform_nlp


def indicators(text: str, lang: str) -> list:
    return parreform_nlp.analyze(text, lang=lang, translate=False).indicators


def one(text: str, lang: str):
    found = indicators(text, lang)
    assert len(found) == 1, found
    return found[0]


# -- a native metric phrase the index lexicon does not know, rendered in English ----------
@pytest.mark.parametrize("text, metric", [
    ("Trong năm 2023, tỷ lệ cán bộ, công chức sử dụng chữ ký số đạt 85,5%.",
     "rate of officials and civil servants using digital signatures"),
    ("Năm 2024, tỷ lệ văn bản điện tử được ký số của tỉnh đạt 92%.",
     "rate of electronic documents digitally signed"),  # "của tỉnh" is the subject, not the metric
    ("Số hồ sơ được số hóa ở mức 64,2%.", "number of records digitised"),
    ("Sở Tư pháp đã số hóa 100% các giấy tờ hộ tịch trong năm 2023.", "share of papers of civil status"),
])
def test_vietnamese_metric_phrase_in_english(text, metric):
    assert one(text, "vi").metric == metric


def test_vietnamese_change_keeps_the_phrase_for_both_values():
    found = indicators("Tỷ lệ người dân sử dụng điện thoại thông minh tăng từ 61% năm 2021 lên 74% năm 2023.", "vi")
    assert [i.metric for i in found] == ["rate of citizens using smartphones"] * 2


@pytest.mark.parametrize("text, metric", [
    ("ในปี 2566 สัดส่วนประชาชนที่ใช้บริการสาธารณะออนไลน์อยู่ที่ 48.5%", "share of citizens using online public services"),
    ("จังหวัดได้โอนขั้นตอนทางปกครองทั้งหมด 100% ให้กับศูนย์บริการ", "share of administrative procedures transferred"),
])
def test_thai_metric_phrase_in_english(text, metric):
    assert one(text, "th").metric == metric


def test_thai_reduction_is_a_change():
    ind = one("รัฐบาลตั้งเป้าที่จะลดขนาดกระทรวง หน่วยงานต่างๆ ประมาณ 15%", "th")
    assert ind.metric.startswith("reduction in the size of ministries") and ind.comparison


# -- rankings and enumerations share one metric, each value has its own subject ------------
@pytest.mark.parametrize("text", [
    "Các tỉnh dẫn đầu về Chỉ số PAPI năm 2023 là: Bắc Giang (47,1 điểm), Hà Tĩnh (46,8 điểm) và Quảng Trị (46,2 điểm).",
    "Về Chỉ số PAPI, đứng đầu là Bắc Giang với 47,1 điểm, tiếp theo là Hà Tĩnh 46,8 điểm, Quảng Trị 46,2 điểm.",
])
def test_vietnamese_ranking_list(text):
    found = indicators(text, "vi")
    assert [i.metric for i in found] == ["PAPI"] * 3
    assert [i.subject for i in found] == ["Bắc Giang", "Hà Tĩnh", "Quảng Trị"]


def test_ranking_score_after_the_index_paragraph_is_that_index():
    text = "Bảng xếp hạng Chỉ số SIPAS năm 2023 vừa được công bố.\nTỉnh Kon Tum đứng cuối bảng với 78,2%."
    assert one(text, "vi").metric == "SIPAS"


@pytest.mark.parametrize("text, lang, subjects", [
    ("Về Chỉ số SIPAS năm 2023, Đà Nẵng và Hải Phòng lần lượt đạt 91,2% và 90,4%.", "vi", ["Đà Nẵng", "Hải Phòng"]),
    ("Hai thành phố lớn nhất cả nước là Hà Nội và Cần Thơ lần lượt đạt 43,1 điểm và 42,7 điểm về Chỉ số PAPI.", "vi",
     ["Hà Nội", "Cần Thơ"]),
    ("ดัชนีความพึงพอใจของฮานอยและไฮฟองอยู่ที่ 83.1% และ 82.4% ตามลำดับ", "th", ["Ha Noi", "Hai Phong"]),
])
def test_respectively(text, lang, subjects):
    assert [i.subject for i in indicators(text, lang)] == subjects


# -- aggregates, regions, anaphors ---------------------------------------------------------
@pytest.mark.parametrize("text, subject", [
    ("Năm 2023, Chỉ số CCHC bình quân của các tỉnh, thành phố đạt 85,1%.", "average of provinces and cities"),
    ("Năm 2023, vùng Tây Nguyên có tỷ lệ hồ sơ trực tuyến đạt 41,3%.", "Central Highlands"),
    ("Chỉ số CCHC của các bộ, cơ quan ngang bộ đạt 87,6%.", "ministries and ministerial-level agencies"),
    ("Ở Đồng bằng sông Cửu Long, tỷ lệ hồ sơ trực tuyến đạt 38%.", "Mekong Delta"),
])
def test_aggregate_and_region_subjects(text, subject):
    assert one(text, "vi").subject == subject


def test_subject_word_inside_a_longer_term_is_no_subject():
    # "an toàn xã hội" (public safety) holds "toàn xã" (the whole commune)
    ind = one("Chính sách trật tự, an toàn xã hội được đánh giá cao, tỷ lệ hài lòng đạt 88%.", "vi")
    assert ind.subject != "the commune"


def test_thai_place_subject_in_english():
    assert one("ในปี 2566 ดัชนี PAR ของจังหวัดกว๋างนามอยู่ที่ 84.6 คะแนน", "th").subject == "Quang Nam"


def test_average_qualifies_the_index():
    assert one("Năm 2023, Chỉ số CCHC bình quân của các tỉnh, thành phố đạt 85,1%.", "vi").metric == "average PAR Index"
    assert "average PAR Index" in one("Năm 2023, Chỉ số CCHC của các địa phương đạt giá trị trung bình 84,2%.", "vi").metric


def test_anaphoric_index_is_the_index_named_before():
    text = "Bảng xếp hạng Chỉ số SIPAS năm 2023.\nỞ chỉ số này, tỉnh Bắc Ninh dẫn đầu với 91,5%."
    ind = one(text, "vi")
    assert (ind.metric, ind.subject) == ("SIPAS", "Bắc Ninh")


@pytest.mark.parametrize("text, lang", [
    ("Nó đạt 45%.", "vi"),
    ("Con số này đạt 45%.", "vi"),
    ("มันอยู่ที่ 45%", "th"),
])
def test_pronoun_is_no_metric(text, lang):
    assert one(text, lang).metric is None


# -- a change verb before "N% X" makes it a change of X ------------------------------------
@pytest.mark.parametrize("text, lang, metric", [
    ("Năm 2023, tỉnh đã cắt giảm 20% chi phí tuân thủ thủ tục hành chính.", "vi",
     "reduction in compliance costs of administrative procedures"),
    ("มีการลดค่าใช้จ่ายในการปฏิบัติตามกฎระเบียบ 20%", "th", "reduction in compliance costs"),
])
def test_change_verb_before_the_object(text, lang, metric):
    ind = one(text, lang)
    assert ind.metric == metric and ind.comparison


def test_thai_phrase_stops_before_the_change_word():
    ind = one("อัตราประชาชนที่ใช้บริการสาธารณะออนไลน์เพิ่มขึ้น 12% เมื่อเทียบกับปี 2565", "th")
    assert ind.metric == "rate of citizens using online public services" and ind.comparison


# -- "tỉnh" / "thành phố" alone is the place the page is about ------------------------------
@pytest.mark.parametrize("text, subject", [
    ("Nghệ An đẩy mạnh cải cách hành chính.\nNăm 2023, tỉnh đã cắt giảm 20% chi phí tuân thủ thủ tục hành chính.", "Nghệ An"),
    ("Năm 2023, tỉnh đã cắt giảm 20% chi phí tuân thủ thủ tục hành chính.", "the province"),
])
def test_bare_province_is_the_page_place(text, subject):
    assert one(text, "vi").subject == subject


def test_plural_or_named_level_word_is_not_the_page_place():
    assert one("Năm 2023, các tỉnh đã cắt giảm 20% chi phí tuân thủ.", "vi").subject != "the province"


# -- "trong đó N% được ..." is a share of the noun counted before --------------------------
@pytest.mark.parametrize("text, metric", [
    ("Trong tổng số 1.200 hồ sơ, có 95% được giải quyết đúng hạn.", "share of records resolved on time"),
    ("Năm 2023, huyện tiếp nhận 4.520 hồ sơ thủ tục hành chính, trong đó 98,2% được giải quyết trước và đúng hạn.",
     "share of administrative procedure records resolved on or ahead of time"),
    ("Tỉnh có 320 thủ tục hành chính, 85% được cung cấp trực tuyến.", "share of administrative procedures provided online"),
])
def test_share_of_the_counted_noun(text, metric):
    assert one(text, "vi").metric == metric


# -- what is not the subject ---------------------------------------------------------------
def test_base_of_a_rank_is_not_the_subject():
    ind = one("Với kết quả này, tỉnh xếp thứ 5/63 tỉnh, thành phố, đạt 89,1 điểm.", "vi")
    assert ind.subject == "the province"


def test_demonstrative_level_word_is_the_page_place():
    text = "Bắc Ninh công bố kết quả cải cách hành chính.\nĐịa phương này đạt 92,5%, cao nhất khu vực."
    assert one(text, "vi").subject == "Bắc Ninh"


def test_saying_verb_ends_the_object():
    assert one("Khoảng 60% doanh nghiệp cho biết chi phí không chính thức đã giảm.", "vi").metric == "share of businesses"


# -- a change after a level measures the same thing ----------------------------------------
@pytest.mark.parametrize("text, lang, metric", [
    ("Chỉ số SIPAS của tỉnh đạt 84,25%, tăng 1,5% so với năm 2022.", "vi", "SIPAS"),
    ("เกี่ยวกับดัชนี PAR ดัชนีของจังหวัดและเมืองนี้มีค่าเฉลี่ยอยู่ที่ 88.1% สูงขึ้น 1.2% จากปี 2566", "th", "average PAR Index"),
])
def test_change_after_a_level(text, lang, metric):
    level, change = indicators(text, lang)
    assert level.metric == change.metric == metric
    assert change.comparison and not level.comparison


# -- a fronted topic names the measure -------------------------------------------------------
@pytest.mark.parametrize("text, metric", [
    ('Ở nội dung "Kiểm soát tham nhũng trong khu vực công", tỉnh đạt 7,12 điểm.',
     "dimension of control of corruption in the public sector"),
    ("Về tỷ lệ hồ sơ được số hóa năm 2023, huyện đạt 71,5%.", "rate of records digitised"),
])
def test_fronted_topic(text, metric):
    assert one(text, "vi").metric == metric


def test_population_group_inside_the_measure_is_not_the_subject():
    ind = one("Hà Tĩnh có tỷ lệ người dân hài lòng đạt 90,5%.", "vi")
    assert (ind.metric, ind.subject) == ("rate of satisfied citizens", "Hà Tĩnh")


def test_thai_share_of_the_noun_before_that_did_what_follows():
    ind = one("เจ้าหน้าที่ของรัฐ 100% ได้รับลายเซ็นดิจิทัล", "th")
    assert ind.metric == "share of state officials that received digital signatures"


@pytest.mark.parametrize("text, metric, subject", [
    ("อัตราการรับและแก้ไขเอกสารออนไลน์ของจังหวัดอยู่ที่ 65.4%", "rate of receipt and resolution of online records", "the province"),
    ("อัตราการแก้ไขขั้นตอนการบริหารตรงเวลาและก่อนกำหนดอยู่ที่ 98.7%",
     "rate of resolution of administrative procedures on or ahead of time", None),
])
def test_thai_nominalised_verbs_and_owner(text, metric, subject):
    ind = one(text, "th")
    assert (ind.metric, ind.subject) == (metric, subject)


def test_places_given_as_examples_leave_the_aggregate_subject():
    ind = one("Các địa phương như Hà Nội, Đà Nẵng có tỷ lệ hồ sơ trực tuyến toàn trình đạt 45%.", "vi")
    assert ind.subject == "localities"

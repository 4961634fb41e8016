"""Thai officials from the title grammar: Vietnamese names in Thai or Latin script next to a Thai title,
also when the leaders gazetteer does not know them (sentences written for these tests)."""
from __future__ import annotations

import pytest

import parreform_nlp


@pytest.fixture(scope="module")
def nlp():
    return parreform_nlp.load("th")


def officials(nlp, text):
    return {o["name"]: o for o in nlp(text)._.officials}


def test_spaced_role_then_latin_name(nlp):
    # "รัฐมนตรี ว่าการ": Thai writers put a space inside the title
    found = officials(nlp, "ในการประชุม รัฐมนตรี ว่าการกระทรวงยุติธรรม Vo Van Hung กล่าวถึงแผนงาน")
    assert set(found) == {"Vo Van Hung"}
    assert found["Vo Van Hung"]["title"] == "Minister of Justice"


def test_latin_name_before_title_without_honorific(nlp):
    found = officials(nlp, "เมื่อวันจันทร์ Tran Thi Lan รัฐมนตรีว่าการกระทรวงการคลัง รายงานผลการดำเนินงาน")
    assert set(found) == {"Tran Thi Lan"}
    assert found["Tran Thi Lan"]["organization"] == "Ministry of Finance"


def test_known_leader_before_title_glued_to_previous_word(nlp):
    found = officials(nlp, "ในพิธีนี้ โดยโต เลิม เลขาธิการใหญ่คณะกรรมการกลางพรรคคอมมิวนิสต์เวียดนาม ได้กล่าวเปิดงาน")
    assert set(found) == {"To Lam"}
    assert found["To Lam"]["title"].startswith("General Secretary")


def test_unknown_thai_script_name_with_spaces_before_title(nlp):
    found = officials(nlp, "เหงียน วัน อาน ประธานคณะกรรมการประชาชนจังหวัดกวางจิ กล่าวในที่ประชุม")
    assert set(found) == {"เหงียน วัน อาน"}
    assert found["เหงียน วัน อาน"]["organization"] == "Quang Tri Provincial People's Committee"


@pytest.mark.parametrize("text, name", [
    ("ข่าวจากรองนายกรัฐมนตรีเหงียนวันอาน ว่าการประชุมจะจัดขึ้นอีกครั้ง", "เหงียนวันอาน"),
    ("รองนายกรัฐมนตรีถาวร เจิ่นฮงห่า ขณะเยือนจังหวัดห่าซาง", "เจิ่นฮงห่า"),
    ("ประธานเลวันเติ่มกล่าวว่าจะเร่งปฏิรูป", "เลวันเติ่ม"),
    ("รองนายกรัฐมนตรีเหงียนวันอานขณะเยือนจังหวัด", "เหงียนวันอาน"),
])
def test_unknown_thai_script_name_without_spaces_after_title(nlp, text, name):
    assert set(officials(nlp, text)) == {name}


@pytest.mark.parametrize("text", [
    "รัฐมนตรีเลือกตั้งใหม่ในปีนี้",           # a Thai word that starts like a surname ("เล")
    "World Bank ผู้อำนวยการ กล่าวว่า",         # a Latin name that is no Vietnamese person
    "นายเหงียนวันอานกล่าวว่าการปฏิรูปสำคัญ",     # an honorific alone is no title
])
def test_no_official_without_title_and_name(nlp, text):
    assert officials(nlp, text) == {}


@pytest.mark.parametrize("text, names", [
    ("ผู้ว่าราชการจังหวัดกาวบั่ง กล่าวว่าจะเร่งปฏิรูป", set()),          # a province that starts like a surname
    ("ผู้ว่าราชการจังหวัดห่าซาง เหงียน วัน ซอน กล่าวว่า", {"เหงียน วัน ซอน"}),  # the province is part of the title
])
def test_province_after_a_title_is_no_name(nlp, text, names):
    assert set(officials(nlp, text)) == names


def test_body_inside_the_longest_role_form(nlp):
    # "เลขาธิการพรรค" (Party Secretary) + "พรรคคอมมิวนิสต์เวียดนาม": the body starts inside the role
    found = officials(nlp, "วันนี้ เล มิญ หุ่ง เลขาธิการพรรคคอมมิวนิสต์เวียดนาม กล่าวเปิดงาน")
    assert found["เล มิญ หุ่ง"]["title"] == "Secretary of the Communist Party of Vietnam"
    assert found["เล มิญ หุ่ง"]["organization"] == "Communist Party of Vietnam"


def test_gazetteer_names_on_a_page_without_rule_pack():
    # the English grammar runs on pages of languages without a rule pack (their own vocab)
    out = parreform_nlp.analyze("El Banco Mundial y United Nations apoyan la reforma.", translate=False)
    assert "United Nations" in {b["name"] for b in out.to_dict()["bodies"]}

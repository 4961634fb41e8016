"""Officials and bodies in Thai pages: Thai titles, Latin and Thai-script names, English labels."""
from __future__ import annotations

import pytest

import parreform_nlp

from ...conftest import read_seed


@pytest.fixture(scope="module")
def nlp():
    return parreform_nlp.load("th")


def run(nlp, text):
    doc = nlp(text)
    return {o["name"]: o for o in doc._.officials}, {b["name"]: b for b in doc._.bodies}


def test_thai_script_name_maps_to_latin_through_leaders(nlp):
    officials, _ = run(nlp, "นายกรัฐมนตรีฝ่าม มิญ จิ่ง กล่าวในพิธีเปิดการประชุมว่า ท้องถิ่นต้องเร่งปรับปรุงบริการ")
    assert officials["Pham Minh Chinh"]["title"] == "Prime Minister"
    assert officials["Pham Minh Chinh"]["mentions"][0]["text"] == "ฝ่าม มิญ จิ่ง"


def test_latin_name_after_thai_title(nlp):
    officials, _ = run(nlp, "(TTXVN) นายกรัฐมนตรี Pham Minh Chinh ได้ลงพื้นที่ตรวจงานที่จังหวัดบิ่ญเซือง")
    assert set(officials) == {"Pham Minh Chinh"}


def test_unknown_thai_script_name_is_kept_in_thai(nlp):
    officials, bodies = run(nlp, "ประธานคณะกรรมการประชาชนจังหวัดห่าติ๋ญ หวอ ตรอง ไห่ กล่าวว่า")
    rec = officials["หวอ ตรอง ไห่"]
    assert rec["title"] == "Chairman of the Ha Tinh Provincial People's Committee"
    assert "Ha Tinh Provincial People's Committee" in bodies


def test_steering_committee_with_topic_and_owner(nlp):
    _, bodies = run(nlp, "หัวหน้าคณะกรรมการอำนวยการปฏิรูปการบริหารของรัฐบาล (CCHC) เป็นประธานการประชุม")
    name = next(n for n in bodies if "Steering Committee for Administrative Reform" in n)
    assert name.startswith("Government")


def test_e_government_is_not_the_government(nlp):
    _, bodies = run(nlp, "ดำเนินการก่อสร้างรัฐบาลอิเล็กทรอนิกส์ รัฐบาลดิจิทัล")
    assert bodies == {}


def test_photo_credit_is_not_an_official(nlp):
    officials, _ = run(nlp, "เข้าร่วมการประชุมที่สะพานกวางจิ - ภาพโดย: ตรัน เตวียน\n\nตรัน เตวียน\n")
    assert officials == {}


def test_seed_004(nlp):
    officials, bodies = run(nlp, read_seed("seed-004"))
    assert set(officials) == {"Pham Minh Chinh", "Le Duc Tien"}
    tien = officials["Le Duc Tien"]
    assert tien["title"] == "Vice Chairman of the Quang Tri Provincial People's Committee"
    assert {m["text"] for m in tien["mentions"]} == {"Le Duc Tien", "เล ดึ๊ก เตียน"}
    assert {"Government", "Quang Tri Provincial People's Committee", "National Public Service Portal"} <= set(bodies)
    assert len([n for n in bodies if "Steering Committee" in n]) == 1


def test_honorific_thai_name_then_title_after_space(nlp):
    officials, _ = run(nlp, "นายเหงียน วัน อาน ประธานคณะกรรมการประชาชนจังหวัดกวางนาม กล่าว")
    assert officials["เหงียน วัน อาน"]["title"] == "Chairman of the Quang Nam Provincial People's Committee"


def test_city_committee_of_a_centrally_run_city(nlp):
    _, bodies = run(nlp, "รองรัฐมนตรีว่าการกระทรวงมหาดไทย Truong Hai Long กล่าวว่า คณะกรรมการประชาชนนครโฮจิมินห์")
    assert {"Ministry of Home Affairs", "Ho Chi Minh City People's Committee"} <= set(bodies)


def test_thai_script_name_takes_latin_form_given_on_the_page(nlp):
    officials, _ = run(nlp, "ประธานคณะกรรมการประชาชนจังหวัดห่าติ๋ญ นาย Vo Trong Hai กล่าว "
                            "ประธานคณะกรรมการประชาชนจังหวัดห่าติ๋ญ หวอ ตรอง ไห่ กล่าวว่า")
    assert list(officials) == ["Vo Trong Hai"]
    assert {m["text"] for m in officials["Vo Trong Hai"]["mentions"]} == {"Vo Trong Hai", "หวอ ตรอง ไห่"}


def test_thai_titles_stacked_with_a_space_after_the_name(nlp):
    officials, bodies = run(nlp, "นางเหงียน ถิ ลาน สมาชิกคณะกรรมการกลางพรรค รัฐมนตรีว่าการกระทรวงยุติธรรม ได้ตรวจเยี่ยมจังหวัดซาลาย")
    rec = officials["เหงียน ถิ ลาน"]
    assert rec["titles"][:2] == ["Member of the Party Central Committee", "Minister of Justice"]
    assert rec["title"] == "Minister of Justice"


def test_service_centre_in_thai_and_a_bare_delegation_is_no_body(nlp):
    _, bodies = run(nlp, "ผู้นำจังหวัดร่วมต้อนรับคณะทำงาน ศูนย์บริการการบริหารราชการจังหวัดได้รับเอกสาร 9,120 ฉบับ")
    assert set(bodies) == {"Provincial Public Administration Service Center"}


def test_titles_after_a_latin_name_and_deputy_minister_form(nlp):
    officials, _ = run(nlp, "รองนายกรัฐมนตรี Le Thanh Long หัวหน้าคณะกรรมการอำนวยการปฏิรูปการบริหารของรัฐบาล ได้เป็นประธาน\n"
                            "รองรัฐมนตรีช่วยว่าการกระทรวงการคลัง Cao Anh Tuan ร่วมประชุม")
    assert officials["Le Thanh Long"]["titles"][:2] == [
        "Deputy Prime Minister", "Head of the Government Steering Committee for Administrative Reform"]
    assert officials["Cao Anh Tuan"]["title"] == "Deputy Minister of Finance"

"""Bodies in lists and with distributed heads, level-qualified bodies, owned units, state systems
(sentences written for these tests)."""
from __future__ import annotations

import pytest

import parreform_nlp


@pytest.fixture(scope="module")
def vi():
    return parreform_nlp.load("vi")


@pytest.fixture(scope="module")
def th():
    return parreform_nlp.load("th")


@pytest.fixture(scope="module")
def en():
    return parreform_nlp.load("en")


def bodies(nlp, text):
    return {b["name"]: b for b in nlp(text)._.bodies}


# -- Vietnamese ------------------------------------------------------------------------------------
def test_vi_head_shared_by_sectors_after_it(vi):
    found = bodies(vi, "Lãnh đạo Sở Xây dựng, Nội vụ, Tư pháp cùng dự buổi làm việc.")
    assert set(found) == {"Department of Construction", "Department of Home Affairs", "Department of Justice"}
    assert [m["text"] for m in found["Department of Justice"]["mentions"]] == ["Tư pháp"]


def test_vi_and_inside_a_sector_name(vi):
    # the known sector names decide where "và" splits: two sectors after the first, not three
    found = bodies(vi, "Văn bản gửi Bộ Công an, Quốc phòng và Khoa học và Công nghệ để góp ý.")
    assert set(found) == {"Ministry of Public Security", "Ministry of National Defence",
                          "Ministry of Science and Technology"}


def test_vi_plural_head_with_colon_list(vi):
    found = bodies(vi, "Quầy số 3 nhận hồ sơ của các sở: Tài chính, Y tế, Giáo dục và Đào tạo; quầy số 4 nhận hồ sơ khác.")
    assert set(found) == {"Department of Finance", "Department of Health", "Department of Education and Training"}


def test_vi_list_stops_before_a_local_body(vi):
    found = bodies(vi, "Sở Tư pháp, Công an tỉnh và Sở Tài chính đã họp.")
    assert set(found) == {"Department of Justice", "Provincial Police", "Department of Finance"}


def test_vi_lower_case_sector_word_is_no_list_item(vi):
    found = bodies(vi, "Bộ Tài chính và xây dựng cơ chế mới là trọng tâm.")
    assert set(found) == {"Ministry of Finance"}


def test_vi_unit_owned_by_next_body(vi):
    found = bodies(vi, "Phó Trưởng ban Ban Chỉ đạo cải cách hành chính của Bộ Tư pháp chủ trì cuộc họp.")
    assert set(found) == {"Steering Committee for Administrative Reform of the Ministry of Justice", "Ministry of Justice"}


def test_vi_unknown_district_after_level_word(vi):
    found = bodies(vi, "Bộ phận một cửa của UBND huyện Tân Phước đã tiếp nhận 500 hồ sơ.")
    assert "Tan Phuoc District People's Committee" in found
    assert "One-Stop Shop of the Tan Phuoc District People's Committee" in found


def test_vi_unknown_district_stops_before_person(vi):
    doc = vi("Chủ tịch UBND huyện Tân Phước Lê Văn Minh phát biểu.")
    assert [b["name"] for b in doc._.bodies] == ["Tan Phuoc District People's Committee"]
    assert [o["name"] for o in doc._.officials] == ["Lê Văn Minh"]


def test_vi_people_committees_of_localities(vi):
    found = bodies(vi, "Kết quả của UBND các địa phương được công bố hôm qua.")
    assert set(found) == {"People's Committees of localities"}


def test_vi_cut_off_word_is_no_body(vi):
    assert bodies(vi, "Quyết định ban hành quy chế của Trung tâm Ph") == {}


# -- Thai -------------------------------------------------------------------------------------------
def test_th_national_body_of_a_country(th):
    found = bodies(th, "ผู้แทนได้รายงานต่อรัฐสภาแห่งชาติของเวียดนามเมื่อวันจันทร์")
    assert set(found) == {"National Assembly of Vietnam"}


def test_th_local_government_is_no_body(th):
    assert bodies(th, "การพัฒนารัฐบาลท้องถิ่นสองระดับเริ่มขึ้นแล้ว") == {}

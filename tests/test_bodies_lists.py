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


@pytest.mark.parametrize("text, name", [
    ("UBND cấp huyện phải công khai kết quả.", "District-level People's Committees"),
    ("HĐND cấp tỉnh đã thông qua nghị quyết.", "Provincial-level People's Councils"),
    ("UBND cấp huyện, cấp xã phải báo cáo trước ngày 15.", "District and commune-level People's Committees"),
])
def test_vi_level_qualified_class_keeps_its_level(vi, text, name):
    assert set(bodies(vi, text)) == {name}


# -- Thai -------------------------------------------------------------------------------------------
def test_th_national_body_of_a_country(th):
    found = bodies(th, "ผู้แทนได้รายงานต่อรัฐสภาแห่งชาติของเวียดนามเมื่อวันจันทร์")
    assert set(found) == {"National Assembly of Vietnam"}


def test_th_level_qualified_bodies(th):
    assert set(bodies(th, "คณะกรรมการประชาชนระดับจังหวัดและอำเภอได้รายงานผล")) == \
        {"Provincial and district-level People's Committees"}
    assert set(bodies(th, "คณะกรรมการประชาชนจังหวัดรายงานผลการประเมิน")) == {"Provincial People's Committee"}


def test_th_local_government_is_no_body(th):
    assert bodies(th, "การพัฒนารัฐบาลท้องถิ่นสองระดับเริ่มขึ้นแล้ว") == {}


def test_vi_known_abbreviations_and_country_office(vi):
    found = bodies(vi, "Khảo sát do CECODES và UNDP tại Việt Nam thực hiện theo Nghị quyết 76/NQ-CP.")
    assert set(found) == {"Centre for Community Support Development Studies",
                          "United Nations Development Programme in Vietnam"}


def test_vi_credit_line_still_names_a_body(vi):
    found = bodies(vi, "Bảng xếp hạng các tỉnh năm 2024. Ảnh nguồn: Bộ Tư pháp\nCác tỉnh đều tăng điểm.")
    assert set(found) == {"Ministry of Justice"}


# -- English ----------------------------------------------------------------------------------------
def test_en_sector_name_with_commas_is_one_ministry(en):
    found = bodies(en, "Officials of the Ministry of Culture, Sports and Tourism met the Ministry of Labour, "
                       "Invalids and Social Affairs, with 70 percent.")
    assert set(found) == {"Ministry of Culture, Sports and Tourism", "Ministry of Labour, Invalids and Social Affairs"}


def test_en_plural_head_distributed_over_sectors(en):
    found = bodies(en, "The Departments of Education and Training, Health, and Justice will share the data.")
    assert set(found) == {"Department of Education and Training", "Department of Health", "Department of Justice"}
    found = bodies(en, "The Ministries of Finance and Planning and Investment will decide.")
    assert set(found) == {"Ministry of Finance", "Ministry of Planning and Investment"}


def test_en_level_qualified_classes_keep_their_level(en):
    found = bodies(en, "All district-level People's Committees and the provincial People's Councils must report.")
    assert set(found) == {"District-level People's Committees", "Provincial People's Councils"}


def test_en_class_with_scope_and_back_reference(en):
    found = bodies(en, "It ranks the People's Committees of the 34 provinces and cities. The Hanoi People's Committee "
                       "came first.")
    assert set(found) == {"People's Committees of provinces and cities", "Hanoi People's Committee"}
    assert [m["text"] for m in found["People's Committees of provinces and cities"]["mentions"]] == \
        ["People's Committees"]


def test_en_class_shared_by_places(en):
    found = bodies(en, "The Can Tho and Da Nang Public Administration Service Centres opened new desks.")
    assert set(found) == {"Can Tho Public Administration Service Centre", "Da Nang Public Administration Service Centre"}


def test_en_state_systems_and_portals(en):
    found = bodies(en, "Records move from the National Population Database to the Administrative Procedure Information "
                       "System and the national database on administrative procedures, then to the National Public "
                       "Service Portal.")
    assert set(found) == {"National Population Database", "Administrative Procedure Information System",
                          "national database on administrative procedures", "National Public Service Portal"}


@pytest.mark.parametrize("text", [
    "The survey covers Government Agencies and Provincial Governments.",
    "It measures national and sub-national government performance.",
    "the political system and the information system of the school",
])
def test_en_no_body(en, text):
    assert bodies(en, text) == {}


def test_en_office_of_a_body_is_that_body(en):
    found = bodies(en, "Residents went to the Hanoi People's Committee office to file papers.")
    assert set(found) == {"Hanoi People's Committee"}


def test_en_committee_of_the_district_refers_back_only(en):
    found = bodies(en, "In District 3, people waited at the People's Committee of the district. Later, the Thu Duc "
                       "City People's Committee said the same.")
    assert set(found) == {"People's Committee of the district", "Thu Duc City People's Committee"}


def test_en_numbered_names(en):
    found = bodies(en, "The Head of District 5 Home Affairs Division met the Steering Committee of Project 06 of "
                       "Ca Mau province and the Ca Mau Provincial Police.")
    assert set(found) == {"District 5 Home Affairs Division", "Steering Committee of Project 06 of Ca Mau province",
                          "Ca Mau Provincial Police"}


def test_en_title_case_name_with_of_before_the_head(en):
    found = bodies(en, "Files go to the Reception and Return of Results Department of each district.")
    assert set(found) == {"Reception and Return of Results Department"}


def test_en_gazetteer_names_without_a_head(en):
    found = bodies(en, "Vietnam rose in the United Nations' survey, and Vietnam Social Security agreed.")
    assert set(found) == {"United Nations", "Vietnam Social Security"}


def test_th_head_shared_by_sectors_after_it(th):
    found = bodies(th, "ผู้แทนกระทรวงการคลัง มหาดไทย และยุติธรรม ได้ลงนามร่วมกัน")
    assert set(found) == {"Ministry of Finance", "Ministry of Home Affairs", "Ministry of Justice"}


def test_vi_local_body_shared_by_provinces(vi):
    found = bodies(vi, "Trung tâm Phục vụ hành chính công tỉnh Lào Cai, Yên Bái và Hà Giang đều tăng điểm.")
    assert set(found) == {f"{p} Provincial Public Administration Service Center" for p in ("Lao Cai", "Yen Bai", "Ha Giang")}


def test_vi_province_then_country_is_one_body(vi):
    found = bodies(vi, "UBND tỉnh Lào Cai, Việt Nam đã làm việc với đoàn.")
    assert set(found) == {"Lao Cai Provincial People's Committee"}


def test_vi_plural_service_centres(vi):
    found = bodies(vi, "Trung tâm Phục vụ hành chính công các tỉnh, thành phố đã tiếp nhận hồ sơ.")
    assert set(found) == {"Public Administration Service Centers of provinces and cities"}


def test_en_service_centres_in_places(en):
    found = bodies(en, "The Public Service Centres in Hue and Can Tho cut waiting times; provincial Public Service "
                       "Portals followed.")
    assert set(found) == {"Hue Public Service Centre", "Can Tho Public Service Centre", "Provincial Public Service Portals"}


def test_vi_chairman_of_one_body_of_a_class(vi):
    doc = vi("Chủ tịch UBND cấp xã Trần Văn Bình phát biểu.")
    assert [(o["name"], o["title"]) for o in doc._.officials] == \
        [("Trần Văn Bình", "Chairman of a commune-level People's Committee")]


@pytest.mark.parametrize("text, body, person", [
    ("Phó Chánh Thanh tra tỉnh Hà Văn Páo phát biểu.", "Provincial Inspectorate", "Hà Văn Páo"),
    ("Chủ tịch UBND xã Giàng A Lử dự họp.", "Commune People's Committee", "Giàng A Lử"),
    ("Chủ tịch UBND xã Tả Van Hoàng Thị Mai dự họp.", "Ta Van Commune People's Committee", "Hoàng Thị Mai"),
    # a surname the gazetteer does not know ("Vàng"): the middle name still ends the place
    ("Chủ tịch UBND xã Tả Van Vàng Thị Mai dự họp.", "Ta Van Commune People's Committee", None),
])
def test_vi_unknown_place_never_takes_a_person(vi, text, body, person):
    doc = vi(text)
    assert [b["name"] for b in doc._.bodies] == [body]
    if person:
        assert [o["name"] for o in doc._.officials] == [person]


def test_en_class_scopes_with_modifiers_and_classes_of_one_sector(en):
    found = bodies(en, "People's Committees of provinces and centrally-run cities and the Departments of Justice of "
                       "provinces must report to the Provincial Department of Justice.")
    assert set(found) == {"People's Committees of provinces and centrally-run cities",
                          "Departments of Justice of provinces", "Provincial Department of Justice"}


def test_vi_owner_after_a_generic_body_is_case_blind(vi):
    found = bodies(vi, "Tổ công tác của Thủ tướng Chính phủ làm việc với tỉnh.")
    assert set(found) == {"Prime Minister's Working Group"}


def test_vi_open_name_stops_before_thuoc(vi):
    found = bodies(vi, "Trung tâm Công nghệ thông tin và Truyền thông thuộc Sở Thông tin và Truyền thông được thành lập.")
    assert set(found) == {"Trung tâm Công nghệ thông tin và Truyền thông", "Department of Information and Communications"}


def test_local_body_with_more_levels_is_a_class(vi, th):
    assert set(bodies(th, "ดัชนีของคณะกรรมการประชาชนจังหวัดและนครที่ขึ้นตรงต่อส่วนกลางเพิ่มขึ้น")) == \
        {"People's Committees of provinces and cities"}
    assert set(bodies(vi, "UBND tỉnh, thành phố trực thuộc Trung ương phải gửi báo cáo.")) == \
        {"People's Committees of provinces and cities"}
    assert set(bodies(vi, "Chủ tịch UBND tỉnh, Giám đốc Sở Tư pháp cùng dự.")) == \
        {"Provincial People's Committee", "Department of Justice"}


def test_th_state_systems(th):
    assert set(bodies(th, "ข้อมูลจากระบบข้อมูลขั้นตอนการบริหารและฐานข้อมูลประชากรแห่งชาติ")) == \
        {"Administrative Procedure Information System", "National Population Database"}


@pytest.mark.parametrize("text, names", [
    ("The Department of Labour, War Invalids and Social Affairs of Hanoi met.",
     {"Department of Labour, War Invalids and Social Affairs of Hanoi"}),
    ("The Department of Justice, Hanoi and Hue agreed.", {"Department of Justice"}),
    ("The Department of Justice, Nguyen Van An and Le Van Binh agreed.", {"Department of Justice"}),
    ("The Ministry of Finance, the Ministry of Justice and the Government Office met.",
     {"Ministry of Finance", "Ministry of Justice", "Government Office"}),
])
def test_en_title_case_continuation_after_a_comma(en, text, names):
    assert set(bodies(en, text)) == names


def test_en_a_count_after_a_body_is_no_part_of_it(en):
    assert set(bodies(en, "He visited the Department of Justice 12 times and the People's Committee of District 1.")) \
        == {"Department of Justice", "People's Committee of District 1"}


def test_state_web_addresses(en, vi):
    found = bodies(en, "Scores are filed through the system at par.gov.vn. Write to office@moj.gov.vn. The National "
                       "Public Service Portal (dichvucong.gov.vn) and moha.gov.vn published them.")
    assert set(found) == {"par.gov.vn", "National Public Service Portal", "Ministry of Home Affairs"}
    assert found["Ministry of Home Affairs"]["kind"] == "ministry"
    assert set(bodies(vi, "Truy cập Cổng Dịch vụ công quốc gia (dichvucong.gov.vn) để nộp hồ sơ.")) == \
        {"National Public Service Portal"}


def test_vi_sector_body_of_all_provinces_is_a_class(vi):
    assert set(bodies(vi, "Sở Nội vụ các tỉnh, thành phố phải báo cáo trước ngày 20.")) == \
        {"Departments of Home Affairs of provinces and cities"}


def test_lists_stay_in_their_line(vi, th):
    assert set(bodies(vi, "Ảnh: Sở Tư pháp,\nY tế là ngành được đánh giá cao.")) == {"Department of Justice"}
    assert set(bodies(th, "ที่มา: กระทรวงมหาดไทย\nยุติธรรมคือหลักการสำคัญ")) == {"Ministry of Home Affairs"}

"""Officials and bodies in Vietnamese pages: native grammar, English canonical labels."""
from __future__ import annotations

import pytest

import parreform_nlp


@pytest.fixture(scope="module")
def nlp():
    return parreform_nlp.load("vi")


def run(nlp, text):
    doc = nlp(text)
    return {o["name"]: o for o in doc._.officials}, {b["name"]: b for b in doc._.bodies}


def test_prime_minister_title_before_name(nlp):
    officials, bodies = run(nlp, "Thủ tướng Chính phủ Phạm Minh Chính chủ trì hội nghị trực tuyến.")
    rec = officials["Phạm Minh Chính"]
    assert rec["title"] == "Prime Minister"
    assert "Thủ tướng Chính phủ" in rec["titles"]
    assert "Government" in bodies


def test_stacked_titles_after_dash(nlp):
    text = ("Phát biểu kết luận, đồng chí Lê Minh Khang - Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Kiên Giang, "
            "Trưởng Ban Chỉ đạo cải cách hành chính nhà nước tỉnh yêu cầu các sở tăng cường kỷ luật.")
    officials, bodies = run(nlp, text)
    rec = officials["Lê Minh Khang"]
    assert rec["title"] == "Deputy Secretary of the Provincial Party Committee"
    assert rec["titles"][:3] == ["Deputy Secretary of the Provincial Party Committee",
                                 "Chairman of the Kien Giang Provincial People's Committee",
                                 "Head of the Provincial Steering Committee for State Administrative Reform"]
    assert "Phó Bí thư Tỉnh ủy" in rec["titles"]
    assert {"Provincial Party Committee", "Kien Giang Provincial People's Committee",
            "Provincial Steering Committee for State Administrative Reform"} <= set(bodies)


def test_title_with_place_and_name(nlp):
    officials, bodies = run(nlp, "Phó Chủ tịch UBND tỉnh Hà Tĩnh Nguyễn Hồng Lĩnh phát biểu tại hội nghị.")
    assert officials["Nguyễn Hồng Lĩnh"]["title"] == "Vice Chairman of the Ha Tinh Provincial People's Committee"
    assert list(bodies) == ["Ha Tinh Provincial People's Committee"]
    assert bodies["Ha Tinh Provincial People's Committee"]["mentions"][0]["text"] == "UBND tỉnh Hà Tĩnh"


def test_member_of_standing_committee_then_permanent_vice_chairman(nlp):
    officials, _ = run(nlp, "Dự có đồng chí Nguyễn Văn Thắng, Ủy viên Ban Thường vụ Tỉnh ủy, "
                            "Phó Chủ tịch Thường trực UBND tỉnh.")
    assert officials["Nguyễn Văn Thắng"]["titles"][:2] == [
        "Member of the Standing Committee of the Provincial Party Committee",
        "Permanent Vice Chairman of the Provincial People's Committee"]


def test_ministry_and_department_names_in_english(nlp):
    officials, bodies = run(nlp, "Bộ trưởng Bộ Nội vụ Phạm Thị Thanh Trà làm việc với lãnh đạo Sở Tư pháp.")
    assert officials["Phạm Thị Thanh Trà"]["title"] == "Minister of Home Affairs"
    assert {"Ministry of Home Affairs", "Department of Justice"} <= set(bodies)


def test_service_centre_forms_merge(nlp):
    text = ("Sáng nay, nhiều doanh nghiệp làm thủ tục ở Trung tâm Phục vụ Hành chính công tỉnh. Lãnh đạo "
            "Trung tâm Phục vụ hành chính công của tỉnh cho biết số hồ sơ tăng.")
    _, bodies = run(nlp, text)
    rec = bodies["Provincial Public Administration Service Center"]
    assert len(rec["mentions"]) == 2


def test_plural_people_committees(nlp):
    _, bodies = run(nlp, "Sở Nội vụ thẩm định điểm tự đánh giá của UBND các huyện, thành phố, thị xã trong tháng 2.")
    assert "People's Committees of districts, cities and towns" in bodies


def test_byline_and_credits_are_not_officials(nlp):
    officials, _ = run(nlp, "Quỳnh Mai 16:34, 31/03/2023\nẢnh: Nguyễn Văn Bình\nTổng biên tập: Lê Văn Cường\n")
    assert officials == {}


def test_mentions_index_the_text(nlp):
    text = "Cùng chủ trì có Chủ tịch UBND tỉnh Hồ Văn Niên và đồng chí Lê Thị Hương - Phó Chủ tịch UBND tỉnh."
    doc = nlp(text)
    assert {o["name"] for o in doc._.officials} == {"Hồ Văn Niên", "Lê Thị Hương"}
    for rec in doc._.officials + doc._.bodies:
        for m in rec["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]


def test_group_head_and_owner(nlp):
    officials, bodies = run(nlp, "Phó Thủ tướng Trần Lưu Quang, Tổ trưởng Tổ công tác cải cách TTHC của Thủ tướng "
                                 "Chính phủ chủ trì cuộc họp.")
    assert officials["Trần Lưu Quang"]["title"] == "Deputy Prime Minister"
    assert "Prime Minister's Administrative Procedure Reform Working Group" in bodies


def test_department_with_province_and_city_committee(nlp):
    officials, bodies = run(nlp, "Theo ông Nguyễn Văn Hùng, Giám đốc Sở Thông tin và Truyền thông tỉnh Bình Định, "
                                 "Chủ tịch UBND TP Hà Nội Trần Sỹ Thanh đồng ý.")
    assert officials["Nguyễn Văn Hùng"]["title"] == \
        "Director of the Binh Dinh Department of Information and Communications"
    assert officials["Trần Sỹ Thanh"]["title"] == "Chairman of the Ha Noi City People's Committee"


def test_bodies_outside_the_gazetteer_keep_their_vietnamese_name(nlp):
    officials, bodies = run(nlp, "Giám đốc Trung tâm Công nghệ thông tin và Truyền thông tỉnh Lê Văn Bình cho biết "
                                 "Viện Nghiên cứu lập pháp đã góp ý. Ban hành Quyết định mới.")
    assert {"Trung tâm Công nghệ thông tin và Truyền thông tỉnh", "Viện Nghiên cứu lập pháp"} == set(bodies)
    assert officials["Lê Văn Bình"]["titles"][1] == "Giám đốc Trung tâm Công nghệ thông tin và Truyền thông tỉnh"


def test_open_body_stops_before_a_person_and_swallows_nested_bodies(nlp):
    officials, bodies = run(nlp, "Trưởng Ban Tuyên giáo Tỉnh ủy Nguyễn Văn An phát biểu.")
    assert set(bodies) == {"Ban Tuyên giáo Tỉnh ủy"}
    assert set(officials) == {"Nguyễn Văn An"}


def test_military_rank_and_academic_honorific(nlp):
    officials, _ = run(nlp, "Đại tướng Lương Tam Quang, Bộ trưởng Bộ Công an phát biểu. "
                            "Tiến sĩ Nguyễn Văn Bình, Giám đốc Sở Tư pháp cho biết.")
    assert officials["Lương Tam Quang"]["title"] == "Minister of Public Security"
    assert "General" in officials["Lương Tam Quang"]["titles"]
    assert officials["Nguyễn Văn Bình"]["title"] == "Director of the Department of Justice"


def test_acting_chairman_and_office_chief_take_their_body(nlp):
    officials, bodies = run(nlp, "Tiếp đoàn có đồng chí Hoàng Minh Sơn, Phó Bí thư Tỉnh ủy, Quyền Chủ tịch UBND tỉnh Tây Ninh "
                                 "và ông Đặng Quốc Toàn, Chánh Văn phòng UBND tỉnh. Bà Vi Thị Hạnh, Chánh Thanh tra tỉnh dự.")
    assert officials["Hoàng Minh Sơn"]["titles"][:2] == [
        "Deputy Secretary of the Provincial Party Committee", "Acting Chairman of the Tay Ninh Provincial People's Committee"]
    assert officials["Đặng Quốc Toàn"]["title"] == "Chief of the Office of the Provincial People's Committee"
    assert officials["Vi Thị Hạnh"]["title"].startswith("Chief Inspector")
    assert "Office of the Provincial People's Committee" in bodies


def test_department_takes_a_bare_province_name(nlp):
    officials, bodies = run(nlp, "Giám đốc Sở Tài chính Long An Trương Văn Nọ cho biết Sở Nội vụ đã thẩm định.")
    assert officials["Trương Văn Nọ"]["title"] == "Director of the Long An Department of Finance"
    assert {"Long An Department of Finance", "Department of Home Affairs"} == set(bodies)


def test_party_committee_member_opens_a_title_chain(nlp):
    officials, _ = run(nlp, "Đồng chí Phan Thanh Bình, Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh chủ trì hội nghị.")
    assert officials["Phan Thanh Bình"]["titles"][:2] == [
        "Member of the Provincial Party Committee", "Vice Chairman of the Provincial People's Committee"]
    assert officials["Phan Thanh Bình"]["title"] == "Vice Chairman of the Provincial People's Committee"


def test_level_word_inside_the_place_and_deputy_director_in_charge(nlp):
    officials, bodies = run(nlp, "Chủ tịch UBND TP.HCM Lê Hòa Bình phát biểu. Bà Ngô Thị Mai, Phó Giám đốc phụ trách "
                                 "Sở Tài chính, cho biết UBND TP đã giao chỉ tiêu.")
    assert officials["Lê Hòa Bình"]["title"] == "Chairman of the Ho Chi Minh City People's Committee"
    assert officials["Ngô Thị Mai"]["title"] == "Deputy Director in charge of the Department of Finance"
    assert "Ho Chi Minh City People's Committee" in bodies


def test_unknown_district_or_commune_name_before_the_person(nlp):
    officials, _ = run(nlp, "Phó Chủ tịch UBND huyện Krông Pắc Trần Văn Hòa và Chủ tịch UBND xã Hòa Xuân Đặng Thị Nga dự. "
                            "Chủ tịch UBND huyện Lý Văn Sáu phát biểu.")
    assert set(officials) == {"Trần Văn Hòa", "Đặng Thị Nga", "Lý Văn Sáu"}
    # issue 11: the body keeps the district the gazetteer does not know
    assert officials["Trần Văn Hòa"]["title"] == "Vice Chairman of the Krong Pac District People's Committee"
    assert "Phó Chủ tịch UBND huyện Krông Pắc" in officials["Trần Văn Hòa"]["titles"]


def test_titles_stacked_before_the_name_and_permanent_deputy_secretary(nlp):
    officials, bodies = run(nlp, "Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Hồ Quang Vinh chủ trì. Phó Bí thư Thường trực "
                                 "Tỉnh ủy, Chủ tịch HĐND tỉnh Đinh Văn Tư phát biểu.")
    assert officials["Hồ Quang Vinh"]["titles"][:2] == ["Member of the Party Central Committee",
                                                       "Secretary of the Provincial Party Committee"]
    assert officials["Hồ Quang Vinh"]["title"] == "Secretary of the Provincial Party Committee"
    assert officials["Đinh Văn Tư"]["titles"][:2] == ["Permanent Deputy Secretary of the Provincial Party Committee",
                                                     "Chairman of the Provincial People's Council"]
    assert "Standing Committee of the Provincial Party Committee" not in bodies


def test_title_in_parentheses_after_the_name(nlp):
    officials, _ = run(nlp, "Hội nghị có sự tham dự của ông Đào Văn Khánh (Giám đốc Sở Nội vụ) và nhiều đại biểu.")
    assert officials["Đào Văn Khánh"]["title"] == "Director of the Department of Home Affairs"


def test_titles_stacked_after_a_name_that_follows_a_title(nlp):
    officials, _ = run(nlp, "Phó Thủ tướng Lê Thành Long, Trưởng Ban Chỉ đạo cải cách hành chính của Chính phủ phát biểu.")
    assert officials["Lê Thành Long"]["titles"][:2] == [
        "Deputy Prime Minister", "Head of the Government Steering Committee for Administrative Reform"]


def test_office_of_a_known_body_and_provincial_tax_department(nlp):
    officials, bodies = run(nlp, "Đại diện Văn phòng Tỉnh ủy và Cục Thuế tỉnh dự. Chánh Văn phòng Bộ Y tế Đỗ Văn Hải phát biểu.")
    assert {"Office of the Provincial Party Committee", "Cục Thuế tỉnh", "Office of the Ministry of Health"} == set(bodies)
    assert officials["Đỗ Văn Hải"]["title"] == "Chief of the Office of the Ministry of Health"


def test_permanent_deputy_minister_and_deputy_chief_inspector_before_the_name(nlp):
    officials, _ = run(nlp, "Thứ trưởng Thường trực Bộ Tư pháp Mai Lương Khôi dự. Phó Chánh Thanh tra tỉnh Lù Văn Páo phát biểu.")
    assert officials["Mai Lương Khôi"]["title"] == "Permanent Deputy Minister of Justice"
    assert officials["Lù Văn Páo"]["title"] == "Deputy Chief Inspector of the Provincial Inspectorate"


def test_unknown_place_after_a_district_party_committee(nlp):
    officials, _ = run(nlp, "Bí thư Huyện ủy Tam Đường Lò Văn Phương phát biểu. Bí thư Huyện ủy Lê Văn Chư dự.")
    assert set(officials) == {"Lò Văn Phương", "Lê Văn Chư"}
    assert officials["Lò Văn Phương"]["title"] == "Secretary of the District Party Committee"


def test_one_letter_syllable_inside_a_name(nlp):
    officials, _ = run(nlp, "Phó Chủ tịch UBND tỉnh Sùng A Hồ dự. Ông Nguyễn Văn B, Giám đốc Sở Y tế phát biểu.")
    assert set(officials) == {"Sùng A Hồ", "Nguyễn Văn B"}

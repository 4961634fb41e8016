"""Officials in English pages: title grammar, name grammar, merging, bylines and footers."""
from __future__ import annotations

import pytest

import parreform_nlp

from .conftest import read_seed


@pytest.fixture(scope="module")
def nlp():
    return parreform_nlp.load("en")


def officials(nlp, text):
    doc = nlp(text)
    return {o["name"]: o for o in doc._.officials}


def test_title_before_name(nlp):
    found = officials(nlp, "On the morning of May 8, Deputy Prime Minister Tran Luu Quang chaired a meeting.")
    assert found["Tran Luu Quang"]["title"] == "Deputy Prime Minister"


def test_title_with_body_before_name(nlp):
    found = officials(nlp, "Chairman of the Provincial People's Committee Vo Trong Hai and Permanent Vice Chairman "
                           "of the Provincial People's Committee Nguyen Hong Linh chaired the conference.")
    assert found["Vo Trong Hai"]["title"] == "Chairman of the Provincial People's Committee"
    assert found["Nguyen Hong Linh"]["title"] == "Permanent Vice Chairman of the Provincial People's Committee"
    assert found["Vo Trong Hai"]["organization"] == "Provincial People's Committee"


def test_stacked_titles_after_name(nlp):
    found = officials(nlp, "Comrade Pham Minh Chinh, Politburo member, Prime Minister, Head of the Government's "
                           "Steering Committee for Administrative Reform (PAR) chaired the meeting.")
    rec = found["Pham Minh Chinh"]
    assert rec["titles"] == ["Politburo member", "Prime Minister",
                             "Head of the Government's Steering Committee for Administrative Reform"]


def test_apposition_list_of_comrades(nlp):
    text = ("Attending were comrades: Nguyen Khac Than, Deputy Secretary of the Provincial Party Committee, "
            "Chairman of the Provincial People's Committee; Vu Kim Cu, Member of the Provincial Standing Committee, "
            "Director of the Department of Planning and Investment; representatives of departments.")
    found = officials(nlp, text)
    assert set(found) == {"Nguyen Khac Than", "Vu Kim Cu"}
    assert found["Vu Kim Cu"]["titles"] == ["Member of the Provincial Standing Committee",
                                            "Director of the Department of Planning and Investment"]


def test_name_before_title_with_dash(nlp):
    found = officials(nlp, "Chairman of the Provincial People's Committee Vo Trong Hai - Head of the Provincial "
                           "Administrative Reform Steering Committee spoke.")
    assert found["Vo Trong Hai"]["titles"][1] == "Head of the Provincial Administrative Reform Steering Committee"


def test_mr_with_title_after(nlp):
    found = officials(nlp, "As reported by Mr. Dinh Quoc Bao, Director of the Authority of Radio Frequency "
                           "Management, which belongs to the Ministry of Science and Technology, the tests went well.")
    rec = found["Dinh Quoc Bao"]
    assert rec["title"] == "Director of the Authority of Radio Frequency Management"
    assert rec["organization"] == "Authority of Radio Frequency Management"


def test_ms_with_minister_title_and_name_not_in_any_list(nlp):
    found = officials(nlp, "Minister of Home Affairs Pham Thi Thanh Tra said the reform would go on.")
    assert found["Pham Thi Thanh Tra"]["title"] == "Minister of Home Affairs"


def test_foreign_official(nlp):
    found = officials(nlp, "UNDP Resident Representative Ramla Khalidi praised the PAPI survey.")
    assert found["Ramla Khalidi"]["title"] == "UNDP Resident Representative"


def test_mentions_merge_into_one_record(nlp):
    text = ("Comrade Pham Minh Chinh opened the meeting. In his concluding remarks, Prime Minister Pham Minh Chinh "
            "asked ministries to act.")
    doc = nlp(text)
    assert len(doc._.officials) == 1
    rec = doc._.officials[0]
    assert rec["name"] == "Pham Minh Chinh" and rec["title"] == "Prime Minister"
    assert len(rec["mentions"]) == 2
    for m in rec["mentions"]:
        assert text[m["start"]:m["end"]] == m["text"] == "Pham Minh Chinh"


def test_byline_is_not_an_official(nlp):
    found = officials(nlp, "Deputy Prime Minister Tran Luu Quang spoke.\n\nDao Quyen\nSource\nComment (0)\n")
    assert set(found) == {"Tran Luu Quang"}


def test_footer_editor_is_not_an_official(nlp):
    text = ("Duong Chau Thanh\n\nAddress: 19 Nguyen Gia Thieu, District 3\n"
            "Editorial Director: Mr. Bui Tuong Vu - Tel. 028 3935 2079\n")
    assert officials(nlp, text) == {}


def test_latest_news_block_is_not_read(nlp):
    text = "The meeting ended.\n\nLatest News\nDeputy Prime Minister Tran Hong Ha visits Lao Cai\n"
    assert officials(nlp, text) == {}


def test_question_asker_is_not_an_official(nlp):
    assert officials(nlp, "How will the tasks be implemented? – Duc Dung (Hanoi)") == {}


def test_headline_words_are_not_a_name(nlp):
    assert officials(nlp, "Prime Minister Chairs Government Meeting On Digital Transformation\n") == {}


def test_title_without_name_is_not_an_official(nlp):
    assert officials(nlp, "The Chairman of the Provincial People's Committee emphasized the role of reform.") == {}


def test_seed_pages(nlp):
    found = officials(nlp, read_seed("seed-001"))
    assert set(found) == {"Vo Trong Hai", "Nguyen Hong Linh", "Le Ngoc Chau", "Le Minh Dao", "Dau Tung Lam"}
    assert found["Le Minh Dao"]["title"] == "Director of the Department of Home Affairs"
    assert "Phuc Quang" not in found
    assert officials(nlp, read_seed("seed-003")) == {}
    found = officials(nlp, read_seed("seed-002"))
    assert set(found) == {"Tran Luu Quang", "Nguyen Minh Hung"}


def test_deterministic(nlp):
    text = read_seed("seed-000")
    assert nlp(text)._.officials == nlp(text)._.officials


def test_foreign_official_with_place_after_title(nlp):
    found = officials(nlp, "UNDP Resident Representative in Viet Nam Ramla Khalidi said UNDP would help.")
    assert found["Ramla Khalidi"]["title"] == "UNDP Resident Representative in Viet Nam"
    assert found["Ramla Khalidi"]["organization"] == "United Nations Development Programme"


def test_military_rank_yields_main_title_to_office(nlp):
    found = officials(nlp, "Project 06 is key, said Lieutenant General Nguyen Van Long, Deputy Minister of Public Security.")
    rec = found["Nguyen Van Long"]
    assert rec["title"] == "Deputy Minister of Public Security"
    assert rec["titles"] == ["Lieutenant General", "Deputy Minister of Public Security"]


def test_name_with_middle_initial(nlp):
    found = officials(nlp, "World Bank Country Director for Viet Nam Mariam J. Sherman said the survey helps.")
    assert found["Mariam J. Sherman"]["title"] == "World Bank Country Director for Viet Nam"


def test_titles_joined_by_and_before_name(nlp):
    found = officials(nlp, "Secretary of the Provincial Party Committee and Chairman of the Provincial People's "
                           "Council Hoang Van Nghiem attended.")
    rec = found["Hoang Van Nghiem"]
    assert rec["title"] == "Chairman of the Provincial People's Council"
    assert "Secretary of the Provincial Party Committee" in rec["titles"]


def test_abbreviated_title_is_spelled_out(nlp):
    found = officials(nlp, "Deputy PM Tran Hong Ha asked ministries to act at 3 pm.")
    assert found["Tran Hong Ha"]["title"] == "Deputy Prime Minister"


def test_ambassador_to_country(nlp):
    found = officials(nlp, "Vietnamese Ambassador to Japan Pham Quang Hieu met investors.")
    assert found["Pham Quang Hieu"]["title"] == "Ambassador to Japan"


def test_title_complement_starting_inside_a_body(nlp):
    found = officials(nlp, "Mr. Le Van Hung, Chief of Office of the Provincial People's Committee, spoke.")
    assert found["Le Van Hung"]["title"] == "Chief of Office of the Provincial People's Committee"


def test_apposition_with_article_and_given_name_an(nlp):
    found = officials(nlp, "Nguyen Van An, the Director of the Department of Justice, said the plan works.")
    assert found["Nguyen Van An"]["title"] == "Director of the Department of Justice"


def test_to_disk_from_disk_round_trip(nlp, tmp_path):
    comp = nlp.get_pipe("parreform_officials")
    comp.to_disk(tmp_path)
    again = type(comp)(nlp).from_disk(tmp_path)
    assert again.rules == comp.rules
    doc = nlp("Deputy Prime Minister Tran Luu Quang spoke.")
    assert again(doc)._.officials[0]["name"] == "Tran Luu Quang"


def test_plural_title_before_several_names(nlp):
    found = officials(nlp, "Vice Chairmen of the Provincial People's Committee Nguyen Van An, Tran Van Binh and "
                           "Le Thi Cuc attended with Deputy Prime Ministers Tran Hong Ha and Le Thanh Long.")
    assert set(found) == {"Nguyen Van An", "Tran Van Binh", "Le Thi Cuc", "Tran Hong Ha", "Le Thanh Long"}
    assert found["Le Thi Cuc"]["title"] == "Vice Chairman of the Provincial People's Committee"
    assert found["Le Thanh Long"]["title"] == "Deputy Prime Minister"


def test_seed_000_comrades_and_prime_minister(nlp):
    found = officials(nlp, read_seed("seed-000"))
    assert set(found) == {"Pham Minh Chinh", "Nguyen Khac Than", "Vu Kim Cu", "Lai Van Hoan"}
    assert found["Pham Minh Chinh"]["title"] == "Prime Minister"
    assert len(found["Pham Minh Chinh"]["mentions"]) == 2
    assert found["Lai Van Hoan"]["titles"] == [
        "Member of the Provincial Party Committee", "Vice Chairman of the Provincial People's Committee",
        "Deputy Head of the Provincial Steering Committee for Administrative Reform"]
    assert "Dao Quyen" not in found


def test_ms_with_title_after_and_ambassador_of_country_to_country(nlp):
    found = officials(nlp, "Ms. Tran Thi Mai, Deputy Director of the Department of Justice, met Ambassador of Japan "
                           "to Vietnam Ito Naoki.")
    assert found["Tran Thi Mai"]["title"] == "Deputy Director of the Department of Justice"
    assert found["Ito Naoki"]["title"] == "Ambassador of Japan to Vietnam"


def test_business_titles_are_not_public_offices(nlp):
    found = officials(nlp, "Chairman of Vingroup Pham Nhat Vuong announced new investment, and Director of Hanoi's "
                           "Department of Home Affairs Tran Dinh Canh said the General Department of Customs agreed.")
    assert set(found) == {"Tran Dinh Canh"}
    assert found["Tran Dinh Canh"]["title"] == "Director of Hanoi's Department of Home Affairs"


def test_historical_leader_is_not_an_official_of_the_page(nlp):
    found = officials(nlp, "Students learn President Ho Chi Minh's teachings. President Luong Cuong attended.")
    assert set(found) == {"Luong Cuong"}


def test_reported_by_in_running_text_is_no_credit(nlp):
    # "reported by" inside a sentence is no byline; "Reported by ..." opening a line is
    found = officials(nlp, "As reported by Ms. Truong Thi Kim Oanh, Deputy Director of the Department of Justice, "
                           "the backlog fell.\nReported by Phan Quoc Viet\n")
    assert set(found) == {"Truong Thi Kim Oanh"}


def test_title_through_a_generic_possessive_owner(nlp):
    found = officials(nlp, "Mr. Vuong Dinh Khoa, Deputy Director of the province's Department of Construction, "
                           "visited the site.")
    rec = found["Vuong Dinh Khoa"]
    assert rec["title"] == "Deputy Director of the province's Department of Construction"
    assert rec["organization"] == "Department of Construction"


def test_organization_implied_by_the_title(nlp):
    text = ("Minister of Home Affairs Do Thanh Binh and Deputy Minister of Justice Mai Luong Khoi met "
            "Deputy Prime Minister Ho Duc Phoc.")
    found = officials(nlp, text)
    assert found["Do Thanh Binh"]["organization"] == "Ministry of Home Affairs"
    assert found["Mai Luong Khoi"]["organization"] == "Ministry of Justice"
    assert found["Ho Duc Phoc"]["organization"] == "Government"


def test_implied_organization_takes_the_pages_name_and_main_title(nlp):
    text = ("The Ministry of Finance hosted the talks. Politburo member, Minister of Finance Nguyen Van Thang "
            "opened them.")
    rec = officials(nlp, text)["Nguyen Van Thang"]
    assert rec["title"] == "Minister of Finance" and rec["organization"] == "Ministry of Finance"


def test_who_is_also_links_a_name_to_a_title(nlp):
    found = officials(nlp, "Hoang Minh Son, who is also Chairman of the Provincial People's Council, said the plan "
                           "was approved.")
    assert found["Hoang Minh Son"]["title"] == "Chairman of the Provincial People's Council"


def test_bare_mr_given_name_refers_back(nlp):
    text = ("Vice Chairman of the Provincial People's Committee Dang Quoc Vinh opened the centre. "
            "Mr. Vinh asked communes to go online. Ms. Vinh from the audience also spoke.")
    doc = nlp(text)
    assert [o["name"] for o in doc._.officials] == ["Dang Quoc Vinh"]
    texts = [m["text"] for m in doc._.officials[0]["mentions"]]
    assert texts == ["Dang Quoc Vinh", "Vinh", "Vinh"]
    for m in doc._.officials[0]["mentions"]:
        assert text[m["start"]:m["end"]] == m["text"]


def test_back_reference_is_skipped_when_ambiguous(nlp):
    text = ("Director of the Department of Justice Tran Van Hai and Chairman of the City People's Committee "
            "Le Quoc Hai spoke. Mr. Hai then left.")
    found = officials(nlp, text)
    assert all(len(o["mentions"]) == 1 for o in found.values())


def test_titles_stack_over_and_after_the_name(nlp):
    found = officials(nlp, "Le Quang Tung, Politburo member and Chairman of the Central Inspection Commission, spoke. "
                           "Vice Chairman of the Provincial People's Committee Ha Van Loc, and representatives of "
                           "the Asian Development Bank attended.")
    rec = found["Le Quang Tung"]
    assert rec["titles"] == ["Politburo member", "Chairman of the Central Inspection Commission"]
    assert rec["title"] == "Chairman of the Central Inspection Commission"
    assert found["Ha Van Loc"]["titles"] == ["Vice Chairman of the Provincial People's Committee"]


def test_title_before_a_name_does_not_take_a_following_and_title(nlp):
    found = officials(nlp, "Prime Minister Pham Minh Chinh and the Chairman of the National Assembly attended.")
    assert found["Pham Minh Chinh"]["titles"] == ["Prime Minister"]


def test_body_complement_never_ends_on_and(nlp):
    found = officials(nlp, "Ly Thi Hoa, Director of the Department of Finance and Deputy Director Mac Van Son met.")
    assert found["Ly Thi Hoa"]["title"] == "Director of the Department of Finance"
    assert found["Mac Van Son"]["title"] == "Deputy Director"


def test_lowercase_former_rank(nlp):
    found = officials(nlp, "Dr. Vo Tri Thanh, former Vice President of the Central Institute for Economic Management, "
                           "commented on the index.")
    assert found["Vo Tri Thanh"]["title"] == "former Vice President of the Central Institute for Economic Management"


def test_nationality_between_name_and_title(nlp):
    found = officials(nlp, "Mr. Lars Petersen, Danish Ambassador to Vietnam, opened the workshop.")
    assert found["Lars Petersen"]["title"] == "Ambassador to Vietnam"


def test_title_runs_on_to_the_superior_body(nlp):
    found = officials(nlp, "Deputy Director of the Administrative Procedures Control Agency under the Government "
                           "Office Dong Van Thanh presented the report.")
    rec = found["Dong Van Thanh"]
    assert rec["title"] == ("Deputy Director of the Administrative Procedures Control Agency under the "
                            "Government Office")


def test_short_title_with_given_name_refers_back(nlp):
    text = ("Minister Son will speak later. Deputy Prime Minister Bui Thanh Son opened the forum. Deputy PM Son "
            "then asked ministries to report.")
    doc = nlp(text)
    assert [o["name"] for o in doc._.officials] == ["Bui Thanh Son"]
    # only after the full name: "Minister Son" before it is not attached
    assert [m["text"] for m in doc._.officials[0]["mentions"]] == ["Bui Thanh Son", "Son"]
    assert doc._.officials[0]["mentions"][1]["start"] > text.index("Bui Thanh Son")


def test_national_assembly_chairman_implies_the_assembly(nlp):
    found = officials(nlp, "NA Chairman Tran Thanh Man met voters.")
    assert found["Tran Thanh Man"]["organization"] == "National Assembly"


def test_sector_complement_before_a_foreign_name(nlp):
    found = officials(nlp, "Minister of Justice Khamsouay Phetsavanh of Laos met the delegation.")
    assert found["Khamsouay Phetsavanh"]["title"] == "Minister of Justice"


def test_day_and_month_names_are_no_person_name(nlp):
    assert officials(nlp, "The Chairman of the City People's Council Tuesday March 4 opened the session.") == {}


def test_name_in_commas_after_a_title(nlp):
    found = officials(nlp, "The Director of the Department of Construction, Ms. Ly Thi Mai, said the rules changed. "
                           "Nguyen Van An, Chairman of the Provincial People's Council, Tran Van Binh, Director of the "
                           "Department of Justice, and others attended.")
    assert found["Ly Thi Mai"]["title"] == "Director of the Department of Construction"
    assert found["Nguyen Van An"]["title"] == "Chairman of the Provincial People's Council"
    assert found["Tran Van Binh"]["title"] == "Director of the Department of Justice"


def test_headline_words_after_a_vietnamese_name_are_cut(nlp):
    found = officials(nlp, "Deputy PM Ho Duc Phoc Works With Department Of Finance On Budget\n")
    assert list(found) == ["Ho Duc Phoc"]


@pytest.mark.parametrize("heading", [">> RELATED NEWS <<", "» Read more", "You may also like:", "MOST VIEWED",
                                     "Related posts", "Other news"])
def test_reading_list_headings_with_decoration(nlp, heading):
    text = ("Vice Chairman of the Provincial People's Committee Lo Van Hoa opened the new one-stop centre today.\n\n"
            f"{heading}\nDeputy Prime Minister Tran Hong Ha visits Lao Cai\nMinister Do Thanh Binh meets voters\n")
    assert list(officials(nlp, text)) == ["Lo Van Hoa"]


def test_bracketed_acronym_or_title(nlp):
    found = officials(nlp, "Director of the Department of Justice (DOJ) Cao Minh Tri opened the session. "
                           "Lam Thi Hue (Chairwoman of the District People's Council) closed it.")
    assert found["Cao Minh Tri"]["title"] == "Director of the Department of Justice"
    assert found["Lam Thi Hue"]["title"] == "Chairwoman of the District People's Council"


def test_foreign_officials_with_place_complements(nlp):
    text = ("UNICEF Representative in Viet Nam Silvia Danailov met the delegation. ADB Country Director for Viet Nam "
            "Shantanu Chakraborty and EU Ambassador to Vietnam Julien Guerrier also spoke, as did Korean Ambassador "
            "Choi Young-sam.")
    found = officials(nlp, text)
    assert found["Silvia Danailov"]["title"] == "UNICEF Representative in Viet Nam"
    assert found["Shantanu Chakraborty"]["title"] == "ADB Country Director for Viet Nam"
    assert found["Shantanu Chakraborty"]["organization"] == "Asian Development Bank"
    assert found["Julien Guerrier"]["title"] == "EU Ambassador to Vietnam"


def test_hyphenated_given_names_and_countries_with_of(nlp):
    found = officials(nlp, "Korean Ambassador Kim Jae-won spoke. Lee Sun-hee, Ambassador of the Republic of Korea, "
                           "met voters. Deputy Prime Minister Le Thanh Long met e-government experts.")
    assert set(found) == {"Kim Jae-won", "Lee Sun-hee", "Le Thanh Long"}
    assert found["Lee Sun-hee"]["title"] == "Ambassador of the Republic of Korea"


def test_hyphenated_double_role(nlp):
    found = officials(nlp, "Minister-Chairman of the Committee for Ethnic Minority Affairs Hau A Lenh spoke, and "
                           "Dinh Thi Thu, Deputy Minister-Vice Chairwoman of the Committee for Ethnic Minority Affairs, "
                           "closed the session.")
    assert found["Hau A Lenh"]["title"] == "Minister-Chairman of the Committee for Ethnic Minority Affairs"
    assert found["Hau A Lenh"]["organization"] == "Committee for Ethnic Minority Affairs"
    assert found["Dinh Thi Thu"]["title"] == ("Deputy Minister-Vice Chairwoman of the Committee for Ethnic "
                                              "Minority Affairs")


def test_party_secretary_implies_the_party_committee(nlp):
    found = officials(nlp, "Lang Son Party Secretary Hoang Van Nghiem met voters.")
    assert found["Hoang Van Nghiem"]["organization"] == "Lang Son Party Committee"


def test_company_titles_are_not_officials_but_the_state_bank_is(nlp):
    text = ("Vinamilk Deputy Chairman Le Thanh Hai and Hoa Phat Group Chairman Tran Dinh Long met "
            "State Bank Governor Nguyen Thi Hong, who spoke on simpler procedures.")
    found = officials(nlp, text)
    assert set(found) == {"Nguyen Thi Hong"}
    assert found["Nguyen Thi Hong"]["title"] == "State Bank Governor"
    assert "Nguyen Van Nam" in officials(nlp, "Party Group Secretary Nguyen Van Nam spoke on the merger.")


def test_short_title_before_the_full_name_refers_forward_to_the_only_such_person(nlp):
    text = ("Minister Dung opened the session on one-stop shops. Later, Minister of Justice Le Tien Dung "
            "presented the report.")
    found = officials(nlp, text)
    assert [m["text"] for m in found["Le Tien Dung"]["mentions"]] == ["Dung", "Le Tien Dung"]
    ambiguous = officials(nlp, "Minister Dung opened the session. Minister of Justice Le Tien Dung and "
                               "Deputy Minister of Finance Vo Van Dung presented the report.")
    assert [m["text"] for m in ambiguous["Le Tien Dung"]["mentions"]] == ["Le Tien Dung"]
    assert [m["text"] for m in ambiguous["Vo Van Dung"]["mentions"]] == ["Vo Van Dung"]


def test_asker_of_a_qa_page_is_not_an_official(nlp):
    text = ("Reader Dinh Van Toan, an officer of the Department of Finance in Ca Mau, asks: may I move to a commune?\n"
            "Mr. Ly Quoc Hung, Vice Chairman of the Commune People's Committee, asked: when is the bonus paid?\n"
            "Answer: Deputy Minister of Home Affairs Truong Hai Long said the decree settles both cases.")
    assert set(officials(nlp, text)) == {"Truong Hai Long"}

"""Bodies and places in English pages: the head-noun grammar, back-references, footers."""
from __future__ import annotations

import pytest

import parreform_nlp
from parreform_nlp.components.bodies_merge import body_key

from .conftest import read_seed


@pytest.fixture(scope="module")
def nlp():
    return parreform_nlp.load("en")


def bodies(nlp, text):
    doc = nlp(text)
    return {b["name"]: b for b in doc._.bodies}


def test_ministry_department_and_committee_with_complements(nlp):
    found = bodies(nlp, "Officials from the Ministry of Home Affairs joined the Department of Planning and Investment "
                        "at a session of the Provincial People's Committee.")
    assert {"Ministry of Home Affairs", "Department of Planning and Investment",
            "Provincial People's Committee"} <= set(found)
    assert found["Ministry of Home Affairs"]["kind"] == "ministry"


def test_name_after_body_is_not_part_of_it(nlp):
    found = bodies(nlp, "Director of the Department of Home Affairs Le Minh Dao reported on the results.")
    assert set(found) == {"Department of Home Affairs"}


def test_generic_back_reference_attaches_to_full_body(nlp):
    text = ("Prime Minister Pham Minh Chinh, Head of the Government's Steering Committee for Administrative Reform, "
            "chaired the seventh meeting of the Steering Committee on evaluating the results.")
    found = bodies(nlp, text)
    sc = found["Government's Steering Committee for Administrative Reform"]
    assert [m["text"] for m in sc["mentions"]] == ["Government's Steering Committee for Administrative Reform",
                                                   "Steering Committee"]
    assert "Steering Committee" not in found


def test_generic_body_alone_stands(nlp):
    found = bodies(nlp, "Tasks were reviewed by the Steering Committee and the Working Group.")
    assert {"Steering Committee", "Working Group"} <= set(found)


def test_short_form_merges_with_place_qualified_form(nlp):
    text = ("Chairman of Ha Tinh Provincial People's Committee Vo Trong Hai spoke. "
            "The Provincial People's Committee has directed the review.")
    found = bodies(nlp, text)
    assert list(found) == ["Ha Tinh Provincial People's Committee"]
    assert len(found["Ha Tinh Provincial People's Committee"]["mentions"]) == 2


def test_acronym_in_brackets_attaches(nlp):
    text = ("Results were released yesterday, from the Central Institute for Economic Management (CIEM) in Hanoi. "
            "Next year CIEM plans a larger survey.")
    found = bodies(nlp, text)
    ciem = found["Central Institute for Economic Management"]
    assert [m["text"] for m in ciem["mentions"]].count("CIEM") == 2


def test_ministry_list_after_colon(nlp):
    found = bodies(nlp, "a meeting with 3 Ministries: National Defense, Foreign Affairs, Information and "
                        "Communications and 8 localities.")
    assert {"Ministry of National Defense", "Ministry of Foreign Affairs",
            "Ministry of Information and Communications"} <= set(found)


def test_topic_complement_only_for_ad_hoc_bodies(nlp):
    found = bodies(nlp, "The Prime Minister set up a Task Force on administrative procedure reform (TTHC). "
                        "Plan 136 of the City People's Committee on state administrative reform.")
    assert "Task Force on administrative procedure reform" in found
    assert "City People's Committee" in found


def test_plural_and_lowercase_classes_are_not_bodies(nlp):
    # issue 11: the People's Committees of a level are a body (a class named with its scope);
    # lower-case plurals and a bare "the office" are not
    found = bodies(nlp, "departments, branches and People's Committees of districts and the office.")
    assert set(found) == {"People's Committees of districts"}
    assert bodies(nlp, "departments, branches and agencies and the office.") == {}


def test_e_government_is_not_the_government(nlp):
    assert bodies(nlp, "building e-Government and digital Government.") == {}


def test_lowercase_national_portal(nlp):
    found = bodies(nlp, "citizens can now file records through the national public service portal at any hour.")
    assert "national public service portal" in found


def test_spelling_variants_share_a_key():
    assert body_key("Ministry of Information and Communication") == body_key("Ministry of Information and Communications")
    assert body_key("Prime Minister's Working Group") == body_key("Government's Working Group")


def test_footer_company_is_not_a_body(nlp):
    text = "The City People's Council met.\n\nParent company: THU VIEN PHAP LUAT Ltd.\nEditorial Director: Mr. Bui Tuong Vu\n"
    assert set(bodies(nlp, text)) == {"City People's Council"}


def test_related_news_block_is_ignored(nlp):
    text = "The Ministry of Finance met.\n\nLatest News\nMinistry of Justice opens a portal\n"
    assert set(bodies(nlp, text)) == {"Ministry of Finance"}


def test_places_from_gazetteer_and_levels(nlp):
    doc = nlp("Hanoi, Ho Chi Minh City and Quang Ninh led. Photo: Connection point in Ky Anh district.")
    names = {p["name"] for p in doc._.places}
    assert {"Ho Chi Minh City", "Quang Ninh", "Ky Anh district"} <= names
    assert any(p["name"] in ("Hanoi", "Ha Noi") for p in doc._.places)


def test_seed_000_bodies(nlp):
    found = bodies(nlp, read_seed("seed-000"))
    assert {"Politburo", "Government", "Provincial Party Committee", "Provincial People's Committee",
            "Provincial Standing Committee", "Department of Planning and Investment",
            "National Public Service Portal", "Task Force on administrative procedure reform"} <= set(found)


def test_mentions_index_the_text(nlp):
    doc = nlp(read_seed("seed-001"))
    for b in doc._.bodies + doc._.places:
        for m in b["mentions"]:
            assert doc.text[m["start"]:m["end"]] == m["text"]
            assert m["source"] == "original"


def test_to_disk_from_disk_round_trip(nlp, tmp_path):
    comp = nlp.get_pipe("parreform_bodies")
    comp.to_disk(tmp_path)
    again = type(comp)(nlp).from_disk(tmp_path)
    assert again.rules == comp.rules


def test_mixed_case_acronym_and_gazetteer_acronym(nlp):
    found = bodies(nlp, "According to the Ministry of Home Affairs (MoHA), UNDP and ADB took part. Photo: VNA/VNS")
    assert [m["text"] for m in found["Ministry of Home Affairs"]["mentions"]] == ["Ministry of Home Affairs", "MoHA"]
    assert found["United Nations Development Programme"]["kind"] == "international"
    assert "Asian Development Bank" in found
    assert not any("News Agency" in n for n in found)


def test_company_groups_are_not_bodies(nlp):
    found = bodies(nlp, "Viettel Group signed a deal; the Working Group on digital transformation met.")
    assert "Viettel Group" not in found
    assert any(n.startswith("Working Group") for n in found)


def test_programmes_and_venues_are_not_bodies(nlp):
    found = bodies(nlp, "The National Target Programme on New Rural Development was shown at the National "
                        "Convention Center with the United Nations Development Programme.")
    assert set(found) == {"United Nations Development Programme"}


def test_lowercase_level_words_and_country_possessive(nlp):
    found = bodies(nlp, "The provincial People's Committee and Ha Tinh province People's Committee met officials of "
                        "Vietnam's Ministry of Home Affairs and the Department for Administrative Reform.")
    assert set(found) == {"Ha Tinh province People's Committee", "Ministry of Home Affairs",
                          "Department for Administrative Reform"}
    assert len(found["Ha Tinh province People's Committee"]["mentions"]) == 2


def test_dates_end_a_complement(nlp):
    found = bodies(nlp, "The Ha Tinh Provincial People's Committee on April 3 held a conference.")
    assert set(found) == {"Ha Tinh Provincial People's Committee"}


def test_seed_002_ministries_and_portals(nlp):
    found = bodies(nlp, read_seed("seed-002"))
    assert {"Ministry of National Defense", "Ministry of Foreign Affairs", "Ministry of Information and Communications",
            "Government Office", "Electronic Information Portal", "national public service portal"} <= set(found)
    portal = found["national public service portal"]
    assert "National Service Portal" in [m["text"] for m in portal["mentions"]]
    wg = [n for n in found if n.endswith("Administrative Procedure Reform Working Group")]
    assert len(wg) == 1


def test_inverted_ministry_name_takes_the_gazetteer_name(nlp):
    text = "Home Affairs Ministry reviews reform\n\nThe Ministry of Home Affairs on Monday released the index."
    found = bodies(nlp, text)
    assert list(found) == ["Ministry of Home Affairs"]
    assert len(found["Ministry of Home Affairs"]["mentions"]) == 2
    # alone on the page, the inverted form still gets the gazetteer's canonical name
    assert list(bodies(nlp, "The Justice Ministry drafted the decree.")) == ["Ministry of Justice"]


def test_head_first_form_wins_a_tie(nlp):
    found = bodies(nlp, "The Transport Ministry said the Ministry of Transport would reply.")
    assert list(found) == ["Ministry of Transport"]


def test_gazetteer_acronyms_are_bodies_but_agency_credits_are_not(nlp):
    text = ("Hanoi (VNA) – The WB and KOICA pledged support to the reform; the World Bank will also fund "
            "training.\nPhoto: VNA\nSource: VietnamPlus\n")
    found = bodies(nlp, text)
    assert set(found) == {"World Bank", "Korea International Cooperation Agency"}
    assert [m["text"] for m in found["World Bank"]["mentions"]] == ["WB", "World Bank"]


SITE_FOOTERS = [
    "Hai Phong Today newspaper\nEditor-in-chief: Pham Van Khanh\nHead office: 12 Tran Phu Street, Hai Phong Media "
    "Centre\nLicence No. 45/GP-BTTTT issued by the Ministry of Culture\n",
    "MEKONG ONLINE\nDeputy Editor-in-Chief: Vo Thi Hue\n© Copyright of Mekong Provincial Press Centre. All rights "
    "reserved.\nPress Licence No. 99 of the Department of Culture\n",
    "You may also like\nChairman of the Provincial People's Committee Tran Quang Dung visits the Department of "
    "Justice\n",
    "Most viewed\nMinister of Home Affairs Do Thanh Binh meets the Provincial Party Committee\n",
]


@pytest.mark.parametrize("footer", SITE_FOOTERS)
def test_site_footers_and_reading_lists_yield_nothing(nlp, footer):
    article = ("Vice Chairwoman of the Provincial People's Committee Nguyen Thi Hanh inspected the one-stop shop, "
               "which now handles most dossiers online, and asked communes to publish every procedure. " * 3)
    doc = nlp(article + "\n\n" + footer)
    assert [o["name"] for o in doc._.officials] == ["Nguyen Thi Hanh"]
    assert [b["name"] for b in doc._.bodies] == ["Provincial People's Committee"]


def test_sector_with_and_before_the_head(nlp):
    found = bodies(nlp, "The Science and Technology Ministry (MOST) answered. The Labour, Invalids and Social Affairs "
                        "Ministry did too.")
    assert "Ministry of Science and Technology" in found
    assert [m["text"] for m in found["Ministry of Science and Technology"]["mentions"]][0] == \
        "Science and Technology Ministry"
    assert any(m["text"] == "Labour, Invalids and Social Affairs Ministry"
               for b in found.values() for m in b["mentions"])


def test_place_spellings_share_a_key(nlp):
    assert body_key("Ha Noi Department of Home Affairs") == body_key("Hanoi Department of Home Affairs")
    assert body_key("HCMC People's Committee") == body_key("Ho Chi Minh City People's Committee")
    found = bodies(nlp, "The HCMC People's Committee and the Ho Chi Minh City People's Committee are one body; "
                        "the Hai Phong People's Committee is another.")
    assert list(found) == ["Ho Chi Minh City People's Committee", "Hai Phong People's Committee"]


def test_headline_case_function_words_in_a_name(nlp):
    found = bodies(nlp, "Deputy PM Works With Department Of Planning And Investment On Reform\n")
    assert list(found) == ["Department of Planning and Investment"]


def test_long_site_footer_after_a_short_article(nlp):
    article = "Chairman of the Provincial People's Committee Lo Van Hoa opened the new one-stop centre.\n\n"
    footer = ("Tay Bac Online\nEditor-in-chief: Cam Thi Lan\n"
              + "".join(f"Menu {k}: Provincial Trade Promotion Centre, Border Guard Command Office\n" for k in range(8)))
    doc = nlp(article + footer)
    assert [o["name"] for o in doc._.officials] == ["Lo Van Hoa"]
    assert [b["name"] for b in doc._.bodies] == ["Provincial People's Committee"]


def test_editor_line_in_a_page_header_does_not_hide_the_article(nlp):
    text = ("Tay Bac Online\nEditor-in-chief: Cam Thi Lan\n\nChairman of the Provincial People's Committee Lo Van Hoa "
            "opened the new one-stop centre on Monday, the Department of Justice said.\n")
    doc = nlp(text)
    assert [o["name"] for o in doc._.officials] == ["Lo Van Hoa"]
    assert [b["name"] for b in doc._.bodies] == ["Provincial People's Committee", "Department of Justice"]


def test_international_bodies_written_out_take_the_gazetteer_kind(nlp):
    found = bodies(nlp, "Loans from the Asian Development Bank and the World Bank reached the Ministry of Finance.")
    assert found["Asian Development Bank"]["kind"] == "international"
    assert found["World Bank"]["kind"] == "international"
    assert found["Ministry of Finance"]["kind"] == "ministry"


def test_capitalised_form_wins_a_tie(nlp):
    text = ("Chairman of the provincial People's Committee Tran Van Tuan spoke. Leaders of the Provincial People's "
            "Committee attended.")
    found = bodies(nlp, text)
    assert list(found) == ["Provincial People's Committee"]
    assert parreform_nlp.load("en")(text)._.officials[0]["organization"] == "Provincial People's Committee"


def test_confederation_is_a_body_head(nlp):
    found = bodies(nlp, "President of the Vietnam General Confederation of Labour Nguyen Dinh Khang met workers.")
    assert found["Vietnam General Confederation of Labour"]["kind"] == "association"


def test_news_media_are_not_bodies(nlp):
    text = ("The vice minister told the Vietnam News Agency on Friday that the Department of Justice would cut "
            "eleven procedures; the Binh Duong Radio and Television reported the same.")
    found = bodies(nlp, text)
    assert "Department of Justice" in found
    assert not any("News Agency" in name or "Television" in name for name in found)


def test_level_places_found_from_the_level_word_as_a_token_matcher_would(nlp):
    from spacy.matcher import Matcher

    text = ("Officials of Ky Anh district, Hoan Kiem District, District 7, Ward 12 and Phu Loc Town "
            "met in Cam Xuyen Commune; the district and a ward office (Ward) were not places.")
    doc = nlp.make_doc(text)
    matcher = Matcher(nlp.vocab)
    levels = ["district", "ward", "commune", "town", "township"]
    title = {"IS_TITLE": True, "IS_ALPHA": True}
    for n in (1, 2, 3):
        matcher.add("LEVEL", [[title] * n + [{"LOWER": {"IN": levels}}]])
    matcher.add("LEVEL", [[{"LOWER": {"IN": ["district", "ward"]}, "IS_TITLE": True}, {"LIKE_NUM": True}]])
    expected = sorted((s, e) for _, s, e in matcher(doc))
    from parreform_nlp.token_view import TokenView

    got = sorted(nlp.get_pipe("parreform_bodies")._level_spans(TokenView(doc, text)))
    assert got == expected and len(expected) > 6

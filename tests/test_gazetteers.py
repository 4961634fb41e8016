"""Schema and consistency checks for the multilingual gazetteers in parreform_nlp/resources/."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from parreform_nlp.resources import has_resource, load_json

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
THAI = re.compile(r"[\u0E00-\u0E7F]")


def fold(text: str) -> str:
    """Strip Vietnamese diacritics (đ -> d) and lowercase."""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def squash(text: str) -> str:
    return re.sub(r"[\s\-–.]+", "", fold(text))


def is_ascii(text: str) -> bool:
    return all(ord(c) < 128 for c in text)


def _str_list(value) -> bool:
    return isinstance(value, list) and all(isinstance(x, str) and x.strip() == x and x for x in value)


def _no_duplicates(entries, fields):
    """No surface form (case and diacritics folded) names two entries."""
    seen: dict[str, str] = {}
    for e in entries:
        forms = []
        for f in fields:
            v = e.get(f)
            forms.extend([v] if isinstance(v, str) else (v or []))
        for key in {" ".join(fold(form).split()) for form in forms}:
            assert key not in seen, f"{key!r} names both {seen[key]!r} and {e['name']!r}"
            seen[key] = e["name"]


@pytest.mark.parametrize("name", ["places.json", "agencies.json", "leaders.json", "surnames.json"])
def test_file_parses_and_has_schema_line(name):
    assert has_resource(name)
    data = load_json(name)
    assert isinstance(data, dict)
    assert isinstance(data["_schema"], str) and data["_schema"]


# ---------------------------------------------------------------- places
@pytest.fixture(scope="module")
def places():
    return load_json("places.json")


def test_place_entries_schema(places):
    for p in places["provinces"]:
        assert isinstance(p["name"], str) and is_ascii(p["name"]), p
        assert isinstance(p["vi"], str) and p["vi"]
        assert _str_list(p["th"]) and all(THAI.search(t) for t in p["th"]), p["name"]
        assert _str_list(p["aliases"])
        assert p["kind"] in {"province", "city"}
        assert p["status"] in {"current", "merged"}
        assert p["merged_into"] is None or isinstance(p["merged_into"], str)
        assert (p["status"] == "merged") == (p["merged_into"] is not None)
    for c in places["countries"]:
        assert is_ascii(c["name"]) and isinstance(c["vi"], str)
        assert _str_list(c["aliases"]) and _str_list(c["th"]) and c["th"]
    for lang in ("en", "vi", "th"):
        assert _str_list(places["place_suffixes"][lang])


def test_63_before_and_34_after_the_2025_merger(places):
    provinces = places["provinces"]
    assert len(provinces) == 63
    current = [p for p in provinces if p["status"] == "current"]
    assert len(current) == 34
    assert sum(p["kind"] == "city" for p in current) == 6
    assert {p["name"] for p in current if p["kind"] == "city"} == {
        "Ha Noi", "Ho Chi Minh City", "Hai Phong", "Da Nang", "Can Tho", "Hue"}
    names = {p["name"] for p in current}
    for p in provinces:
        if p["merged_into"] is not None:
            assert p["merged_into"] in names, p
            assert p["merged_into"] != p["name"]
    by_name = {p["name"]: p for p in provinces}
    assert by_name["Ha Giang"]["merged_into"] == "Tuyen Quang"
    assert by_name["Hai Duong"]["merged_into"] == "Hai Phong"
    assert by_name["Binh Duong"]["merged_into"] == "Ho Chi Minh City"
    assert by_name["Ba Ria-Vung Tau"]["merged_into"] == "Ho Chi Minh City"
    assert by_name["Thai Binh"]["merged_into"] == "Hung Yen"
    assert by_name["Ha Tinh"]["status"] == "current"
    for p in current:
        for a in p.get("absorbed", []):
            assert by_name[a]["merged_into"] == p["name"]


def test_place_vi_folds_to_ascii_name(places):
    for p in places["provinces"]:
        vi = re.sub(r"^(thành phố|tỉnh)\s+", "", p["vi"], flags=re.I)
        name = re.sub(r"\s+city$", "", p["name"], flags=re.I)
        assert squash(vi) == squash(name), (p["vi"], p["name"])


def test_place_names_and_aliases_unique(places):
    _no_duplicates(places["provinces"] + places["countries"], ["name", "vi", "aliases", "th"])


def test_common_place_variants(places):
    lookup = {}
    for p in places["provinces"] + places["countries"]:
        for form in [p["name"], p["vi"], *p["aliases"], *p["th"]]:
            lookup[form] = p["name"]
    assert lookup["Hanoi"] == lookup["Hà Nội"] == lookup["ฮานอย"] == "Ha Noi"
    assert lookup["HCM City"] == lookup["Saigon"] == lookup["โฮจิมินห์"] == "Ho Chi Minh City"
    assert lookup["Thua Thien-Hue"] == "Hue"
    assert lookup["Daklak"] == lookup["Đắk Lắk"] == "Dak Lak"
    assert lookup["Ba Ria - Vung Tau"] == "Ba Ria-Vung Tau"
    assert lookup["ดานัง"] == "Da Nang"
    assert lookup["Viet Nam"] == lookup["เวียดนาม"] == "Vietnam"
    assert len(places["countries"]) >= 60


def test_thai_spellings_without_tone_marks_and_of_the_home_affairs_minister(places, leaders):
    # Thai pages write some names both with and without the short-vowel mark (ล็อง / ลอง)
    thai = {form: p["name"] for p in places["provinces"] for form in p["th"]}
    assert thai["ลองอาน"] == thai["ล็องอาน"] == "Long An"
    assert thai["เตยนิญ"] == thai["เต็ยนิญ"] == "Tay Ninh"
    by_name = {p["name"]: p for p in leaders["leaders"]}
    assert "ฟาม ถิ ทันห์ ตรา" in by_name["Pham Thi Thanh Tra"]["th"]

def test_thai_places_of_seed_004_are_known(places):
    text = (FIXTURES / "seed-004.txt").read_text(encoding="utf-8")
    th = {t: p["name"] for p in places["provinces"] for t in p["th"]}
    for form, name in [("กวางจิ", "Quang Tri"), ("ฮานอย", "Ha Noi"), ("นิญบิ่ญ", "Ninh Binh"),
                       ("เจียลาย", "Gia Lai"), ("ฟู้โถ", "Phu Tho")]:
        assert form in text
        assert th[form] == name


# ---------------------------------------------------------------- agencies
AGENCY_KINDS = {"ministry", "agency", "government", "legislature", "court", "party", "committee",
                "portal", "association", "international"}


@pytest.fixture(scope="module")
def agencies():
    return load_json("agencies.json")


def test_agency_entries_schema(agencies):
    names = {a["name"] for a in agencies["agencies"]}
    for a in agencies["agencies"]:
        assert isinstance(a["name"], str) and is_ascii(a["name"]), a["name"]
        assert a["kind"] in AGENCY_KINDS, a
        for key in ("abbr", "aliases", "vi", "th"):
            assert isinstance(a[key], list) and (not a[key] or _str_list(a[key])), (a["name"], key)
        assert all(THAI.search(t) for t in a["th"]), a["name"]
        assert a["status"] in {"current", "merged", "renamed", "dissolved"}
        if a["status"] in {"merged", "renamed"}:
            assert a["merged_into"] in names, a
        else:
            assert a["merged_into"] is None, a


def test_agency_forms_unique(agencies):
    _no_duplicates(agencies["agencies"], ["name", "abbr", "aliases", "vi", "th"])


def test_ministries_before_and_after_2025(agencies):
    ministries = [a for a in agencies["agencies"] if a["kind"] == "ministry"]
    current = {a["name"] for a in ministries if a["status"] == "current"}
    assert len(current) == 14
    assert len(ministries) == 20  # 18 before 2025-03-01, plus two new ones
    assert "Ministry of Ethnic and Religious Affairs" in current
    by_name = {a["name"]: a for a in agencies["agencies"]}
    assert by_name["Ministry of Planning and Investment"]["merged_into"] == "Ministry of Finance"
    assert by_name["Ministry of Transport"]["merged_into"] == "Ministry of Construction"
    assert by_name["Ministry of Information and Communications"]["merged_into"] == "Ministry of Science and Technology"
    assert by_name["Ministry of Home Affairs"]["vi"] == ["Bộ Nội vụ"]
    assert "กระทรวงมหาดไทย" in by_name["Ministry of Home Affairs"]["th"]
    for name in ("Government Office", "Government Inspectorate", "State Bank of Vietnam", "Government",
                 "National Assembly", "Politburo", "Party Central Committee", "Vietnam Fatherland Front",
                 "Vietnam Chamber of Commerce and Industry", "National Public Service Portal",
                 "United Nations Development Programme", "World Bank", "Asian Development Bank",
                 "European Union", "Japan International Cooperation Agency", "United States Agency for International Development",
                 "Korea International Cooperation Agency", "United Nations Children's Fund"):
        assert name in by_name, name


def test_ministries_are_built_from_domains(agencies):
    domains = {d["en"]: d for d in agencies["domains"]}
    for a in agencies["agencies"]:
        if a["kind"] != "ministry":
            continue
        domain = domains[a["name"].removeprefix("Ministry of ")]
        assert any(f"Bộ {v}" in a["vi"] for v in domain["vi"]), a["name"]
        assert not domain["th"] or any(f"กระทรวง{t}" in a["th"] for t in domain["th"]), a["name"]


def test_domains_and_heads_schema(agencies):
    seen = set()
    for d in agencies["domains"]:
        assert is_ascii(d["en"]) and d["en"] not in seen
        seen.add(d["en"])
        assert _str_list(d["vi"]) and d["vi"]
        assert isinstance(d["th"], list) and all(THAI.search(t) for t in d["th"])
    for h in agencies["heads"]:
        assert is_ascii(h["en"])
        assert sum(slot in h["en"] for slot in ("{domain}", "{place}")) <= 1
        assert _str_list(h["vi"]) and h["vi"]
        assert isinstance(h["th"], list) and all(THAI.search(t) for t in h["th"])
        assert isinstance(h["kind"], str)
    heads = {v: h["en"] for h in agencies["heads"] for v in h["vi"]}
    assert heads["Sở"] == "Department of {domain}"
    assert heads["UBND tỉnh"] == "{place} Provincial People's Committee"
    th_heads = {t: h["en"] for h in agencies["heads"] for t in h["th"]}
    assert th_heads["คณะกรรมการประชาชนจังหวัด"] == "{place} Provincial People's Committee"


def test_thai_bodies_of_seed_004_are_known(agencies):
    text = (FIXTURES / "seed-004.txt").read_text(encoding="utf-8")
    th = {t: a["name"] for a in agencies["agencies"] for t in a["th"]}
    for form, name in [("คณะกรรมการอำนวยการปฏิรูปการบริหารของรัฐบาล", "Government Steering Committee for Administrative Reform"),
                       ("พอร์ทัลบริการสาธารณะแห่งชาติ", "National Public Service Portal")]:
        assert form in text
        assert th[form] == name


# ---------------------------------------------------------------- leaders
@pytest.fixture(scope="module")
def leaders():
    return load_json("leaders.json")


def test_leader_entries_schema(leaders, places):
    provinces = {p["name"] for p in places["provinces"]}
    for person in leaders["leaders"]:
        assert is_ascii(person["name"]) and len(person["name"].split()) >= 2, person
        assert isinstance(person["vi"], str)
        assert fold(person["vi"]) == person["name"].lower(), (person["vi"], person["name"])
        assert isinstance(person["th"], list) and all(THAI.search(t) for t in person["th"])
        assert isinstance(person["aliases"], list) and (not person["aliases"] or _str_list(person["aliases"]))
        assert _str_list(person["titles"]) and person["titles"]
        if "province" in person:
            assert person["province"] in provinces


def test_leader_forms_unique(leaders):
    _no_duplicates(leaders["leaders"], ["name", "vi", "aliases", "th"])


def test_national_leaders_present(leaders):
    by_name = {p["name"]: p for p in leaders["leaders"]}
    assert "Prime Minister" in by_name["Pham Minh Chinh"]["titles"]
    assert "Minister of Home Affairs" in by_name["Pham Thi Thanh Tra"]["titles"]
    assert "Deputy Prime Minister" in by_name["Tran Luu Quang"]["titles"]
    for name in ("To Lam", "Nguyen Phu Trong", "Luong Cuong", "Tran Thanh Man", "Tran Van Son"):
        assert name in by_name


def test_leaders_of_seed_004_are_found_in_its_text(leaders):
    text = (FIXTURES / "seed-004.txt").read_text(encoding="utf-8")
    by_name = {p["name"]: p for p in leaders["leaders"]}
    for name, thai in [("Pham Minh Chinh", "ฝ่าม มิญ จิ่ง"), ("Le Duc Tien", "เล ดึ๊ก เตียน")]:
        assert name in text  # written in Latin too
        assert thai in text
        assert thai in by_name[name]["th"]
    # the photo credit / byline is not a leader
    assert "ตรัน เตวียน" in text
    assert all("ตรัน เตวียน" not in p["th"] for p in leaders["leaders"])


def test_leaders_of_english_seeds_are_known(leaders):
    names = {p["name"] for p in leaders["leaders"]}
    for seed, people in [("seed-000.txt", ["Pham Minh Chinh", "Nguyen Khac Than", "Vu Kim Cu", "Lai Van Hoan"]),
                         ("seed-001.txt", ["Vo Trong Hai", "Nguyen Hong Linh", "Le Ngoc Chau", "Le Minh Dao", "Dau Tung Lam"]),
                         ("seed-002.txt", ["Tran Luu Quang", "Nguyen Minh Hung"])]:
        text = (FIXTURES / seed).read_text(encoding="utf-8")
        for person in people:
            assert person in text and person in names, person
    for byline in ("Dao Quyen", "Phuc Quang", "Duong Chau Thanh", "Bui Tuong Vu"):
        assert byline not in names


# ---------------------------------------------------------------- surnames
def test_surnames():
    entries = load_json("surnames.json")["surnames"]
    assert len(entries) >= 100
    assert entries[0]["vi"] == "Nguyễn" and entries[0]["ascii"] == "Nguyen" and "เหงียน" in entries[0]["th"]
    vis = [e["vi"] for e in entries]
    assert len(vis) == len(set(vis))
    for e in entries:
        assert isinstance(e["vi"], str) and e["vi"][0].isupper() and len(e["vi"].split()) <= 2
        assert is_ascii(e["ascii"]) and fold(e["vi"]) == e["ascii"].lower(), e
        assert isinstance(e["th"], list) and all(THAI.search(t) for t in e["th"])
    th = {t: e["ascii"] for e in entries for t in e["th"]}
    assert len(th) == sum(len(e["th"]) for e in entries)
    text = (FIXTURES / "seed-004.txt").read_text(encoding="utf-8")
    for form in ("ฝ่าม", "เล", "ตรัน"):  # Phạm, Lê, Trần as written in seed-004
        assert form in text and form in th


def test_leader_surnames_are_listed():
    surnames = {e["vi"] for e in load_json("surnames.json")["surnames"]}
    for person in load_json("leaders.json")["leaders"]:
        assert person["vi"].split()[0] in surnames, person["vi"]


@pytest.mark.parametrize("name", ["places.json", "agencies.json", "leaders.json", "surnames.json"])
def test_text_is_nfc(name):
    """Matchers compare code points: precomposed (NFC) forms only."""
    data = load_json(name)

    def strings(node):
        if isinstance(node, dict):
            for v in node.values():
                yield from strings(v)
        elif isinstance(node, list):
            for v in node:
                yield from strings(v)
        elif isinstance(node, str):
            yield node

    for s in strings(data):
        assert unicodedata.normalize("NFC", s) == s, s


def test_heads_compose_with_places_and_domains(agencies, places):
    heads = {v: h for h in agencies["heads"] for v in h["vi"]}
    domains = {v: d["en"] for d in agencies["domains"] for v in d["vi"]}
    provinces = {p["vi"]: p["name"] for p in places["provinces"]}
    assert heads["Sở"]["en"].format(domain=domains["Nội vụ"]) == "Department of Home Affairs"
    assert heads["Bộ"]["en"].format(domain=domains["Tư pháp"]) == "Ministry of Justice"
    assert heads["UBND tỉnh"]["en"].format(place=provinces["Hà Tĩnh"]) == "Ha Tinh Provincial People's Committee"
    assert heads["Tỉnh ủy"]["en"].format(place=provinces["Quảng Trị"]) == "Quang Tri Provincial Party Committee"


def test_word_like_forms_are_kept_out_of_plain_lists(places):
    """Short forms that are ordinary Vietnamese/Thai words must not be matched blindly."""
    risky = {"anh", "duc", "phap", "nga", "my", "ao", "bi", "sec", "y", "uc"}
    for c in places["countries"]:
        for form in [c["vi"], *c["aliases"]]:
            assert fold(form) not in risky, (c["name"], form)
        assert "ไทย" not in c["th"]
    by_name = {c["name"]: c for c in places["countries"]}
    assert "Đức" in by_name["Germany"]["ambiguous_forms"]
    surnames = {e["vi"] for e in load_json("surnames.json")["surnames"]}
    assert not surnames & {"Ông", "Phó", "Văn", "Từ", "Đồng", "Tăng", "Sơn"}

"""Reliability (issue 12): no crash, no hang, strict JSON, checked arguments, safe model packages.

Each test reproduces one failure of a fuzzing campaign or a hand-made input. Speed is measured in
benchmarks/scaling.py and benchmarks/fuzz.py; here the mechanisms that keep it linear are checked.
"""
from __future__ import annotations

import datetime as dt
import json
import math
import os
import subprocess
import sys
import warnings
import zipfile
from pathlib import Path

import pytest

import parreform_nlp
import parreform_nlp.models as models
from parreform_nlp import TranslationUnavailable, analyze, translation
from parreform_nlp.textprep import MAX_RUN, SLICE, RunSafeTokenizer, pieces, sanitize

from .conftest import FIXTURES

TH_EN = FIXTURES / "translate-th_en-tiny.argosmodel"
VI_EN = FIXTURES / "translate-vi_en-tiny.argosmodel"


@pytest.fixture(autouse=True)
def _quiet_missing_models():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


def _offsets_hold(result, text: str) -> None:
    out = result.to_dict()
    for kind in ("indicators", "counts", "legal_refs", "dates"):
        for rec in out[kind]:
            if rec["source"] == "original":
                assert text[rec["start"]:rec["end"]] == rec["text"]
    for kind in ("officials", "bodies", "places"):
        for rec in out[kind]:
            for m in rec["mentions"]:
                if m["source"] == "original":
                    assert text[m["start"]:m["end"]] == m["text"]


# ----------------------------------------------------------------------------- 1. day 0

@pytest.mark.parametrize("text,lang", [
    ("The meeting on 00/05/2023 was held in Ha Noi.", "en"),
    ("The report of 2023-05-00 was published.", "en"),
    ("The conference on May 0, 2023 reviewed the results.", "en"),
    ("Hội nghị ngày 0 tháng 5 năm 2023 đã tổng kết kết quả.", "vi"),
    ("The session of 0 March 2024 and 31/02/2023 closed.", "en"),
])
def test_impossible_dates_are_no_dates_and_no_crash(text, lang):
    for result in (analyze(text), analyze(text, lang=lang)):
        for d in result.dates:
            assert not d.value.endswith("-00") and "-00-" not in d.value
            dt.date.fromisoformat(d.value) if len(d.value) == 10 else None


def test_day_zero_keeps_the_real_dates_around_it():
    result = analyze("On 00/05/2023 nothing happened; on 06/09/2023 the index was published.", lang="en")
    assert [d.value for d in result.dates if len(d.value) == 10] == ["2023-09-06"]


# ----------------------------------------------------------------------------- 2. surrogates

@pytest.mark.parametrize("text", [
    "Minister Nguyen Van An said the rate reached 45.5% \ud800 in Ha Tinh.",
    "Bộ trưởng Nguyễn Văn An cho biết tỷ lệ đạt 45,6%\udcff năm 2023.",
    "อัตราบันทึกออนไลน์ \udfff อยู่ที่ 30.4%",
    "\ud83d\ude00 \udc00\ud800 12%",
    "\ud800",
])
def test_lone_surrogates_are_replaced_one_for_one(text):
    result = analyze(text)
    clean = sanitize(text)
    assert len(clean) == len(text) and "\ufffd" in clean
    clean.encode("utf-8")
    _offsets_hold(result, clean)
    json.loads(result.to_json(allow_nan=False))


def test_surrogate_offsets_index_the_callers_string():
    text = "\udc80 The rate of online records reached 45.5% in Ha Tinh."
    ind = analyze(text, lang="en").indicators
    assert [i.text for i in ind] == ["45.5%"]
    assert text[ind[0].start:ind[0].end] == "45.5%"


# ----------------------------------------------------------------------------- 3. linear time


def test_tokenizer_never_sees_a_long_run_whole():
    nlp = parreform_nlp.load("en")
    assert isinstance(nlp.tokenizer, RunSafeTokenizer)
    seen = []
    inner = nlp.tokenizer.inner

    def spy(text):
        seen.append(len(max(text.split() or [""], key=len)))
        return inner(text)

    wrapper = RunSafeTokenizer(inner)
    wrapper.inner = spy
    wrapper.vocab = inner.vocab
    for text in ("(" * 8000, "x" * 5000 + " tail", "see https://example.org/" + "a/" * 300 + " now"):
        doc = wrapper(text)
        assert doc.text == text
        assert max(seen) <= MAX_RUN
        seen.clear()


def test_thai_tokenizer_hands_pythainlp_no_long_digit_run():
    # pythainlp's number rejoining backtracks quadratically over a run of digits
    nlp = parreform_nlp.load("th")
    text = "อัตรา " + "9" * 3000 + "ngày 0 tháng 5 năm 2023 อยู่ที่ 30.4%"
    doc = nlp.make_doc(text)
    assert doc.text == text
    assert max(len(t.text) for t in doc) <= 64
    assert [t.text for t in nlp.make_doc("อยู่ที่ 30.4%")][-2:] == ["30.4", "%"]


def test_pieces_join_to_the_text_and_keep_numbers_whole():
    for text in ("(" * 1001, "ab " + "45.5%," * 100 + " end", " " * 300, "", "增长45.5%" * 40):
        ps = list(pieces(text))
        assert "".join(ps) == text
        assert all(len(p) <= SLICE for p in ps if not p.isspace() and " " not in p)
    assert all("45.5%" in p or p.strip(",") == "" for p in pieces("45.5%," * 100))


def test_parentheses_and_spaces_runs_analyse():
    for text in ("(" * 3000, " " * 5000 + "Minister Nguyen Van An", "(" * 500 + "45.5%" + ")" * 500):
        result = analyze(text, lang="en")
        _offsets_hold(result, text)


def test_acronym_definition_never_starts_inside_a_run_of_spaces():
    from parreform_nlp.components.bodies import _ACRONYM_DEF, acronym_definitions

    text = "Central Institute for Economic Management" + " " * 50 + "(CIEM)"
    end = len("Central Institute for Economic Management")
    assert list(acronym_definitions(text)) == [(end, "CIEM")]
    # tried from inside the run (as finditer does after a failed attempt), it must fail at once
    assert all(_ACRONYM_DEF.match(text, i) is None for i in range(end + 1, end + 50))


def test_asker_cue_stays_on_its_line():
    # "^\W*" with re.M crossed every blank line from each line start: quadratic on blank lines
    from parreform_nlp.anchors import cue_set
    from parreform_nlp.resources import load_json

    rx = cue_set(tuple(load_json("bylines.json", "en")["asker_cues"]))
    text = "\n" * 50 + "Reader Nguyen Van Binh asks: how long does it take?"
    spans = [m.span() for m in rx.finditer(text)]
    assert spans and spans[0][0] == 50


def test_blank_lines_before_a_name_keep_the_official():
    text = "\n" * 2000 + "Minister of Home Affairs Pham Thi Thanh Tra chaired the meeting."
    names = [o.name for o in analyze(text, lang="en").officials]
    assert "Pham Thi Thanh Tra" in names


def test_numbers_are_read_within_a_bounded_window():
    from parreform_nlp.components.indicators import NEAR_CHARS, _near
    from parreform_nlp.components.indicators_context import Sentence

    text = "x " * 20000
    sent = Sentence(0, len(text), 0)
    near = _near(text, sent, 20000, 20003)
    assert near.end - near.start <= 2 * NEAR_CHARS + 3
    short = Sentence(10, 200, 0)
    assert _near(text, short, 100, 103) is short


def test_long_one_line_list_of_provinces_keeps_each_reading():
    provinces = ["Ha Tinh", "Quang Ninh", "Hai Phong", "Da Nang", "Can Tho"]
    items = ", ".join(f"{p} {50 + i}.5%" for i, p in enumerate(provinces * 60))
    text = f"In 2023, the rate of online records reached {items}."
    result = analyze(text, lang="en")
    assert len(result.indicators) == 300
    assert [i.subject for i in result.indicators] == provinces * 60
    last = result.indicators[-1]
    assert last.value == 349.5 and last.period == "2023"


def test_windowed_lexicon_hits_equal_a_direct_scan():
    from parreform_nlp.components.indicators_context import _lexicon_scan, lexicon_hits

    page = ("The PAR Index and the SIPAS index rose; the PCI fell. " * 80)
    for a, b in ((0, 60), (500, 900), (1000, 1200)):
        assert lexicon_hits(page, "en", a, b) == _lexicon_scan(page, "en", a, b)


# ----------------------------------------------------------------------------- 4. non-finite

@pytest.mark.parametrize("text", [
    "The rate of online records rose " + "9" * 400 + "% in 2023.",
    "Ha Tinh cut " + "9" * 400 + " procedures in 2023.",
    "Tỷ lệ đạt " + "9" * 400 + ",5% năm 2023.",
    "The index rose " + "9" * 310 + " trillion times.",
])
def test_non_finite_numbers_are_never_records(text):
    result = analyze(text)
    for rec in result.indicators + result.counts:
        assert math.isfinite(rec.value)
    out = json.loads(result.to_json(allow_nan=False))
    assert out == result.to_dict()


def test_parse_number_refuses_overflow():
    from parreform_nlp.numbers import parse_number

    assert parse_number("9" * 400) is None
    assert parse_number("1,234.5") == 1234.5


# ----------------------------------------------------------------------------- 5. str subclasses

def test_str_subclasses_are_read_as_str():
    np = pytest.importorskip("numpy")

    class Scraped(str):
        pass

    text = "Minister Nguyen Van An said the rate of online records reached 45.5% in Ha Tinh."
    expected = analyze(text).to_dict()
    assert analyze(np.str_(text)).to_dict() == expected
    assert analyze(Scraped(text)).to_dict() == expected
    assert type(sanitize(Scraped("a"))) is str


# ----------------------------------------------------------------------------- 6. related news

def test_related_news_heading_ends_at_the_next_prose_and_keeps_officials():
    text = (
        "Ha Tinh improves its public services.\n\n"
        "Related news\n"
        "Quang Ninh tops the PAR Index with 92.18%\n"
        "Da Nang leads the SIPAS 2022\n\n"
        "Minister of Home Affairs Pham Thi Thanh Tra said on Monday that the rate of online records "
        "in Ha Tinh reached 45.5% in 2023, the highest in the province's history of reform so far.\n"
    )
    result = analyze(text, lang="en")
    assert [i.text for i in result.indicators] == ["45.5%"]
    assert "Pham Thi Thanh Tra" in [o.name for o in result.officials]


def test_thai_related_heading_does_not_empty_the_rest_of_the_page():
    prose = ("นายกรัฐมนตรี Pham Minh Chinh กล่าวว่า อัตราบันทึกออนไลน์ของกระทรวงและสาขาต่างๆ "
             "ในประเทศเวียดนามเพิ่มขึ้นอย่างต่อเนื่องตลอดปีที่ผ่านมา อยู่ที่ 30.4% ในปี 2566 ตามรายงานของรัฐบาล")
    text = "ข่าวที่เกี่ยวข้อง\nเวียดนามปฏิรูปการบริหาร 12%\n\n" + prose + "\n"
    result = analyze(text, lang="th", translate=False)
    assert [i.text for i in result.indicators] == ["30.4%"]


def test_related_block_is_bounded_in_lines():
    from parreform_nlp.numbers import MAX_BLOCK_LINES, related_blocks

    text = "Related news\n" + "Short headline 5%\n" * (MAX_BLOCK_LINES + 20)
    (a, b), = related_blocks(text, ["related news"])
    assert a == 0 and b < len(text)


def test_names_footer_heading_is_a_block_not_the_rest():
    from parreform_nlp.names import excluded_ranges

    text = "Intro line.\nRead more\nA headline\n" + "x" * 250 + "\nlast"
    ranges = excluded_ranges(text, (), [r"^\W*read more\W*$"])
    assert ranges == [(12, text.index("x"))]


# ----------------------------------------------------------------------------- 7-8. models

@pytest.fixture
def models_dir(tmp_path, monkeypatch, no_network):
    d = tmp_path / "models"
    monkeypatch.setenv("PARREFORM_MODELS_DIR", str(d))
    translation.clear_caches()
    yield d
    translation.clear_caches()


def _repack(src: Path, dest: Path, *, top: str | None = None, meta: dict | None = None,
            replace: dict[str, bytes] | None = None) -> Path:
    """A copy of a fixture package with another top folder, metadata or member contents."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        old_top = zin.namelist()[0].split("/")[0]
        for info in zin.infolist():
            rel = info.filename.split("/", 1)[1]
            data = zin.read(info)
            if rel == "metadata.json" and meta is not None:
                data = json.dumps({**json.loads(data), **meta}).encode()
            if replace and rel in replace:
                data = replace[rel]
            zout.writestr(f"{top or old_top}/{rel}", data)
    return dest


def _nothing_written(d: Path) -> bool:
    return not d.exists() or not [p for p in d.iterdir()]


def test_install_refuses_a_zip_bomb_before_writing(models_dir, tmp_path):
    bomb = _repack(TH_EN, tmp_path / "bomb.argosmodel")
    with zipfile.ZipFile(bomb, "a", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("translate-th_en-tiny/padding.bin", b"\0" * (20 << 20))
    assert bomb.stat().st_size < 2 << 20
    with pytest.raises(ValueError, match="extract"):
        models.install(bomb)
    assert _nothing_written(models_dir)


def test_install_refuses_too_many_members(models_dir, tmp_path):
    many = _repack(TH_EN, tmp_path / "many.argosmodel")
    with zipfile.ZipFile(many, "a") as zf:
        for i in range(models.MAX_MEMBERS + 1):
            zf.writestr(f"translate-th_en-tiny/x/{i}", b"")
    with pytest.raises(ValueError, match="files"):
        models.install(many)
    assert _nothing_written(models_dir)


def test_install_refuses_a_total_over_the_limit(models_dir, tmp_path, monkeypatch):
    monkeypatch.setattr(models, "MAX_UNCOMPRESSED", 1000)
    with pytest.raises(ValueError, match="extract"):
        models.install(TH_EN)
    assert _nothing_written(models_dir)


@pytest.mark.parametrize("meta", [
    {"from_code": "th", "to_code": "th"},
    {"from_code": 5, "to_code": "en"},
    {"from_code": "TH", "to_code": "en"},
    {"from_code": "th", "to_code": ["en"]},
    {"from_code": "../x", "to_code": "en"},
])
def test_install_refuses_bad_codes(models_dir, tmp_path, meta):
    bad = _repack(TH_EN, tmp_path / "bad.argosmodel", meta=meta)
    with pytest.raises(ValueError, match="codes"):
        models.install(bad)
    assert _nothing_written(models_dir)


@pytest.mark.parametrize("member", ["model/model.bin", "sentencepiece.model"])
def test_install_refuses_a_package_that_does_not_load(models_dir, tmp_path, member):
    bad = _repack(TH_EN, tmp_path / "garbage.argosmodel", replace={member: b"garbage" * 100})
    with pytest.raises(ValueError, match="does not load"):
        models.install(bad)
    assert models.installed() == []


def test_install_never_removes_another_pair(models_dir, tmp_path):
    models.install(TH_EN)
    # a vi->en package whose folder has the th->en package's name
    clash = _repack(VI_EN, tmp_path / "clash.argosmodel", top="translate-th_en-tiny")
    assert models.install(clash) == ("vi", "en")
    assert models.installed() == [("th", "en"), ("vi", "en")]
    models.install(TH_EN)  # the same pair again: replaced, the other kept
    assert models.installed() == [("th", "en"), ("vi", "en")]
    assert len(models.installed_packages()) == 2


def test_corrupt_zip_is_a_value_error(models_dir, tmp_path):
    data = bytearray(TH_EN.read_bytes())
    mid = len(data) // 3
    data[mid:mid + 4000] = b"\xff" * 4000
    corrupt = tmp_path / "corrupt.argosmodel"
    corrupt.write_bytes(bytes(data))
    with pytest.raises(ValueError):
        models.install(corrupt)
    truncated = tmp_path / "truncated.argosmodel"
    truncated.write_bytes(TH_EN.read_bytes()[:-30])
    with pytest.raises(ValueError):
        models.install(truncated)
    assert models.installed() == []


def test_too_long_sentence_translates(models_dir):
    models.install(VI_EN)
    route = translation.find_route("vi")
    out = translation.translate_sentences(["tỷ lệ hồ sơ trực tuyến " * 300], route)
    assert len(out) == 1 and out[0]
    text = "Tỷ lệ hồ sơ trực tuyến đạt 45,6% " + "và tăng " * 400 + "năm 2023."
    result = analyze(text, lang="vi", translate="auto")
    assert "45,6%" in [i.text for i in result.indicators]


def test_auto_degrades_to_native_rules_when_translation_fails(models_dir, monkeypatch):
    models.install(VI_EN)

    def broken(self, sentences):
        raise RuntimeError("model exploded")

    monkeypatch.setattr(translation._Engine, "translate", broken)
    text = "Tỷ lệ hồ sơ trực tuyến của tỉnh Hà Tĩnh đạt 45,6% năm 2023."
    with pytest.warns(UserWarning, match="failed"):
        result = analyze(text, lang="vi", translate="auto")
    assert result.translation is None and [i.text for i in result.indicators] == ["45,6%"]
    with pytest.raises(TranslationUnavailable, match="model exploded"):
        analyze(text, lang="vi", translate=True)


# ----------------------------------------------------------------------------- 9. arguments

TEXT = "Minister Nguyen Van An said the rate of online records reached 45.5% in Ha Tinh on 5 May 2023."


@pytest.mark.parametrize("given,expected", [("EN", "en"), ("en-US", "en"), (" vi-VN ", "vi"), ("th_TH", "th"),
                                            ("zh-TW", "zh-tw"), ("zh-Hant", "zh")])
def test_lang_is_normalised(given, expected):
    result = analyze(TEXT, lang=given, translate=False)
    assert result.language == expected
    if expected == "en":
        assert result.to_dict() == analyze(TEXT, lang="en").to_dict()


def test_lang_en_upper_with_translate_true_needs_no_package(monkeypatch, tmp_path):
    monkeypatch.setenv("PARREFORM_MODELS_DIR", str(tmp_path / "none"))
    assert analyze(TEXT, lang="EN", translate=True).language == "en"


@pytest.mark.parametrize("lang", [5, "", "english!", "e", b"en", ["en"], "en-"])
def test_bad_lang_is_refused(lang):
    with pytest.raises(ValueError, match="lang"):
        analyze(TEXT, lang=lang)


@pytest.mark.parametrize("published", ["garbage", "2023-13-01", "05/06/2023", 20230506, "2023-02-30"])
def test_bad_published_is_refused(published):
    with pytest.raises(ValueError, match="published"):
        analyze(TEXT, published=published)


@pytest.mark.parametrize("published", ["2023-05-06", "2023-05-06T10:00:00", "2023-05-06T10:00:00+07:00",
                                       "2023-05-06T10:00:00Z",
                                       dt.date(2023, 5, 6), dt.datetime(2023, 5, 6, 10)])
def test_published_forms_are_accepted(published):
    result = analyze("The meeting on May 2 reviewed the reform.", lang="en", published=published)
    assert [d.value for d in result.dates] == ["2023-05-02"]


@pytest.mark.parametrize("translate", [1, 0, "yes", None, "AUTO", "true"])
def test_translate_accepts_exactly_auto_true_false(translate):
    with pytest.raises(ValueError, match="translate"):
        analyze(TEXT, translate=translate)


# ----------------------------------------------------------------------------- 10. pythainlp home

def test_thai_analysis_with_an_unwritable_home(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHAINLP_", "XDG_"))}
    env.update(HOME=str(blocker / "home"), TMPDIR=str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    code = ("import parreform_nlp, os; "
            "r = parreform_nlp.analyze('อัตราบันทึกออนไลน์ของกระทรวงและสาขาต่างๆ อยู่ที่ 30.4%', translate=False); "
            "print(r.language, [i.text for i in r.indicators]); print(os.environ['PYTHAINLP_DATA'])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    lines = out.stdout.splitlines()
    assert lines[0] == "th ['30.4%']"
    assert lines[1].startswith(str(tmp_path / "tmp"))


def test_thai_data_folder_is_a_cache_not_home(tmp_path, monkeypatch):
    from parreform_nlp import pythainlp_env

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    first = pythainlp_env.data_dir_candidates()[0]
    assert first == tmp_path / ".cache" / "parreform-nlp" / "pythainlp-data"
    assert not list(tmp_path.iterdir())  # nothing created by looking


# ----------------------------------------------------------------------------- 11. memory

def test_string_store_stays_flat_once_warm(monkeypatch):
    from parreform_nlp import api
    from parreform_nlp.pipeline import shared

    nlp = shared("en")
    analyze(TEXT, lang="en")
    monkeypatch.setattr(api, "WARM_STRINGS", 0)  # as if the bound were reached: a zone per page
    before = len(nlp.vocab.strings)
    for i in range(50):
        result = analyze(f"Director Tran Van Xyzzy{i} said the rate of qwerty{i} reached {i}.5% in Ha Tinh.", lang="en")
        assert result.indicators[0].value == i + 0.5
    assert len(nlp.vocab.strings) == before


def test_string_store_growth_is_bounded(monkeypatch):
    from parreform_nlp import api
    from parreform_nlp.pipeline import shared

    nlp = shared("en")
    analyze(TEXT, lang="en")
    base = api._zones(nlp).base
    bound = len(nlp.vocab.strings) - base + 40  # room for a few pages of new words, then flat
    monkeypatch.setattr(api, "WARM_STRINGS", bound)
    sizes = []
    for i in range(60):
        result = analyze(f"Director Tran Van Plugh{i} said the rate of zorkmid{i} reached {i}.5% in Ha Tinh.", lang="en")
        assert result.indicators[0].value == i + 0.5
        sizes.append(len(nlp.vocab.strings))
    assert sizes[0] > base + bound - 40  # the first pages' words are kept (warm) ...
    assert max(sizes) < base + bound + 40  # ... up to the bound, one page's words at most beyond it
    assert sizes[-1] == sizes[-20]  # and then the store stays flat

"""Offline, sentence-aligned translation with the tiny test packages in fixtures/ (sockets blocked)."""
from __future__ import annotations

import json
import warnings
from concurrent.futures import ThreadPoolExecutor

import pytest

import parreform_nlp
import parreform_nlp.models as models
from parreform_nlp import TranslationUnavailable, analyze, translation
from parreform_nlp.merge import fold, merge_translation, numbers_in
from parreform_nlp.result import Analysis, Indicator, Mention, Official
from parreform_nlp.sentences import split_sentences
from parreform_nlp.translation import Segment, Translation, cache_info, find_route, translate_document

from .conftest import FIXTURES

PAIRS = {lang: [tuple(p) for p in json.loads((FIXTURES / f"translation_pairs_{lang}.json").read_text("utf-8"))]
         for lang in ("th", "vi")}

THAI_PAGE = (
    "นายกรัฐมนตรี Pham Minh Chinh เป็นประธานการประชุมคณะกรรมการอำนวยการปฏิรูปการบริหารของรัฐบาล\n\n"
    "อัตราบันทึกออนไลน์ของกระทรวงและสาขาต่างๆ อยู่ที่ 30.4%\n"
    "ระดับท้องถิ่นอยู่ที่ 37.4% (สูงกว่าปี 2565 ถึง 3.7 เท่า)"
)
THAI_ENGLISH = (
    "Prime Minister Pham Minh Chinh chaired the meeting of the Government's Steering Committee for "
    "Administrative Reform.\n\n"
    "The rate of online records of ministries and branches reached 30.4%.\n"
    "The local level reached 37.4% (3.7 times higher than in 2022)."
)


@pytest.fixture(scope="module")
def installed_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("models")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PARREFORM_MODELS_DIR", str(d))
        models.install(FIXTURES / "translate-th_en-tiny.argosmodel")
        models.install(FIXTURES / "translate-vi_en-tiny.argosmodel")
    return d


@pytest.fixture
def with_models(installed_dir, monkeypatch, no_network):
    monkeypatch.setenv("PARREFORM_MODELS_DIR", str(installed_dir))
    translation.clear_caches()
    yield installed_dir


@pytest.fixture
def without_models(tmp_path, monkeypatch, no_network):
    monkeypatch.setenv("PARREFORM_MODELS_DIR", str(tmp_path / "empty"))
    monkeypatch.setattr(translation, "_WARNED", set())
    yield


# ----------------------------------------------------------------------------- sentences

def test_thai_split_on_spaces_between_thai_clauses_only():
    text = THAI_PAGE
    spans = split_sentences(text, "th")
    assert [text[a:b] for a, b in spans] == [
        "นายกรัฐมนตรี Pham Minh Chinh เป็นประธานการประชุมคณะกรรมการอำนวยการปฏิรูปการบริหารของรัฐบาล",
        "อัตราบันทึกออนไลน์ของกระทรวงและสาขาต่างๆ อยู่ที่ 30.4%",
        "ระดับท้องถิ่นอยู่ที่ 37.4% (สูงกว่าปี 2565 ถึง 3.7 เท่า)",
    ]
    two = "ขจัดอุปสรรคด้านสถาบันและกระบวนการบริหารที่เป็นอุปสรรคต่อการฟื้นฟู สร้างเงื่อนไขที่เอื้ออำนวยต่อประชาชนและธุรกิจ"
    assert len(split_sentences(two, "th")) == 2


def test_long_thai_run_is_cut_at_a_word_boundary():
    text = "การปฏิรูปการบริหาร" * 60  # 1080 characters, no space
    spans = split_sentences(text, "th")
    assert len(spans) == 2 and spans[0][0] == 0 and spans[-1][1] == len(text) and spans[0][1] == spans[1][0]
    assert text[:spans[0][1]].endswith("การบริหาร")  # not inside a word


def test_vietnamese_split_keeps_decimals_and_abbreviations():
    text = "Chủ tịch UBND TP. Hà Nội cho biết tỷ lệ đạt 84,38%. Năm 2023, chỉ số tăng 1.234 điểm! Xong.\nDòng mới"
    assert [text[a:b] for a, b in split_sentences(text, "vi")] == [
        "Chủ tịch UBND TP. Hà Nội cho biết tỷ lệ đạt 84,38%.",
        "Năm 2023, chỉ số tăng 1.234 điểm!",
        "Xong.",
        "Dòng mới",
    ]


# ----------------------------------------------------------------------------- translation

@pytest.mark.parametrize("lang", ["th", "vi"])
def test_memorised_sentences_come_out_exactly(with_models, lang):
    pairs = PAIRS[lang]
    got = translation.translate_sentences([s for s, _ in pairs], find_route(lang, "en"))
    assert got == [t for _, t in pairs]


def test_document_text_and_alignment(with_models):
    tr = translate_document(THAI_PAGE, "th")
    assert tr.text == THAI_ENGLISH
    assert (tr.from_code, tr.to_code) == ("th", "en")
    assert [(s.source_start, s.source_end, s.target_start, s.target_end) for s in tr.segments] == [
        (0, 90, 0, 116), (92, 146, 118, 186), (147, 203, 187, 249)]
    english = dict(PAIRS["th"])
    for seg in tr.segments:
        assert english[THAI_PAGE[seg.source_start:seg.source_end]] == tr.text[seg.target_start:seg.target_end]
    start = tr.text.index("30.4%")
    assert tr.source_span(start, start + 5) == [92, 146]
    assert "30.4%" in THAI_PAGE[92:146]


def test_vietnamese_document(with_models):
    (s1, t1), (s2, t2) = PAIRS["vi"][0], PAIRS["vi"][2]
    tr = translate_document(f"{s1} {s2}", "vi")
    assert tr.text == f"{t1} {t2}"
    assert [(s.source_start, s.source_end) for s in tr.segments] == [(0, len(s1)), (len(s1) + 1, len(s1) + 1 + len(s2))]


def test_cache_hits_and_translator_loaded_once(with_models, monkeypatch):
    calls = []
    original = translation._Engine.translate

    def counting(self, sentences):
        calls.append(list(sentences))
        return original(self, sentences)

    monkeypatch.setattr(translation._Engine, "translate", counting)
    first = translate_document(THAI_PAGE, "th")
    info = cache_info()
    assert (info.hits, info.misses, info.currsize) == (0, 3, 3)
    assert len(calls) == 1 and len(calls[0]) == 3  # one batch for the page
    engine = translation._engine(find_route("th")[0])
    second = translate_document(THAI_PAGE, "th")
    assert second == first
    assert cache_info().hits == 3 and len(calls) == 1  # nothing translated again
    assert translation._engine(find_route("th")[0]) is engine


def test_threads_share_translators(with_models):
    texts = [THAI_PAGE, " ".join(s for s, _ in PAIRS["vi"][:4])] * 4
    langs = ["th", "vi"] * 4
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda a: translate_document(*a).text, zip(texts, langs)))
    assert results[0] == THAI_ENGLISH
    assert results[1] == " ".join(t for _, t in PAIRS["vi"][:4])
    assert results == results[:2] * 4
    assert len(translation._ENGINES) == 2


def test_bpe_packages_tokenize_like_argos(tmp_path):
    folder = tmp_path / "translate-xx_en"
    (folder / "model").mkdir(parents=True)
    (folder / "metadata.json").write_text(json.dumps({"from_code": "vi", "to_code": "en"}))
    (folder / "bpe.model").write_text("#version: 0.2\nr e\nre f\nref o\n", encoding="utf-8")
    pkg = models._read_package(folder)
    assert pkg.tokenizer_kind == "bpe"
    engine = translation._Engine(pkg)
    engine._load_tokenizer()
    tokens = engine.encode("reform, 84,38%")
    assert tokens[0] == "refo@@" and tokens[-1] == "%"
    assert engine.decode(tokens) == "reform, 84,38%"


def test_same_language_is_identity_and_codes_are_argos_codes(without_models):
    tr = translate_document("Một câu. Câu hai.", "vi", "vi")
    assert tr.text == "Một câu. Câu hai." and [(s.source_start, s.target_end) for s in tr.segments] == [(0, 8), (9, 17)]
    with pytest.raises(TranslationUnavailable, match="translate-zt_en"):
        translate_document("一句話。", "zh-tw", required=True)


def test_pivot_route(monkeypatch, tmp_path):
    pkgs = [models.Package(tmp_path / "a", "th", "vi"), models.Package(tmp_path / "b", "vi", "en")]
    monkeypatch.setattr(models, "installed_packages", lambda: pkgs)
    assert find_route("th", "en") == pkgs
    assert find_route("vi", "en") == pkgs[1:]
    assert find_route("lo", "en") is None


# ----------------------------------------------------------------------------- missing model

def test_auto_without_model_warns_once_per_pair(without_models):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert translate_document(THAI_PAGE, "th", required=False) is None
        assert translate_document(THAI_PAGE, "th", required=False) is None
        assert translate_document("Chỉ số hài lòng.", "vi", required=False) is None
    messages = [str(w.message) for w in caught]
    assert len(messages) == 2
    assert "th->en" in messages[0] and "argospm install translate-th_en" in messages[0]
    assert "parreform_nlp.models.install(path)" in messages[0]
    assert "vi->en" in messages[1]


def test_analyze_modes_without_model(without_models, monkeypatch):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = analyze(THAI_PAGE, translate="auto")
        analyze(THAI_PAGE, translate="auto")
    assert result.translation is None and result.language == "th"
    assert len([w for w in caught if "translate-th_en" in str(w.message)]) == 1

    with pytest.raises(TranslationUnavailable, match="argospm install translate-th_en"):
        analyze(THAI_PAGE, translate=True)
    assert parreform_nlp.TranslationUnavailable is TranslationUnavailable

    called = []
    monkeypatch.setattr(translation, "find_route", lambda *a, **k: called.append(a))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert analyze(THAI_PAGE, translate=False).translation is None
    assert called == [] and not [w for w in caught if "translate-" in str(w.message)]


# ----------------------------------------------------------------------------- merge

def _translation(source: str, english: str) -> Translation:
    return Translation(english, "vi", "en", [Segment(0, len(source), 0, len(english))], [], source)


def test_merge_marks_sources_and_pools_people():
    source = "Thủ tướng Phạm Minh Chính chủ trì. Chỉ số hài lòng đạt 84,38%."
    english = "Prime Minister Pham Minh Chinh chaired. The satisfaction index reached 84%."
    tr = Translation(english, "vi", "en", [Segment(0, 34, 0, 39), Segment(35, 62, 40, len(english))], [], source)
    native = Analysis(language="vi", officials=[Official("Phạm Minh Chính", mentions=[Mention("Phạm Minh Chính", 10, 25)])],
                      indicators=[Indicator("84,38%", 84.38, "percent", start=55, end=61)])
    n = english.index("Pham")
    p = english.index("84%")
    translated = Analysis(
        language="en",
        officials=[Official("Pham Minh Chinh", title="Prime Minister",
                            mentions=[Mention("Pham Minh Chinh", n, n + 15)]),
                   Official("Comrade Nguyen Van A", mentions=[Mention("Nguyen Van A", 0, 12)])],
        indicators=[Indicator("84%", 84.0, "percent", metric="satisfaction index", start=p, end=p + 3)])
    out = merge_translation(native, translated, tr)
    assert out.translation == english
    assert [o.name for o in out.officials] == ["Phạm Minh Chính", "Comrade Nguyen Van A"]
    chinh = out.officials[0]
    assert chinh.title == "Prime Minister"
    assert [(m.source, m.source_span) for m in chinh.mentions] == [("original", None), ("translation", [0, 34])]
    # native numbers win; the translation only adds what the native record lacked
    assert len(out.indicators) == 1
    ind = out.indicators[0]
    assert (ind.value, ind.source, ind.metric) == (84.38, "original", "satisfaction index")


def test_indicator_value_comes_from_the_source_when_mt_changed_it():
    source = "Chỉ số hài lòng đạt 84,38%."
    english = "The satisfaction index reached 84%."
    p = english.index("84%")
    translated = Analysis(indicators=[Indicator("84%", 84.0, "percent", start=p, end=p + 3)])
    out = merge_translation(Analysis(language="vi"), translated, _translation(source, english))
    ind = out.indicators[0]
    assert (ind.value, ind.text, ind.source, ind.source_span) == (84.38, "84%", "translation", [0, len(source)])
    assert english[ind.start:ind.end] == ind.text

    english = "The satisfaction index reached 84.38%."
    p = english.index("84.38%")
    translated = Analysis(indicators=[Indicator("84.38%", 84.38, "percent", start=p, end=p + 6)])
    out = merge_translation(Analysis(language="vi"), translated, _translation(source, english))
    assert out.indicators[0].value == 84.38


def test_numbers_the_source_does_not_have_are_dropped():
    source = "Tỉnh tổ chức hội nghị sơ kết."
    english = "The province held a review conference with 45.22% attendance."
    p = english.index("45.22%")
    translated = Analysis(indicators=[Indicator("45.22%", 45.22, "percent", start=p, end=p + 6)])
    out = merge_translation(Analysis(language="vi"), translated, _translation(source, english))
    assert out.indicators == []


def test_counts_and_dates_merge_per_source_sentence():
    from parreform_nlp.result import Count, DateMention, LegalRef

    source = "Các bộ đã cắt giảm 628 quy định năm 2023. Tỉnh cắt giảm 144 quy định năm 2023 theo Quyết định 280/QĐ-TTg."
    s1 = source.index(".") + 1
    english = "Ministries cut 628 regulations in 2023. The province cut 141 regulations in 2023 under Decision 280/QD-TTg."
    e1 = english.index(".") + 1
    tr = Translation(english, "vi", "en", [Segment(0, s1, 0, e1), Segment(s1 + 1, len(source), e1 + 1, len(english))],
                     [], source)
    native = Analysis(
        language="vi",
        counts=[Count("628 quy định", 628.0, start=source.index("628"), end=source.index("628") + 12)],
        dates=[DateMention("2023", "2023", start=source.index("2023"), end=source.index("2023") + 4)],
        legal_refs=[LegalRef("Quyết định 280/QĐ-TTg", number="280/QĐ-TTg", start=source.index("Quyết"),
                             end=len(source) - 1)])

    def at(text, sub, nth=0, cls=Count, **kw):
        i = -1
        for _ in range(nth + 1):
            i = english.index(sub, i + 1)
        return cls(sub, start=i, end=i + len(sub), **kw)

    translated = Analysis(
        counts=[at(english, "628", value=628.0), at(english, "141", value=141.0)],
        dates=[at(english, "2023", 0, DateMention, value="2023"), at(english, "2023", 1, DateMention, value="2023")],
        legal_refs=[at(english, "280/QD-TTg", cls=LegalRef, number="280/QD-TTg")])
    out = merge_translation(native, translated, tr)
    assert [(c.value, c.source) for c in out.counts] == [(628.0, "original"), (144.0, "translation")]
    assert [(d.source, d.source_span) for d in out.dates] == [("original", None), ("translation", [s1 + 1, len(source)])]
    assert [r.source for r in out.legal_refs] == ["original"]


def test_fold_and_numbers():
    assert fold("Comrade Phạm Minh Chính") == fold("Pham Minh Chinh") == "pham minh chinh"
    assert fold("Đồng chí Lại Văn Hoàn") == "lai van hoan"
    assert fold("Ông Nguyễn Văn A") == "nguyen van a"
    assert numbers_in("đạt 84,38% và 1.234.567 người, 30.4%") == [84.38, 1234567.0, 30.4]


# ----------------------------------------------------------------------------- end to end

def _english_components_ready() -> bool:
    probe = analyze("Prime Minister Pham Minh Chinh said the rate reached 30.4% in 2023.", lang="en")
    return bool(probe.officials) and bool(probe.indicators)


def test_analyze_thai_page_records_from_translation(with_models):
    result = analyze(THAI_PAGE, translate=True)
    assert result.language == "th"
    assert result.translation == THAI_ENGLISH
    if not _english_components_ready():
        pytest.skip("the English officials/indicators components have not landed yet")
    names = {o.name: o for o in result.officials}
    assert "Pham Minh Chinh" in names
    chinh = names["Pham Minh Chinh"]
    assert any(m.source == "translation" and m.source_span == [0, 90] for m in chinh.mentions)
    for m in chinh.mentions:
        text = THAI_PAGE if m.source == "original" else result.translation
        assert text[m.start:m.end] == m.text
    values = {(i.value, i.unit) for i in result.indicators}
    assert (30.4, "percent") in values and (37.4, "percent") in values
    for ind in result.indicators:
        text = THAI_PAGE if ind.source == "original" else result.translation
        assert text[ind.start:ind.end] == ind.text
        if ind.source == "translation":
            assert ind.source_span is not None


def test_analyze_vietnamese_page_one_record_per_person_and_indicator(with_models):
    (s1, t1), (s2, t2) = PAIRS["vi"][0], PAIRS["vi"][2]  # Phạm Minh Chính ...; ... đạt 84,38%.
    page = f"{s1} {s2}"
    result = analyze(page, lang="vi", translate=True)
    assert result.translation == f"{t1} {t2}"
    if not _english_components_ready():
        pytest.skip("the English officials/indicators components have not landed yet")
    chinh = [o for o in result.officials if fold(o.name) == "pham minh chinh"]
    assert len(chinh) == 1
    assert "translation" in {m.source for m in chinh[0].mentions}
    satisfaction = [i for i in result.indicators if i.unit == "percent" and abs(i.value - 84.38) < 1e-9]
    assert len(satisfaction) == 1

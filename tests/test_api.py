import json
import warnings

import pytest

import parreform_nlp
from parreform_nlp import Analysis, analyze, analyze_many
from parreform_nlp.result import CONTRACT_KEYS

from .conftest import SEED_LANGS

LIST_FIELDS = ("officials", "bodies", "places", "indicators", "counts", "legal_refs", "dates")


@pytest.fixture(autouse=True)
def _quiet_missing_models():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


def test_contract_keys_and_types(seeds):
    for seed_id, text in seeds.items():
        out = analyze(text).to_dict()
        assert tuple(out) == CONTRACT_KEYS
        assert out["language"] == SEED_LANGS[seed_id]
        assert isinstance(out["language_score"], float) and 0.0 <= out["language_score"] <= 1.0
        assert out["translation"] is None or isinstance(out["translation"], str)
        for field in LIST_FIELDS:
            assert isinstance(out[field], list)
        for ind in out["indicators"]:
            assert isinstance(ind["value"], float) and ind["unit"] in ("percent", "points", "times")
            assert isinstance(ind["comparison"], bool)
        for kind in ("indicators", "counts", "legal_refs", "dates"):
            for rec in out[kind]:
                source_text = text if rec["source"] == "original" else out["translation"]
                assert source_text[rec["start"]:rec["end"]] == rec["text"]
        for kind in ("officials", "bodies", "places"):
            for rec in out[kind]:
                for m in rec["mentions"]:
                    source_text = text if m["source"] == "original" else out["translation"]
                    assert source_text[m["start"]:m["end"]] == m["text"]


def test_json_round_trip(seeds):
    for text in seeds.values():
        result = analyze(text)
        data = json.loads(result.to_json())
        assert data == result.to_dict()
        assert Analysis.from_dict(data) == result


def test_same_text_same_result(seeds):
    text = seeds["seed-001"]
    assert analyze(text).to_dict() == analyze(text).to_dict()


def test_analyze_many_keeps_order_and_matches_parallel(seeds):
    texts = list(seeds.values())
    serial = [r.to_dict() for r in analyze_many(texts)]
    assert serial == [analyze(t).to_dict() for t in texts]
    parallel = [r.to_dict() for r in analyze_many(texts, n_process=2, batch_size=2)]
    assert parallel == serial


@pytest.mark.parametrize("bad", [None, b"Decision 280/QD-UBND", 42, ["text"]])
def test_non_text_raises_type_error(bad):
    with pytest.raises(TypeError, match="str"):
        analyze(bad)


@pytest.mark.parametrize("blank", ["", "   ", "\n\t  \n"])
def test_empty_text_gives_empty_analysis(blank):
    out = analyze(blank).to_dict()
    assert out["language"] == "und" and out["language_score"] == 0.0
    assert all(out[f] == [] for f in LIST_FIELDS)


def test_bad_translate_mode():
    with pytest.raises(ValueError, match="translate"):
        analyze("Some text about reform.", translate="sometimes")


def test_lang_override_is_used():
    assert analyze("Đây là một đoạn văn bản ngắn.", lang="vi").language == "vi"


def test_load_returns_a_pipeline_the_caller_owns(seeds):
    nlp = parreform_nlp.load("en")
    assert nlp is not parreform_nlp.load("en")
    assert nlp.pipe_names[0] == "parreform_language"
    assert {"parreform_officials", "parreform_bodies", "parreform_indicators"} <= set(nlp.pipe_names)
    text = seeds["seed-000"]
    before = analyze(text).to_dict()
    # Regression: load() returned analyze()'s own pipeline, so this emptied analyze()'s officials
    nlp.remove_pipe("parreform_officials")
    nlp.remove_pipe("parreform_bodies")
    assert analyze(text).to_dict() == before and before["officials"]


def test_seeds_offline(seeds, no_network):
    for text in seeds.values():
        analyze(text)


def test_pipelines_are_thread_safe(seeds):
    from concurrent.futures import ThreadPoolExecutor

    texts = list(seeds.values()) * 2
    expected = [analyze(t).to_dict() for t in texts]
    with ThreadPoolExecutor(4) as pool:
        assert [r.to_dict() for r in pool.map(analyze, texts)] == expected


def test_page_over_spacys_default_max_length():
    # Regression: spaCy's default max_length (1,000,000 chars) made such pages fail with E088.
    sentence = "On March 5, the rate of online records in Ha Tinh reached 45.5%. "
    page = sentence * (1_050_000 // len(sentence) + 1)
    result = analyze(page, lang="en", translate=False)
    assert len(result.indicators) == page.count("45.5%")

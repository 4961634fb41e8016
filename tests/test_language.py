import spacy

from parreform_nlp.components.language import detect_language

from .conftest import SEED_LANGS


def test_each_seed_gets_its_language(seeds):
    for seed_id, text in seeds.items():
        assert detect_language(text)[0] == SEED_LANGS[seed_id], seed_id


def test_vietnamese_sentence():
    code, score = detect_language("Năm nay, tỉnh đã rà soát và đơn giản hóa nhiều quy định kinh doanh cho người dân.")
    assert code == "vi" and 0.5 <= score <= 1.0


def test_thai_script_fast_path():
    assert detect_language("นายกรัฐมนตรีเป็นประธานการประชุมเรื่องการปฏิรูปการบริหาร")[0] == "th"


def test_unjudgeable_text_is_und():
    for text in ["", "   \n\t", "2023 2024 30,5% 12/06", "Hi", "!!! ??? ..."]:
        assert detect_language(text) == ("und", 0.0), text


def test_detection_is_deterministic():
    text = "Cải cách hành chính là nhiệm vụ trọng tâm"  # short: langdetect alone would be random
    assert len({detect_language(text) for _ in range(20)}) == 1


def test_component_sets_doc_attrs_and_honours_override():
    nlp = spacy.blank("en")
    nlp.add_pipe("parreform_language")  # resolved through the spacy_factories entry point
    doc = nlp("The Ministry of Home Affairs announced the PAR Index results for 2023 today.")
    assert (doc._.language, doc._.language_score > 0.5) == ("en", True)
    doc = nlp("Whatever the text says", component_cfg={"parreform_language": {"lang": "vi"}})
    assert (doc._.language, doc._.language_score) == ("vi", 1.0)


def test_component_under_two_processes(seeds):
    nlp = spacy.blank("en")
    nlp.add_pipe("parreform_language")
    texts = list(seeds.values())
    serial = [(d._.language, d._.language_score) for d in nlp.pipe(texts)]
    parallel = [(d._.language, d._.language_score) for d in nlp.pipe(texts, n_process=2, batch_size=2)]
    assert parallel == serial
    assert [lang for lang, _ in serial] == list(SEED_LANGS.values())

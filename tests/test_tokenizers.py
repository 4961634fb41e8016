import spacy

from parreform_nlp.pipeline import build
from parreform_nlp.tokenizers import SyllableTokenizer, ThaiTokenizer

VI = ("Sáng 8/5,  ông Trần Văn Bình - Phó Giám đốc Sở Tư pháp,\\nphát biểu tại buổi làm việc.\n\n"
      "Số doanh nghiệp mới tăng 12,5%.  ")


def _tokens(doc):
    return [(t.text, t.whitespace_) for t in doc]


def test_syllable_tokenizer_gives_spacys_vietnamese_tokens():
    reference = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    ours = SyllableTokenizer(reference.vocab)
    for text in (VI, " leading space", "", "   ", "a\n\n b  c "):
        assert _tokens(ours(text)) == _tokens(reference(text)), repr(text)


def test_thai_tokenizer_gives_spacys_thai_tokens(seeds):
    reference = spacy.blank("th")
    ours = ThaiTokenizer(reference.vocab)
    text = seeds["seed-004"]
    assert _tokens(ours(text)) == _tokens(reference(text))
    assert ours(text).text == text


def test_pipelines_use_them_and_serialise_their_config():
    for lang, cls in (("vi", SyllableTokenizer), ("th", ThaiTokenizer)):
        nlp = build(lang)
        assert isinstance(nlp.tokenizer, cls)
        assert nlp.config["nlp"]["tokenizer"]["@tokenizers"].startswith("parreform.")


def test_saved_pipeline_loads_in_a_fresh_interpreter(tmp_path):
    import subprocess
    import sys

    build("vi").to_disk(tmp_path / "vi")
    code = (f"import spacy; nlp = spacy.load({str(tmp_path / 'vi')!r}); "
            "doc = nlp('Giám đốc Sở Nội vụ Nguyễn Văn An cho biết tỷ lệ đạt 84,38%.'); "
            "print(type(nlp.tokenizer).__name__, len(doc._.indicators))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["SyllableTokenizer", "1"]

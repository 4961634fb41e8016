import spacy

from parreform_nlp.pipeline import build
from parreform_nlp.tokenizers import SyllableTokenizer, ThaiTokenizer

VI = ("Sáng 8/5,  ông Trần Văn Bình - Phó Giám đốc Sở Tư pháp,\\nphát biểu tại buổi làm việc.\n\n"
      "Số doanh nghiệp mới tăng 12,5%.  ")


def _tokens(doc):
    return [(t.text, t.whitespace_) for t in doc]


def _boundaries(doc):
    return {t.idx for t in doc} | {t.idx + len(t) for t in doc}


def test_syllable_tokenizer_keeps_spacys_vietnamese_boundaries_and_splits_punctuation():
    reference = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    ours = SyllableTokenizer(reference.vocab)
    for text in (VI, " leading space", "", "   ", "a\n\n b  c "):
        doc, ref = ours(text), reference(text)
        assert doc.text == text
        # whitespace as spaCy has it; only more boundaries, where punctuation meets a word
        assert [t.text for t in doc if t.is_space] == [t.text for t in ref if t.is_space], repr(text)
        assert _boundaries(ref) <= _boundaries(doc), repr(text)


def test_punctuation_is_split_off_vietnamese_syllables():
    # Regression: "97%." and "2023," were single tokens, so records did not align (char_span None)
    doc = SyllableTokenizer(spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}}).vocab)(
        "Tỷ lệ đạt 97%. Năm 2023, (PAR) tăng 84,38% giai đoạn 2021-2030 theo 280/QĐ-UBND ngày 8/5.")
    assert [t.text for t in doc] == [
        "Tỷ", "lệ", "đạt", "97", "%", ".", "Năm", "2023", ",", "(", "PAR", ")", "tăng", "84,38", "%",
        "giai", "đoạn", "2021", "-", "2030", "theo", "280/QĐ", "-", "UBND", "ngày", "8/5", "."]


def test_glued_words_are_cut():
    tok = SyllableTokenizer(spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}}).vocab)
    assert [t.text for t in tok("Việt NamViệt Nam06/09/2023 VNeID QH15")] == [
        "Việt", "Nam", "Việt", "Nam", "06/09/2023", "VNe", "ID", "QH", "15"]


def test_decomposed_vietnamese_stays_one_token():
    import unicodedata

    word = unicodedata.normalize("NFD", "Nguyễn,")
    assert [t.text for t in SyllableTokenizer(spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}}).vocab)(word)] == [word[:-1], ","]


def test_long_runs_tokenize_one_token_a_character():
    tok = SyllableTokenizer(spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}}).vocab)
    assert len(tok("." * 50_000)) == 50_000
    assert len(tok("a" * 50_000 + "%")) == 2


def test_thai_tokenizer_keeps_pythainlps_words_and_splits_punctuation(seeds):
    reference = spacy.blank("th")
    ours = ThaiTokenizer(reference.vocab)
    text = seeds["seed-004"]
    doc = ours(text)
    assert doc.text == text
    assert _boundaries(reference(text)) <= _boundaries(doc)
    assert [t.text for t in ours("เพิ่มขึ้น 97%. (PAR)")] == ["เพิ่มขึ้น", " ", "97", "%", ".", " ", "(", "PAR", ")"]


def test_every_record_aligns_to_tokens():
    import parreform_nlp
    from parreform_nlp.pipeline import make_doc

    pages = {
        "vi": "Ngày 6/9/2023, Bộ Nội vụ công bố Chỉ số PAR INDEX 2023 của tỉnh Hà Tĩnh đạt 87,5%, tăng 2,3%. "
              "Theo Quyết định số 280/QĐ-UBND, giai đoạn 2021-2025, tỷ lệ hài lòng đạt 97%.",
        "th": "เมื่อวันที่ 3 กุมภาพันธ์ 2567 กระทรวงมหาดไทยเวียดนามรายงานว่า ดัชนี PAR INDEX เพิ่มขึ้น 97%. (PAR)",
        "en": "On 6 September 2023, Viet Nam06/09/2023 the Ministry of Home Affairs said the PAR Index of "
              "Ha Tinh reached 87.5%, up 2.3% over the 2021–2025 period.",
    }
    pages["ja"] = "2024年、行政手続の31.16%がオンラインで処理され、首相が10件の決定を発出した。"
    for lang, text in pages.items():
        result = parreform_nlp.analyze(text, lang=lang, translate=False).to_dict()
        doc = make_doc(text, lang)
        offsets = [(m["start"], m["end"]) for kind in ("officials", "bodies", "places") for r in result[kind]
                   for m in r["mentions"]]
        offsets += [(r["start"], r["end"]) for kind in ("indicators", "counts", "legal_refs", "dates")
                    for r in result[kind]]
        assert len(offsets) >= (2 if lang == "ja" else 4), lang
        assert [o for o in offsets if doc.char_span(*o) is None] == [], lang


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


def test_long_run_test_agrees_with_a_search_for_the_run():
    # a run is found at the start, after any kind of whitespace, and at the end, never below the limit
    import random
    import re

    from parreform_nlp.textprep import MAX_RUN, has_long_run

    rnd = random.Random(7)
    long_run = re.compile(rf"\S{{{MAX_RUN + 1},}}")
    texts = ["", "x" * MAX_RUN, "x" * (MAX_RUN + 1), " " + "y" * (MAX_RUN + 1), "a\u00a0" + "b" * (MAX_RUN + 1),
             "w " * 50 + "z" * (MAX_RUN + 1) + " end", "\n" + "(" * 500, "a b\tc\n" * 40]
    for _ in range(300):
        texts.append("".join(rnd.choice(["a", "b", " ", "\n", "\u2003", "x" * rnd.randint(1, 60)])
                             for _ in range(rnd.randint(0, 40))))
    for text in texts:
        assert has_long_run(text) == (long_run.search(text) is not None), repr(text[:40])


def test_alignment_infixes_split_as_their_look_behind_first_forms():
    # the infixes open with the character they test; the tokens are those of the plain forms
    import random

    import spacy
    from spacy.util import compile_infix_regex

    from parreform_nlp.pipeline import _HAN_KANA, _HANGUL, build

    plain = (r"(?<=[0-9])[-–—](?=[0-9])", r"(?<=[0-9])%(?=[^\W\d_])",
             r"(?<=[^\W\d_])(?=[0-9]{1,2}[/.][0-9]{1,2}[/.][0-9]{4})", r"[、。，；：！？]",
             rf"(?<=[{_HAN_KANA}])(?=[{_HAN_KANA}])", rf"(?<=[{_HAN_KANA}{_HANGUL}])(?=[0-9])",
             rf"(?<=[0-9])(?=[{_HAN_KANA}{_HANGUL}])")
    reference = spacy.blank("en")
    reference.tokenizer.infix_finditer = compile_infix_regex(list(reference.Defaults.infixes) + list(plain)).finditer
    ours = build("en")
    rnd = random.Random(5)
    pieces = ["2021", "–", "-", "%", "に", "の", "件", "에", "Nam", "06/09/2023", "31.16", "、", "a", " ", "日本", "7"]
    texts = ["2021–2025", "41%に", "Việt Nam06/09/2023", "の31.16%が", "10件", "69%에"]
    texts += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 12))) for _ in range(400)]
    for text in texts:
        assert [t.text for t in ours.make_doc(text)] == [t.text for t in reference.make_doc(text)], text

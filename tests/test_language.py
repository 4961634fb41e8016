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


# --- script fast path: scripts langdetect has no profile for get their language too ----------

SCRIPT_SENTENCES = {
    "km": "រដ្ឋាភិបាលកម្ពុជាបានប្រជុំអំពីកំណែទម្រង់រដ្ឋបាលសាធារណៈ",
    "lo": "ລັດຖະບານໄດ້ປຶກສາຫາລືກ່ຽວກັບການປະຕິຮູບການບໍລິຫານລັດ",
    "my": "အစိုးရအဖွဲ့သည် အုပ်ချုပ်ရေးပြုပြင်ပြောင်းလဲမှုကို ဆွေးနွေးခဲ့သည်",
    "ka": "მთავრობამ განიხილა საჯარო მმართველობის რეფორმა",
    "hy": "Կառավարությունը քննարկեց հանրային կառավարման բարեփոխումը",
    "ja": "政府は行政手続きの簡素化について会議を開いた",
    "ko": "정부는 행정 개혁에 관한 회의를 열었습니다",
    "zh": "政府召开会议讨论行政程序改革问题并提出意见",
    "th": "คณะรัฐมนตรีประชุมเรื่องการปฏิรูประบบราชการ",
}


def test_each_script_decides_its_language():
    from parreform_nlp.components.language import fast_language

    for lang, text in SCRIPT_SENTENCES.items():
        assert detect_language(text)[0] == lang, lang
        assert fast_language(text)[0] == lang, lang  # no langdetect needed


def test_script_wins_over_latin_names_in_the_page():
    text = ("ລັດຖະມົນຕີ Mai Tien Dung ໄດ້ກ່າວວ່າ ການປະຕິຮູບຂັ້ນຕອນການບໍລິຫານ ແມ່ນວຽກງານສຳຄັນ "
            "ຂອງລັດຖະບານ ໃນປີນີ້")
    assert detect_language(text)[0] == "lo"


def test_english_function_words_decide_english_without_langdetect():
    from parreform_nlp.components.language import fast_language

    text = ("The provincial People's Committee said that the number of online applications has grown "
            "and that the reform of the procedures will continue in the coming months.")
    assert fast_language(text)[0] == "en"


def test_english_page_naming_vietnamese_people_stays_english():
    text = ("Deputy Prime Minister Trần Hồng Hà and Minister Phạm Thị Thanh Trà met the leaders of "
            "Thừa Thiên Huế and Đà Nẵng to review the progress of the merger of the provinces.")
    assert detect_language(text)[0] == "en"


def test_vietnamese_letters_decide_vietnamese():
    from parreform_nlp.components.language import fast_language

    text = "Bộ Nội vụ đã tổng hợp ý kiến của các địa phương về việc sắp xếp đơn vị hành chính cấp xã."
    assert fast_language(text)[0] == "vi"


def test_other_latin_languages_are_left_to_langdetect():
    from parreform_nlp.components.language import fast_language

    es = ("El Gobierno aprobó el lunes un decreto sobre la simplificación de los trámites "
          "administrativos para los ciudadanos y las empresas del país.")
    fr = ("Le gouvernement a adopté un décret sur la simplification des procédures "
          "administratives pour les citoyens et les entreprises du pays.")
    assert fast_language(es) is None and detect_language(es)[0] == "es"
    assert fast_language(fr) is None and detect_language(fr)[0] == "fr"


def test_letter_counts_match_a_count_of_every_character():
    # the ASCII letters are counted in C, together; the other letters one by one
    import re
    from collections import Counter

    from parreform_nlp.components.language import _letter_counts, script_counts

    texts = ["", "1234 ,.;", "The PAR Index 2023", "Trần Hồng Hà, Đà Nẵng: 97%", "ก ข ค 2566 ๑๒",
             "日本語 한국어 and Latin", "İstanbul ſ K ı_x", "e\u0301 vowel signs \u0e34\u0e35 and digits \u0663"]
    for text in texts:
        letters = Counter(c for c in text if re.match(r"[^\W\d_]", c))
        got = _letter_counts(text)
        assert sum(got.values()) == sum(letters.values()), text
        assert script_counts(got) == script_counts(letters), text


def test_the_component_reads_the_page_text_not_the_tokens():
    # the page context's text (what analyze() primes) is what the language is detected on
    import spacy

    from parreform_nlp.page import prime

    nlp = spacy.blank("xx")
    nlp.add_pipe("parreform_language")
    doc = nlp.make_doc("x y z")
    prime(doc, "The provincial People's Committee said that the reform of the procedures will continue.")
    assert nlp(doc)._.language == "en"

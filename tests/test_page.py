"""The page context: computed once per Doc, shared by the components."""
import gc

import spacy

import parreform_nlp
from parreform_nlp import page as page_mod
from parreform_nlp.page import Page, page_of, prime

TEXT = ("Ha Noi, 06/09/2023\n\nThe satisfaction index reached 84.5% in 2023, against 82.1% in 2022.\n"
        "Photo: Nguyen Van An\n\nRelated news\nPAR Index 2566 results announced\n")


def test_page_parts():
    page = Page(TEXT)
    assert [TEXT[a:b] for a, b in page.lines][:2] == ["Ha Noi, 06/09/2023", ""]
    assert len(page.paragraphs) == 3 and TEXT[slice(*page.paragraphs[0])] == "Ha Noi, 06/09/2023"
    assert page.years == [2023, 2023, 2022, 2023]  # 2566 BE is 2023 CE
    assert page.ascii_text == TEXT
    assert Page("ปี ๒๕๖๖").ascii_text == "ปี 2566"
    (start, end), = page.related
    assert TEXT[start:].startswith("Related news")


def test_one_page_per_doc_and_boilerplate_computed_once(monkeypatch):
    nlp = spacy.blank("en")
    doc = nlp(TEXT)
    assert page_of(doc) is page_of(doc)
    calls = []
    import parreform_nlp.names as names

    real = names.excluded_ranges
    monkeypatch.setattr(names, "excluded_ranges", lambda *a, **k: calls.append(1) or real(*a, **k))
    cues = (("Photo:",), ("Related news",), ())
    assert page_of(doc).boilerplate(*cues) == page_of(doc).boilerplate(*cues)
    assert len(calls) == 1


def test_analyze_never_rebuilds_the_doc_text(monkeypatch, seeds):
    # Regression: each component read doc.text, which spaCy rebuilds from the tokens on every access
    text = seeds["seed-001"]
    expected = parreform_nlp.analyze(text, lang="en").to_dict()
    built = []
    real = page_mod.Page.__init__

    def spy(self, text):
        built.append(text)
        real(self, text)

    monkeypatch.setattr(page_mod.Page, "__init__", spy)
    assert parreform_nlp.analyze(text, lang="en").to_dict() == expected
    assert built == [text]  # one page context, made from the input text


def test_page_goes_with_its_doc():
    doc = spacy.blank("en")("a short page")
    prime(doc, "a short page")
    n = len(page_mod._PAGES)
    del doc
    gc.collect()
    assert len(page_mod._PAGES) == n - 1

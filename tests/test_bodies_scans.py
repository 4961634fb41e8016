"""The bodies component's fast paths read the page as spaCy would: the folded forms, the acronym
and web-address scans give what the plain (slower) forms give (the token view: test_token_view.py)."""
from __future__ import annotations

import random
import re

import pytest

import parreform_nlp
from parreform_nlp.components.bodies import acronym_definitions
from parreform_nlp.components.bodies_merge import fast_fold
from parreform_nlp.names import fold

@pytest.fixture(scope="module")
def nlp():
    return parreform_nlp.load("en")


@pytest.mark.parametrize("s", ["Ministry of Home Affairs", "  People's   Committee ", "People’s Committee",
                               "Đà Nẵng", "Thừa Thiên Huế", "กระทรวงมหาดไทย", "ÉCOLE", "", "MOHA\tHQ"])
def test_fast_fold_is_fold(s):
    assert fast_fold(s) == fold(s)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_gazetteer_acronyms_never_inside_a_longer_word_or_number(lang):
    comp = parreform_nlp.load(lang).get_pipe("parreform_bodies")
    if comp._gaz_acr_re is None:
        pytest.skip("no gazetteer acronyms for " + lang)
    edge = r"\w/" if lang == "en" else r"\w/\-"
    with_lookbehind = re.compile(r"(?<![" + edge + r"])" + comp._gaz_acr_re.pattern)
    acronyms = sorted(comp._gaz_acr)[:25]
    pieces = acronyms + ["a", "/", "-", " ", "Ă", "_", "1", " (", ") ", "UN", "DP", "NQ-CP"]
    rng = random.Random(11)
    for _ in range(2000):
        s = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
        assert [m.span() for m in comp._gaz_acr_matches(s)] == [m.span() for m in with_lookbehind.finditer(s)]


def test_acronym_definition_starts_before_the_spaces():
    old = re.compile(r"(?<!\s)\s*\(([A-Z](?=[a-z&]*[A-Z])[A-Za-z&]{1,9})\)")
    pieces = ["(", "CIEM", ")", " ", "\n", "\u00a0", "x", "Ab", "&", "(VCCI)", "  (MOHA)"]
    rng = random.Random(5)
    for _ in range(3000):
        s = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
        assert list(acronym_definitions(s)) == [(m.start(), m.group(1)) for m in old.finditer(s)]


def test_acronym_defined_after_spaces_and_a_capitalised_web_address(nlp):
    doc = nlp("The Central Institute for Economic Management \n (CIEM) met on Monday. Later, CIEM said "
              "that applications go through the portal at DTI.GOV.VN from June.")
    names = {b["name"]: b for b in doc._.bodies}
    ciem = names["Central Institute for Economic Management"]
    assert [m["text"] for m in ciem["mentions"]] == ["Central Institute for Economic Management", "CIEM", "CIEM"]
    assert any(b["kind"] == "portal" and b["mentions"][0]["text"] == "DTI.GOV.VN" for b in doc._.bodies)


@pytest.mark.parametrize("text,media", [
    ("the Vietnam News Agency", True), ("Tuổi Trẻ", True), ("the Saigon Times", True), ("Nhân Dân", True),
    ("Hanoi Radio and Television", True), ("Ministry of Home Affairs", False), ("Department of Radio", False),
    ("Lao Động", True), ("Lao Động Committee", False), ("Thanh Niên Online Newspaper", True), ("the", False)])
def test_media_spans_with_the_last_word_look_up(text, media):
    """``_is_media`` rules out a span whose last word ends no media name nor head before folding the
    whole span: the same answers as the full test (diacritics, "the", heads of one or two words)."""
    from parreform_nlp.token_view import TokenView

    nlp = parreform_nlp.load("en")
    grammar = nlp.get_pipe("parreform_bodies").grammar
    doc = nlp.make_doc(text)
    assert grammar._is_media(TokenView(doc, text).span(0, len(doc))) is media

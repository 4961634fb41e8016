"""The bodies component's fast paths read the page as spaCy would: the token view, the folded
forms, the acronym and web-address scans give what the plain (slower) forms give."""
from __future__ import annotations

import random
import re

import pytest
from spacy.util import filter_spans

import parreform_nlp
from parreform_nlp.components.bodies import acronym_definitions
from parreform_nlp.components.bodies_en import TokenView, filter_offsets
from parreform_nlp.components.bodies_merge import fast_fold
from parreform_nlp.names import fold

TEXT = ("The Ha Tinh Provincial People’s Committee's office, MOHA and VNeID app: 3 Ministries: Home Affairs, "
        "Justice. District 8, ward 12 (Ward) -- e-Government  at dichvucong.gov.vn; 2,500 staff; "
        "Đà Nẵng's Department of Home Affairs\n\nsaid  “CIEM” ... U.S. 1st Ông Nguyễn Văn A")


@pytest.fixture(scope="module")
def nlp():
    return parreform_nlp.load("en")


def test_token_view_reads_what_spacy_tokens_hold(nlp):
    doc = nlp.make_doc(TEXT)
    view = TokenView(doc, TEXT)
    assert len(view) == len(doc)
    for i in list(range(len(doc))) + [-1, -3]:
        t, v = doc[i], view[i]
        assert (v.text, v.lower_, v.whitespace_, len(v)) == (t.text, t.lower_, t.whitespace_, len(t))
        assert (v.is_alpha, v.is_title, v.is_upper, v.is_lower, v.is_punct, v.is_digit, v.like_num) == \
            (t.is_alpha, t.is_title, t.is_upper, t.is_lower, t.is_punct, t.is_digit, t.like_num)
    rng = random.Random(7)
    for _ in range(300):
        a, b = rng.randint(-5, len(doc) + 3), rng.randint(-5, len(doc) + 3)
        assert view.span(a, b).text == doc[a:b].text
        assert [t.text for t in view.span(a, b)] == [t.text for t in doc[a:b]]
    with pytest.raises(IndexError):
        view[len(doc)]


@pytest.mark.parametrize("text", ["a b ", " a  b", "Ministry\n", "x", "  ", "Committee ( MOHA )  \t"])
def test_token_view_spacing_at_the_edges(nlp, text):
    doc = nlp.make_doc(text)
    view = TokenView(doc, text)
    assert [(view[i].text, view[i].whitespace_) for i in range(len(doc))] == [(t.text, t.whitespace_) for t in doc]


def test_heads_found_from_the_lower_array(nlp):
    grammar = nlp.get_pipe("parreform_bodies").grammar
    doc = nlp.make_doc(TEXT)
    heads = set(grammar.heads) | set(grammar.plurals)
    assert TokenView(doc, TEXT).positions(grammar._head_ids) == [t.i for t in doc if t.lower_ in heads]


def test_filter_offsets_is_spacys_filter_spans(nlp):
    doc = nlp.make_doc("a b c d e f g h i j k l")
    rng = random.Random(3)
    for _ in range(200):
        pairs = []
        for _ in range(rng.randint(0, 8)):
            s = rng.randint(0, 10)
            pairs.append((s, rng.randint(s + 1, 12)))
        assert filter_offsets(pairs) == [(sp.start, sp.end) for sp in filter_spans([doc[s:e] for s, e in pairs])]


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

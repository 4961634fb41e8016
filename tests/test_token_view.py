"""The token view (parreform_nlp.token_view) reads the page as spaCy's tokens would: the same text,
spacing, flags, slices and spans, one view per page shared by the grammars, safe across threads."""
from __future__ import annotations

import random
from concurrent.futures import ThreadPoolExecutor

import pytest
from spacy.util import filter_spans

import parreform_nlp
from parreform_nlp.page import page_of, prime
from parreform_nlp.token_view import TokenCache, TokenView, filter_offsets

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


def test_positions_from_the_id_table_are_the_exact_ones(nlp):
    from parreform_nlp.token_view import IdSet, string_ids

    doc = nlp.make_doc(TEXT + " " + TEXT.lower() + " " + TEXT.upper())
    view = TokenView(doc, doc.text)
    rng = random.Random(9)
    words = sorted({t.lower_ for t in doc})
    for _ in range(50):
        chosen = rng.sample(words, rng.randint(0, 12)) + ["nowhere", "committees"]
        ids = string_ids(nlp.vocab, chosen)
        assert isinstance(ids, IdSet) and len(ids) == len(set(chosen))
        want = [t.i for t in doc if t.lower_ in chosen]
        assert view.positions(ids) == want == view.positions(ids.ids)  # the table and the sorted ids agree
    # ids whose low bits collide with a page word's are still told apart
    clash = IdSet([doc[0].lower ^ (1 << 40)])
    assert view.positions(clash) == []


def test_filter_offsets_is_spacys_filter_spans(nlp):
    doc = nlp.make_doc("a b c d e f g h i j k l")
    rng = random.Random(3)
    for _ in range(200):
        pairs = []
        for _ in range(rng.randint(0, 8)):
            s = rng.randint(0, 10)
            pairs.append((s, rng.randint(s + 1, 12)))
        assert filter_offsets(pairs) == [(sp.start, sp.end) for sp in filter_spans([doc[s:e] for s, e in pairs])]


def test_one_view_per_page_shared_by_the_grammars(nlp):
    doc = nlp.make_doc(TEXT)
    page = prime(doc, TEXT)
    cache = TokenCache(nlp.vocab)
    view = page.tokens(doc, cache)
    assert page.tokens(doc) is view and view.cache is cache
    assert nlp.get_pipe("parreform_bodies").grammar.view(doc) is view
    # a cache of another vocab is never used: its flags are that vocab's
    other = parreform_nlp.load("en")
    assert TokenView(doc, TEXT, TokenCache(other.vocab)).cache.vocab is nlp.vocab


def test_a_view_made_stale_by_a_retokenizer_is_read_again(nlp):
    doc = nlp.make_doc(TEXT)
    page = page_of(doc)
    before = page.tokens(doc)
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[1:3])
    after = page.tokens(doc)
    assert after is not before and [after[i].text for i in range(len(doc))] == [t.text for t in doc]


def test_views_of_one_cache_across_threads_read_what_spacy_reads(nlp):
    cache = TokenCache(nlp.vocab, limit=64)  # small: emptied again and again while threads read it
    rng = random.Random(1)
    words = TEXT.split()
    texts = [" ".join(rng.choice(words) for _ in range(60)) for _ in range(40)]

    def check(text: str) -> bool:
        doc = nlp.make_doc(text)
        view = TokenView(doc, text, cache)
        return all((view[i].text, view[i].lower_, view[i].is_upper, view[i].is_title, view[i].whitespace_)
                   == (t.text, t.lower_, t.is_upper, t.is_title, t.whitespace_) for i, t in enumerate(doc))

    with ThreadPoolExecutor(8) as pool:
        assert all(pool.map(check, texts * 3))


@pytest.mark.parametrize("text", [TEXT, "a b ", " a  b\n\n c", "Ministry\n", "x", "  ", ""])
def test_record_spans_found_on_the_view_are_char_spans(nlp, text):
    from parreform_nlp.spans import _char_span

    doc = nlp.make_doc(text)
    prime(doc, text)
    rng = random.Random(2)
    for _ in range(400):
        a = rng.randint(-3, len(text) + 3)
        b = a + rng.randint(-2, 12)
        try:
            want = doc.char_span(a, b, label="X", alignment_mode="expand", span_id=7)
        except IndexError:  # an empty or reversed span: both refuse it
            with pytest.raises(IndexError):
                _char_span(doc, a, b, "X", 7)
            continue
        got = _char_span(doc, a, b, "X", 7)
        assert (got is None) == (want is None), (a, b)
        if want is not None:
            assert (got.start, got.end, got.label_, got.id) == (want.start, want.end, want.label_, want.id)


def test_first_reads_share_one_token_per_word_and_spacing(nlp):
    text = "Ministry of Finance said the Ministry will act. Ministry"
    doc = nlp.make_doc(text)
    cache = TokenCache(nlp.vocab)
    view, again = TokenView(doc, text, cache), TokenView(doc, text, cache)
    assert view[0] is view[5] is again[0]  # "Ministry " twice on the page, and on a second view
    assert view[-1] is not view[0] and view[-1].whitespace_ == ""  # the last "Ministry" has no space
    assert view[len(doc) - 1] is view[-1]
    for bad in (len(doc), -len(doc) - 1, "0", 1.0):
        with pytest.raises(IndexError):
            view[bad]

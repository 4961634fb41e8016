"""Scans done once per page change no result: the English count starts found in the page's word
bytes (counts_find._english_starts), document numbers tried only before a "/" and type words
tried only at the end (legal_refs), record spans aligned in one loop (spans._record_spans).

Each is checked against the plain way (the pattern's own finditer / search, doc.char_span)
on sentences of our own and on random texts built from the words the patterns care about.
"""
from __future__ import annotations

import random
import re

import pytest
import spacy

from parreform_nlp.anchors import match_at
from parreform_nlp.components import counts_find as cf
from parreform_nlp.components import legal_refs as lr
from parreform_nlp.page import prime
from parreform_nlp.spans import COMBINED, GROUPS, LABELS, align, write_spans

# words around which the English count patterns turn, and what breaks them
PIECES = [
    "12", "1,234", "3.5", "2023", "07", "٣", "١٥", "5/63", "54/63", "x7", "_8", "No.", "one", "One", "twenty",
    "Twenty-one", "thirty three", "seventeen", "sixty", "tens", "someone", "nine", "provinces", "agencies",
    "civil servants", "public employees", "departments", "units", "of which", "of them", "others", "had", "were",
    "and", "but", "while", "now", "numbering", "up to a total of", "down to", "reduced", "cut", "merged",
    "consolidated", "from", "to", "into", "out of", "more", "fewer", "than", "than before", "million", "people",
    "procedures", "%", "percent", "days", "years", ",", ".", ";", ":", "(", ")", "-", "/", "“", "”", "–", "\n",
    "\n\n", "Đà Nẵng", "éand", "ſix", "İ", "K", "the", "reforms", "ranked", "surveyed",
]


def _random_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        words = [rng.choice(PIECES) for _ in range(rng.randint(3, 40))]
        out.append("".join(w + rng.choice(["", " ", " ", "  ", "\n"]) for w in words))
    return out


SENTENCES = [
    "The province has 19 departments, which will be REDUCED TO 13; now 14 units, three of which closed.",
    "Of the 22 agencies, 15 were merged, Four were dissolved and three had their names unchanged.",
    "Twenty-one districts and 1,234 civil servants were cut from 5 ministries and agencies.",
    "(12 provinces) “Seven units” – 40 out of 63 localities; 2023 reforms; ranked 54/63 provinces.",
    "Officials numbering eight and departments totalling twelve; it rose to 30 while 4 others fell.",
    "Số: 12 đơn vị, 5 hồ sơ; Đà Nẵng had 3 wards but 2 were merged.",
]


@pytest.mark.parametrize("text", SENTENCES + _random_texts(300, 7))
def test_english_starts_give_what_the_plain_scans_give(text):
    starts = cf._english_starts(text, cf._non_ascii(text))
    if starts is None:  # a character the ASCII view hides: find_counts scans the plain way
        assert cf._HIDDEN.search(text)
        return
    rx, _ = cf._count_regex("en")
    assert [m.span() for m in match_at(rx, text, starts.numbers)] == [m.span() for m in rx.finditer(text)]
    arx, nouns, _ = cf._anaphora_regexes("en")
    assert [m.span() for m in match_at(arx, text, starts.anaphora)] == [m.span() for m in arx.finditer(text)]
    assert cf._noun_hits(text, nouns, starts) == [(m.start(), m.end(), m.group(0)) for m in nouns.finditer(text)]


def test_hidden_characters_send_the_page_to_the_plain_scan():
    # an Arabic-Indic digit is a digit to the patterns, and "ſ" an "s": the ASCII view hides both
    for text in ("Of 20 units, ٣ of which closed.", "Other units, numbering ſix, were merged."):
        assert cf._english_starts(text, cf._non_ascii(text)) is None
    assert cf._non_ascii("plain ASCII") == ""
    assert cf._non_ascii("Đà Nẵng, “12”") == "Đàẵ“”"


def _counts(text: str) -> list[tuple[str, float, str]]:
    return [(text[c.start:c.end], c.value, c.what) for c in cf.find_counts(text, "en", [])]


def test_counts_found_through_the_page_scan():
    text = ("The city merged 27 departments into 12 and cut 1,200 civil servants. "
            "The number of wards was reduced to 15, four of which are new.")
    assert _counts(text) == [
        ("27 departments", 27.0, "departments"), ("1,200 civil servants", 1200.0, "civil servants"),
        # the wards, named before the numbers; "into 12" is no count of its own
        ("15", 15.0, "wards"), ("four", 4.0, "wards")]


def test_counts_the_same_with_and_without_hidden_characters():
    # the plain scan (a hidden "ſ" far away) and the page scan agree on the rest of the page
    text = "Thirty-three provinces reported; 8 ministries and agencies, seven of which had plans."
    assert _counts(text + " ſ") == _counts(text)


@pytest.mark.parametrize("text", [
    "Decision No.280/QD-UBND, no.12/2020/ND-CP, 42/2022/NĐ-CP; a123/QD-X; 01-CTr/TU 30c/NQ-CP",
    "12345a 12-ABCDEFGHIJ12 /XY, 12345a /2020/QD, 1-ABCDEFGHIJ12/UBND and 99 then a far /QD",
    "https://example.org/path/2023/06 and 5/QĐ-TTg; 7 /QĐ; ٣5/QD-TTg; 2023 / TU",
] + ["".join(random.Random(s).choice(["12", "/", "QD", "-", "UBND", " ", "2020", "No.", "a", "Đ", "\n"])
             for _ in range(60)) for s in range(200)])
def test_document_numbers_tried_before_slashes_match_a_full_scan(text):
    starts = lr.number_starts(text)
    assert [m.span() for m in match_at(lr.NUMBER, text, starts)] == [m.span() for m in lr.NUMBER.finditer(text)]


@pytest.mark.parametrize("lang", ["en", "vi", "th"])
def test_type_words_found_at_the_end_as_a_search_finds_them(lang):
    types, _, prefixes = lr._types(lang)
    rng = random.Random(3)
    words = list(types) + prefixes + ["the", "of", "No", "số", "ที่", "x"]
    for _ in range(400):
        before = "".join(rng.choice(words) + rng.choice(["", " ", "  ", "\n", " \n"]) for _ in range(rng.randint(1, 5)))
        for case in (before, before.upper(), before.lower()):
            got = lr._type_before(case + "280/QD-UBND", len(case), lang)
            assert got == _type_before_by_search(case + "280/QD-UBND", len(case), lang)


def _type_before_by_search(text: str, end: int, lang: str):
    """legal_refs._type_before as it was: every pattern searched over the text before the number."""
    types = lr._types(lang)[0]
    _, _, prefixes = lr._types(lang)
    s = end
    before = text[max(0, end - 80):end]
    for p in prefixes:
        m = re.search(rf"(?:^|(?<=[\s\u0e00-\u0e7f])){re.escape(p)}\s*$", before)
        if m:
            s = end - (len(before) - m.start())
            before = before[:m.start()]
            break
    if lang == "th":
        return lr._thai_type(before, s, types)  # Thai reads the run of letters (unchanged), not patterns
    for t in sorted(types, key=len, reverse=True):
        m = re.search(rf"(?<![\w]){re.escape(t)}\s*$", before, re.I if lang != "en" else 0)
        if m:
            return s - (len(before) - m.start()), types[t]
    return s, None


# -- record spans ---------------------------------------------------------------------------

SPAN_TEXTS = ["The Ministry of Home Affairs cut 12 procedures.\n\n  Hanoi  merged 3 wards; ",
              "  leading spaces, then words\n", "x", "Đà Nẵng: 97%. 2023, tỉnh  (Quảng Ninh) "]


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")


@pytest.mark.parametrize("text", SPAN_TEXTS)
def test_align_gives_what_char_span_expand_gives(nlp, text):
    doc = nlp.make_doc(text)
    idx = [t.idx for t in doc]
    length = [len(t) for t in doc]
    rng = random.Random(5)
    for _ in range(500):
        a = rng.randint(-2, len(text) + 2)
        b = a + rng.randint(1, 15)
        want = doc.char_span(a, b, alignment_mode="expand") if 0 <= a and b <= len(text) else None
        got = align(idx, length, len(text), a, b)
        assert got == (None if want is None else (want.start, want.end)), (a, b)


def _reference_spans(doc, text, kind, records):
    """write_spans as it was: per record and offset doc.char_span (expand), else the first token
    ending after the start; the record's duplicates dropped; a stable sort by (start, end)."""
    out = []
    for i, rec in enumerate(records):
        label = (rec.get("kind") or "BODY") if kind == "bodies" else LABELS[kind]
        if kind in ("officials", "bodies", "places"):
            offsets = [(m["start"], m["end"]) for m in rec.get("mentions") or ()
                       if m.get("source", "original") == "original"]
        else:
            offsets = [(rec["start"], rec["end"])] if rec.get("source", "original") == "original" else []
        seen = set()
        for s, e in offsets:
            sp = doc.char_span(s, e, alignment_mode="expand") if 0 <= s and e <= len(text) else None
            got = (sp.start, sp.end) if sp is not None else None
            if got is None and 0 <= s < len(text):
                got = next(((t.i, t.i + 1) for t in doc if t.idx + len(t) > s), None)
            if got is not None and got not in seen:
                seen.add(got)
                out.append((got[0], got[1], label, f"{kind}:{i}"))
    return sorted(out, key=lambda x: x[:2])


def _random_records(kind: str, size: int, rng: random.Random) -> list[dict]:
    def offsets():
        a = rng.randint(-1, size + 1)
        return {"start": a, "end": a + rng.randint(1, 12), "source": rng.choice(["original"] * 4 + ["translation"])}
    if kind in ("officials", "bodies", "places"):
        recs = [{"kind": rng.choice([None, "ministry", "committee"]),
                 "mentions": [offsets() for _ in range(rng.randint(0, 4))]} for _ in range(rng.randint(0, 6))]
        for r in recs[:1]:
            r["mentions"] += r["mentions"][:1]  # a mention twice: one span
        return recs
    return [offsets() for _ in range(rng.randint(0, 6))]


@pytest.mark.parametrize("seed", range(25))
def test_written_spans_are_those_char_span_gives(nlp, seed):
    rng = random.Random(seed)
    text = rng.choice(SPAN_TEXTS) * rng.randint(1, 3)
    doc = nlp.make_doc(text)
    prime(doc, text)
    order = list(GROUPS)
    rng.shuffle(order)
    for kind in order + order[:2]:  # two kinds written again: the combined group is rebuilt
        records = _random_records(kind, len(text), rng)
        write_spans(doc, kind, records)
        got = [(sp.start, sp.end, sp.label_, sp.id_) for sp in doc.spans[GROUPS[kind]]]
        assert got == _reference_spans(doc, text, kind, records)
    combined = [(sp.start, sp.end, sp.id_) for sp in doc.spans[COMBINED]]
    assert combined == [(sp.start, sp.end, sp.id_) for g in GROUPS.values() for sp in doc.spans[g]]


def test_doc_value_reads_what_the_underscore_reads(nlp):
    from spacy.tokens import Doc

    from parreform_nlp.spans import doc_value

    for name, kwargs in [("pt_default", {"default": None}), ("pt_list", {"default": []}),
                         ("pt_getter", {"getter": lambda doc: len(doc)}), ("pt_method", {"method": lambda doc, x: x})]:
        if not Doc.has_extension(name):
            Doc.set_extension(name, **kwargs)
    doc = nlp.make_doc("Two words")
    assert doc_value(doc, "pt_default") is None and doc_value(doc, "missing_extension") is None
    assert doc_value(doc, "pt_getter") == 2 and doc_value(doc, "pt_method")(5) == 5
    assert doc_value(doc, "pt_list") == [] and doc_value(doc, "pt_list") is doc._.pt_list  # the default, kept
    records = [{"start": 0, "end": 3}]
    doc._.pt_default = records
    assert doc_value(doc, "pt_default") is records
    doc._.pt_default = None
    assert doc_value(doc, "pt_default") is None

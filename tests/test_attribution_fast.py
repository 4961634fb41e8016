"""The exact shortcuts of the English clause reader (:mod:`attribution_fast`): each gives what
the plain regex gives, on random texts; and readings of sentences whose rules use them.

Every sentence here is written for the test; none comes from an evaluation page.
"""
from __future__ import annotations

import random
import re

import pytest

import parreform_nlp
from parreform_nlp.components.attribution_fast import Needles, Suffixes, TailPattern

# words the patterns below look for, blanks of several kinds, and characters that case folds
# or lower-casing treat apart ("ſ" is "s" for re.I, "K" is the Kelvin sign)
_PIECES = ["with", "With", "of", "OF", "by", "By", "to", "the", "its", "whose", "average", "national",
           "up", "up by", "rose", "x", "9", "-", ",", ";", " ", "  ", "\n", "\t", " \n", "ſ", "\u212a", "é", "İ"]


def _texts(seed: int, n: int = 400, pieces: list[str] = _PIECES, most: int = 14) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, most))) for _ in range(n)]


@pytest.mark.parametrize("head, flags", [
    (r"\b(?:with|of|its|their|the|whose)", re.I),
    (r"\bby", 0),
    (r"(?<![\w])(?:up|up by|rose)", re.I),
    (r"of\s+(?:the\s+)?\w+", re.I),  # unbounded: searched the plain way
    (r"\bby", re.M),  # "$" at every line end: searched the plain way
])
def test_tail_pattern_finds_what_the_plain_search_finds(head, flags):
    tail = TailPattern(head, flags)
    plain = re.compile(rf"(?:{head})\s*$", flags)
    for s in _texts(1):
        a, b = tail.search(s), plain.search(s)
        assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), repr(s)


def test_tail_pattern_width():
    assert TailPattern(r"\bby").width == 2
    assert TailPattern(r"(?:a|bcd)e?").width == 4
    assert TailPattern(r"of\s+x").width is None


@pytest.mark.parametrize("words", [["average", "national", "up by"], ["of"], ["ſtate"]])
def test_needles_never_reject_a_text_the_pattern_matches(words):
    needles = Needles(words)
    rx = re.compile("|".join(re.escape(w) for w in words), re.I)
    for s in _texts(2):
        if rx.search(s):
            assert needles.may_hold(s), repr(s)
    assert not Needles(["average"]).may_hold("the rate of online records")
    assert Needles(["average"]).may_hold("the National AVERAGE")


def test_an_empty_needle_tests_nothing():
    assert Needles(["", "x"]).may_hold("abc")


@pytest.mark.parametrize("suffixes", [("to", "by"), ("up", "up by", "rose"), ("of",)])
def test_suffixes_never_reject_a_text_the_pattern_matches(suffixes):
    rx = re.compile(rf"(?:{'|'.join(map(re.escape, suffixes))})\s*$", re.I)
    for s in _texts(3):
        if rx.search(s):
            assert Suffixes(suffixes).may_end(s), repr(s)
    assert not Suffixes(("to", "by")).may_end("reduce the time of")
    assert Suffixes(("to", "by")).may_end("reduce the time BY \n")
    assert Suffixes(()).may_end("anything")  # nothing to test against: no answer


def indicators(text: str) -> list:
    return parreform_nlp.analyze(text, lang="en", translate=False).indicators


def test_a_change_verb_before_to_or_by():
    found = indicators("The province aims to reduce processing time by 30% and raise the on-time settlement "
                       "rate to 99% by 2025.")
    assert [(i.metric, i.comparison) for i in found] == [
        ("reduction of processing time", True), ("on-time settlement rate", False)]


def test_the_national_average_after_a_place():
    found = indicators("Hai Phong reached 91.5 percent, compared to the national average of 84.4 percent.")
    assert [i.subject for i in found] == ["Hai Phong", "nationwide"]


def test_a_reporting_clause_is_cut_from_the_metric():
    ind = indicators("Minister Tran Van Son said that the rate of online records of ministries reached 30.4% "
                     "in 2023.")[0]
    assert (ind.metric, ind.subject) == ("rate of online records", "ministries")


def test_the_subject_is_taken_out_of_the_metric():
    found = indicators("The PAR Index of Binh Duong reached 88.2% in 2023. The share of people satisfied with "
                       "services in the province was 91.3%. The rate of dossiers settled on time in Lao Cai was "
                       "97.5 percent.")
    assert [(i.metric, i.subject) for i in found] == [
        ("PAR Index", "Binh Duong"), ("share of people satisfied with services", "Binh Duong"),
        ("rate of dossiers settled on time", "Lao Cai")]


def test_a_count_changed_and_a_share_with_its_head():
    assert indicators("Da Nang received 4,620 petitions from citizens, up 12 per cent from 2022.")[0].metric \
        == "number of petitions"
    assert indicators("The issuance of 95% of business licences online was completed in Hue.")[0].metric \
        .startswith("issuance of business licences online")


def test_a_determiner_before_the_cue_word_makes_it_a_noun():
    ind = indicators("Quang Ninh led the provinces with scores above 85% in the SIPAS 2023.")[0]
    assert (ind.metric, ind.subject) == ("SIPAS", "Quang Ninh")


def test_clause_cuts_are_those_of_the_plain_pattern():
    from parreform_nlp.components.attribution_en import _CLAUSE_CUTS, clause_cuts
    pieces = ["while", "whereas", "awhile", "and", "but", "of which", "in which", ",", ";", ":", " - ", " – ",
              "—", "-", " ", "\n", "x", "W", "é", "9"]
    for s in _texts(4, 2000, pieces, 12):
        assert clause_cuts(s) == [m.end() for m in _CLAUSE_CUTS.finditer(s)], repr(s)
    assert clause_cuts("In 2023, the rate of X, and, while Y rose - and the share stood at ") == [8, 27, 34, 44]


def test_list_item_cut_is_that_of_the_plain_pattern():
    from parreform_nlp.components.attribution_enum import _ITEM_CUT
    plain = re.compile(r"[;:,]|\band\b")
    pieces = ["and", "band", "ands", "And", ",", ";", ":", " ", "x", "é", "_"]
    for s in _texts(5, 2000, pieces, 10):
        assert [m.span() for m in _ITEM_CUT.finditer(s)] == [m.span() for m in plain.finditer(s)], repr(s)


def test_a_rate_noun_right_before_the_number_names_the_measure():
    ind = indicators("In 2023, Hue posted strong results, with the on-time settlement rate 98.2% and the online "
                     "payment rate 61.5%.")
    assert ind[1].metric == "online payment rate"
    found = indicators("Component scores: procedure reform 93.5%, organisational reform 90.1%.")
    assert [i.metric for i in found] == ["procedure reform", "organisational reform"]


def test_a_list_item_that_is_only_an_actor_word():
    found = indicators("Rate of online records in 2023: nationwide 45%, localities 38%.")
    assert [(i.metric, i.subject) for i in found] == [
        ("Rate of online records", "nationwide"), ("Rate of online records", "localities")]


def test_needle_positions():
    n = Needles(["said", "that", "aid"])
    assert n.positions("He SAID that") == [3, 4, 8]
    assert n.positions("nothing here") == []
    assert n.positions("café said") is None  # beyond ASCII: scanned the plain way
    assert Needles(["", "x"]).positions("x") is None
    assert Needles(["aid", "said"], word_start=True).positions("He said: aid, maid") == [3, 9]
    n = Needles(["to", "to date", "ate"])
    for s in _texts(7, 500, ["to", "To", "date", "ate", " ", "x", "é"], 8):
        want = None if not s.isascii() else sorted(
            {i for i in range(len(s)) for x in ("to", "to date", "ate") if s.lower().startswith(x, i)})
        assert n.positions(s) == want, repr(s)


def test_report_cut_is_that_of_the_plain_scan():
    from parreform_nlp.components.attribution_np import _cuts, _np_cut_rx
    cut, _ = _np_cut_rx("en")
    pieces = ["said", "Said", "says", "that", "That", "while", "whereas", "but", "the", "The", "Minister",
              "X", "rate", "according to", " ", "  ", ",", "\n", "é", "ſaid"]
    for s in _texts(6, 2000, pieces, 12):
        assert [m.span() for m in _cuts(cut, s, "en")] == [m.span() for m in cut.finditer(s)], repr(s)


def test_counted_groups_are_subjects():
    found = indicators("The Ministry ranked provinces, with Thirty-three provinces above 85% and 12 cities below 70%.")
    assert [i.subject for i in found] == ["33 provinces", "12 cities"]

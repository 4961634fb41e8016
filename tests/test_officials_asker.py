"""The asker scan (``officials._asker_ranges``): the same spans as the cues' joined regex run
with ``finditer`` over the whole page, found by trying only the line starts a cue can match at."""
from __future__ import annotations

import json
import random
import re
from pathlib import Path

from parreform_nlp.anchors import cue_set
from parreform_nlp.components.officials import _LINE_RUN, _asker_ranges, _line_cue_starts, _lookahead

CUES = tuple(json.loads((Path(__file__).parent.parent / "parreform_nlp/resources/en/bylines.json")
                        .read_text(encoding="utf-8"))["asker_cues"])

PIECES = ["Reader Tran Van B asks", "Q:", "Q -", "q.", "A reader", "Question from", "questions by",
          "asked by", "sent by", "asks:", "asked whether", "wonders if", "writes about", "wrote:",
          "inquires how", "enquired what", "task", "masks", "Answer:", "A:", "Reply -", "response.",
          "the ministry", "Hanoi", ",", ":", "-", "  ", "\t", "\n", "\n", "\n\n", "\r\n", "Mr. Nguyen",
          "The minister said the decree", "ſent", "x" * 40]


def _reference(text: str) -> list[tuple[int, int]]:
    rx = re.compile("|".join(f"(?:{c})" for c in CUES), re.I | re.M)
    return [m.span() for m in rx.finditer(text) if m.end() > m.start()]


def _page(rng: random.Random) -> str:
    return " ".join(rng.choice(PIECES) for _ in range(rng.randint(1, 60)))


def test_asker_ranges_match_the_joined_regex_on_generated_pages():
    rng = random.Random(9)
    hits = 0
    for _ in range(1500):
        text = _page(rng)
        got = _asker_ranges(text, CUES)
        assert got == _reference(text), text
        hits += bool(got)
    assert hits > 100  # the pages do ask


def test_asker_over_several_lines_and_an_answer():
    text = "Q:\nReader Le Thi C asks whether she may apply.\n\nAnswer: yes.\nMy colleague asks how to apply.\nA: online."
    got = _asker_ranges(text, CUES)
    assert got == _reference(text)
    assert got[0][0] == 0 and text[got[1][0]:got[1][1]] == "My colleague asks how"


def test_line_cue_starts_are_the_lines_with_a_verb():
    text = "Intro line.\nHe asks whether it is due.\nA: it is."
    scan = cue_set(CUES).scan(text)
    assert _line_cue_starts(text, scan) == [text.index("He")]
    assert _line_cue_starts("Nothing asked.", cue_set(CUES[2:]).scan("Nothing asked.")) == [0]


def test_line_cue_starts_none_without_a_line_run_cue():
    text = "Reader A asks: what?"
    assert _line_cue_starts(text, cue_set(CUES[:2]).scan(text)) is None
    assert _asker_ranges(text, CUES[:2]) == [(0, text.index("asks") + 4)]


def test_line_run_pattern_recognises_only_the_bounded_run():
    assert [bool(_LINE_RUN.match(c)) for c in CUES] == [False, False, True]
    assert not _LINE_RUN.match(r"^[^\n]*?\b(?:asks)")


def test_lookahead_finds_every_start():
    rx = _lookahead(("ab", "b"), re.I)
    assert [m.start() for m in rx.finditer("abab")] == [0, 1, 2, 3]


def test_lookahead_anchored_when_every_cue_opens_a_line():
    rx = _lookahead(("^ab", "^b"), re.M)
    assert rx.pattern.startswith("^(?=")
    assert [m.start() for m in rx.finditer("ab\nb\nc")] == [0, 3]

"""The officials component's fast paths find what the plain (slower) forms find."""
from __future__ import annotations

import random
import re

from parreform_nlp.components.officials import _back_reference_matches, _back_reference_re

HONORIFICS = ("Mr.", "Mr", "Ms", "Deputy PM", "Prime Minister", "Minister", "Dr.")


def test_back_references_are_the_lookbehind_regex_matches():
    old = re.compile(r"(?<![\w.])" + _back_reference_re(HONORIFICS).pattern)
    pieces = ["Mr", ".", " ", "Mr. ", "Minh", "Ms Lan", "Prime ", "Minister ", "xMr", "_", "Dr.", "Deputy PM ",
              "An", "\n", "Đức", "-", "’s", "1", "Văn"]
    rng = random.Random(9)
    for _ in range(3000):
        s = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        got = [(m.span(), m.group("hon"), m.group("name")) for m in _back_reference_matches(HONORIFICS, s)]
        assert got == [(m.span(), m.group("hon"), m.group("name")) for m in old.finditer(s)], s


def test_name_occurrences_are_the_alternation_regex_matches():
    from parreform_nlp.components.officials import _occurrences
    from parreform_nlp.patterns import alt

    pieces = ["Nguyen", " ", "Van", "An", "Nguyen Van", "Nguyen Van An", "a", "\n", "Lê", "Le Thi", "AnAn"]
    rng = random.Random(4)
    for _ in range(2000):
        names = {"".join(rng.choice(pieces) for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(1, 4))}
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 15)))
        assert _occurrences(text, names) == [m.span() for m in re.finditer(alt(names), text)], (names, text)

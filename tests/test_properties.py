"""Property tests (hypothesis): the output contract's invariants hold for any ``str``.

For random text, for text built from the pieces our rules look for (numbers, percentages, dates,
titles, headings, runs of one character) and for adversarial characters (lone surrogates, control
characters, all planes): no exception, offsets index the text (``text == source[start:end]``),
values are finite, ``to_json(allow_nan=False)`` is valid JSON and ``from_dict`` round-trips.
Bounded in time: few examples of small texts here; benchmarks/fuzz.py runs long campaigns.
"""
from __future__ import annotations

import json
import math
import warnings

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from parreform_nlp import Analysis, analyze  # noqa: E402
from parreform_nlp.textprep import sanitize  # noqa: E402

PIECES = [
    "45.5%", "84,38%", "1% ", "9" * 40, "1.234,5", "2,7 lần", "3.7 times", "92.18 points", "30.4 %",
    "06/09/2023", "00/05/2023", "2023-05-00", "May 0, 2023", "ngày 0 tháng 5 năm 2023", "31/02/2024",
    "11 กรกฎาคม พ.ศ. 2567", "๒๕๖๖", "Decree No. 61/2018/ND-CP", "Nghị định số 107/2021/NĐ-CP",
    "Minister", "Deputy Prime Minister", "Pham Minh Chinh", "Nguyễn Văn An", "Chủ tịch UBND tỉnh",
    "นายกรัฐมนตรี", "Ministry of Home Affairs", "Bộ Nội vụ", "Ha Tinh", "Quảng Ninh", "province",
    "PAR Index", "SIPAS", "(CIEM)", "Related news", "Xem thêm", "ข่าวที่เกี่ยวข้อง", "Reader ", " asks: ",
    "Answer:", "\n", "\n\n", " ", "  ", "\t", "(", ")", ".", ",", ";", ":", "-", "–", "\u00a0", "\u200b",
    "\ufeff", "\ud800", "\udfff", "\x00", "\r\n", "up ", "rose ", "reached ", "in 2023", "compared with 2022",
]

_settings = settings(max_examples=40, deadline=None, derandomize=True,
                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

any_text = st.text(max_size=300)  # every plane, surrogates included
built_text = st.lists(st.sampled_from(PIECES) | st.text(max_size=8), max_size=60).map("".join)
run_text = st.tuples(st.sampled_from(["(", " ", "\n", "1% ", "9", "a", ".", "ก"]), st.integers(1, 400),
                     st.sampled_from(["", "Minister Pham Minh Chinh said 45.5%.", "ngày 0 tháng 5 năm 2023"])
                     ).map(lambda t: t[0] * t[1] + t[2])
texts = any_text | built_text | run_text
langs = st.sampled_from([None, "en", "vi", "th", "es", "EN", "vi-VN"])


def _check(text: str, result: Analysis) -> None:
    clean = sanitize(text)  # surrogates -> U+FFFD, one for one: offsets index ``text`` too
    assert len(clean) == len(text)
    out = result.to_dict()
    for kind in ("indicators", "counts", "legal_refs", "dates"):
        for rec in out[kind]:
            assert rec["source"] == "original"
            assert clean[rec["start"]:rec["end"]] == rec["text"]
    for kind in ("officials", "bodies", "places"):
        for rec in out[kind]:
            for m in rec["mentions"]:
                assert clean[m["start"]:m["end"]] == m["text"]
    for rec in out["indicators"] + out["counts"]:
        assert isinstance(rec["value"], float) and math.isfinite(rec["value"])
    assert math.isfinite(out["language_score"])
    data = json.loads(result.to_json(allow_nan=False))
    assert data == out
    assert Analysis.from_dict(data) == result


@_settings
@given(text=texts, lang=langs)
def test_any_text_gives_a_valid_result(text, lang):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = analyze(text, lang=lang, translate=False)
    _check(text, result)


@_settings
@given(text=texts)
def test_any_text_with_a_page_date(text):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = analyze(text, published="2023-05-06", translate=False)
    _check(text, result)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(text=st.text(max_size=200))
def test_sanitize_keeps_length_and_encodes(text):
    clean = sanitize(text)
    assert len(clean) == len(text)
    clean.encode("utf-8")
    assert all(a == b or 0xD800 <= ord(a) <= 0xDFFF for a, b in zip(text, clean))

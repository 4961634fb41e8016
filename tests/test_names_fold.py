"""names.fold: lower-case, no diacritics, one space; the folds of short phrases kept."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("s", ["Đà Nẵng", "Hồ Chí Minh  City", "Nguyễn Văn A’s", "ข่าวที่เกี่ยวข้อง", "İstanbul",
                               "Tổng biên tập " * 12, "Ministry", "  ", ""])
def test_fold_kept_for_short_phrases_is_the_unicode_fold(s):
    """``fold`` keeps the folds of short non-ASCII phrases: the same as the Unicode passes on each call,
    for short and long texts alike."""
    from parreform_nlp.names import _fold_unicode, fold

    assert fold(s) == fold(s) == (_fold_unicode(s) if s and not s.isascii() else " ".join(s.lower().split()))
    assert fold("Đà Nẵng") == "da nang" and fold("Nguyễn Văn A’s") == "nguyen van a's"

"""Small text and regex building blocks shared by the rule components."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable


def is_thai(ch: str) -> bool:
    """Whether ``ch`` is in the Thai block (letters, vowels, tone marks, digits)."""
    return "\u0e00" <= ch <= "\u0e7f"


def alt(items: Iterable[str]) -> str:
    """A regex alternation of literal ``items``, longest first, so the longest form wins."""
    return _alt(tuple(items))


@lru_cache(maxsize=4096)
def _alt(items: tuple[str, ...]) -> str:
    # Cached: the rules build the same alternations for every number on a page.
    return "|".join(re.escape(w) for w in sorted(set(items), key=len, reverse=True))

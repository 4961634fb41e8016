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


def lead(items: Iterable[str], extra: str = "") -> str:
    """A look-ahead for the first characters of ``items`` (plus the class body ``extra``, e.g.
    ``\\d``), to put before an alternation that starts with look-behinds or word boundaries.

    Python's regex engine tries such a pattern at every position of the text, and every branch
    of the alternation there; behind this one-character test it rejects almost every position at
    once. The matches are the same (a match must start with one of these characters); under
    ``re.I`` the class is case-insensitive too. Empty when an item is empty (no restriction).
    """
    items = list(items)
    if not all(items) or not (items or extra):
        return ""
    return "(?=[" + "".join(sorted({re.escape(w[0]) for w in items})) + extra + "])"



def alt_by_first(items: Iterable[str], ignore_case: bool = False, after_first: str = "") -> str:
    """The alternation :func:`alt` makes, grouped by first character: ``t(?:hree|wo)|f(?:our|ive)``.

    Where a flat alternation of a hundred words makes the engine try a hundred branches at every
    word start, this tries one per first character, then the few words of that group. The same
    word wins (longest first, as in :func:`alt`): at one position only one group can match. With
    ``ignore_case`` (for patterns compiled with ``re.I``) the groups are by lower-cased character.

    ``after_first`` is a zero-width test put right after each group's first character, such as
    ``(?<!\\w.)`` (no word character before the match, tested once its first character is read). A
    case-sensitive alternation that starts with it lets the engine jump in C from one of the
    first characters to the next, where a leading look-behind makes it try every position.
    """
    return _alt_by_first(tuple(items), ignore_case, after_first)


@lru_cache(maxsize=1024)
def _alt_by_first(items: tuple[str, ...], ignore_case: bool, after_first: str = "") -> str:
    if not all(items):
        if after_first:
            raise ValueError("after_first needs items of one character or more")
        return _alt(items)  # an empty item matches anywhere: keep the flat form
    groups: dict[str, list[str]] = {}
    for w in sorted(set(items), key=len, reverse=True):
        groups.setdefault(w[0].lower() if ignore_case else w[0], []).append(re.escape(w[1:]))
    return "|".join(re.escape(k) + after_first + (f"(?:{'|'.join(rests)})" if rests != [""] else "")
                    for k, rests in groups.items())

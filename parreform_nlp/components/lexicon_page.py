"""The indicator lexicon entries a page can match at all, found once per page.

``lexicon_hits`` is asked about many windows of one page (one per number, plus the whole page);
scanning every entry's pattern in every window was a regex per rule per window. An entry none of
whose aliases occurs anywhere in the page (case aside, word boundaries aside) cannot match in any
window of it, so each window scans only the entries present: the same hits, a few patterns.
Presence is one substring test per alias on the lower-cased page (C speed, no regex).

A whole page is read the same way (:func:`alias_positions`): every match of an entry starts where
one of its aliases occurs, case aside, so the positions those substring searches find are the only
places its pattern is tried (``anchors.match_at``), instead of one regex scan of the page per entry.
"""
from __future__ import annotations

import re
import threading
from collections import OrderedDict
from functools import lru_cache
from typing import Callable

from ..anchors import CASE_EXOTIC, lowered, positions

#: below this length a text is scanned with every entry (metric strings, short windows)
MIN_PAGE = 1000
_RECENT: "OrderedDict[tuple[str, str], list]" = OrderedDict()
_LOCK = threading.Lock()


@lru_cache(maxsize=None)
def _aliases_lowered(lang: str, lexicon: Callable, aliases_of: Callable) -> list[tuple[re.Pattern, dict, tuple[str, ...]]]:
    """``(pattern, entry, lower-cased aliases)`` of every entry: lowered once, not per page."""
    return [(rx, entry, tuple(a.lower() for a in aliases_of(entry, lang))) for rx, entry in lexicon(lang)]


def entries_on_page(text: str, lang: str, lexicon: Callable, aliases_of: Callable) -> list[tuple[re.Pattern, dict]]:
    """The ``(pattern, entry)`` pairs of ``lexicon(lang)`` that can match somewhere in ``text``;
    ``aliases_of(entry, lang)`` gives an entry's literal aliases."""
    entries = lexicon(lang)
    if len(text) < MIN_PAGE:
        return entries
    key = (text, lang)  # the page's own string: its hash is cached, equality is identity
    with _LOCK:
        found = _RECENT.get(key)
        if found is not None:
            _RECENT.move_to_end(key)
            return found
    low = lowered(text)  # the page lower-cased once for every scan (anchors)
    present = low.__contains__  # map() over a bound method: no generator frame per alias
    found = [(rx, entry) for rx, entry, aliases in _aliases_lowered(lang, lexicon, aliases_of) if any(map(present, aliases))]
    with _LOCK:
        _RECENT[key] = found
        while len(_RECENT) > 8:
            _RECENT.popitem(last=False)
    return found


@lru_cache(maxsize=None)
def _searched(lang: str, lexicon: Callable, aliases_of: Callable) -> tuple[tuple[re.Pattern, dict, tuple[str, ...]], ...] | None:
    """``(pattern, entry, lower-cased aliases)`` of every entry; None when an alias is not ASCII:
    ``str.lower`` then need not stand for the patterns' case-insensitive match."""
    entries = _aliases_lowered(lang, lexicon, aliases_of)
    if not all(a.isascii() for _, _, aliases in entries for a in aliases):
        return None
    return tuple(entries)


def alias_positions(text: str, lang: str, lexicon: Callable, aliases_of: Callable) -> list[tuple[re.Pattern, dict, list[int]]] | None:
    """``(pattern, entry, positions)`` of the entries of ``lexicon(lang)`` whose aliases occur in
    ``text`` (any case), with the ascending positions where one does: every match of the entry's
    pattern starts at one of them. None when positions in the lower-cased text cannot be trusted
    (a non-ASCII alias; "İ", "ı", "ſ" or the Kelvin sign in the text, which a case-insensitive
    pattern equates with an ASCII letter that ``str.lower`` does not give): then scan."""
    searched = _searched(lang, lexicon, aliases_of)
    if searched is None:
        return None
    low = lowered(text) if len(text) > 512 else text.lower()
    if len(low) != len(text) or (not text.isascii() and CASE_EXOTIC.search(text)):
        return None
    out = []
    for rx, entry, aliases in searched:
        found = positions(low, aliases)  # (where "par index" occurs, "par" does: one lookup)
        if found:
            out.append((rx, entry, found))
    return out

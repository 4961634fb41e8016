"""The indicator lexicon entries a page can match at all, found once per page.

``lexicon_hits`` is asked about many windows of one page (one per number, plus the whole page);
scanning every entry's pattern in every window was a regex per rule per window. An entry none of
whose aliases occurs anywhere in the page (case aside, word boundaries aside) cannot match in any
window of it, so each window scans only the entries present: the same hits, a few patterns.
Presence is one substring test per alias on the lower-cased page (C speed, no regex).
"""
from __future__ import annotations

import re
import threading
from collections import OrderedDict
from functools import lru_cache
from typing import Callable

from ..anchors import lowered

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

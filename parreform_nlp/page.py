"""The page context: what every component needs to know about the page, computed once per Doc.

``Doc.text`` rebuilds the string from the tokens on every access (about as long as tokenizing
itself), and several components used to compute the same boilerplate ranges. Here a
:class:`Page` holds the text, its ASCII-digit twin, its lines and paragraphs, the boilerplate
ranges (bylines and credits, site footers, related-news blocks) and the years it mentions, each
computed on first use and kept for the other components.

The page is cached by the Doc itself (a weak reference: it goes when the Doc goes), never
written into ``doc.user_data``, so docs still serialise and ``nlp.pipe(n_process>1)`` workers
simply compute their own. ``analyze()`` gives the page its text up front (:func:`prime`), so the
Doc's text is never rebuilt at all.

    >>> from parreform_nlp.page import page_of
    >>> page = page_of(doc)
    >>> page.text, page.lines, page.boilerplate(line_cues, end_cues, footer_cues)
"""
from __future__ import annotations

import re
import threading
import weakref
from functools import cached_property
from typing import Iterable

from spacy.tokens import Doc

from .token_view import TokenView  # module level: Page.tokens runs for every span write

_PAGES: "weakref.WeakKeyDictionary[Doc, Page]" = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()
_BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*\n")
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


class Page:
    """The page context of one Doc. Attributes are computed on first use, then kept."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._memo: dict[tuple, object] = {}
        self._lock = threading.Lock()

    @cached_property
    def ascii_text(self) -> str:
        """The text with Thai and other digits as ASCII digits (offsets unchanged)."""
        from .numbers import to_ascii_digits

        return to_ascii_digits(self.text)

    @cached_property
    def lines(self) -> list[tuple[int, int]]:
        """(start, end) of every line, without its line break."""
        out, pos = [], 0
        for line in self.text.split("\n"):
            out.append((pos, pos + len(line)))
            pos += len(line) + 1
        return out

    @cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        """(start, end) of the blocks between blank lines."""
        out, pos = [], 0
        for m in _BLANK_LINES.finditer(self.text):
            if self.text[pos:m.start()].strip():
                out.append((pos, m.start()))
            pos = m.end()
        if self.text[pos:].strip():
            out.append((pos, len(self.text)))
        return out

    @cached_property
    def years(self) -> list[int]:
        """Four-digit numbers from 1900 to 2100 (Common Era) and 2443 to 2643 (Buddhist Era, as CE),
        in text order: the years the page could be about."""
        out = []
        for m in _YEAR.finditer(self.ascii_text):
            y = int(m.group(1))
            if 2443 <= y <= 2643:
                y -= 543
            if 1900 <= y <= 2100:
                out.append(y)
        return out

    def memo(self, key: tuple, compute):
        """``compute()`` once per page for ``key``: for values keyed by a rule pack's cues."""
        try:
            return self._memo[key]
        except KeyError:
            pass
        value = compute()
        with self._lock:
            return self._memo.setdefault(key, value)

    def boilerplate(self, line_cues: Iterable[str], end_cues: Iterable[str],
                    footer_cues: Iterable[str] = ()) -> list[tuple[int, int]]:
        """Bylines, credit lines, site footers and what follows a related-news or footer heading
        (see :func:`parreform_nlp.names.excluded_ranges`): no officials nor bodies there."""
        from .names import excluded_ranges

        key = ("boilerplate", tuple(line_cues), tuple(end_cues), tuple(footer_cues))
        return self.memo(key, lambda: excluded_ranges(self.text, key[1], key[2], key[3]))

    @property
    def related(self) -> list[tuple[int, int]]:
        """"Related news" / "Xem thêm" blocks of every language pack: headlines of other articles,
        whose numbers and dates are not this page's (see :func:`parreform_nlp.numbers.related_blocks`)."""
        from .components.dates import furniture_headings
        from .numbers import related_blocks

        return self.memo(("related",), lambda: related_blocks(self.ascii_text, furniture_headings()))

    def tokens(self, doc: Doc, cache=None):
        """The :class:`parreform_nlp.token_view.TokenView` of ``doc`` (this page's Doc), read once and
        shared by the grammars; ``cache``: the caller's ``TokenCache`` of ``doc.vocab``, for the first read."""
        view = self.memo(("tokens",), lambda: TokenView(doc, self.text, cache))
        # a component that merged or split tokens since (``merge_entities``) makes the kept view stale
        return view if len(view) == len(doc) else TokenView(doc, self.text, cache)

    def boilerplate_scan(self, line_cues: Iterable[str], end_cues: Iterable[str], footer_cues: Iterable[str] = ()):
        """The one-pass :class:`parreform_nlp.names.Boilerplate` of this page for a rule pack's cues, made
        once and shared: the bodies read it without the credit lines, the officials with them."""
        from .names import Boilerplate

        key = ("boilerplate_scan", tuple(line_cues), tuple(end_cues), tuple(footer_cues))
        return self.memo(key, lambda: Boilerplate(self.text, key[1], key[2], key[3]))


def prime(doc: Doc, text: str) -> Page:
    """Give ``doc`` its page context from the text it was made from (``doc.text == text``),
    so that the Doc's text is never rebuilt from its tokens."""
    page = Page(text)
    with _LOCK:
        _PAGES[doc] = page
    return page


def page_of(doc: Doc) -> Page:
    """The page context of ``doc``, made on first use."""
    page = _PAGES.get(doc)
    if page is None:
        page = Page(doc.text)
        with _LOCK:
            page = _PAGES.setdefault(doc, page)
    return page

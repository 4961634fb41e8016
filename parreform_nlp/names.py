"""Shared helpers for people, bodies and places: folding, surnames, the place gazetteer,
and the byline / footer mask that keeps credits and site furniture out of the records.

The multilingual gazetteers (``places.json``, ``leaders.json``, ``agencies.json``,
``surnames.json``) are maintained separately; every loader here falls back to an empty
table when a file is missing, so the grammar keeps working without them.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate
from typing import Any, Iterable

from .anchors import CueScan, cue_set
from .numbers import block_end
from .resources import has_resource, load_json


def fold(s: str | None) -> str:
    """Lowercase, strip diacritics (keeping Thai marks), unify apostrophes, collapse spaces."""
    if not s:
        return ""
    if s.isascii():
        # nothing to fold but case and spaces (most English words): skip the Unicode passes
        return " ".join(s.lower().split())
    # a short phrase (a name, a place) is folded over and over: kept; a long text never is
    return _fold_short(s) if len(s) <= 80 else _fold_unicode(s)


def _fold_unicode(s: str) -> str:
    """:func:`fold` of text with non-ASCII letters (the Unicode passes)."""
    s = s.replace("đ", "d").replace("Đ", "D").replace("’", "'").replace("‘", "'")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c) or "\u0e00" <= c <= "\u0e7f")
    s = unicodedata.normalize("NFC", s).lower()
    return " ".join(s.split())


_fold_short = lru_cache(maxsize=1 << 12)(_fold_unicode)


def name_key(s: str) -> str:
    """Key under which two forms of one person's name merge (folded, punctuation-free)."""
    return " ".join(re.sub(r"[^\w\s\u0e00-\u0e7f]", " ", fold(s)).split())


def optional_json(name: str, lang: str | None = None) -> Any:
    """``resources/[lang/]name`` or ``None`` when that file does not ship (yet)."""
    try:
        if has_resource(name, lang):
            return load_json(name, lang)
    except (OSError, ValueError):  # a half-written gazetteer must not break the pipeline
        return None
    return None


@lru_cache(maxsize=None)
def surnames(script: str = "latin") -> frozenset[str]:
    """Vietnamese surnames, folded. ``script`` is "latin" (diacritics folded away) or "thai"."""
    out: set[str] = set()
    if script == "latin":
        out.update(fold(s) for s in optional_json("surnames.json", "en") or [])
    shared = optional_json("surnames.json")
    for entry in _entries(shared, "surnames"):
        if isinstance(entry, str):
            if script == "latin":
                out.add(fold(entry))
            continue
        if script == "latin":
            for k in ("name", "vi", "ascii", "en"):
                v = entry.get(k)
                for x in [v] if isinstance(v, str) else (v or []):
                    out.add(fold(x))
        else:
            v = entry.get("th")
            for x in [v] if isinstance(v, str) else (v or []):
                out.add(fold(x))
    return frozenset(x for x in out if x)


def _entries(data: Any, key: str) -> list:
    if data is None:
        return []
    if isinstance(data, dict):
        items = data.get(key)
        if items is None:
            items = [v for k, v in data.items() if not k.startswith("_") and isinstance(v, list)]
            items = [x for v in items for x in v]
        return list(items or [])
    return list(data)


def _as_list(v: Any) -> list[str]:
    if not v:
        return []
    return [v] if isinstance(v, str) else [x for x in v if isinstance(x, str)]


@lru_cache(maxsize=None)
def place_table() -> dict[str, tuple[str, str, bool]]:
    """Folded surface form -> (canonical English name, kind, ambiguous) for provinces and countries."""
    data = optional_json("places.json") or {}
    table: dict[str, tuple[str, str, bool]] = {}
    for p in data.get("provinces", []) if isinstance(data, dict) else []:
        forms = [p.get("name"), *_as_list(p.get("vi")), *_as_list(p.get("th")), *_as_list(p.get("aliases"))]
        for f in forms:
            if f:
                table.setdefault(fold(f), (p["name"], p.get("kind") or "province", bool(p.get("ambiguous"))))
    for c in data.get("countries", []) if isinstance(data, dict) else []:
        forms = [c.get("name"), *_as_list(c.get("vi")), *_as_list(c.get("th")), *_as_list(c.get("aliases"))]
        for f in forms:
            if f:
                table.setdefault(fold(f), (c["name"], "country", bool(c.get("ambiguous"))))
    return table


def place_suffixes(lang: str) -> list[str]:
    """Level words of places ("district", "huyện", "อำเภอ") for ``lang``."""
    data = optional_json("places.json") or {}
    fallback = {"en": ["province", "city", "district", "town", "ward", "commune", "township"]}
    return list((data.get("place_suffixes") or fallback).get(lang, fallback.get(lang, [])))


@lru_cache(maxsize=None)
def place_levels(lang: str) -> dict[str, str]:
    """Folded native level word -> English level ("tỉnh" -> "province")."""
    data = optional_json("places.json") or {}
    out: dict[str, str] = {}
    for lv in data.get("place_levels", []) if isinstance(data, dict) else []:
        for w in _as_list(lv.get(lang)):
            out.setdefault(fold(w), lv["en"])
    return out


@lru_cache(maxsize=None)
def _place_tails() -> frozenset[str]:
    """Every end (character suffix) of every folded place name."""
    return frozenset(k[i:] for k in place_table() for i in range(len(k)))


def could_end_place(token: str) -> bool:
    """Whether a place name (:func:`is_place`) can end with ``token``: a cheap test before
    folding the spans that end there (a blank token folds away: then any place can)."""
    f = fold(token)
    return not f or f in _place_tails()


def is_place(text: str) -> bool:
    """Whether ``text`` is a known province, centrally-run city or country."""
    return fold(text) in place_table()


def excluded_ranges(text: str, line_cues: Iterable[str], end_cues: Iterable[str],
                    footer_cues: Iterable[str] = (), lead_lines: int = 2) -> list[tuple[int, int]]:
    """Character ranges that carry no officials or bodies: credit / footer lines, and
    the block after a related-news heading ("Latest News", "Same tag"; see
    :func:`numbers.block_end`) and everything after a footer heading.

    A line matching one of ``footer_cues`` ("Editor-in-chief: ...", "© ...") after the article's first
    prose line (10+ words with a sentence stop) opens the site footer: it, everything after it, and up to ``lead_lines`` short lines
    right before it (the masthead, "Da Nang Today newspaper") are left out.

    Linear in the text: one pass over its lines (:class:`Boilerplate`, which also gives the
    variants without the credit lines or without the footer from that one pass).
    """
    return Boilerplate(text, line_cues, end_cues, footer_cues, lead_lines).ranges()


class Boilerplate:
    """The byline / footer / related-news scan of one page, done once for every variant its callers
    read (:meth:`ranges`): the bodies want it without the credit lines ("Source: Ministry of Home
    Affairs" names a real body) and, for places, without the footer; the officials want all of it.

    One pass over the lines finds the related-news blocks (``end_cues``, whole-line headings, matched
    on every line) over the whole text and the line that opens the site footer (``footer_cues``, tried
    only on the lines that hold one of their words); the credit lines (``line_cues``) are looked for
    only when a caller asks for them, and only on the lines outside the blocks that hold one of their
    words (:meth:`scan`). ``ranges(lines, footer)`` is exactly ``excluded_ranges`` with ``line_cues`` /
    ``footer_cues`` left out when ``False``.
    """

    def __init__(self, text: str, line_cues: Iterable[str], end_cues: Iterable[str],
                 footer_cues: Iterable[str] = (), lead_lines: int = 2) -> None:
        self.text = text
        self.line_cues = tuple(line_cues)
        #: the related-news blocks, in text order: (start of the heading line, end of the block)
        self.blocks: list[tuple[int, int]] = []
        #: the lines outside every block (indices of ``text.splitlines()``), in text order
        self.plain: list[int] = []
        #: where the site footer's range starts (its masthead lines, then the footer line), or None
        self.footer: int | None = None
        self._lines: list[tuple[int, int]] | None = None
        self._scans: dict[tuple[str, ...], CueScan] = {}
        # a related-news heading is a whole line: every line is matched against all the end cues at once
        # (faster than looking up their many literals first)
        end_rx = _whole_list(tuple(end_cues), cue_set(tuple(end_cues)).flags) if end_cues else None
        foot_re = self.scan(tuple(footer_cues))
        lines = self._text_lines = text.splitlines(keepends=True)
        starts = self._starts = list(accumulate(map(len, lines), initial=0))  # line i is starts[i]:starts[i + 1]
        # only the lines holding one of the footer cues' literals can match one of them (CueScan.regex)
        foot_lines = self._lines_with(foot_re)
        prose_seen = False  # a footer opens only after the article's prose (a header may name the editor too)
        skip = 0  # the end of a related-news block already left out
        for li, line in enumerate(lines):
            start = starts[li]
            if start < skip:
                continue
            if end_rx is not None:
                # (every cue gives the answer the cues whose literals the line holds give: no other can match)
                if end_rx.match(line.rstrip("\r\n")):
                    # up to the next prose line, not the end of the page: a heading mid-page (or a
                    # Thai one, whose headlines end with no full stop) must not drop the rest
                    skip = block_end(text, starts[li + 1])
                    self.blocks.append((start, skip))
                    continue
            self.plain.append(li)
            if self.footer is None and prose_seen and (foot_lines is None or li in foot_lines):
                body = line.rstrip("\r\n")
                if (rx := foot_re.regex(start, start + len(body))) is not None and rx.search(body):
                    self.footer = self._footer_cut(lead_lines)
                    # the blocks after the footer still count for the callers that keep the footer in
            if not prose_seen and len(line.split()) >= 10 and any(c in line for c in ".!?"):
                prose_seen = True

    def _lines_with(self, scan: CueScan) -> set[int] | None:
        """The lines (indices) where one of the cues of ``scan`` can match; None: any line."""
        if scan.full or scan.cues.always:
            return None
        starts = self._starts
        return {bisect_right(starts, h[0]) - 1 for h in scan.hits}

    def _footer_cut(self, lead_lines: int) -> int:
        """Where the footer opened by the last plain line starts: that line, or up to ``lead_lines``
        short non-blank plain lines right before it (the masthead)."""
        lines, starts, plain = self._text_lines, self._starts, self.plain
        cut = starts[plain[-1]]
        seen = 0
        for li in reversed(plain[:-1]):
            if seen >= lead_lines:
                break
            prev = lines[li].rstrip("\r\n")
            if not prev.strip():
                continue  # blank lines are passed over
            seen += 1
            words = prev.split()
            if not words or len(words) > 8 or prev.rstrip()[-1:] in ".!?;:":
                break
            cut = starts[li]
        return cut

    def scan(self, cues: tuple[str, ...]) -> CueScan:
        """Where the literals of a cue list (rules as data) occur on this page: ``scan(cues).regex(start, end)``
        is the alternation of the cues that can match in ``text[start:end]`` (:class:`parreform_nlp.anchors.CueScan`,
        made once per cue list and page)."""
        cues = tuple(cues)
        got = self._scans.get(cues)
        if got is None:
            got = self._scans[cues] = cue_set(cues).scan(self.text)
        return got

    def credit_lines(self) -> list[tuple[int, int]]:
        """From a ``line_cues`` match to the end of its line, on every line outside the blocks
        ("... attended the meeting - Photo: Tran Tuyen"), in text order; computed on first use."""
        if self._lines is None:
            scan = self.scan(self.line_cues)
            lines, starts, out = self._text_lines, self._starts, []
            with_cues = self._lines_with(scan)
            for li in self.plain if with_cues is None else sorted(with_cues.intersection(self.plain)):
                start, body = starts[li], lines[li].rstrip("\r\n")
                rx = scan.regex(start, start + len(body))
                # on the line alone, as the cue is written: "^" after any line break, not only "\n"
                m = rx.search(body) if rx is not None else None
                if m is not None:
                    out.append((start + m.start(), starts[li + 1]))
            self._lines = out
        return self._lines

    def ranges(self, lines: bool = True, footer: bool = True) -> list[tuple[int, int]]:
        """The excluded ranges, sorted and not overlapping: the blocks, the credit lines (when
        ``lines``), and from the footer on to the end of the text (when ``footer``)."""
        out = list(self.blocks)
        if lines and self.line_cues:
            out = sorted(out + self.credit_lines())  # starts differ: each is in its own line
        if not footer or self.footer is None:
            return out
        cut = self.footer
        # what the lines before the footer's own range left out (the footer line and the masthead
        # lines before it start at or after ``cut``), then the footer to the end
        out = [r for r in out if r[0] < cut]
        out.append((cut, len(self.text)))
        return out


@lru_cache(maxsize=64)
def _whole_list(cues: tuple[str, ...], flags: int) -> re.Pattern:
    """All of ``cues`` as one alternation (as :class:`parreform_nlp.anchors.CueSet` joins them)."""
    return re.compile("|".join(f"(?:{c})" for c in cues), flags)


class RangeMask:
    """Fast "is this offset excluded?" over sorted, non-overlapping ranges."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        self.starts = [a for a, _ in ranges]
        self.ranges = ranges

    def __contains__(self, offset: int) -> bool:
        if not self.starts:
            return False  # most pages: nothing left out
        i = bisect_right(self.starts, offset) - 1
        return i >= 0 and self.ranges[i][0] <= offset < self.ranges[i][1]

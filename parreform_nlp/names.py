"""Shared helpers for people, bodies and places: folding, surnames, the place gazetteer,
and the byline / footer mask that keeps credits and site furniture out of the records.

The multilingual gazetteers (``places.json``, ``leaders.json``, ``agencies.json``,
``surnames.json``) are maintained separately; every loader here falls back to an empty
table when a file is missing, so the grammar keeps working without them.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any, Iterable

from .anchors import cue_set
from .numbers import block_end
from .resources import has_resource, load_json


def fold(s: str | None) -> str:
    """Lowercase, strip diacritics (keeping Thai marks), unify apostrophes, collapse spaces."""
    if not s:
        return ""
    if s.isascii():
        # nothing to fold but case and spaces (most English words): skip the Unicode passes
        return " ".join(s.lower().split())
    s = s.replace("đ", "d").replace("Đ", "D").replace("’", "'").replace("‘", "'")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c) or "\u0e00" <= c <= "\u0e7f")
    s = unicodedata.normalize("NFC", s).lower()
    return " ".join(s.split())


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

    Linear in the text: one pass over its lines with three cue sets, each cue tried only on the
    lines that hold one of the words it needs (:class:`parreform_nlp.anchors.CueSet`).
    """
    line_re = cue_set(tuple(line_cues)).scan(text)
    end_re = cue_set(tuple(end_cues)).scan(text)
    foot_re = cue_set(tuple(footer_cues)).scan(text)
    out: list[tuple[int, int]] = []
    recent: list[tuple[int, str]] = []  # the last few non-blank lines: (start, text)
    pos = 0
    prose_seen = False  # a footer opens only after the article's prose (a header may name the editor too)
    skip = 0  # the end of a related-news block already left out
    for line in text.splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        if start < skip:
            continue
        body = line.rstrip("\r\n")
        stop = start + len(body)
        if (rx := end_re.regex(start, stop)) is not None and rx.match(body):
            # up to the next prose line, not the end of the page: a heading mid-page (or a
            # Thai one, whose headlines end with no full stop) must not drop the rest
            skip = block_end(text, pos)
            out.append((start, skip))
            continue
        if prose_seen and (rx := foot_re.regex(start, stop)) is not None and rx.search(body):
            cut = start
            for s0, prev in reversed(recent[-lead_lines:] if lead_lines else []):
                words = prev.split()
                if not words or len(words) > 8 or prev.rstrip()[-1:] in ".!?;:":
                    break
                cut = s0
            while out and out[-1][0] >= cut:
                out.pop()
            out.append((cut, len(text)))
            break
        m = rx.search(body) if (rx := line_re.regex(start, stop)) is not None else None
        if m is not None:
            # from the cue to the end of its line: "... attended the meeting - Photo: Tran Tuyen"
            out.append((start + m.start(), pos))
        if not prose_seen and len(body.split()) >= 10 and any(c in body for c in ".!?"):
            prose_seen = True
        if body.strip():
            recent.append((start, body))
            if len(recent) > lead_lines:
                recent.pop(0)
    return out


class RangeMask:
    """Fast "is this offset excluded?" over sorted, non-overlapping ranges."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        self.starts = [a for a, _ in ranges]
        self.ranges = ranges

    def __contains__(self, offset: int) -> bool:
        import bisect

        i = bisect.bisect_right(self.starts, offset) - 1
        return i >= 0 and self.ranges[i][0] <= offset < self.ranges[i][1]

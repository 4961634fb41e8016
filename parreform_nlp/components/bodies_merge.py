"""Turning body mentions into one record per body: keys, back-references, canonical names."""
from __future__ import annotations

import re
from bisect import bisect_right, insort
from dataclasses import dataclass, field
from functools import lru_cache

from ..names import fold, optional_json, place_table
from ..patterns import alt

_STOP = {"of", "the", "and", "for", "on", "in", "a", "an", "to", "at", "by", "with", "s", "&"}
#: Word-level synonyms inside keys: "Provincial" and "province" name one level; the Prime
#: Minister's and the Government's committees are the same ones in Vietnamese usage.
_SYN = {"province": "provincial", "centre": "center", "programme": "program", "organisation": "organization",
        "communication": "communications", "defence": "defense", "labour": "labor"}
_PHRASE_SYN = (("prime minister", "government"),)
#: plural heads that name a class of bodies ("People's Committees"): kept apart from the one body
_CLASS_PLURALS = frozenset({"committees", "councils", "centres", "centers", "departments", "portals"})
#: patterns of the per-page steps, compiled once (``re.sub(str, ...)`` looks its pattern up on every call)
_LEADING_THE = re.compile(r"^(?:the|The)\s+")
_FORM_WORDS = re.compile(r"[\w’']+")
_POSSESSIVE = re.compile(r"'s?\b")
_KEY_WORDS = re.compile(r"[\w\u0e00-\u0e7f]+")


@lru_cache(maxsize=1 << 12)
def _fold_cached(s: str) -> str:
    return fold(s)


def fast_fold(s: str | None) -> str:
    """:func:`parreform_nlp.names.fold`, cached for text with diacritics (its Unicode passes are the
    slow part, and the grammar folds the same few phrases over and over)."""
    return fold(s) if not s or s.isascii() else _fold_cached(s)


def fast_is_place(text: str) -> bool:
    """:func:`parreform_nlp.names.is_place` through :func:`fast_fold`."""
    return fast_fold(text) in place_table()


@lru_cache(maxsize=None)
def _place_variants() -> tuple[re.Pattern | None, dict[str, str]]:
    """Latin spellings of one province or country ("Ha Noi", "Hanoi", "HCMC", "Viet Nam") -> one key word."""
    from ..names import optional_json

    data = optional_json("places.json") or {}
    table: dict[str, str] = {}
    for group in ("provinces", "countries"):
        for p in data.get(group, []) if isinstance(data, dict) else []:
            if p.get("ambiguous") or not p.get("name"):
                continue
            canon = re.sub(r"\W+", "", fold(p["name"]))
            aliases = p.get("aliases") or []
            for f in [p["name"], *([aliases] if isinstance(aliases, str) else aliases)]:
                if f and f.isascii() and len(f) >= 3:
                    table.setdefault(fold(f), canon)
    if not table:
        return None, {}
    rx = re.compile(r"(?<![\w])(?:" + alt(table) + r")(?![\w])")
    return rx, table


@lru_cache(maxsize=1 << 16)
def body_key(text: str) -> frozenset[str]:
    """Content words of a body name, normalised so that spelling variants share one key
    ("Ha Noi People's Committee" and "Hanoi People's Committee")."""
    s = fold(text)
    rx, table = _place_variants()
    if rx is not None and s.isascii():
        s = rx.sub(lambda m: table[m.group(0)], s)
    s = _POSSESSIVE.sub(" ", s)
    for a, b in _PHRASE_SYN:
        s = s.replace(a, b)
    words = _KEY_WORDS.findall(s)
    out = set()
    for w in words:
        if w in _STOP:
            continue
        w = _SYN.get(w, w)
        if len(w) > 4 and w.endswith("s") and not w.endswith("ss") and w not in _CLASS_PLURALS:
            w = _SYN.get(w[:-1], w[:-1]) if w[:-1] not in ("affair", "communication") else w
        out.add(w)
    return frozenset(out)


@dataclass
class BodyRecord:
    """A body being built: its mentions (char offsets) and the forms seen."""

    kind: str
    head: str
    key: frozenset[str]
    mentions: list[tuple[int, int]] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # canonical candidates, best first
    forms: list[str] = field(default_factory=list)


@dataclass
class BodyMention:
    """One mention as the grammars report it (char offsets into the doc text)."""

    start: int
    end: int
    text: str
    kind: str
    head: str
    key: frozenset[str]
    generic: bool = False
    keep_generic: bool = False
    name: str | None = None  # a canonical name (English label, "Ministry of X") when known


def merge_mentions(mentions: list[BodyMention]) -> list[BodyRecord]:
    """One record per body.

    Equal keys merge; a mention whose key is a strict subset of a fuller body's key with the
    same head ("Provincial People's Committee" after "Ha Tinh Provincial People's Committee",
    "the Steering Committee" after "the Government's Steering Committee for ...") attaches to
    the nearest preceding fuller body, else the nearest following one. Generic mentions with
    nothing to attach to are dropped, except stand-alone ones ("the Working Group").
    """
    mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
    by_key: dict[frozenset[str], BodyRecord] = {}
    order: list[BodyRecord] = []
    for m in mentions:
        if m.generic:
            continue
        key = m.key if not m.name else body_key(m.name)
        rec = by_key.get(key)
        if rec is None:
            rec = by_key[key] = BodyRecord(m.kind, m.head, key)
            order.append(rec)
        rec.mentions.append((m.start, m.end))
        rec.forms.append(m.text)
        if m.name:
            rec.names.append(m.name)
    # fold records into fuller ones (smallest keys first, so chains collapse)
    for rec in sorted(order, key=lambda r: len(r.key)):
        target = _attach(rec.key, rec.head, rec.mentions[0][0], [r for r in order if r is not rec and r.mentions],
                         backward_only=all(_LEVEL_ANAPHOR.search(f) for f in rec.forms))
        if target is not None:
            target.mentions.extend(rec.mentions)
            target.forms.extend(rec.forms)
            rec.mentions = []
    order = [r for r in order if r.mentions]
    starts = {id(r): sorted(s for s, _ in r.mentions) for r in order}
    for m in mentions:
        if not m.generic:
            continue
        target = _attach(m.key, m.head, m.start, order, starts)
        if target is None and m.keep_generic:
            key = m.key
            target = by_key.get(key)
            if target is None or not target.mentions:
                target = by_key[key] = BodyRecord(m.kind, m.head, key)
                order.append(target)
        if target is not None:
            target.mentions.append((m.start, m.end))
            target.forms.append(m.text)
            insort(starts.setdefault(id(target), []), m.start)
    for r in order:
        r.mentions = sorted(set(r.mentions))
    order.sort(key=lambda r: r.mentions[0][0])
    return order


#: "the People's Committee of the district": the committee of the place just spoken of, so it refers
#: back to a fuller body mentioned before it, never forward to the next one
_LEVEL_ANAPHOR = re.compile(r"\bof the (?:district|province|city|commune|ward|town)$")


def _attach(key: frozenset[str], head: str, pos: int, records: list[BodyRecord],
            starts: dict[int, list[int]] | None = None, backward_only: bool = False) -> BodyRecord | None:
    """The fuller body a mention refers back to: the nearest one mentioned before ``pos``, else the first after.

    ``starts`` (record id -> sorted mention starts) makes the lookup a bisection, so a page
    with many back-references stays linear.
    """
    cands = [r for r in records if r.head == head and key < r.key]
    if not cands:
        return None
    before = []
    for r in cands:
        rs = starts[id(r)] if starts is not None else sorted(s for s, _ in r.mentions)
        i = bisect_right(rs, pos)
        if i:
            before.append((rs[i - 1], r))
    if before:
        return max(before, key=lambda x: x[0])[1]
    if backward_only:
        return None
    return min(cands, key=lambda r: r.mentions[0][0])


def canonical_name(rec: BodyRecord, gazetteer: dict[frozenset[str], str] | None = None) -> str:
    """The longest clear form: most content words, then the head-first order ("Ministry of Justice"
    over "Justice Ministry"), then the longest spelling, then the first seen; no leading "the". When the page only has the
    inverted order ("Home Affairs Ministry") and the agencies gazetteer knows that body, its name.

    Linear in the number of mentions: each distinct form is keyed once.
    """
    first: dict[str, int] = {}
    for i, f in enumerate(rec.forms):
        first.setdefault(f, i)
    keys = {f: body_key(f) for f in first}
    full = [f for f in first if keys[f] == rec.key]
    if rec.names and not full:
        return rec.names[0]  # only short forms on the page ("UNDP", "National Defense")
    forms = full or list(first)
    inverted = {f: _inverted(f, rec.head) for f in forms}
    if gazetteer and all(inverted.values()):
        hit = next((gazetteer[keys[f]] for f in forms if keys[f] in gazetteer), None)
        written = any(fast_fold(_LEADING_THE.sub("", f)) == fast_fold(hit) for f in forms) if hit else True
        if hit is not None and body_key(hit) == rec.key and not written:
            return hit
    # ties: the spelled-out form ("Ho Chi Minh City ..." over "HCMC ...")
    bare = {f: _LEADING_THE.sub("", f).strip() for f in forms}
    # then a capitalised form ("Provincial People's Committee" over "provincial People's Committee")
    best = max(forms, key=lambda f: (len(keys[f]), not inverted[f], len(bare[f]), bare[f][:1].isupper(), -first[f]))
    best = bare[best]
    if rec.names and fast_fold(rec.names[0]) == fast_fold(best):
        return rec.names[0]  # the grammar's spelling of that form: "District-level People's Committees"
    # headline case: "Ministry Of Home Affairs" -> "Ministry of Home Affairs"
    return _HEADLINE_FN.sub(lambda m: m.group(0).lower(), best)


_HEADLINE_FN = re.compile(r"(?<=\s)(?:Of|And|For|On|In|The|To|At|Under)(?=\s)")


@lru_cache(maxsize=1 << 12)  # the same forms come back page after page ("People's Committee")
def _inverted(form: str, head: str) -> bool:
    """"Home Affairs Ministry": modifiers before the head and no complement after it."""
    words = _FORM_WORDS.findall(form.lower())
    return len(words) >= 2 and words[-1] == head and not {"of", "for", "on"} & set(words)


@lru_cache(maxsize=None)
def gazetteer_names() -> dict[frozenset[str], str]:
    """Key of every English form the agencies gazetteer knows (name, aliases) -> its canonical name.

    Keys that two agencies share are left out: they name no one body.
    """
    data = optional_json("agencies.json") or {}
    out: dict[frozenset[str], str] = {}
    clash: set[frozenset[str]] = set()
    for a in data.get("agencies", []) if isinstance(data, dict) else []:
        name = a.get("name")
        if not name:
            continue
        for f in {name, *(a.get("aliases") or [])}:
            k = body_key(f)
            if not k:
                continue
            if k in out and out[k] != name:
                clash.add(k)
            out.setdefault(k, name)
    for k in clash:
        out.pop(k, None)
    return out


@lru_cache(maxsize=None)
def sector_names() -> frozenset[str]:
    """Sector names of the agencies gazetteer ("Planning and Investment", "Home Affairs"), folded."""
    data = optional_json("agencies.json") or {}
    out = set()
    for d in data.get("domains", []) if isinstance(data, dict) else []:
        for f in [d.get("en"), *(d.get("aliases") or [])]:
            if f:
                out.add(fold(f))
    return frozenset(out)


@lru_cache(maxsize=None)
def gazetteer_kinds() -> dict[str, str]:
    """Canonical gazetteer name -> its kind ("World Bank" -> "international")."""
    data = optional_json("agencies.json") or {}
    return {a["name"]: a.get("kind") or "agency" for a in (data.get("agencies", []) if isinstance(data, dict) else [])
            if a.get("name")}

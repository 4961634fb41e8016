"""Officials: person + title + organization.

English pages run the title grammar of :mod:`.officials_en`; Vietnamese and Thai pages the
native grammar of :mod:`.officials_native` (English canonical titles, native ones kept in
``titles``). Bodies found by ``parreform_bodies`` (``doc.spans["parreform_bodies"]``, and
``doc._.bodies`` for their canonical names) give titles their organization.

One record per person per page: ``{name, title, organization, titles, mentions}``. Bylines,
credits and site footers (``resources/<lang>/bylines.json``) never yield officials.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Callable, Iterable

from spacy.language import Language
from spacy.tokens import Doc

from ..anchors import CueScan, cue_set
from ..names import RangeMask, fold, name_key
from ..patterns import alt, is_thai
from ..page import page_of
from ..pipeline import Upstream, factory_meta
from ..spans import write_spans
from .doc_attrs import ensure_doc_attrs
from .rule_pack import RulePackComponent

BODY_SPANS = "parreform_bodies"


class OfficialTagger(RulePackComponent):
    """Finds officials with their titles; one record per person per page."""

    rule_files = ("titles.json", "bodies.json", "bylines.json")
    doc_attrs = ("officials",)

    def __init__(self, nlp: Language, name: str = "parreform_officials", lang: str | None = None) -> None:
        super().__init__(nlp, name, lang)
        self.upstream = Upstream(nlp, "parreform_officials")

    def initialize(self, get_examples: Callable[[], Iterable] | None = None, nlp: Language | None = None,
                   rules: dict[str, Any] | None = None) -> None:
        """Load the rule pack for the pipeline's language (or use ``rules``)."""
        if rules is None:
            rules = self.load_rules()
        self.rules = rules
        if self.lang in ("vi", "th"):
            from .officials_native import NativeOfficialGrammar

            self.grammar = NativeOfficialGrammar(self.lang, rules["titles.json"])
        else:
            from .officials_en import EnglishOfficialGrammar

            self.grammar = EnglishOfficialGrammar(self.vocab, rules["titles.json"], rules["bodies.json"])
        # what the rules say once, not once per page
        titles = rules["titles.json"]
        self._historical = frozenset(name_key(h) for h in titles.get("historical_figures", []))
        self._secondary = frozenset(t.lower() for t in titles.get("secondary_roles", []))
        self._backref = titles.get("back_reference_honorifics", []) if self.lang not in ("vi", "th") else []
        self._honorifics_only = frozenset(fold(h) for h in titles.get("honorifics", []))
        abbr = titles.get("abbreviations", {})
        self._abbr_re = re.compile(r"\b(" + "|".join(map(re.escape, abbr)) + r")\b") if abbr else None

    def __call__(self, doc: Doc) -> Doc:
        ensure_doc_attrs("officials", "bodies")
        self.upstream(doc)
        by = self.rules["bylines.json"]
        page = page_of(doc)
        text = page.text
        org_names = {m["start"]: b["name"] for b in (doc._.bodies or []) for m in b.get("mentions", [])}
        if self.lang in ("vi", "th"):
            people = self.grammar.people(doc, org_names, text)
        else:
            people = self._english_people(doc, org_names)
        people = [p for p in people if name_key(p["name"]) not in self._historical]
        # the bylines and the asker only matter where someone was found (many pages name no official);
        # the page's byline scan is the one the bodies made (Page.boilerplate_scan), credit lines added
        boilerplate = page.boilerplate_scan(by["line_cues"], by["end_cues"], by.get("footer_cues", ())) \
            if people else None
        mask = RangeMask(boilerplate.ranges() if boilerplate is not None else [])
        people = [p for p in people if p["start"] not in mask]
        if people:
            cues = tuple(by.get("asker_cues", ()))
            asker = RangeMask(_asker_ranges(text, cues, boilerplate.scan(cues)))
            people = [p for p in people if p["start"] not in asker]
        doc._.officials = officials = _records(text, people, mask, self._secondary, self._backref,
                                               self._honorifics_only)
        write_spans(doc, "officials", officials)
        return doc

    def _implied_rules(self) -> list[tuple[re.Pattern, str]]:
        rules = getattr(self, "_implied", None)
        if rules is None:
            rules = self._implied = [(re.compile(rx, re.I), tpl) for rx, tpl
                                     in self.rules["titles.json"].get("implied_organizations", [])]
        return rules

    def _implied_org(self, title: str, page_bodies: dict[frozenset[str], str]) -> str | None:
        """The body a title names without a body mention ("Minister of Home Affairs" -> "Ministry of Home Affairs"):
        the page's own name for it, else the agencies gazetteer's, else the template filled in."""
        from .bodies_merge import body_key, gazetteer_names

        for rx, tpl in self._implied_rules():
            m = rx.fullmatch(title.strip())
            if m is None:
                continue
            org = re.sub(r"\{(\d)\}", lambda g: (m.group(int(g.group(1))) or "").strip(" ,"), tpl)
            key = body_key(org)
            return page_bodies.get(key) or gazetteer_names().get(key) or org
        return None

    def _english_people(self, doc: Doc, org_names: dict[int, str]) -> list[dict[str, Any]]:
        bodies = list(doc.spans[BODY_SPANS]) if BODY_SPANS in doc.spans else []
        abbr = self.rules["titles.json"].get("abbreviations", {})
        abbr_re = self._abbr_re
        from .bodies_merge import body_key

        page_bodies = {body_key(b["name"]): b["name"] for b in (doc._.bodies or [])}
        secondary = self._secondary
        out = []
        hits = self.grammar.people(doc, bodies)
        toks = page_of(doc).tokens(doc)  # the view the grammar read: offsets and text without spaCy spans
        idx, length, text = toks.idx, toks.length, toks.page_text
        for hit in hits:
            start, end = idx[hit.start], idx[hit.end - 1] + length[hit.end - 1]
            titles = [t.text or toks.span(t.start, t.end).text for t in hit.titles]
            if abbr_re is not None:  # "Deputy PM" -> "Deputy Prime Minister"
                titles = [abbr_re.sub(lambda m: abbr[m.group(1)], t) for t in titles]
            # each title's body: the one it names, else the one it implies; the main title's first
            orgs = [(org_names.get(t.org_char) if t.org_char is not None else None)
                    or self._implied_org(txt, page_bodies) for t, txt in zip(hit.titles, titles)]
            main = [o for o, txt in zip(orgs, titles) if o and txt.lower() not in secondary]
            out.append({"start": start, "end": end, "name": text[start:end],
                        "titles": titles, "native_titles": [],
                        "organization": main[0] if main else next((o for o in orgs if o), None)})
        return out


def _records(text: str, people: list[dict[str, Any]], mask: RangeMask,
             secondary: frozenset[str] = frozenset(), backref: Iterable[str] = (),
             honorifics_only: frozenset[str] = frozenset()) -> list[dict[str, Any]]:
    """Merge hits into one record per person; add the page's other mentions of each name."""
    people = sorted(people, key=lambda p: p["start"])
    recs: dict[str, dict[str, Any]] = {}
    for p in people:
        key = name_key(p["name"])
        rec = recs.get(key)
        if rec is None:
            rec = recs[key] = {"name": p["name"], "title": None, "organization": None, "titles": [],
                               "mentions": [], "_spans": set()}
        for t in p["titles"] + p.get("native_titles", []):
            if t not in rec["titles"]:
                rec["titles"].append(t)
        if p["titles"] and (rec["title"] is None or rec["title"].lower() in secondary):
            # the title next to the name, unless it is only a rank or a membership and an office follows
            main = [t for t in p["titles"] if t.lower() not in secondary]
            rec["title"] = main[0] if main else (rec["title"] or p["titles"][0])
        if rec["organization"] is None and p.get("organization"):
            rec["organization"] = p["organization"]
        rec["_spans"].add((p.get("mention_start", p["start"]), p.get("mention_end", p["end"])))
    # every other occurrence of a name as written is a mention too: one regex pass for all names
    owner = {text[s:e]: rec for rec in recs.values() for s, e in rec["_spans"]}
    if owner:
        for start, end in _occurrences(text, owner):
            name = text[start:end]
            # whole words only, except Thai script, which runs words together
            glued = not is_thai(name[0]) and (
                (start > 0 and text[start - 1].isalnum())
                or (end < len(text) and text[end].isalnum() and not is_thai(text[end])))
            if start not in mask and not glued:
                owner[name]["_spans"].add((start, end))
    if backref and recs:
        _back_references(text, recs, mask, backref, honorifics_only)
    for rec in recs.values():
        rec["mentions"] = [{"text": text[s:e], "start": s, "end": e, "source": "original"}
                           for s, e in sorted(rec.pop("_spans"))]
    return sorted(recs.values(), key=lambda r: r["mentions"][0]["start"])


def _occurrences(text: str, names: Iterable[str]) -> list[tuple[int, int]]:
    """``[m.span() for m in re.finditer(alt(names), text)]`` (the longest name where several start at
    one place, none inside the one before) with ``str.find``: no regex to compile for each page."""
    if not all(names):
        return [m.span() for m in re.finditer(alt(names), text)]
    longest: dict[int, int] = {}
    for w in names:
        i = text.find(w)
        while i >= 0:
            if longest.get(i, 0) < len(w):
                longest[i] = len(w)
            i = text.find(w, i + 1)
    out, reach = [], 0
    for i in sorted(longest):
        if i >= reach:
            reach = i + longest[i]
            out.append((i, reach))
    return out


def _back_references(text: str, recs: dict[str, dict[str, Any]], mask: RangeMask, honorifics: Iterable[str],
                     honorifics_only: frozenset[str] = frozenset()) -> None:
    """"Mr. Minh" after "Ho Ky Minh": an honorific + one capitalised word refers back to the one person
    named before it whose name ends with that word (Vietnamese usage: the given name); before any such
    person is named, it refers forward to the only person of the page with that name. One regex pass."""
    by_last: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    for rec in recs.values():
        parts = rec["name"].split()
        if len(parts) >= 2:
            by_last.setdefault(fold(parts[-1]), []).append((min(s for s, _ in rec["_spans"]), rec))
    if not by_last:
        return
    for m in _back_reference_matches(tuple(honorifics), text):
        if m.start() in mask:
            continue
        named = by_last.get(fold(m.group("name")), [])
        cands = {id(r): r for first, r in named if first < m.start()}
        if not cands:
            # "Minister Tra said ..." before "Minister of Home Affairs Pham Thi Thanh Tra": a forward
            # reference, only when exactly one person on the page has that name and, for a short
            # title, one of that person's titles is that office ("Minister" is no "Deputy Prime Minister")
            hon = fold(m.group("hon"))
            cands = {id(r): r for _, r in named}
            if len(cands) == 1 and hon not in honorifics_only:
                rec = next(iter(cands.values()))
                if not any(fold(t) == hon or fold(t).startswith((hon + " of ", hon + " for ")) for t in rec["titles"]):
                    cands = {}
        if len(cands) == 1:
            next(iter(cands.values()))["_spans"].add((m.start("name"), m.end("name")))


@lru_cache(maxsize=None)
def _back_reference_re(honorifics: tuple[str, ...]) -> re.Pattern:
    """An honorific and one capitalised word ("Mr. Minh"), not followed by another name word.
    It starts with the honorifics, so that the engine jumps to their first letters; the test
    that no word or dot comes before is :func:`_back_reference_matches`'s."""
    hons = sorted(set(honorifics), key=len, reverse=True)
    return re.compile(r"(?P<hon>" + "|".join(re.escape(h) for h in hons)
                      + r")\s+(?P<name>[A-ZÀ-Ỹ][\w'’-]*)(?![\w'’-])"
                      r"(?!\s+[A-ZÀ-Ỹ][a-zà-ỹ])")


_WORD_OR_DOT = re.compile(r"[\w.]")


def _back_reference_matches(honorifics: tuple[str, ...], text: str) -> Iterable[re.Match]:
    r"""The matches of :func:`_back_reference_re` that no word character or dot precedes: what
    ``(?<![\w.])`` before it would find with ``finditer`` (a start it rejects is tried again one
    character on, as the engine would)."""
    rx = _back_reference_re(honorifics)
    pos = 0
    while (m := rx.search(text, pos)) is not None:
        s = m.start()
        if s and _WORD_OR_DOT.match(text, s - 1):
            pos = s + 1
            continue
        yield m
        pos = m.end() if m.end() > s else s + 1


def _asker_ranges(text: str, cues: tuple[str, ...], scan: CueScan | None = None) -> list[tuple[int, int]]:
    """The asker of a Q&A page ("Reader Nguyen Van A asks: ..."): no official. One pass over the
    text, with only the cues whose words the page has (most pages ask nothing); ``scan``: where the
    cues' words occur in ``text``, when the caller has it (:meth:`parreform_nlp.names.Boilerplate.scan`).

    Exactly ``[m.span() for m in rx.finditer(text) if m.end() > m.start()]`` of the joined cues
    (:func:`_line_cue_starts` says where a match can start)."""
    scan = scan if scan is not None else cue_set(cues).scan(text)
    rx = scan.regex(0, len(text))
    if rx is None:
        return []
    starts = _line_cue_starts(text, scan)
    if starts is None:
        return [m.span() for m in rx.finditer(text) if m.end() > m.start()]
    # finditer's walk over the only places a match can start: the first match at or after the
    # end of the previous one (an empty match is passed over, as finditer steps on from it)
    out, pos = [], 0
    for p in starts:
        if p < pos:
            continue
        m = rx.match(text, p)
        if m is not None:
            if m.end() > m.start():
                out.append(m.span())
            pos = m.end()
    return out


# a cue that opens with a bounded run of one line's characters ("^[^\n]{0,300}?\b(?:asks?|...)"):
# its words are on the line it starts, so it can only match at the start of a line holding one of them
_LINE_RUN = re.compile(r"\^\[\^\\n\]\{0,\d+\}\??\\b\(\?:")


def _line_cue_starts(text: str, scan: CueScan) -> list[int] | None:
    """Sorted positions where one of the page's cues (``scan``) can match; None: anywhere.

    A cue that opens with "^[^\\n]{0,N}?\\b(?:" (:data:`_LINE_RUN`), whose needed words all come
    right after that run, matches only at the start of a line that holds one of its words: those
    line starts are read off the scan's hits instead of trying the lazy run at every line start.
    Where the other cues can match is found by one zero-width pass of their alternation."""
    cs = scan.cues
    if scan.full or cs.always:
        return None
    keep = sorted({i for h in scan.hits for i in h[2]})
    local = {i for i in keep if _LINE_RUN.match(cs.cues[i])}
    if not local:
        return None
    found: set[int] = set()
    for h in scan.hits:
        if local.intersection(h[2]):
            found.add(text.rfind("\n", 0, h[0]) + 1)
    rest = [cs.cues[i] for i in keep if i not in local]
    if rest:
        ahead = _lookahead(tuple(rest), cs.flags)
        found.update(m.start() for m in ahead.finditer(text))
    return sorted(found)


@lru_cache(maxsize=64)
def _lookahead(cues: tuple[str, ...], flags: int) -> re.Pattern:
    """Every position where one of ``cues`` matches (a zero-width match at each). When every cue
    opens with "^", a "^" outside the look-ahead lets the engine pass other positions by at once."""
    anchor = "^" if flags & re.M and all(c.startswith("^") for c in cues) else ""
    return re.compile(anchor + "(?=" + "|".join(f"(?:{c})" for c in cues) + ")", flags)


@Language.factory("parreform_officials", default_config={"lang": None}, **factory_meta("parreform_officials"))
def make_officials(nlp: Language, name: str, lang: str | None) -> OfficialTagger:
    """The officials tagger; ``lang`` overrides the pipeline's language for its rules."""
    return OfficialTagger(nlp, name, lang=lang)

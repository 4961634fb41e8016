"""Government bodies (ORG) and places.

English pages run the token grammar of :mod:`.bodies_en` (head noun + modifiers +
complement); Vietnamese and Thai pages run the native phrase grammar of
:mod:`.bodies_native`, which labels each body with its English name. Both feed one merge
step (:mod:`.bodies_merge`): one record per body, generic back-references attached.

Writes ``doc._.bodies`` and ``doc._.places`` (lists of plain dicts), and the body mentions
as ``doc.spans["parreform_bodies"]`` (label = kind) for the officials component.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Callable, Iterable, Iterator

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..anchors import lowered
from ..names import RangeMask, fold, optional_json
from ..patterns import alt
from ..page import page_of
from ..pipeline import factory_meta
from ..resources import load_lang_json
from ..spans import write_spans
from ..token_view import TokenView, filter_offsets, string_ids
from .bodies_en import EnglishBodyGrammar, acronym_fits
from .bodies_merge import (
    BodyMention,
    body_key,
    canonical_name,
    fast_fold,
    gazetteer_kinds,
    gazetteer_names,
    merge_mentions,
)
from .doc_attrs import ensure_doc_attrs
from .rule_pack import RulePackComponent

SPANS_KEY = "parreform_bodies"
#: ``doc.user_data`` key: [[start, end, english label of the mention, canonical name], ...]
MENTIONS_KEY = "parreform_body_mentions"
#: "<body> (ACRONYM)": the definition starts where the body's mention ends, before the spaces
#: ahead of "(" (found from the "(", then back over the spaces: a pattern opening with a
#: look-behind and optional spaces is tried at every position of the page)
_ACRONYM_DEF = re.compile(r"\(([A-Z](?=[a-z&]*[A-Z])[A-Za-z&]{1,9})\)")


#: a host under .gov.vn, not inside an e-mail address ("abc@moha.gov.vn") or a longer name
_GOV_DOMAIN = re.compile(r"(?<![\w@.\-])(?:https?://)?(?:www\.)?((?:[a-z0-9\-]+\.)+gov\.vn)(?![\w\-@])", re.I)


@lru_cache(maxsize=None)
def _domain_names() -> dict[str, tuple[str, str]]:
    """Web address -> (canonical name, kind), from the agencies gazetteer's aliases ("dichvucong.gov.vn")."""
    data = optional_json("agencies.json") or {}
    out: dict[str, tuple[str, str]] = {}
    for a in data.get("agencies", []) if isinstance(data, dict) else []:
        for f in [a.get("name"), *(a.get("aliases") or [])]:
            for host in re.findall(r"(?:[a-z0-9\-]+\.)+gov\.vn", f or "", re.I):
                out.setdefault(host.lower(), (a["name"], a.get("kind") or "agency"))
    return out


def acronym_definitions(text: str) -> Iterator[tuple[int, str]]:
    """(start, acronym) of every "<spaces>(ACRONYM)" in ``text``: the start is where the spaces before
    "(" begin, i.e. where the body named before it ends. Each run of spaces is walked once (linear)."""
    for m in _ACRONYM_DEF.finditer(text):
        start = m.start()
        while start > 0 and text[start - 1].isspace():  # str.isspace() is the regex \s
            start -= 1
        yield start, m.group(1)


def _mention(text: str, start: int, end: int) -> dict[str, Any]:
    return {"text": text[start:end], "start": start, "end": end, "source": "original"}


class BodyTagger(RulePackComponent):
    """Finds government bodies and places; one record per body / place per page."""

    rule_files = ("bodies.json", "titles.json", "bylines.json")
    doc_attrs = ("bodies", "places")

    def __init__(self, nlp: Language, name: str = "parreform_bodies", lang: str | None = None) -> None:
        super().__init__(nlp, name, lang)

    # -- set-up / serialisation -------------------------------------------------------------
    def initialize(self, get_examples: Callable[[], Iterable] | None = None, nlp: Language | None = None,
                   rules: dict[str, Any] | None = None) -> None:
        """Load the rule pack for the pipeline's language (or use ``rules``) and build matchers."""
        if rules is None:
            rules = self.load_rules()
            if self.rule_lang != "en":
                rules["en_bodies"] = load_lang_json("bodies.json", "en")
                rules["en_titles"] = load_lang_json("titles.json", "en")
        self.rules = rules
        self._build()

    def _build(self) -> None:
        r = self.rules
        if self.lang in ("vi", "th"):
            from .bodies_native import NativeBodyGrammar

            self.grammar = NativeBodyGrammar(self.lang, r["bodies.json"])
        else:
            self.grammar = EnglishBodyGrammar(self.vocab, r["bodies.json"], r["titles.json"])
        # the officials read the same page scan with the credit lines: one key for both (Page.boilerplate_scan)
        self.line_cues = tuple(r["bylines.json"].get("line_cues", ()))
        self.end_cues = tuple(r["bylines.json"]["end_cues"])
        self.footer_cues = tuple(r["bylines.json"].get("footer_cues", ()))
        self._build_places()
        self._build_gazetteer_acronyms()

    def _build_gazetteer_acronyms(self) -> None:
        cfg = self.rules["bodies.json"].get("gazetteer_acronyms") or {}
        skip = set(cfg.get("skip", []))
        data = optional_json("agencies.json") or {}
        self._gaz_acr: dict[str, tuple[str, str]] = {}
        if cfg:  # a language opts in with its own skip list ("BTC" is "Ban Tổ chức" in Vietnamese)
            for a in data.get("agencies", []) if isinstance(data, dict) else []:
                for ab in a.get("abbr") or []:
                    if ab.isascii() and ab.isupper() and len(ab) >= cfg.get("min_length", 2) and ab not in skip:
                        self._gaz_acr.setdefault(ab, (a["name"], a.get("kind") or "agency"))
        # never inside a document number ("NQ-CP", "/BNV-CCHC"); the character before is checked
        # apart (_gaz_acr_edge): a pattern opening with a look-behind is tried at every position
        edge = r"\w/" if self.lang == "en" else r"\w/\-"
        self._gaz_acr_re = re.compile(r"(?:" + "|".join(
            re.escape(a) for a in sorted(self._gaz_acr, key=len, reverse=True)) + r")(?![" + edge + r"])") \
            if self._gaz_acr else None
        self._gaz_acr_edge = re.compile(r"[" + edge + r"]")
        # "UNDP tại Việt Nam": an international body's country office
        suffixes = cfg.get("country_office_suffixes", [])
        self._country_office_re = re.compile(r"\s*(?:" + "|".join(re.escape(x) for x in suffixes) + r")(?![\w])") \
            if suffixes else None

    def _build_places(self) -> None:
        """Places from the shared gazetteer (provinces, old and new names, countries)."""
        self.place_forms: dict[str, tuple[str, str, bool]] = {}
        data = optional_json("places.json") or {}
        self.place_matcher = PhraseMatcher(self.vocab, attr="LOWER")
        patterns = []
        for group, default_kind in (("provinces", "province"), ("countries", "country")):
            for p in data.get(group, []) if isinstance(data, dict) else []:
                forms = [p.get("name")]
                for k in ("vi", "aliases", "th"):
                    v = p.get(k)
                    forms.extend([v] if isinstance(v, str) else (v or []))
                for f in forms:
                    if not f or f in self.place_forms:
                        continue
                    self.place_forms[fold(f)] = (p["name"], p.get("kind") or default_kind, bool(p.get("ambiguous")))
                    patterns.append(f)
        if self.lang != "th":
            self.place_matcher.add("PLACE", [self.vocab_doc(f) for f in sorted(set(patterns))])
        # "Ky Anh district", "District 7": found from the level word (see _level_spans)
        self._levels = string_ids(self.vocab, ("district", "ward", "commune", "town", "township"))
        self._numbered_levels = set(string_ids(self.vocab, ("district", "ward")).tolist())

    def vocab_doc(self, text: str) -> Doc:
        """A tokenised pattern (whitespace tokenisation is enough for place names)."""
        words = text.split()
        return Doc(self.vocab, words=words)

    # -- running ----------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        ensure_doc_attrs("bodies", "places")
        page = page_of(doc)
        text = page.text
        # a credit line still names a real body ("Source: Ministry of Home Affairs"; news media are no
        # bodies anyway): only the related-news block and the site footer are left out
        boilerplate = page.boilerplate_scan(self.line_cues, self.end_cues, self.footer_cues)
        mask = RangeMask(boilerplate.ranges(lines=False))
        english = isinstance(self.grammar, EnglishBodyGrammar)
        toks = self.grammar.view(doc, text) if english else None  # read once for the bodies and the places
        mentions = [m for m in (self.grammar.mentions(doc, text, toks) if english else self.grammar.mentions(doc, text))
                    if m.start not in mask]
        if english:
            mentions.extend(self._acronyms(text, mentions, mask))
        mentions.extend(self._known_acronyms(text, mentions, mask))
        mentions.extend(self._state_domains(text, mask))
        records = merge_mentions(mentions)
        local = {(m.start, m.end): m.name for m in mentions if m.name}
        bodies, exact = [], []
        gazetteer = gazetteer_names() if isinstance(self.grammar, EnglishBodyGrammar) else None
        for rec in records:
            name = canonical_name(rec, gazetteer)
            if gazetteer is not None and gazetteer.get(rec.key) is not None \
                    and gazetteer_kinds().get(gazetteer[rec.key]) == "international":
                rec.kind = "international"  # "World Bank", "Asian Development Bank": not a Vietnamese agency
            bodies.append({"name": name, "kind": rec.kind,
                           "mentions": [_mention(text, s, e) for s, e in rec.mentions]})
            # exact offsets with each mention's own English label, for the officials component
            exact.extend([s, e, local.get((s, e)) or name, name] for s, e in rec.mentions)
        doc._.bodies = bodies
        write_spans(doc, "bodies", bodies)  # doc.spans["parreform_bodies"], read by the officials component
        doc.user_data[MENTIONS_KEY] = sorted(exact)
        # credit lines still name real places ("Photo: ... in Ky Anh district"): only the
        # related-news / footer block is left out of the places
        doc._.places = places = self._places(doc, text, RangeMask(boilerplate.ranges(lines=False, footer=False)), toks)
        write_spans(doc, "places", places)
        return doc

    def _acronyms(self, text: str, mentions: list[BodyMention], mask: RangeMask) -> list[BodyMention]:
        """"Central Institute for Economic Management (CIEM)": later "CIEM" is that body too."""
        acr: dict[str, BodyMention] = {}
        by_end = {m.end: m for m in mentions if not m.generic}
        for start, a in acronym_definitions(text):
            body = by_end.get(start)
            if body is not None and acronym_fits(a, body.text.replace("'s", "").replace("’s", "").split()):
                acr.setdefault(a, body)
        out: list[BodyMention] = []
        if not acr:
            return out
        covered = {(m.start, m.end) for m in mentions}
        rx = re.compile(r"\b(" + alt(acr) + r")\b")
        for m in rx.finditer(text):
            b = acr[m.group(1)]
            if m.start() not in mask and (m.start(), m.end()) not in covered:
                out.append(BodyMention(m.start(), m.end(), m.group(1), b.kind, b.head,
                                       b.key if not b.name else body_key(b.name), name=b.name))
        return out

    def _state_domains(self, text: str, mask: RangeMask) -> list[BodyMention]:
        """A state web system named by its address ("through the system at dti.gov.vn"): a portal;
        the address of a known portal ("dichvucong.gov.vn") is a mention of it. E-mail addresses are not."""
        out = []
        known = _domain_names()
        # "gov.vn" in any case is "gov.vn" lower-cased (no other character lower-cases to these letters);
        # the page is lower-cased once for every scan (anchors.lowered)
        if "gov.vn" not in (lowered(text) if len(text) > 512 else text.lower()):
            return out
        for m in _GOV_DOMAIN.finditer(text):
            if m.start() in mask:
                continue
            host = m.group(1).lower()
            name, kind = known.get(host, (host, "portal"))
            head = "portal" if kind == "portal" else name.split()[-1].lower()
            out.append(BodyMention(m.start(1), m.end(1), m.group(1), kind, head, body_key(name), name=name))
        return out

    def _known_acronyms(self, text: str, mentions: list[BodyMention], mask: RangeMask) -> list[BodyMention]:
        """Abbreviations the agencies gazetteer knows ("UNDP", "MOHA"), outside credits ("VNA/VNS")."""
        if self._gaz_acr_re is None:
            return []
        covered = [(m.start, m.end) for m in mentions]
        starts = {s for s, _ in covered}
        out = []
        for m in self._gaz_acr_matches(text):
            if m.start() in mask or m.start() in starts:
                continue
            name, kind = self._gaz_acr[m.group(0)]
            end = m.end()
            if kind == "international" and self._country_office_re is not None:
                office = self._country_office_re.match(text, end)
                if office is not None:
                    name, end = f"{name} in Vietnam", office.end()
            out.append(BodyMention(m.start(), end, text[m.start():end], kind, name.split()[-1].lower(), body_key(name),
                                   name=name))
        return out

    def _gaz_acr_matches(self, text: str) -> Iterator[re.Match]:
        """The matches of ``(?<![edge])`` + ``_gaz_acr_re``, left to right, not overlapping: a match
        preceded by an edge character is dropped and the search goes on from its next character."""
        rx, edge = self._gaz_acr_re, self._gaz_acr_edge
        m = rx.search(text)
        while m is not None:
            start = m.start()
            if start > 0 and edge.match(text, start - 1):
                m = rx.search(text, start + 1)
                continue
            yield m
            m = rx.search(text, m.end())

    def _level_spans(self, toks: TokenView) -> list[tuple[int, int]]:
        """"<1-3 title-case words> district|ward|commune|town|township" and "District|Ward <number>":
        the level words from the page's LOWER array, then a look at the few tokens around each (a token
        Matcher with these patterns tries every title-case token of the page)."""
        n = len(toks)
        spans = []
        for i in toks.positions(self._levels):
            for k in (1, 2, 3):
                if i - k < 0 or not (toks[i - k].is_title and toks[i - k].is_alpha):
                    break
                spans.append((i - k, i + 1))
            if toks.lower[i] in self._numbered_levels and toks[i].is_title and i + 1 < n and toks[i + 1].like_num:
                spans.append((i, i + 2))
        return spans

    def _places(self, doc: Doc, text: str, mask: RangeMask, toks: TokenView | None = None) -> list[dict[str, Any]]:
        """Provinces, cities and countries from the gazetteer; "X district" from the grammar."""
        if self.lang in ("vi", "th"):
            from .bodies_native import native_places

            found = native_places(text, self.lang)
        else:
            found = []
            toks = self.grammar.view(doc, text) if toks is None else toks
            n = len(toks)
            spans = [(s, e) for _, s, e in self.place_matcher(doc)]
            spans += self._level_spans(toks)
            for s, e in filter_offsets(spans):
                if not toks[s].text[:1].isupper():
                    continue
                sp = toks.span(s, e)
                start_char, end_char = toks.idx[s], toks.idx[e - 1] + toks.length[e - 1]
                entry = self.place_forms.get(fast_fold(sp.text))
                if entry is not None:
                    name, kind, ambiguous = entry
                    if ambiguous and ((s > 0 and toks[s - 1].is_title and toks[s - 1].is_alpha)
                                      or (e < n and toks[e].is_title and toks[e].is_alpha)):
                        continue  # "Hue" inside a person's name
                    found.append((start_char, end_char, name, kind))
                else:
                    kind = toks[e - 1].lower_ if not toks[e - 1].like_num else toks[s].lower_
                    found.append((start_char, end_char, sp.text, kind))
        records: dict[str, dict[str, Any]] = {}
        for s, e, name, kind in found:
            if s in mask:
                continue
            rec = records.setdefault(name, {"name": name, "kind": kind, "mentions": []})
            rec["mentions"].append(_mention(text, s, e))
        return list(records.values())


@Language.factory("parreform_bodies", default_config={"lang": None}, **factory_meta("parreform_bodies"))
def make_bodies(nlp: Language, name: str, lang: str | None) -> BodyTagger:
    """The body and place tagger; ``lang`` overrides the pipeline's language for its rules."""
    return BodyTagger(nlp, name, lang=lang)

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
from typing import Any, Callable, Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.attrs import IS_ALPHA, IS_TITLE, LIKE_NUM, LOWER
from spacy.tokens import Doc
from spacy.util import filter_spans

from ..names import RangeMask, fold, optional_json
from ..patterns import alt
from ..page import page_of
from ..pipeline import factory_meta
from ..resources import load_lang_json
from ..spans import write_spans
from .bodies_en import EnglishBodyGrammar, acronym_fits
from .bodies_merge import (
    BodyMention,
    body_key,
    canonical_name,
    gazetteer_kinds,
    gazetteer_names,
    merge_mentions,
)
from .doc_attrs import ensure_doc_attrs
from .rule_pack import RulePackComponent

SPANS_KEY = "parreform_bodies"
#: ``doc.user_data`` key: [[start, end, english label of the mention, canonical name], ...]
MENTIONS_KEY = "parreform_body_mentions"
#: "<body> (ACRONYM)": the match starts where the body's mention ends (never inside a run
#: of spaces: linear on 32,000 spaces)
_ACRONYM_DEF = re.compile(r"(?<!\s)\s*\(([A-Z](?=[a-z&]*[A-Z])[A-Za-z&]{1,9})\)")


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
        self.end_cues = r["bylines.json"]["end_cues"]
        self.footer_cues = r["bylines.json"].get("footer_cues", [])
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
        # never inside a document number ("NQ-CP", "/BNV-CCHC")
        edge = r"\w/" if self.lang == "en" else r"\w/\-"
        self._gaz_acr_re = re.compile(r"(?<![" + edge + r"])(?:" + "|".join(
            re.escape(a) for a in sorted(self._gaz_acr, key=len, reverse=True)) + r")(?![" + edge + r"])") \
            if self._gaz_acr else None
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
        strings = self.vocab.strings
        self._levels = {strings.add(w) for w in ("district", "ward", "commune", "town", "township")}
        self._numbered_levels = {strings.add(w) for w in ("district", "ward")}

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
        mask = RangeMask(page.boilerplate((), self.end_cues, self.footer_cues))
        mentions = [m for m in self.grammar.mentions(doc, text) if m.start not in mask]
        if isinstance(self.grammar, EnglishBodyGrammar):
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
        write_spans(doc, "bodies")  # doc.spans["parreform_bodies"], read by the officials component
        doc.user_data[MENTIONS_KEY] = sorted(exact)
        # credit lines still name real places ("Photo: ... in Ky Anh district"): only the
        # related-news / footer block is left out of the places
        doc._.places = self._places(doc, text, RangeMask(page.boilerplate((), self.end_cues)))
        write_spans(doc, "places")
        return doc

    def _acronyms(self, text: str, mentions: list[BodyMention], mask: RangeMask) -> list[BodyMention]:
        """"Central Institute for Economic Management (CIEM)": later "CIEM" is that body too."""
        acr: dict[str, BodyMention] = {}
        by_end = {m.end: m for m in mentions if not m.generic}
        for m in _ACRONYM_DEF.finditer(text):
            body = by_end.get(m.start())
            a = m.group(1)
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
        for m in self._gaz_acr_re.finditer(text):
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

    def _level_spans(self, doc: Doc) -> list:
        """"<1-3 title-case words> district|ward|commune|town|township" and "District|Ward <number>":
        one array pass finds the level words, then a look at the few tokens around each (a token
        Matcher with these patterns tries every title-case token of the page)."""
        import numpy

        arr = doc.to_array([LOWER, IS_TITLE, IS_ALPHA, LIKE_NUM])
        if not len(arr):
            return []
        spans = []
        for i in numpy.flatnonzero(numpy.isin(arr[:, 0], list(self._levels))).tolist():
            for n in (1, 2, 3):
                if i - n < 0 or not (arr[i - n, 1] and arr[i - n, 2]):
                    break
                spans.append(doc[i - n:i + 1])
            if arr[i, 0] in self._numbered_levels and arr[i, 1] and i + 1 < len(arr) and arr[i + 1, 3]:
                spans.append(doc[i:i + 2])
        return spans

    def _places(self, doc: Doc, text: str, mask: RangeMask) -> list[dict[str, Any]]:
        """Provinces, cities and countries from the gazetteer; "X district" from the grammar."""
        if self.lang in ("vi", "th"):
            from .bodies_native import native_places

            found = native_places(text, self.lang)
        else:
            found = []
            spans = [doc[s:e] for _, s, e in self.place_matcher(doc)]
            spans += self._level_spans(doc)
            for sp in filter_spans(spans):
                if not sp[0].text[:1].isupper():
                    continue
                entry = self.place_forms.get(fold(sp.text))
                if entry is not None:
                    name, kind, ambiguous = entry
                    if ambiguous and ((sp.start > 0 and doc[sp.start - 1].is_title and doc[sp.start - 1].is_alpha)
                                      or (sp.end < len(doc) and doc[sp.end].is_title and doc[sp.end].is_alpha)):
                        continue  # "Hue" inside a person's name
                    found.append((sp.start_char, sp.end_char, name, kind))
                else:
                    kind = sp[-1].lower_ if not sp[-1].like_num else sp[0].lower_
                    found.append((sp.start_char, sp.end_char, sp.text, kind))
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

"""Vietnamese and Thai body grammar: native phrases labelled with English names.

The phrase table comes from the shared ``agencies.json`` gazetteer (agencies; heads x
sectors: "Sở" + "Nội vụ" -> "Department of Home Affairs"; heads with a place: "UBND tỉnh" +
"Hà Tĩnh" -> "Ha Tinh Provincial People's Committee") plus ``resources/<lang>/bodies.json``
(extra phrases, topics, owners, plural heads). Matching runs one compiled regular
expression over the text (Vietnamese syllable tokens carry punctuation and Thai writes no
spaces, so character offsets are the natural unit); each match then grows right over a
topic ("CCHC Nhà nước"), a level word ("tỉnh"), a place ("Hà Tĩnh", "กวางจิ") and an
owner ("của Chính phủ", "ของรัฐบาล").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc

from ..names import fold, optional_json, place_levels
from ..patterns import alt
from .bodies_merge import BodyMention, body_key


@dataclass(frozen=True)
class Phrase:
    en: str  # English name or template with "{place}"
    kind: str


def _forms(v: Any) -> list[str]:
    if not v:
        return []
    return [v] if isinstance(v, str) else [x for x in v if isinstance(x, str)]


def _norm(s: str) -> str:
    return " ".join(s.lower().split())


def _alternation(forms: list[str], lang: str) -> str:
    """A regular expression matching any of ``forms``, longest first, as a prefix trie.

    A flat alternation of thousands of phrases is tried phrase by phrase at every position
    of the text; the trie shares prefixes, so a position is rejected after one character.
    Units are characters; a space in a form matches any run of spaces (none for Thai).
    """
    sep = r"\s*" if lang == "th" else r"\s+"
    trie: dict = {}
    for f in set(forms):
        node = trie
        for ch in " ".join(f.split()):
            node = node.setdefault(ch, {})
        node[""] = {}  # end of a form
    return _trie_regex(trie, sep)


def _trie_regex(node: dict, sep: str) -> str:
    alts = []
    for ch in sorted((c for c in node if c), key=lambda c: c):
        alts.append((sep if ch == " " else re.escape(ch)) + _trie_regex(node[ch], sep))
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    # greedy: the longer form is tried before stopping here
    return f"(?:{body})?" if "" in node else body


def _wrap(alt: str, lang: str) -> str:
    # Vietnamese forms are whole syllables; Thai forms sit inside running text
    return f"(?<![\\w])(?:{alt})(?![\\w])" if lang == "vi" else f"(?:{alt})"


@lru_cache(maxsize=None)
def place_forms(lang: str) -> dict[str, tuple[str, str]]:
    """Normalised native / Latin form -> (canonical English name, kind) for provinces and countries."""
    data = optional_json("places.json") or {}
    out: dict[str, tuple[str, str]] = {}
    for group, default in (("provinces", "province"), ("countries", "country")):
        for p in data.get(group, []) if isinstance(data, dict) else []:
            forms = [p.get("name"), *_forms(p.get("aliases")), *_forms(p.get("vi"))]
            if lang == "th":
                forms += [f for f in _forms(p.get("th")) if len(f) >= 4]  # short Thai forms hide inside words
            for f in forms:
                if f:
                    out.setdefault(_norm(f), (p["name"], p.get("kind") or default))
    return out


class NativeBodyGrammar:
    """Finds bodies in Vietnamese / Thai text; every mention carries its English name."""

    def __init__(self, lang: str, rules: dict[str, Any]) -> None:
        self.lang = lang
        self.rules = rules
        self.table: dict[str, Phrase] = {}
        agencies = optional_json("agencies.json") or {}
        for p in rules.get("phrases", []):
            self.table.setdefault(_norm(p["form"]), Phrase(p["en"], p["kind"]))
        for a in agencies.get("agencies", []) if isinstance(agencies, dict) else []:
            for f in _forms(a.get(lang)):
                self.table.setdefault(_norm(f), Phrase(a["name"], a.get("kind") or "agency"))
        domains = agencies.get("domains", []) if isinstance(agencies, dict) else []
        for h in agencies.get("heads", []) if isinstance(agencies, dict) else []:
            kind = h.get("kind") or "agency"
            for hf in _forms(h.get(lang)):
                if "{domain}" in h["en"]:
                    for d in domains:
                        for df in _forms(d.get(lang)):
                            for sep in ((" ",) if lang == "vi" else ("", " ")):
                                self.table.setdefault(_norm(hf + sep + df), Phrase(h["en"].replace("{domain}", d["en"]), kind))
                else:
                    self.table.setdefault(_norm(hf), Phrase(h["en"], kind))
        self.body_re = re.compile(_wrap(_alternation(list(self.table), lang), lang), re.I)
        self.topics = {_norm(t["form"]): t["en"] for t in rules.get("topics", [])}
        self.topic_re = re.compile(r"\s*(" + _alternation(list(self.topics), lang) + ")", re.I) if self.topics else None
        self.owners = {_norm(o["form"]): o["en"] for o in rules.get("owners", [])}
        self.owner_re = re.compile(r"\s*(" + _alternation(list(self.owners), lang) + ")") if self.owners else None
        self.levels = place_levels(lang)  # folded level word -> English level
        self.levels_vi = {_norm(w) for lv in (optional_json("places.json") or {}).get("place_levels", [])
                          for w in _forms(lv.get(lang)) if " " not in w}
        level_words = sorted({w for lv in (optional_json("places.json") or {}).get("place_levels", [])
                              for w in _forms(lv.get(lang))}, key=len, reverse=True)
        of_level = "|".join(re.escape(w) for w in rules.get("of_level", []))
        self.level_re = re.compile(
            (r"\s*(?:(?:" + of_level + r")\s*)?" if of_level else r"\s*") + "(" + _alternation(level_words, lang) + ")"
            + (r"(?![\w])" if lang == "vi" else ""), re.I) if level_words else None
        self.places = place_forms(lang)
        self.place_re = re.compile(r"\s*(" + _alternation(list(self.places), lang) + ")" + (r"(?![\w])" if lang == "vi" else ""), re.I) \
            if self.places else None
        self.level_adj = rules.get("level_adjectives", {})
        self.bare_place_kinds = set(rules.get("bare_place_kinds", []))
        self.compounds = {_norm(c["form"]): c for c in rules.get("compound_heads", [])}
        self.compound_re = re.compile(r"(?<![\w])(" + alt(c["form"] for c in rules.get("compound_heads", [])) + r") (?=\S)") \
            if self.compounds else None
        self.levels_vi_all = {_norm(w) for lv in (optional_json("places.json") or {}).get("place_levels", [])
                              for w in _forms(lv.get(lang))}
        self.topic_heads = set(rules.get("topic_heads", []))
        self.generic = set(rules.get("generic", []))
        self.generic_keep = set(rules.get("generic_keep", []))
        self.not_followed = {_norm(k): v for k, v in rules.get("not_followed_by", {}).items()}
        self.not_preceded = {_norm(k): v for k, v in rules.get("not_preceded_by", {}).items()}
        self.case_first = bool(rules.get("case_sensitive_first"))
        self.open_heads = rules.get("open_heads", {})
        self.open_stops = {_norm(w) for w in rules.get("open_stops", [])}
        self.open_max = int(rules.get("open_max_syllables", 8))
        sur = optional_json("surnames.json") or {}
        self.surnames_vi = {_norm(f) for x in (sur.get("surnames", []) if isinstance(sur, dict) else [])
                            if isinstance(x, dict) for f in _forms(x.get("vi"))}
        self.open_re = re.compile(
            r"(?<![\w])(" + alt(self.open_heads)
            + r")\s+(?=[A-ZÀ-ỸĐ])") if self.open_heads else None
        plural = rules.get("plural_heads", [])
        self.plural = {_norm(p["form"]): p for p in plural}
        self.level_plurals = {_norm(k): v for k, v in rules.get("level_plurals", {}).items()}
        if plural and self.level_plurals:
            lv = _alternation(list(self.level_plurals), lang)
            joiners = "|".join(re.escape(j) for j in rules.get("plural_joiners", [","]))
            self.plural_re = re.compile(
                _wrap(_alternation(list(self.plural), lang), lang) + r"\s+(" + lv + r")((?:\s*(?:" + joiners + r")\s*(?:"
                + lv + r"))*)(?![\w])", re.I)
            self.plural_level_re = re.compile(lv, re.I)
        else:
            self.plural_re = None

    def mentions(self, doc: Doc, text: str | None = None) -> list[BodyMention]:
        """Body mentions with English names, in text order, not overlapping."""
        text = doc.text if text is None else text
        out: list[BodyMention] = []
        taken_until = -1
        plural_spans: list[tuple[int, int]] = []
        if self.plural_re is not None:
            for m in self.plural_re.finditer(text):
                levels = [self.level_plurals[_norm(x)] for x in self.plural_level_re.findall(m.group(0)[m.start(1) - m.start():])]
                levels = list(dict.fromkeys(levels))
                joined = levels[0] if len(levels) == 1 else ", ".join(levels[:-1]) + " and " + levels[-1]
                pform = next((p for k, p in self.plural.items() if _norm(text[m.start():m.start(1)]).startswith(k)), None)
                en = f"{pform['en'] if pform else 'People' + chr(39) + 's Committees'} of {joined}"
                out.append(BodyMention(m.start(), m.end(), text[m.start():m.end()], (pform or {}).get("kind", "committee"),
                                       "committees", body_key(en), name=en))
                plural_spans.append((m.start(), m.end()))
        ms = self.body_re.finditer(text)
        inner_first: list[re.Match] = []
        while True:
            m = inner_first.pop() if inner_first else next(ms, None)
            if m is None:
                break
            s, e = m.start(), m.end()
            if s < taken_until or any(a <= s < b for a, b in plural_spans):
                continue
            form = m.group(0)
            if self.case_first and not form[:1].isupper():
                continue
            ph = self.table.get(_norm(form))
            if ph is None:
                continue
            after = text[e:e + 40]
            if any(after.lstrip().startswith(w) for w in self.not_followed.get(_norm(form), [])):
                continue
            before = text[max(0, s - 20):s].rstrip()
            if any(before.endswith(w) for w in self.not_preceded.get(_norm(form), [])):
                # "Phó Bí thư Thường trực Tỉnh ủy": a rank, but the body inside it ("Tỉnh ủy") stands
                inner = self.body_re.search(text, s + 1, e)
                if inner is not None:
                    inner_first.append(inner)
                continue
            en, extended = ph.en, False
            if en in self.topic_heads and self.topic_re is not None:
                t = self.topic_re.match(text, e)
                if t:
                    en, e, extended = f"{en} {self.topics[_norm(t.group(1))]}", t.end(), True
            level = None
            if "{place}" not in en and self.level_re is not None and not _has_level(en):
                # "Sở Nội vụ tỉnh X" -> "X Department of Home Affairs": no level adjective before "of" names
                lv = self.level_re.match(text, e)
                whole = self.place_re.match(text, e) if lv and self.place_re is not None else None
                if whole and whole.end() > lv.end() and whole.group(1)[:1].isupper():
                    lv = None  # the level word is part of the place: "UBND TP.HCM", "UBND TP. Hồ Chí Minh"
                if lv and (self.lang != "vi" or lv.group(1)[:1].islower() or lv.group(1).isupper()):
                    level = self.levels.get(fold(lv.group(1)))
                    if level:
                        adj = "" if " of " in en else self.level_adj.get(level, level.title()) + " "
                        en, e, extended = f"{adj}{en}", lv.end(), True
            bare = not level and "{place}" not in en and ph.kind in self.bare_place_kinds
            if "{place}" in en or level or bare:
                # "Sở Thông tin và Truyền thông Đồng Nai": a local body takes a bare province name too
                pl = self.place_re.match(text, e) if self.place_re is not None else None
                if pl is None and self.place_re is not None and self.lang == "vi":
                    # the form's level word starts the place: "UBND TP" + ".HCM"
                    k = text.rfind(" ", s, e) + 1
                    pl2 = self.place_re.match(text, k) if k > s else None
                    if pl2 is not None and pl2.end() > e and _norm(text[k:e]) in self.levels_vi_all:
                        pl = pl2
                if pl and (self.lang != "vi" or pl.group(1)[:1].isupper()):
                    place = self.places[_norm(pl.group(1))][0]
                    en = en.replace("{place}", place) if "{place}" in en else f"{place} {en}"
                    e, extended = pl.end(), True
                en = en.replace("{place} ", "").replace("{place}", "").replace("City City", "City")
            if self.owner_re is not None:
                o = self.owner_re.match(text, e)
                if o and not en.startswith(("Government", "Prime Minister")):
                    en, e, extended = f"{self.owners[_norm(o.group(1))]} {en}", o.end(), True
            generic = not extended and ph.en in self.generic
            core = re.split(r" (?:for|of|on) ", en)[0]
            head = core.split()[-1].lower() if core.split() else en.lower()
            out.append(BodyMention(s, e, text[s:e], ph.kind, head, body_key(en), generic=generic,
                                   keep_generic=generic and ph.en in self.generic_keep, name=None if generic else en))
            if generic:
                out[-1].name = None
                out[-1].key = body_key(ph.en)
            taken_until = e
        if self.compound_re is not None:
            out = self._compounds(text, out)
        if self.open_re is not None:
            opened = self._open(text, out, plural_spans)
            if opened:
                # the longest mention wins: "Tỉnh ủy" inside "Ban Tuyên giáo Tỉnh ủy" is no mention of its own
                out = [m for m in out if not any(o.start <= m.start and m.end <= o.end for o in opened)] + opened
                out.sort(key=lambda m: m.start)
        return out

    def _compounds(self, text: str, out: list[BodyMention]) -> list[BodyMention]:
        """A head before a known body names a unit of it: "Văn phòng" + "Tỉnh ủy" -> "Office of
        the Provincial Party Committee" (compound_heads)."""
        by_start = {m.start: i for i, m in enumerate(out)}
        for cm in self.compound_re.finditer(text):
            i = by_start.get(cm.end())
            if i is None or not out[i].name or (i and out[i - 1].end > cm.start()):
                continue
            inner, head = out[i], self.compounds[_norm(cm.group(1))]
            en = head["en"].replace("{body}", inner.name)
            out[i] = BodyMention(cm.start(), inner.end, text[cm.start():inner.end], head.get("kind", inner.kind),
                                 en.split()[0].lower(), body_key(en), name=en)
        return out

    def _open(self, text: str, found: list[BodyMention], plural_spans) -> list[BodyMention]:
        """Bodies the gazetteer does not know: head + capitalised name up to a stop ("Viện Nghiên cứu lập pháp")."""
        taken = sorted([(m.start, m.end) for m in found] + list(plural_spans))
        import bisect

        starts = [a for a, _ in taken]
        out = []
        for m in self.open_re.finditer(text):
            s = m.start()
            i = bisect.bisect_right(starts, s) - 1
            if i >= 0 and taken[i][0] <= s < taken[i][1]:
                continue  # inside a gazetteer body
            words = list(re.finditer(r"[^\s,.;:()\[\]\\/\"“”!?]+", text[m.end():m.end() + 120]))
            end, n = None, 0
            prev_end = 0
            for k, w in enumerate(words):
                gap = text[m.end() + prev_end:m.end() + w.start()]
                if k and (gap.strip() or "\n" in gap):
                    break  # punctuation between syllables ends the name
                tok = w.group(0)
                two = _norm(tok + " " + words[k + 1].group(0)) if k + 1 < len(words) else ""
                if (k and (_norm(tok) in self.open_stops or two in self.open_stops)) or any(c.isdigit() for c in tok) \
                        or n >= self.open_max:
                    break
                if tok[:1].islower() and _norm(tok) in self.levels_vi:
                    end = m.end() + w.end()  # the level word closes the name ("... tỉnh")
                    break
                if k and tok[:1].isupper() and _norm(tok) in self.surnames_vi and k + 1 < len(words) \
                        and words[k + 1].group(0)[:1].isupper():
                    break  # a person's name follows: "Ban Tuyên giáo Tỉnh ủy Nguyễn Văn A"
                end, n, prev_end = m.end() + w.end(), n + 1, w.end()
            if end is None or n < 1:
                continue
            e = end
            if self.place_re is not None:
                pl = self.place_re.match(text, e)
                if pl and pl.group(1)[:1].isupper():
                    e = pl.end()
            surface = text[s:e]
            out.append(BodyMention(s, e, surface, self.open_heads[m.group(1)], m.group(1).lower(), body_key(surface),
                                   name=surface))
        return out


def _has_level(en: str) -> bool:
    return any(w in en.split() for w in ("Provincial", "City", "District", "Commune", "Ward", "Town", "Township"))


def native_places(text: str, lang: str) -> list[tuple[int, int, str, str]]:
    """Places in Vietnamese / Thai text: (start, end, canonical English name, kind)."""
    table = place_forms(lang)
    if not table:
        return []
    rx = _place_regex(lang)
    out = []
    for m in rx.finditer(text):
        f = m.group(0)
        if lang == "vi" and not f[:1].isupper():
            continue
        entry = table.get(_norm(f))
        if entry:
            out.append((m.start(), m.end(), entry[0], entry[1]))
    return out


@lru_cache(maxsize=None)
def _place_regex(lang: str) -> re.Pattern:
    return re.compile(_wrap(_alternation(list(place_forms(lang)), lang), lang), re.I)

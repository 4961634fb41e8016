"""Vietnamese and Thai body grammar: native phrases labelled with English names.

The phrase table comes from the shared ``agencies.json`` gazetteer (agencies; heads x
sectors: "Sở" + "Nội vụ" -> "Department of Home Affairs"; heads with a place: "UBND tỉnh" +
"Hà Tĩnh" -> "Ha Tinh Provincial People's Committee") plus ``resources/<lang>/bodies.json``
(extra phrases, topics, owners, plural heads). Matching runs one compiled regular
expression over the text (Vietnamese syllable tokens carry punctuation and Thai writes no
spaces, so character offsets are the natural unit); each match then grows right over a
topic ("CCHC Nhà nước"), a level word ("tỉnh"), a place ("Hà Tĩnh", "กวางจิ") and an
owner ("của Chính phủ", "ของรัฐบาล").

Lists: a head + sector shares its head with the sectors after it ("Sở Xây dựng, Nội vụ, Tư pháp";
"các sở: ..."), a local body with its place shares it with the places after it, a generic body with
"cấp" + levels is the class of that level ("UBND cấp huyện"); a unit "của" the body after it is that
body's unit ("Ban Chỉ đạo ... của Bộ Nội vụ").
"""
from __future__ import annotations

import bisect
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
    template: str | None = None  # "Ministry of {domain}" when the phrase is a head + a sector name


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
        self.domains = {_norm(df): d["en"] for d in domains for df in _forms(d.get(lang))}
        self.domain_heads: dict[str, tuple[str, str]] = {}  # "sở" -> ("Department of {domain}", kind)
        for h in agencies.get("heads", []) if isinstance(agencies, dict) else []:
            kind = h.get("kind") or "agency"
            for hf in _forms(h.get(lang)):
                if "{domain}" in h["en"]:
                    self.domain_heads.setdefault(_norm(hf), (h["en"], kind))
                    for d in domains:
                        for df in _forms(d.get(lang)):
                            for sep in ((" ",) if lang == "vi" else ("", " ")):
                                key, en = _norm(hf + sep + df), h["en"].replace("{domain}", d["en"])
                                known = self.table.get(key)
                                if known is None or (known.en == en and known.template is None):
                                    # "Bộ Công an" is in the agencies list too: it still heads a sector list
                                    self.table[key] = Phrase(en, known.kind if known else kind, h["en"])
                else:
                    self.table.setdefault(_norm(hf), Phrase(h["en"], kind))
        self.body_re = re.compile(_wrap(_alternation(list(self.table), lang), lang), re.I)
        self.topics = {_norm(t["form"]): t["en"] for t in rules.get("topics", [])}
        self.topic_re = re.compile(r"\s*(" + _alternation(list(self.topics), lang) + ")", re.I) if self.topics else None
        self.owners = {_norm(o["form"]): o["en"] for o in rules.get("owners", [])}
        self.owned_heads = set(rules.get("owned_heads", []))
        owner_words = rules.get("body_owner_words", [])
        self.body_owner_re = re.compile(r"\s*(?:" + "|".join(re.escape(w) for w in owner_words) + r")\s*") \
            if owner_words else None
        # the keys are lower-cased: "của Thủ tướng Chính phủ" is matched case-blind
        self.owner_re = re.compile(r"\s*(" + _alternation(list(self.owners), lang) + ")", re.I) if self.owners else None
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
        country_of = rules.get("country_of", [])
        countries = [f for f, (_, kind) in self.places.items() if kind == "country"]
        self.country_of_re = re.compile(r"\s*(?:" + "|".join(re.escape(w) for w in country_of) + r")\s*("
                                        + _alternation(countries, lang) + ")" + (r"(?![\w])" if lang == "vi" else ""),
                                        re.I) if country_of and countries else None
        self.place_re = re.compile(r"\s*(" + _alternation(list(self.places), lang) + ")" + (r"(?![\w])" if lang == "vi" else ""), re.I) \
            if self.places else None
        self.level_adj = rules.get("level_adjectives", {})
        class_words = rules.get("level_class_words", [])
        if class_words and level_words:
            lv_alt = _alternation(level_words, lang)
            cw = "|".join(re.escape(w) for w in class_words)
            joiners = "|".join(re.escape(j) for j in rules.get("list_joiners", [","]))
            tail = r"(?![\w])" if lang == "vi" else ""
            self.class_re = re.compile(r"\s*(?:" + cw + r")\s*(?:" + lv_alt + ")" + tail + r"(?:\s*(?:" + joiners
                                       + r")\s*(?:(?:" + cw + r")\s*)?(?:" + lv_alt + ")" + tail + ")*", re.I)
            self.class_level_re = re.compile(_wrap(lv_alt, lang), re.I)  # not "ấp" inside "cấp"
            self.level_list_re = re.compile(r"(?:\s*(?:" + joiners + r")\s*(?:" + lv_alt + ")" + tail + ")+", re.I)
        else:
            self.class_re = self.level_list_re = None
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
            words = "|".join(re.escape(w) for w in rules.get("list_plural_words", []))
            # "Sở Nội vụ các tỉnh, thành phố": the departments of a sector in all those places
            # (in the same line, "các" in lower case: "Bộ Tư pháp\nCác tỉnh ..." is a new sentence)
            self.scope_re = re.compile(r"[ \t]+(?:" + words + r")[ \t]+(" + lv + r")((?:[ \t]*(?:" + joiners
                                       + r")[ \t]*(?:" + lv + r"))*)(?![\w])") if words else None
        else:
            self.plural_re = self.scope_re = None
        self.unknown_place_levels = set(rules.get("unknown_place_levels", []))
        self.name_middles = set(rules.get("name_middles", []))
        self._build_lists(rules)

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
        for lm in self._colon_lists(text):
            out.append(lm)
            plural_spans.append((lm.start, lm.end))
        plural_spans.sort()
        plural_starts = [a for a, _ in plural_spans]
        ms = self.body_re.finditer(text)
        inner_first: list[re.Match] = []
        while True:
            m = inner_first.pop() if inner_first else next(ms, None)
            if m is None:
                break
            s, e = m.start(), m.end()
            if s < taken_until or _inside(plural_spans, plural_starts, s):
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
            shared: list[BodyMention] = []
            if en in self.topic_heads and self.topic_re is not None:
                t = self.topic_re.match(text, e)
                if t:
                    en, e, extended = f"{en} {self.topics[_norm(t.group(1))]}", t.end(), True
            level = None
            cls = self.class_re.match(text, e) if self.class_re is not None and "{place}" not in en \
                and not _has_level(en) else None
            if cls is not None:
                # "UBND cấp huyện": the class of district-level People's Committees
                names = [self.level_adj.get(lv, lv.title()) for lv in dict.fromkeys(
                    self.levels[fold(w)] for w in self.class_level_re.findall(cls.group(0)) if fold(w) in self.levels)]
                if names:
                    adj = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1].lower()
                    en, e, extended, level = f"{adj}-level {_plural(en)}", cls.end(), True, "class"
            if level is None and "{place}" not in en and self.level_re is not None and not _has_level(en):
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
            if ("{place}" in en or level or bare) and level != "class":
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
                    template = en if "{place}" in en else "{place} " + en
                    en = template.replace("{place}", place)
                    e, extended = pl.end(), True
                    shared = self._place_run(text, e, template, ph.kind)
                elif self.lang == "vi" and not bare and self._ends_in_level(text[s:e]):
                    # "UBND huyện Xuân Lộc": a district or commune the gazetteer does not know
                    got = self._unknown_place(text, e)
                    if got is not None:
                        place, e = got
                        en = en.replace("{place}", place) if "{place}" in en else f"{place} {en}"
                        extended = True
                if "{place}" in en and self.level_list_re is not None:
                    # "คณะกรรมการประชาชนจังหวัดและนคร", "UBND tỉnh, thành phố": the class of those levels
                    got = self._level_class(text, s, e, en)
                    if got is not None:
                        en, e = got
                        extended = True
                en = en.replace("{place} ", "").replace("{place}", "").replace("City City", "City")
            if self.owner_re is not None:
                o = self.owner_re.match(text, e)
                if o and not en.startswith(("Government", "Prime Minister")):
                    en, e, extended = f"{self.owners[_norm(o.group(1))]} {en}", o.end(), True
            if self.country_of_re is not None and not level and "{place}" not in ph.en:
                # "รัฐสภาแห่งชาติของเวียดนาม": a national body "of" a country
                c = self.country_of_re.match(text, e)
                country = self.places.get(_norm(c.group(1))) if c else None
                if country is not None and country[1] == "country":
                    en, e, extended = f"{en} of {country[0]}", c.end(), True
            generic = not extended and ph.en in self.generic
            core = re.split(r" (?:for|of|on) ", en)[0]
            head = core.split()[-1].lower() if core.split() else en.lower()
            out.append(BodyMention(s, e, text[s:e], ph.kind, head, body_key(en), generic=generic,
                                   keep_generic=generic and ph.en in self.generic_keep, name=None if generic else en))
            if generic:
                out[-1].name = None
                out[-1].key = body_key(ph.en)
            taken_until = e
            sc = self.scope_re.match(text, e) if ph.template and not extended and self.scope_re is not None else None
            if sc is not None:
                levels = list(dict.fromkeys(self.level_plurals[_norm(x)] for x in self.plural_level_re.findall(sc.group(0))))
                en = f"{_plural(en)} of {', '.join(levels[:-1]) + ' and ' + levels[-1] if len(levels) > 1 else levels[0]}"
                out[-1] = BodyMention(s, sc.end(), text[s:sc.end()], ph.kind, out[-1].head, body_key(en), name=en)
                taken_until = sc.end()
            elif ph.template and not extended:
                # "Bộ Công an, Quốc phòng và Khoa học và Công nghệ": the head is shared by the sectors after it
                run = self._sector_run(text, e, ph.template, ph.kind, first=False)
                if run:
                    out.extend(run)
                    taken_until = run[-1].end
            if shared and out[-1].end == e:
                # "Trung tâm Phục vụ hành chính công tỉnh Bắc Giang, Bắc Ninh và Hà Nam": one per province
                out.extend(shared)
                taken_until = shared[-1].end
        out.sort(key=lambda m: m.start)
        if self.compound_re is not None:
            out = self._compounds(text, out)
        if self.body_owner_re is not None:
            out = self._owned(text, out)
        if self.open_re is not None:
            opened = self._open(text, out, plural_spans)
            if opened:
                # the longest mention wins: "Tỉnh ủy" inside "Ban Tuyên giáo Tỉnh ủy" is no mention of its own
                out = [m for m in out if not any(o.start <= m.start and m.end <= o.end for o in opened)] + opened
                out.sort(key=lambda m: m.start)
        return out

    def _level_class(self, text: str, s: int, e: int, en: str) -> tuple[str, int] | None:
        """A local body with no place, followed by more level words: the bodies of all those levels."""
        m = self.level_list_re.match(text, e)
        last = self.class_level_re.findall(text[s:e]) if self.class_re is not None else []
        if m is None or not last:
            return None
        words = [last[-1], *self.class_level_re.findall(m.group(0))]
        if self.lang == "vi" and any(not w[:1].islower() for w in words):
            return None
        levels = list(dict.fromkeys(_LEVEL_PLURALS.get(self.levels.get(fold(w), ""), "") for w in words))
        if "" in levels or len(levels) < 2:
            return None
        base = re.sub(r"\{place\}\s*", "", en)
        base = re.sub(r"\b(?:Provincial|City|District|Commune|Ward|Town|Township) ", "", base, count=1)
        return f"{_plural(base)} of {', '.join(levels[:-1])} and {levels[-1]}", m.end()

    def _ends_in_level(self, form: str) -> bool:
        """Whether a matched body form ends in a lower-case level word below the province ("UBND huyện",
        "UBND xã"): provinces and cities are all in the gazetteer, districts and communes are not."""
        words = form.split()
        return any(len(words) >= n and words[-n][:1].islower() and _norm(" ".join(words[-n:])) in self.levels_vi_all
                   and self.levels.get(fold(" ".join(words[-n:]))) in self.unknown_place_levels for n in (1, 2))

    def _unknown_place(self, text: str, e: int) -> tuple[str, int] | None:
        """A capitalised place name of 1-3 syllables after a level word, not a person's name: the run
        stops before the last surname that leaves a 2-4 syllable name ("huyện Xuân Lộc Lê Văn Tuấn")."""
        words = []
        for m in _CAP_SYLLABLE.finditer(text, e, min(len(text), e + 80)):
            # ("À-Ỹ" spans lower-case letters too: the case is checked on the match)
            if m.start() != (words[-1].end() if words else e) or len(words) >= 6 or not m.group(1)[:1].isupper():
                break
            words.append(m)
        n = len(words)
        if not n or (n >= 3 and _norm(words[0].group(1)) in self.surnames_vi):
            return None
        # a middle name ("Văn", "Thị", "A") is the second syllable of a person's name: "xã Lù Văn Páo"
        mid = next((i for i in range(1, n) if words[i].group(1) in self.name_middles), None)
        if mid is not None:
            n = mid - 1
            if n < 1:
                return None
            words = words[:n]
        cut = n
        for i in range(1, n - 1):
            if _norm(words[i].group(1)) in self.surnames_vi and 2 <= n - i <= 4:
                cut = i
                break
        if cut > 3:
            return None
        place = " ".join(fold(w.group(1)).title() for w in words[:cut])
        return place, words[cut - 1].end()

    def _build_lists(self, rules: dict[str, Any]) -> None:
        """Sector lists that share one head: "Sở Xây dựng, Nội vụ, Tư pháp" (the head distributed over
        the sectors after it) and "các sở: Xây dựng, Nội vụ, Y tế" (a plural head and a colon list)."""
        self.domain_re = None
        self.colon_list_re = None
        self.place_list_re = None
        if self.places:
            joiners = "|".join(re.escape(j) for j in rules.get("list_joiners", [","]))
            self.place_list_re = re.compile(r"[ \t]*(?:" + joiners + r")(?:[ \t]*(?:" + joiners + r"))?[ \t]*("
                                            + _alternation(list(self.places), self.lang) + ")"
                                            + (r"(?![\w])" if self.lang == "vi" else ""), re.I)
        if not self.domains:
            return
        end = r"(?![\w])" if self.lang == "vi" else ""
        joiners = "|".join(re.escape(j) for j in rules.get("list_joiners", [","]))
        sector = "(" + _alternation(list(self.domains), self.lang) + ")" + end
        # one more sector after a joiner, in the same line; the joiner run ", và" counts as one
        self.domain_re = re.compile(r"[ \t]*(?:" + joiners + r")(?:[ \t]*(?:" + joiners + r"))?[ \t]*" + sector, re.I)
        self.domain_first_re = re.compile(r"\s*" + sector, re.I)
        heads = rules.get("list_heads", [])
        if heads:
            plural = "|".join(re.escape(w) for w in rules.get("list_plural_words", []))
            self.colon_list_re = re.compile(
                r"(?<![\w])(?:(?:" + plural + r")\s+)?(" + "|".join(re.escape(h) for h in heads) + r")\s*:",
                re.I) if plural else re.compile(r"(?<![\w])(" + "|".join(re.escape(h) for h in heads) + r")\s*:", re.I)

    def _sector_run(self, text: str, e: int, template: str, kind: str, first: bool) -> list[BodyMention]:
        """Sectors joined after ``e`` by commas / "và", each a body under ``template``: longest sector
        first, so "Quốc phòng và Khoa học và Công nghệ" is two sectors, not three."""
        out: list[BodyMention] = []
        while self.domain_re is not None:
            # the list opens right after the colon: no joiner before the first sector
            m = (self.domain_first_re if first else self.domain_re).match(text, e)
            first = False
            if m is None or (self.case_first and not m.group(1)[:1].isupper()):
                break
            s1, e1 = m.start(1), m.end(1)
            # "Sở Nội vụ, Công an tỉnh": a sector followed by a level word is a body of its own
            lv = self.level_re.match(text, e1) if self.level_re is not None else None
            if lv is not None and (self.lang != "vi" or lv.group(1)[:1].islower()):
                break
            en = template.replace("{domain}", self.domains[_norm(m.group(1))])
            head = en.split(" of ")[0].split()[-1].lower()
            out.append(BodyMention(s1, e1, text[s1:e1], kind, head, body_key(en), name=en))
            e = e1
        return out

    def _place_run(self, text: str, e: int, template: str, kind: str) -> list[BodyMention]:
        """Places joined after a local body's place, each one the same body of its own place."""
        out: list[BodyMention] = []
        while self.place_list_re is not None:
            m = self.place_list_re.match(text, e)
            if m is None or (self.lang == "vi" and not m.group(1)[:1].isupper()):
                break
            place, place_kind = self.places[_norm(m.group(1))]
            if place_kind == "country":
                break  # "... tỉnh Quảng Ninh, Việt Nam": where the province is, not another province
            en = template.replace("{place}", place)
            head = re.split(r" (?:for|of|on) ", en)[0].split()[-1].lower()
            out.append(BodyMention(m.start(1), m.end(1), m.group(1), kind, head, body_key(en), name=en))
            e = m.end()
        return out

    def _colon_lists(self, text: str) -> list[BodyMention]:
        """"các sở: Xây dựng, Nội vụ, Y tế" -> three departments (only sectors the gazetteer knows)."""
        if self.colon_list_re is None:
            return []
        out: list[BodyMention] = []
        for m in self.colon_list_re.finditer(text):
            head = self.domain_heads.get(_norm(m.group(1)))
            if head is None:
                continue
            out.extend(self._sector_run(text, m.end(), head[0], head[1], first=True))
        return out

    def _owned(self, text: str, out: list[BodyMention]) -> list[BodyMention]:
        """A unit "of" the body right after it: "Ban Chỉ đạo cải cách hành chính của Bộ Nội vụ" ->
        "Steering Committee for Administrative Reform of the Ministry of Home Affairs" (owned_heads +
        body_owner_words). The owner stays a mention of its own; the unit's mention spans both."""
        extra = []
        for i, m in enumerate(out):
            if i + 1 >= len(out):
                break
            nxt = out[i + 1]
            en = m.name or (self.table[_norm(m.text)].en if _norm(m.text) in self.table else None)
            if not en or not nxt.name or nxt.generic or re.split(r" (?:for|of|on) ", en)[0] not in self.owned_heads:
                continue
            o = self.body_owner_re.match(text, m.end)
            if o is None or o.end() != nxt.start or "\n" in text[m.end:nxt.start]:
                continue
            name = f"{en} of the {nxt.name}"
            head = re.split(r" (?:for|of|on) ", en)[0].split()[-1].lower()
            extra.append((i, BodyMention(m.start, nxt.end, text[m.start:nxt.end], m.kind, head, body_key(name),
                                         name=name)))
        for i, mention in extra:
            out[i] = mention
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
                        or n >= self.open_max or (not tok.isupper() and not _VOWEL.search(tok)):
                    break  # a word with no vowel (and no acronym) is a cut-off fragment: "Trung tâm Ph"
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


_VOWELS = "aeiouyàáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ"
_VOWEL = re.compile(f"[{_VOWELS}]", re.I)
#: one capitalised Vietnamese syllable (with a vowel, or one capital letter: "Giàng A Lử") after a single space
_CAP_SYLLABLE = re.compile(r" ([A-ZÀ-ỸĐ](?:[a-zà-ỹđ]*[" + _VOWELS + "][a-zà-ỹđ]*)?)(?![\\w])")


def _inside(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    """Whether ``pos`` falls inside one of the sorted, non-overlapping ``spans`` (a bisection)."""
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


_LEVEL_PLURALS = {"province": "provinces", "city": "cities", "district": "districts", "commune": "communes",
                  "ward": "wards", "town": "towns", "township": "townships"}


def _plural(en: str) -> str:
    """"People's Committee" -> "People's Committees", "Department of Health" -> "Departments of Health"."""
    head, sep, rest = en.partition(" of ")
    words = head.split()
    if not words:
        return en
    w = words[-1]
    words[-1] = w[:-1] + "ies" if w.endswith("y") and w[-2:-1] not in "aeiou" else w if w.endswith("s") else w + "s"
    return " ".join(words) + sep + rest


def _has_level(en: str) -> bool:
    return any(w in en.split() for w in ("Provincial", "City", "District", "Commune", "Ward", "Town", "Township"))


def native_places(text: str, lang: str) -> list[tuple[int, int, str, str]]:
    """Places in Vietnamese / Thai text: (start, end, canonical English name, kind)."""
    table = place_forms(lang)
    if not table:
        return []
    rx = place_regex(lang)
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
def place_regex(lang: str) -> re.Pattern:
    """One pattern for every place form of ``lang`` (a prefix trie; whole syllables in Vietnamese)."""
    return re.compile(_wrap(_alternation(list(place_forms(lang)), lang), lang), re.I)

"""English official grammar over the page's tokens (:class:`parreform_nlp.token_view.TokenView`).

A *title phrase* is ``(rank | body | org-modifier | ACRONYM)* role (of|for|at the? <body or
Title-case phrase>)?`` ("Permanent Vice Chairman of the Provincial People's Committee",
"Provincial Party Committee member", "UNDP Resident Representative"). A *name* is a run of
2-4 capitalised tokens that are no title, body or function words. A person is a name with a
title phrase right before it ("Deputy Prime Minister Tran Luu Quang") or after it, behind a
comma or dash ("Nguyen Khac Than, Deputy Secretary of ..."); further titles stack behind
commas and dashes until a title that belongs to the next name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ..names import could_end_place, fold, is_place, surnames
from ..page import page_of
from ..token_view import TokenCache, TokenView, filter_offsets
from .bodies_merge import sector_names

_SEP = {",", "-", "–", "—"}


@dataclass
class TitlePhrase:
    start: int  # token offsets
    end: int
    org_char: int | None = None  # char offset of the body mention it names, if any
    text: str | None = None  # the title as it applies to one person ("Deputy Prime Ministers" -> singular)
    plural: bool = False


@dataclass
class PersonHit:
    """One mention of a person with the titles found around it."""

    start: int  # token offsets of the name
    end: int
    titles: list[TitlePhrase] = field(default_factory=list)


def _plural(role: str) -> str:
    """"deputy prime minister" -> "deputy prime ministers" (the last word only)."""
    *head, last = role.split()
    if last.endswith("man"):
        last = last[:-3] + "men"
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        last = last[:-1] + "ies"
    elif last.endswith(("s", "sh", "ch")):
        last = last + "es"
    else:
        last = last + "s"
    return " ".join([*head, last])


def _singular(word: str) -> str:
    """The inverse of :func:`_plural` for one word, keeping its case."""
    if word.lower().endswith("men"):
        return word[:-3] + word[-3:].replace("men", "man").replace("MEN", "MAN")
    if word.lower().endswith("ies"):
        return word[:-3] + "y"
    if word.lower().endswith(("ses", "shes", "ches")):
        return word[:-2]
    return word[:-1] if word.lower().endswith("s") else word


#: the folded form of a token's text ("Nguyễn" -> "Nguyen"), for the surname tests: the same words
#: come back on every page (``lru_cache`` is safe across threads)
_fold_word = lru_cache(maxsize=1 << 14)(fold)


def _capword(t) -> bool:
    s = t.text
    return t.is_alpha and s[:1].isupper() and (len(s) == 1 or s[1:].islower())


class EnglishOfficialGrammar:
    """Finds people with titles in an English ``Doc``; rules from ``resources/en/titles.json``."""

    def __init__(self, vocab, rules: dict[str, Any], body_rules: dict[str, Any]) -> None:
        self.rules = rules
        self.ranks = set(rules["ranks"])
        self.org_mods = set(rules["org_modifiers"])
        self.honorifics = {h.lower() for h in rules["honorifics"]}
        self.standalone_hon = {h.lower() for h in rules["standalone_honorifics"]}
        self.weak_roles = set(rules["weak_roles"])
        self.poss_owners = {w.lower() for w in rules.get("possessive_owners", [])}
        syl = rules.get("vietnamese_syllable")
        self.vi_syllable = re.compile(syl) if syl else None
        self.lower_ranks = {w.lower() for w in rules.get("lowercase_ranks", [])}
        self.nationality_words = set(rules.get("nationality_words", []))
        self.sub_links = {w.lower() for w in rules.get("subordinate_links", [])}
        biz = rules.get("business_organizations") or {}
        self.biz_heads = {w.lower() for w in biz.get("heads", [])}
        self.biz_state = {w.lower() for w in biz.get("state_before_heads", [])}
        self.biz_brands = set(biz.get("brands", []))
        # a brand's span ends with the token before the title: every end of every brand, to rule
        # out most tokens before building any span
        self.biz_brand_tails = {b[i:] for b in self.biz_brands for i in range(len(b))}
        links = rules.get("relative_links") or {}
        self.rel_pronouns = {w.lower() for w in links.get("pronouns", [])}
        self.rel_verbs = [tuple(v.lower().split()) for v in links.get("verbs", [])]
        self.rel_fillers = {w.lower() for w in links.get("fillers", [])}
        role_words = {w for r in rules["roles"] for w in r.replace("-", " ").split()}
        self.role_ends = {r.split()[-1] for r in rules["roles"]}
        heads = set(body_rules["heads"]) | set(body_rules["plurals"])
        # words that can never be part of a person's name
        self.not_name = (role_words | self.ranks | self.org_mods | heads | {h.rstrip(".") for h in self.honorifics}
                         | {"people", "prime", "politburo", "government", "ministry", "and", "the", "of"}
                         | {w.lower() for w in body_rules.get("time_words", [])})  # "Monday", "April"
        # function words never open a name, but may close one ("Nguyen Van An")
        self.not_name_start = {w.lower() for w in body_rules["left_stop"]}
        self.surnames = surnames("latin")
        self.sectors = sector_names()
        # "To Lam", "Ha", "Le": a Vietnamese surname opens a name even where it spells a function word
        self.not_name_start -= set(self.surnames)
        self.role_matcher = PhraseMatcher(vocab, attr="LOWER")
        self.role_matcher.add("ROLE", [Doc(vocab, words=self._split(r)) for r in rules["roles"]])
        self.role_matcher.add("HON", [Doc(vocab, words=[h.title()]) for h in self.standalone_hon])
        # "Deputy Prime Ministers Tran Hong Ha and Le Thanh Long": one title, several people
        self.plural_roles = {_plural(r): r for r in rules["roles"] if " " in r or r.isalpha()}
        self.role_matcher.add("ROLES", [Doc(vocab, words=self._split(p)) for p in self.plural_roles])
        self._hon_id = vocab.strings["HON"]
        self._plural_id = vocab.strings["ROLES"]
        self._tokens = TokenCache(vocab)

    @staticmethod
    def _split(role: str) -> list[str]:
        out = []
        for w in role.split():
            parts = w.split("-")
            for i, p in enumerate(parts):
                if i:
                    out.append("-")
                out.append(p)
        return out

    # -- title phrases ----------------------------------------------------------------------
    def title_phrases(self, doc: TokenView, bodies: list[Span], matches: list) -> list[TitlePhrase]:
        """The title phrases of the page ``doc``; ``matches``: the role matcher's on its Doc."""
        body_start = {sp.start: sp for sp in bodies}
        # a role's complement may start inside a body ("Chief of Office of the Provincial People's Committee")
        body_cover = {k: sp for sp in bodies for k in range(sp.start + 1, sp.end)}
        body_end = {sp.end: sp for sp in bodies}
        hon_id = self._hon_id
        plural_at = {(s, e) for mid, s, e in matches if mid == self._plural_id}
        out = []
        for r_start, r_end in filter_offsets([(s, e) for mid, s, e in matches if mid != hon_id]):
            r_text = doc.span(r_start, r_end).text
            if r_text.islower() and len(r_text) <= 2:
                continue  # "pm" in "3 pm": only "PM" is a title
            s, e = r_start, r_end
            org = None
            # left: ranks, a body ("Provincial Party Committee member"), an acronym ("UNDP Resident ...")
            while s > 0:
                p = doc[s - 1]
                if p.lower_ in self.ranks and (p.text[:1].isupper() or doc[r_start].is_lower) \
                        or (p.text in self.lower_ranks and (s == r_start or doc[s].lower_ in self.ranks)):
                    s -= 1
                elif p.text == "-" and s >= 2 and not p.whitespace_ and not doc[s - 2].whitespace_ \
                        and doc[s - 2].lower_ in self.role_ends and doc[s - 2].text[:1].isupper():
                    s -= 2  # "Minister-Chairman of the Committee for Ethnic Minority Affairs"
                elif s not in body_end and self._business_before(doc, s):
                    break
                elif s in body_end and body_end[s].start < s:
                    org = body_end[s].start_char
                    s = body_end[s].start
                elif p.is_upper and p.is_alpha and len(p) >= 2:
                    s -= 1
                elif p.lower_ in self.org_mods and p.text[:1].isupper():
                    s -= 1
                else:
                    # "Hanoi Party Secretary", "Da Nang Party Secretary": a place before the title
                    k = next((k for k in (3, 2, 1) if s - k >= 0 and is_place(doc.span(s - k, s).text)), 0) \
                        if could_end_place(p.text) else 0
                    if not k:
                        break
                    s -= k
            if s not in body_end and self._business_before(doc, s):
                continue  # "Vingroup Chairman", "Hoa Phat Group Chairman": a business title
            if e in body_cover and body_cover[e].start < e:
                e2, org2 = body_cover[e].end, body_cover[e].start_char
            else:
                e2, org2 = self._complement(doc, e, body_start)
                if org2 is False:
                    continue  # a business title ("Chairman of Vingroup")
            if e2 > e:
                e, org = e2, org2 if org2 is not None else org
                # "... of the Administrative Procedures Control Agency under the Government Office"
                if org2 is not None:
                    e = self._subordinate(doc, e, body_start)
            e = self._in_place(doc, e)
            if r_text.lower() in self.weak_roles and e == r_end and s == r_start:
                continue  # "expert", "officer" alone are no titles
            tp = TitlePhrase(s, e, org)
            if (r_start, r_end) in plural_at:
                if r_text.lower() not in self.plural_roles:
                    continue
                last = doc[r_end - 1].text
                fixed = _singular(last)
                tp.text = (doc.span(s, r_end - 1).text + " " + fixed if r_end - 1 > s else fixed) \
                    + doc.span(r_end - 1, e).text[len(last):]
                tp.plural = True
            out.append(tp)
        # a phrase inside a longer one ("Minister" in "Minister-Chairman of ...") is no title of its own
        out.sort(key=lambda t: (t.start, -t.end))
        kept, reach = [], -1
        for tp in out:
            if tp.end > reach:
                kept.append(tp)
            reach = max(reach, tp.end)
        return kept

    def _business_before(self, doc: TokenView, s: int) -> bool:
        """A company name or head right before a title ("Vingroup", "Viettel Group"; not "State Bank")."""
        if s == 0:
            return False
        p = doc[s - 1]
        if p.lower_ in self.biz_heads and p.text[:1].isupper():
            return not (s >= 2 and doc[s - 2].lower_ in self.biz_state)
        if p.text not in self.biz_brand_tails:
            return False
        return any(s - m >= 0 and doc.span(s - m, s).text in self.biz_brands for m in (1, 2, 3))

    @staticmethod
    def _in_place(doc: TokenView, k: int) -> int:
        """"... Resident Representative in Viet Nam": a place after the title belongs to it."""
        if k + 1 < doc.n and doc[k].lower_ in ("in", "to"):
            for n in (3, 2, 1):
                if k + 1 + n <= doc.n and is_place(doc.span(k + 1, k + 1 + n).text):
                    return k + 1 + n
        return k

    def _complement(self, doc: TokenView, k: int, body_start: dict[int, Span]) -> tuple[int, int | None]:
        n = doc.n
        if k >= n or doc[k].lower_ not in ("of", "for", "at", "to"):
            return k, None
        j = k + 1
        if j < n and doc[j].lower_ == "the":
            j += 1
        for m in (1, 2, 3):  # "Director of Hanoi's Department of Home Affairs"
            if j + m + 1 < n and doc[j + m].text in ("'s", "’s") and (j + m + 1) in body_start \
                    and is_place(doc.span(j, j + m).text):
                sp = body_start[j + m + 1]
                return sp.end, sp.start_char
        if j in body_start:
            sp = body_start[j]
            end = sp.end
            return end, sp.start_char
        # "Director of the city's Department of ...": a generic owner with a possessive before the body
        if j + 2 < n and doc[j].lower_ in self.poss_owners and doc[j + 1].text in ("'s", "’s", "'", "’") \
                and (j + 2) in body_start:
            sp = body_start[j + 2]
            return sp.end, sp.start_char
        # "Ambassador of the Republic of Korea": a country whose name has "of" in it
        for m in (5, 4, 3):
            if j + m <= n and doc[j + m - 1].is_alpha and could_end_place(doc[j + m - 1].text) \
                    and is_place(doc.span(j, j + m).text) \
                    and any(t.lower_ == "of" for t in doc.span(j, j + m)):
                return j + m, None
        # "Minister of Home Affairs Pham Thi Thanh Tra": a Title-case phrase, cut before a name
        e = j
        while e < n:
            t = doc[e]
            if _capword(t) or (t.is_upper and t.is_alpha):
                if e > j and (self._name_here(doc, e) or (is_place(doc.span(j, e).text) and self.name_end(doc, e))):
                    break
                e += 1
            elif e > j and t.lower_ in ("and", "&") and e + 1 < n and _capword(doc[e + 1]):
                e += 1
            else:
                break
        if e == j or doc[k].lower_ == "to":
            return k, None
        if fold(doc.span(j, e).text) not in self.sectors:
            # "Minister of Home Affairs Vilayvong Boudakham": a sector, then a name in no surname list
            for m in range(min(e, j + 6) - 1, j, -1):
                if fold(doc.span(j, m).text) in self.sectors and self.name_end(doc, m) == e:
                    e = m
                    break
        np = doc.span(j, e)
        # "Minister of Home Affairs", "Chairman of Ky Anh district" stand; "Chairman of Vingroup" is a
        # business title: an office "of" something that is no body, no place and no sector is no public office
        if not (any(t.lower_ == "minister" for t in doc.span(k - 3, k)) or is_place(np.text)
                or (e < n and doc[e].lower_ in ("province", "city", "district", "commune", "ward", "town"))
                or fold(np.text) in self.sectors):
            return k, False
        return e, None

    def _subordinate(self, doc: TokenView, k: int, body_start: dict[int, Span]) -> int:
        """End of "under (the) <body>" right after a title's body, else ``k``."""
        if k + 1 < doc.n and doc[k].lower_ in self.sub_links:
            j = k + 2 if doc[k + 1].lower_ == "the" else k + 1
            if j in body_start:
                return body_start[j].end
        return k

    def _apposed_name(self, doc: TokenView, tp: TitlePhrase, text: str) -> tuple[int, int] | None:
        """A name set off by commas right after a title: "<title>, Vo Trong Hai, said ..."."""
        n = doc.n
        if tp.end + 2 >= n or doc[tp.end].text != ",":
            return None
        i = self._skip_honorific(doc, tp.end + 1)
        e = self.name_end(doc, i) if i < n else None
        if e is None or e >= n or doc[e].text not in (",", ")") or not self._plausible(doc, i, e, text):
            return None
        return i, e

    def _sep_before(self, doc: TokenView, k: int) -> int | None:
        """The separator between a name and a title starting at ``k``: "A, Director", "A - Director",
        "A, the Director", "A, Australian Ambassador", "A, who is also Minister"; else None."""
        if k > 0 and (doc[k - 1].text in _SEP or doc[k - 1].text == "("):
            return k - 1  # "A, Director ...", "A - Director ...", "A (Director ...)"
        if k > 1 and (doc[k - 1].lower_ == "the" or doc[k - 1].text in self.nationality_words) and doc[k - 2].text in _SEP:
            return k - 2
        return self._relative_sep(doc, k)

    def _relative_sep(self, doc: TokenView, k: int) -> int | None:
        """"X, who is also Minister of Finance": the comma before "who" when a title starts at ``k``."""
        j = k
        while j > 0 and doc[j - 1].lower_ in self.rel_fillers and k - j < 3:
            j -= 1
        for verb in self.rel_verbs:
            m = len(verb)
            if j - m - 2 >= 0 and tuple(doc[q].lower_ for q in range(j - m, j)) == verb \
                    and doc[j - m - 1].lower_ in self.rel_pronouns and doc[j - m - 2].text == ",":
                return j - m - 2
        return None

    def _name_here(self, doc: TokenView, k: int) -> bool:
        if _fold_word(doc[k].text) not in self.surnames:
            return False
        e = self.name_end(doc, k)
        return e is not None and not is_place(doc.span(k, e).text)

    # -- names ------------------------------------------------------------------------------
    def _nameword(self, t) -> bool:
        return _capword(t) and t.lower_ not in self.not_name

    @staticmethod
    def _initial(doc: TokenView, k: int) -> bool:
        """A middle initial ("Mariam J. Sherman")."""
        t = doc[k]
        return len(t.text) == 2 and t.text[0].isupper() and t.text[1] == "."

    def name_end(self, doc: TokenView, i: int) -> int | None:
        """End of a 2-4 token name starting at ``i`` (maximal run), or None."""
        n = doc.n
        e = i
        while e < n and (self._nameword(doc[e]) or (e > i and e + 1 < n and self._initial(doc, e)
                                                    and self._nameword(doc[e + 1]))) and e - i <= 4:
            e += 1
        if e - i > 2 and self.vi_syllable is not None and _fold_word(doc[i].text) in self.surnames:
            # a Vietnamese name ends before a word no Vietnamese syllable spells ("Tran Hong Ha Works With ...")
            for k in range(i + 1, e):
                if not self.vi_syllable.match(_fold_word(doc[k].text)):
                    e = k
                    break
        if not 2 <= e - i <= 4 or doc[i].lower_ in self.not_name_start:
            return None
        if is_place(doc.span(i, e).text):
            return None
        if self._hyphen_part(doc, e):
            e += 2  # "Choi Young-sam"
        return e

    @staticmethod
    def _hyphen_part(doc: TokenView, k: int) -> bool:
        """Whether "-word" glued to the token before ``k`` continues a name ("Young-sam", "Noh-wan")."""
        return (0 < k and k + 1 < doc.n and doc[k].text == "-" and not doc[k - 1].whitespace_
                and not doc[k].whitespace_ and doc[k + 1].is_alpha and doc[k + 1].is_lower)

    def name_before(self, doc: TokenView, j: int) -> int | None:
        """Start of a 2-4 token name ending at ``j`` (maximal run), or None."""
        if j >= 3 and self._hyphen_part(doc, j - 2):
            j -= 2  # "Choi Young-sam, Ambassador ..."
        s = j
        while s > 0 and (self._nameword(doc[s - 1]) or (s < j and s - 2 >= 0 and self._initial(doc, s - 1)
                                                        and self._nameword(doc[s - 2]))) and j - s <= 4:
            s -= 1
        while s < j and doc[s].lower_ in self.not_name_start:
            s += 1  # "The Nguyen Van An" -> "Nguyen Van An"
        if not 2 <= j - s <= 4:
            return None
        if is_place(doc.span(s, j).text):
            return None
        return s

    @staticmethod
    def _skip_acronym(doc: TokenView, i: int) -> int:
        """"Chairman of the Provincial People's Committee (PPC) Vo Trong Hai": skip the bracketed acronym."""
        if i + 2 < doc.n and doc[i].text == "(" and doc[i + 2].text == ")" and doc[i + 1].text[:1].isupper() \
                and sum(c.isupper() for c in doc[i + 1].text) >= 2 and len(doc[i + 1].text) <= 10:
            return i + 3
        return i

    def _skip_honorific(self, doc: TokenView, i: int) -> int:
        n = doc.n
        while i < n and doc[i].lower_ in self.honorifics:
            i += 1
            if i < n and doc[i].text == ".":
                i += 1
        return i

    def _plausible(self, doc: TokenView, s: int, e: int, text: str) -> bool:
        """Reject Title Case headline words taken for a name ("Prime Minister Chairs Meeting")."""
        if _fold_word(doc[s].text) in self.surnames:
            return True
        idx = doc.idx[s]
        line_start = text.rfind("\n", max(0, idx - 400), idx) + 1
        line_end = text.find("\n", idx, idx + 400)
        if line_start == 0 and idx > 400 or line_end < 0 and idx + 400 < len(text):
            return True  # a line this long is prose, not a headline (and never rescanned per hit)
        line = text[line_start: line_end if line_end >= 0 else len(text)].split()
        caps = sum(1 for w in line if w[:1].isupper())
        ends_sentence = bool(line) and line[-1][-1:] in ".,;:!?\"'”)"
        return ends_sentence or not (len(line) >= 4 and caps / len(line) > 0.7)

    def _plural_people(self, doc: TokenView, tp: TitlePhrase, text: str) -> list[PersonHit]:
        """Names after a plural title: "Vice Chairmen of the PPC Nguyen A, Tran B and Le C"."""
        out: list[PersonHit] = []
        i = tp.end
        while i < doc.n:
            i = self._skip_honorific(doc, i)
            e = self.name_end(doc, i) if i < doc.n else None
            if e is None or not self._plausible(doc, i, e, text):
                break
            out.append(PersonHit(i, e, [tp]))
            if e < doc.n and doc[e].text == "," and e + 1 < doc.n and doc[e + 1].lower_ != "and":
                i = e + 1
            elif e + 1 < doc.n and (doc[e].lower_ == "and" or (doc[e].text == "," and doc[e + 1].lower_ == "and")):
                i = e + (1 if doc[e].lower_ == "and" else 2)
            else:
                break
        return out

    # -- people -----------------------------------------------------------------------------
    def people(self, doc: Doc, bodies: list[Span]) -> list[PersonHit]:
        """The people of ``doc`` with their titles; ``bodies``: its body spans."""
        page = page_of(doc)
        text = page.text
        # per-page values stay local: the grammar is shared by threads
        matches = self.role_matcher(doc)
        hon_positions = [s for mid, s, _ in matches if mid == self._hon_id]
        doc = page.tokens(doc, self._tokens)  # from here on the page's tokens, not spaCy's
        tps = self.title_phrases(doc, bodies, matches)
        by_start = {tp.start: tp for tp in tps}
        by_end = {tp.end: tp for tp in tps}
        owned: set[int] = set()  # title phrases already given to a person
        hits: list[PersonHit] = []
        # a title phrase followed by a name belongs to that name (pattern A)
        a_names: dict[int, tuple[int, int]] = {}
        for tp in tps:
            i = self._skip_honorific(doc, self._skip_acronym(doc, tp.end))
            e = self.name_end(doc, i) if i < doc.n else None
            if e is not None and self._plausible(doc, i, e, text):
                a_names[tp.start] = (i, e)
        for tp in tps:
            if tp.start in owned:
                continue
            if tp.plural:
                hits.extend(self._plural_people(doc, tp, text))
                owned.add(tp.start)
                continue
            if tp.start in a_names:
                s, e = a_names[tp.start]
                hit = PersonHit(s, e, [tp])
                owned.add(tp.start)
                # "Secretary of the Provincial Party Committee and Chairman of ... Hoang Van Nghiem"
                k = tp.start
                while k >= 2 and doc[k - 1].lower_ in ("and", ",") and (k - 1) in by_end \
                        and by_end[k - 1].start not in owned and by_end[k - 1].start not in a_names:
                    prev = by_end[k - 1]
                    hit.titles.append(prev)
                    owned.add(prev.start)
                    k = prev.start
            elif (sep := self._sep_before(doc, tp.start)) is not None \
                    and (s := self.name_before(doc, sep)) is not None and self._plausible(doc, s, sep, text):
                hit = PersonHit(s, sep, [tp])
                owned.add(tp.start)
                e = tp.end
            elif (app := self._apposed_name(doc, tp, text)) is not None:
                hit = PersonHit(app[0], app[1], [tp])  # "Chairman of the PPC of Ha Tinh, Vo Trong Hai, said"
                owned.add(tp.start)
            else:
                continue
            j = hit.titles[-1].end if hit.titles[-1].start >= hit.end else hit.end
            # stacked titles: ", Prime Minister, Head of ..." until one that opens the next person
            while j + 1 < doc.n:
                # ", Prime Minister", " - Head of ...", " and Chairman of ...", ", and Head of ..."
                # ("and" only after a title that follows the name: "Prime Minister A and Chairman of ..." is two people)
                k = j + 1 if doc[j].text in _SEP or (doc[j].lower_ == "and" and j != hit.end) else None
                if k is not None and doc[j].text == "," and doc[k].lower_ == "and":
                    k += 1
                if k is None or k not in by_start or (doc[j].lower_ == "and" or doc[j + 1].lower_ == "and") \
                        and not doc[k].text[:1].isupper():
                    break
                nxt = by_start[k]
                if nxt.start in a_names or nxt.start in owned:
                    break
                hit.titles.append(nxt)
                owned.add(nxt.start)
                j = nxt.end
            hits.append(hit)
        # "Comrade Pham Minh Chinh" with no title at all
        for h in hon_positions:
            t = doc[h]
            if t.lower_ in self.standalone_hon and t.text[:1].isupper():
                i = self._skip_honorific(doc, h)
                e = self.name_end(doc, i) if i < doc.n else None
                if e is not None:
                    hits.append(PersonHit(i, e, []))
        return hits

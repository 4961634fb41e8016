"""English body grammar: Title-case modifiers + head noun + complement, over spaCy tokens.

A body is found from its head noun ("Committee", "Ministry", "Portal", ...), found with a
``Matcher``; the span then grows left over Title-case modifiers and possessives
("Ha Tinh Provincial People's Committee") and right over its complement
("Department of Planning and Investment", "Task Force on administrative procedure reform").
Generic mentions ("the Steering Committee") attach to the full body they refer back to.
Plural heads are classes, except distributed over sectors ("the Departments of Education and
Training, Health, and Justice") or places ("the Hue and Can Tho Public Service Centres"), and the
classes named in ``plural_bodies`` ("district-level People's Committees"). Gazetteer names with no
head noun ("United Nations") are found as written.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..names import could_end_place, fold, optional_json, surnames
from ..page import page_of
from ..token_view import Slice, TokenCache, TokenView, filter_offsets, is_camel, string_ids
from .bodies_merge import BodyMention, body_key, fast_fold, fast_is_place, sector_names

_POSS = {"'s", "’s", "'", "’"}
_DASH = {"-", "–", "—"}


@dataclass
class Cand:
    """One body mention before merging."""

    start: int  # token offsets
    end: int
    kind: str
    head: str  # normalised head noun
    generic: bool = False
    name: str | None = None  # canonical name when it differs from the surface ("Ministry of X")
    acronym: str | None = None
    keep_generic: bool = False


class EnglishBodyGrammar:
    """Finds body candidates in an English ``Doc`` from the rules of ``resources/en/bodies.json``."""

    def __init__(self, vocab, rules: dict[str, Any], title_rules: dict[str, Any]) -> None:
        self.rules = rules
        self.heads: dict[str, str] = rules["heads"]
        self.plurals: dict[str, str] = rules["plurals"]
        self.weak = set(rules["weak_heads"])
        self.complement_heads = set(rules["complement_heads"])
        self.standalone = {s.lower() for s in rules["standalone"]}
        self.generic = {g.lower() for g in rules["generic"]}
        self.generic_keep = {g.lower() for g in rules["generic_keep"]}
        self.lower_mods = set(rules["lower_modifiers"])
        self.lower_start = set(rules["lower_start"])
        self.camel_heads = set(rules["camel_heads"])
        self.left_stop = set(rules["left_stop"])
        self.comp_stop = set(rules["complement_stop"])
        self.bad_prefix = set(rules["bad_prefix"])
        self.role_words = set(rules["person_words"])
        self.topic_cores = set(rules["topic_cores"])
        self.restricted = {k: set(v) for k, v in rules.get("restricted_heads", {}).items()}
        self.venue_words = set(rules.get("venue_words", []))
        self.time_words = set(rules.get("time_words", []))
        media = rules.get("media") or {}
        self.media_names = {fold(n).lower() for n in media.get("names", [])}
        self.media_heads = [tuple(h.lower().split()) for h in media.get("heads", [])]
        self._media_by_last: dict[str, list[tuple[str, ...]]] = {}
        for h in self.media_heads:
            if h:
                self._media_by_last.setdefault(h[-1], []).append(h)
        # the last words of the media names: a span ending in another word is none of them
        self._media_last = {n.split()[-1] for n in self.media_names if n.split()}
        self.plural_bodies = {k: set(v) for k, v in rules.get("plural_bodies", {}).items()}
        self.lower_topic_heads = set(rules.get("lower_topic_heads", []))
        self.title_case_only = set(rules.get("title_case_only_heads", []))
        self.scope_words: dict[str, str] = rules.get("scope_words", {})
        self.level_words = set(rules.get("level_words", []))
        self.scope_modifiers = set(rules.get("scope_modifiers", []))
        self.numbered_words = set(rules.get("numbered_words", []))
        self.surnames = surnames("latin")
        self.sectors = sector_names()
        #: every start of every folded sector name: a span whose folded text is none stops the sector scan
        self.sector_prefixes = frozenset(k[:i] for k in self.sectors for i in range(1, len(k) + 1))
        # head nouns found from one LOWER array per page (a token Matcher with a set predicate builds a
        # Token object for every token of the page)
        strings = vocab.strings
        self._head_ids = string_ids(vocab, set(self.heads) | set(self.plurals))
        self._ministries_id = strings.add("ministries")
        self._tokens = TokenCache(vocab)
        self._colon_id = strings.add(":")
        self._build_gazetteer(vocab)

    def _build_gazetteer(self, vocab) -> None:
        """Names and aliases of the agencies gazetteer as written ("United Nations", "Vietnam Social
        Security"): bodies with no head noun for the grammar to start from."""
        import spacy

        data = optional_json("agencies.json") or {}
        # the pipeline's own tokenizer rules (its vocab's language: "en", or "xx" for pages without a rule pack)
        make = spacy.blank(vocab.lang or "en", vocab=vocab).tokenizer
        self.gaz_matcher = PhraseMatcher(vocab, attr="ORTH")
        self.gaz_names: dict[str, tuple[str, str]] = {}
        for a in data.get("agencies", []) if isinstance(data, dict) else []:
            for f in {a.get("name"), *(a.get("aliases") or [])}:
                if f and len(f.split()) >= 2 and f[:1].isupper():
                    self.gaz_names.setdefault(f, (a["name"], a.get("kind") or "agency"))
        for f in sorted(self.gaz_names):
            self.gaz_matcher.add(f, [make(f)])

    def _gazetteer_cands(self, doc: Doc, toks: TokenView, taken: list[Cand]) -> list[Cand]:
        """Gazetteer names that the grammar did not find (nor overlaps)."""
        covered = set()
        for c in taken:
            covered.update(range(c.start, c.end))
        out = []
        for match_id, s, e in self.gaz_matcher(doc):
            if covered.intersection(range(s, e)) or self._is_media(toks.span(s, e)):
                continue
            name, kind = self.gaz_names[doc.vocab.strings[match_id]]
            out.append(Cand(s, e, kind, name.split()[-1].lower(), name=name))
        return out

    # -- spans ------------------------------------------------------------------------------
    def candidates(self, doc: Doc, text: str | None = None) -> list[Cand]:
        """Body candidates, longest first where they overlap, in document order."""
        return self._candidates(doc, self.view(doc, text))

    def view(self, doc: Doc, text: str | None = None) -> TokenView:
        """The page's token view of ``doc`` (:meth:`.Page.tokens`), which the officials grammar reads too;
        ``text``: ``doc.text``, when it is not the page's."""
        if text is not None and text is not page_of(doc).text:
            return TokenView(doc, text, self._tokens)
        return page_of(doc).tokens(doc, self._tokens)

    def _candidates(self, doc: Doc, toks: TokenView) -> list[Cand]:
        cands: list[Cand] = []
        lower = toks.lower
        n = len(toks)
        for s in toks.positions(self._head_ids):
            if toks[s].lower_ in self.plurals:
                cands.extend(self._plural(toks, s))
                if lower[s] == self._ministries_id and s + 1 < n and lower[s + 1] == self._colon_id:
                    # "3 Ministries: National Defense, Foreign Affairs, ...": one ministry per item
                    cands.extend(self._ministry_list(toks, s + 2))
                continue
            c = self._from_head(toks, s)
            if c is not None and not self._is_media(toks.span(c.start, c.end)):
                cands.append(c)
        cands.extend(self._gazetteer_cands(doc, toks, cands))
        spans = {(c.start, c.end): c for c in cands}
        return [spans[se] for se in filter_offsets([(c.start, c.end) for c in cands])]

    def mentions(self, doc: Doc, text: str | None = None, toks: TokenView | None = None) -> list[BodyMention]:
        """Body mentions of ``doc`` (char offsets), for :func:`.bodies_merge.merge_mentions`;
        ``toks``: the page's :meth:`view`, when the caller has it already."""
        toks = self.view(doc, text) if toks is None else toks
        out = []
        for c in self._candidates(doc, toks):
            start = toks.idx[c.start]
            end = toks.idx[c.end - 1] + toks.length[c.end - 1]
            out.append(BodyMention(start, end, toks.page_text[start:end], c.kind, c.head,
                                   body_key(c.name or toks.page_text[start:end]),
                                   generic=c.generic, keep_generic=c.keep_generic, name=c.name))
        return out

    def _is_media(self, span: Slice) -> bool:
        """"the Vietnam News Agency", "Tuoi Tre newspaper": news media are no bodies."""
        words = [t.lower_ for t in span if not t.is_punct]
        if words and words[0] == "the":
            words = words[1:]
        if words and words[-1] not in self._media_by_last:
            # (folding goes word by word: the joined words' folded last word is the last word's)
            last = fast_fold(words[-1]).lower().split()
            if last and last[-1] not in self._media_last:
                return False  # most bodies: "... Committee", "... Ministry"
        if fast_fold(" ".join(words)).lower() in self.media_names:
            return True
        if "of" in words:
            return False  # "Department of Radio and Television" is a body
        # only the heads that end in the last word can end the name
        return bool(words) and any(len(h) < len(words) and tuple(words[-len(h):]) == h
                                   for h in self._media_by_last.get(words[-1], ()))

    def _from_head(self, doc: TokenView, i: int) -> Cand | None:
        tok = doc[i]
        low = tok.lower_
        if low in self.plurals:
            return None  # "People's Committees of districts": a class of bodies, not one body
        kind = self.heads[low]
        if tok.is_lower and low in self.weak and i > 0 and doc[i - 1].lower_ in self.heads:
            return None  # "the People's Committee office": the building of the body before it
        if low in self.camel_heads:
            # "VNeID app": only a product name in camel case or capitals makes an app a body
            if i == 0 or not (is_camel(doc[i - 1].text) or (doc[i - 1].is_upper and len(doc[i - 1]) > 1)):
                return None
            return Cand(i - 1, i + 1, kind, low)
        if low in self.restricted and not (i > 0 and doc[i - 1].lower_ in self.restricted[low]):
            return None  # "Viettel Group" is a company; "Working Group" a body
        if low in ("center", "centre") and i > 0 and doc[i - 1].lower_ in self.venue_words:
            return None  # "National Convention Center": a venue
        start = self._sector_left(doc, self._left(doc, i), i)
        mods = [doc[k] for k in range(start, i)]  # the modifiers before the head, read once
        titled_mods = any(t.tw for t in mods)
        topical = any(t.lower_ in self.topic_cores for t in mods)
        end = self._right(doc, i, low, topical)
        has_title = titled_mods or tok.tw or any(doc[k].tw for k in range(i + 1, end))
        if not has_title and doc[start].lower_ not in self.lower_start:
            return None
        if low in self.title_case_only and not tok.is_title and not titled_mods:
            return None  # "national and sub-national government": no body without a name
        if start == i and end == i + 1:
            # a bare head: a stand-alone body ("Government") or a back-reference ("the Committee")
            if low in self.standalone and tok.is_title:
                if i > 0 and (doc[i - 1].text in _DASH and not doc[i - 1].whitespace_
                              or doc[i - 1].lower_ in self.bad_prefix):
                    return None  # "e-Government", "digital Government"
                if i + 1 < len(doc) and doc[i + 1].lower_ in self.plurals and doc[i + 1].tw:
                    return None  # "Government Agencies": a modifier of a class of bodies
                return Cand(i, i + 1, kind, low)
            if low in self.generic:
                return Cand(i, i + 1, kind, low, generic=True)
            return None
        core = " ".join([t.lower_ for t in mods if t.is_alpha] + ([low] if tok.is_alpha else []))
        if end == i + 1 and core in self.generic:
            return Cand(start, end, kind, low, generic=True, keep_generic=core in self.generic_keep)
        if low in self.weak and not titled_mods and end == i + 1:
            return None  # "Centre Point", "the office": too weak without a modifier
        if "party" in core.split() and kind in ("committee", "council"):
            kind = "party"
        return Cand(start, end, kind, low)

    def _sector_left(self, doc: TokenView, j: int, i: int) -> int:
        """"Planning and Investment Ministry": a sector name of the gazetteer, with its "and" or commas,
        may stand before the head; the plain modifier run stops at "and"."""
        best = j
        if j == 0 or j >= i or doc[j - 1].lower_ not in ("and", "&", ","):
            return j  # only a connective stops the plain run inside a sector name
        for n in range(1, 9):
            s = j - n
            if s < 0 or doc[s].is_punct and doc[s].text != ",":
                break
            if s < i and doc[s].tw and fast_fold(doc.span(s, i).text) in self.sectors:
                best = s
        return best

    def _left(self, doc: TokenView, i: int) -> int:
        """Grow left over Title-case modifiers, possessives, spaced dashes, lower-case modifiers."""
        j = i
        while j > 0 and i - j < 10:
            t = doc[j - 1]
            if t.text in _POSS and j - 2 >= 0 and doc[j - 2].tw:
                # (only a word that can end a place name can end "Vietnam", "Ha Noi": "People's" cannot)
                if could_end_place(doc[j - 2].text) and any(
                        j - 1 - n >= 0 and fast_is_place(doc.span(j - 1 - n, j - 1).text) for n in (1, 2, 3)):
                    break  # "Vietnam's Ministry of Home Affairs": the country is no part of the name
                j -= 1
                continue
            if t.text in _DASH and t.whitespace_ and j - 2 >= 0 and doc[j - 2].tw and doc[j].tw \
                    and doc[j - 2].whitespace_:
                j -= 1
                continue
            if t.tw and t.text not in self.left_stop:
                followed_by_poss = doc[j].text in _POSS
                if t.lower_ in self.role_words and not followed_by_poss and t.lower_ not in ("prime",):
                    break
                if t.lower_ == "prime" and not followed_by_poss and doc[j].lower_ == "minister" and j == i:
                    break
                j -= 1
                continue
            if t.is_lower and t.lower_ in self.lower_mods:
                j -= 1
                continue
            if t.is_digit and len(t) <= 3 and j - 2 >= 0 and doc[j - 2].is_title \
                    and doc[j - 2].lower_ in self.numbered_words:
                j -= 1  # "District 8 Home Affairs Division"
                continue
            break
        # never start on a possessive, a dash, or a lower-case word unless it opens a name ("national ...")
        while j < i and (doc[j].text in _POSS or doc[j].text in _DASH
                         or (doc[j].is_lower and doc[j].lower_ not in self.lower_start)):
            j += 1
        if j < i and doc[j].tw:
            j = self._of_inside_left(doc, j)
        # "Minister's Working Group": keep "Prime" with "Minister"
        return j

    def _right(self, doc: TokenView, i: int, head: str, topical: bool = False) -> int:
        """Grow right over the complement: "of" + Title-case phrase, "for/on" + phrase."""
        n = len(doc)
        k = i + 1
        if k >= n:
            return k
        prep = doc[k].lower_
        end = k
        if prep == "of":
            e = self._title_np(doc, k + 1)
            # "Ministry of Labour, Invalids and Social Affairs": a sector name of the gazetteer runs over commas,
            # and so does a singular head's "A, B and C" ("Department of Labour, War Invalids and Social Affairs")
            e = max(e or 0, self._sector_end(doc, k + 1) or 0) or None
            if e is not None and head in self.heads and doc[i].lower_ not in self.plurals:
                e = self._comma_continuation(doc, e) or e
            if e is None and head in self.lower_topic_heads:
                e = self._lower_np(doc, k + 1)
            if e is None and k + 2 < n and doc[k + 1].lower_ == "the" and doc[k + 2].is_lower \
                    and doc[k + 2].lower_ in ("district", "province", "city", "commune", "ward", "town"):
                e = k + 3  # "the People's Committee of the district"
            if e:
                end = e
        elif prep in ("for", "on") and head in self.lower_topic_heads:
            e = self._title_np(doc, k + 1) or self._lower_np(doc, k + 1)
            if e:
                end = e  # "the national database on administrative procedures"
        elif prep in ("for", "on") and head in self.complement_heads:
            # a lower-case topic only for ad-hoc bodies ("Task Force on ...", "steering committee for ...");
            # "the City People's Committee on state administrative reform" names a document's topic
            e = self._title_np(doc, k + 1) or (self._lower_np(doc, k + 1) if topical or head in ("force", "taskforce") else None)
            if e:
                end = e
        if end > k and end + 1 < n and doc[end].lower_ == "of":
            e = self._title_np(doc, end + 1)
            if e:
                end = e
        return end

    def _of_inside_left(self, doc: TokenView, j: int) -> int:
        """"Reception and Return of Results Department": a Title-case name with "of" inside it, before
        the head; the words before "of" hold no head and no role ("Head of Finance Department" stays)."""
        if j < 3 or doc[j - 1].lower_ != "of":
            return j
        k = j - 1
        while k > 0 and (doc[k - 1].tw or (doc[k - 1].lower_ == "and" and k - 2 >= 0
                                                       and doc[k - 2].tw)) and j - k < 6:
            t = doc[k - 1]
            if t.lower_ in self.heads or t.lower_ in self.plurals or t.lower_ in self.role_words \
                    or t.text in self.left_stop:
                return j
            k -= 1
        if k == j - 1 or doc[k].lower_ == "and" or (k > 0 and doc[k - 1].tw):
            return j
        return k

    def _comma_continuation(self, doc: TokenView, e: int) -> int | None:
        """End of ", B and C" after a singular head's complement "A" (a Title-case run each, no head, role,
        place or name inside, nothing Title-case after C), or None."""
        n = len(doc)
        k = e
        seen_and = False
        runs = []
        while k < n and doc[k].text == "," and not seen_and:
            k += 1
            if k < n and doc[k].lower_ == "and":
                seen_and = True
                k += 1
            r = self._title_run_end(doc, k)
            if r is None or fast_is_place(doc.span(k, r).text) or self._name_starts(doc, k):
                return None
            runs.append(doc.span(k, r).text)
            if not seen_and and r < n and doc[r].lower_ == "and":
                r2 = self._title_run_end(doc, r + 1)
                if r2 is None or fast_is_place(doc.span(r + 1, r2).text) or self._name_starts(doc, r + 1):
                    return None
                runs.append(doc.span(r + 1, r2).text)
                seen_and, r = True, r2
            k = r
        if not seen_and or (k < n and (doc[k].tw or doc[k].text in _POSS)):
            return None
        if all(fast_fold(x) in self.sectors for x in runs):
            return None  # "Ministry of Home Affairs, Justice and Finance": sectors of their own, not one name
        return k

    def _sector_end(self, doc: TokenView, s: int) -> int | None:
        """End of the longest gazetteer sector name from ``s`` ("Labour, Invalids and Social Affairs"), or None."""
        n = len(doc)
        if s < n and doc[s].lower_ == "the":
            s += 1
        if s >= n or not doc[s].tw:
            return None
        best = None
        prefixes = self.sector_prefixes
        for e in range(s + 1, min(n, s + 9) + 1):
            folded = fast_fold(doc.span(s, e).text)
            if folded not in prefixes:
                break  # a longer span folds to a longer string that starts with this one: no sector either
            if doc[e - 1].tw and folded in self.sectors:
                best = e
        return best

    def _title_run_end(self, doc: TokenView, s: int) -> int | None:
        """End of a run of Title-case words from ``s`` (no connective inside), or None."""
        k = s
        while k < len(doc) and doc[k].tw and doc[k].text not in self.left_stop \
                and doc[k].lower_ not in self.role_words and doc[k].lower_ not in self.heads:
            if k > s and self._name_starts(doc, k):
                break
            k += 1
        return k if k > s else None

    def _plural(self, doc: TokenView, i: int) -> list[Cand]:
        """A plural head: one body per sector after "of" ("the Departments of Education and Training,
        Health, and Justice"), or a class of bodies named by its modifiers ("district-level People's
        Committees", "People's Committees of the 63 provinces and cities"); else no body."""
        tok = doc[i]
        low = tok.lower_
        single = self.plurals[low]
        kind = self.heads.get(single, single)
        n = len(doc)
        if tok.is_title and i + 1 < n and doc[i + 1].lower_ == "of":
            items = self._sector_list(doc, i + 2)
            scopes = self._scopes(doc, items[-1][1]) if len(items) == 1 else []
            if scopes:
                # "the Departments of Home Affairs of provinces": one class, not one department
                a, b = items[0]
                name = f"{tok.text} of {doc.span(a, b).text} of {_joined(scopes)}"
                return [Cand(i, b, kind, low, name=name)]
            if items:
                # each mention is the sector as written; the name carries the shared head
                return [Cand(a, b, kind, single, name=f"{single.title()} of {doc.span(a, b).text}") for a, b in items]
        mods = self.plural_bodies.get(low)
        if not mods or not tok.text[:1].isupper() or i == 0:
            return []
        prev = doc[i - 2].lower_ + doc[i - 1].text.replace("’", "'") if doc[i - 1].text in _POSS and i >= 2 \
            else doc[i - 1].lower_
        if prev not in mods:
            return []
        start = self._left(doc, i)
        # levels before the class: "district-level", "provincial", "district and commune", "district- and commune-level"
        lv = self.level_words
        while True:
            if start >= 3 and doc[start - 1].lower_ == "level" and doc[start - 2].text in _DASH and doc[start - 3].lower_ in lv:
                start -= 3
            elif start >= 1 and doc[start - 1].is_lower and doc[start - 1].lower_ in lv:
                start -= 1
            elif start >= 2 and doc[start - 1].lower_ in ("and", "or") and doc[start - 2].lower_ in lv | {"level"}:
                start -= 1  # the connective; the level before it comes next
            elif start >= 3 and doc[start - 1].lower_ in ("and", "or") and doc[start - 2].text in _DASH \
                    and doc[start - 3].lower_ in lv:
                start -= 3  # "district- and"
            else:
                break
        places = self._places_around(doc, start, i)
        if places:
            return places
        span = doc.span(start, i + 1)
        name = span.text.replace("’", "'")
        name = name[:1].upper() + name[1:]
        scopes = self._scopes(doc, i + 1)
        if scopes:
            name += " of " + _joined(scopes)
        return [Cand(start, i + 1, kind, low, name=name)]

    def _place_at(self, doc: TokenView, s: int, forward: bool = True) -> int | None:
        """Other end of a known place name (1-4 Title-case tokens) starting (or, backwards, ending) at ``s``."""
        best = None
        for n in (1, 2, 3, 4):
            a, b = (s, s + n) if forward else (s - n, s)
            if a < 0 or b > len(doc) or not all(t.tw for t in doc.span(a, b)):
                break
            if fast_is_place(doc.span(a, b).text):
                best = b if forward else a
        return best

    def _places_around(self, doc: TokenView, start: int, i: int) -> list[Cand]:
        """A class of local bodies shared by places: "the Hanoi and Da Nang Public Administration Service
        Centres", "the People's Committees of Hanoi and Hai Phong" -> one body per place."""
        single = doc[i].text[:-1] if doc[i].text.endswith("s") else doc[i].text
        kind, head = self.heads.get(self.plurals[doc[i].lower_], "agency"), self.plurals[doc[i].lower_]
        found: list[tuple[int, int]] = []
        first_end = self._place_at(doc, start)
        if first_end is not None and first_end < i:
            mods = doc.span(first_end, i).text
            found.append((start, i + 1))
            k = start
            while k >= 2 and doc[k - 1].lower_ in ("and", ",", "&"):
                a = self._place_at(doc, k - 1, forward=False)
                if a is None:
                    break
                found.insert(0, (a, k - 1))
                k = a
            places = [(a, b, doc.span(a, self._place_at(doc, a) or b).text) for a, b in found]
        else:
            mods = doc.span(start, i).text
            k = i + 1
            if k + 1 >= len(doc) or doc[k].lower_ not in ("of", "in"):
                return []
            k += 1
            places = []
            while k < len(doc):
                e = self._place_at(doc, k)
                if e is None:
                    break
                places.append((k, e, doc.span(k, e).text))
                k = e
                if k + 1 < len(doc) and doc[k].lower_ in ("and", ",", "&") and self._place_at(doc, k + 1):
                    k += 1
                    continue
                break
        if not places:
            return []
        mods = mods.replace("’", "'")
        return [Cand(a, b, kind, head, name=f"{p} {mods} {single}".replace("  ", " ")) for a, b, p in places]

    def _scopes(self, doc: TokenView, k: int) -> list[str]:
        """The level nouns after "of"/"in" + "the"? + a number?: "of the 63 provinces and cities"."""
        n = len(doc)
        if k >= n or doc[k].lower_ not in ("of", "in"):
            return []
        k += 1
        out: list[str] = []
        while k < n:
            if doc[k].lower_ in ("the", "all") or doc[k].like_num:
                k += 1
                continue
            m = k  # modifiers of the level noun: "centrally-run cities"
            while m < n and m - k < 4 and (doc[m].lower_ in self.scope_modifiers or doc[m].text in _DASH):
                m += 1
            w = self.scope_words.get(doc[m].lower_) if m < n else None
            if w is None or not doc[m].is_lower:
                break
            w = doc.span(k, m + 1).text if m > k else w
            if w not in out:
                out.append(w)
            k = m + 1
            if k + 1 < n and doc[k].lower_ in ("and", ",", "&"):
                k += 1
                continue
            break
        return out

    def _sector_list(self, doc: TokenView, k: int) -> list[tuple[int, int]]:
        """Items of "A, B, and C" after a plural head + "of": gazetteer sector names first (longest),
        else a Title-case run; places and names are no items."""
        n = len(doc)
        if k < n and doc[k].lower_ == "the":
            k += 1
        items: list[tuple[int, int]] = []
        while k < n:
            e = self._sector_end(doc, k) or self._title_run_end(doc, k)
            if e is None or fast_is_place(doc.span(k, e).text) or self._name_starts(doc, k):
                break
            items.append((k, e))
            j = e
            if j < n and doc[j].text == ",":
                j += 1
            if j < n and doc[j].lower_ in ("and", "&"):
                j += 1
            if j == e or j >= n or not doc[j].tw:
                break
            k = j
        return items

    def _title_np(self, doc: TokenView, s: int) -> int | None:
        """End of a Title-case phrase from ``s`` ("the"? Word (and|&|'s|-) Word ...), or None.

        Stops before a trailing Vietnamese name ("Department of Home Affairs Le Minh Dao"),
        and before "and" + another body ("... Development and United Nations ... Program").
        """
        n = len(doc)
        if s < n and doc[s].lower_ == "the":
            s += 1
        k = s
        while k < n:
            t = doc[k]
            if t.tw and t.text not in self.left_stop and t.lower_ not in self.role_words \
                    and t.text not in self.time_words:
                if k > s and self._name_starts(doc, k):
                    break
                k += 1
                continue
            if k > s and t.text in _POSS and k + 1 < n and doc[k + 1].tw:
                k += 1
                continue
            if k > s and t.lower_ in ("and", "&") and k + 1 < n and doc[k + 1].tw:
                if self._run_has_head(doc, k + 1):
                    break
                k += 1
                continue
            if k > s and t.text in _DASH and t.whitespace_ and k + 1 < n and doc[k + 1].tw:
                k += 1
                continue
            if k > s and t.is_digit and len(t) <= 3 and doc[k - 1].lower_ in self.numbered_words:
                k += 1  # "Project 06", "District 8": a short number after a numbered word (no year, no count)
                continue
            break
        # never end on a connective: "Department of Justice and Deputy Director ..." ends at "Justice"
        while k > s and (doc[k - 1].lower_ in ("and", "&") or doc[k - 1].text in _POSS or doc[k - 1].text in _DASH):
            k -= 1
        if k == s:
            return None
        # "of Ha Tinh province": keep the level word after a place name
        if k < n and doc[k].lower_ in ("province", "city", "district", "commune", "ward", "town") and doc[k].is_lower:
            k += 1
        return k

    def _lower_np(self, doc: TokenView, s: int) -> int | None:
        """End of a lower-case complement ("on administrative procedure reform"), or None."""
        n = len(doc)
        k = s
        if k < n and doc[k].lower_ == "the":
            k += 1
        if k >= n or not doc[k].is_alpha or doc[k].lower_.endswith("ing") or doc[k].lower_ in self.comp_stop:
            return None
        last = None
        limit = s + 18
        while k < n and k < limit:
            t = doc[k]
            low = t.lower_
            if t.is_alpha and low not in self.comp_stop and not (t.is_lower and low.endswith("ed") and len(low) > 4):
                if low not in ("and", "of", "the"):
                    last = k + 1
                k += 1
                continue
            if t.text == "," and k + 1 < n and doc[k + 1].is_alpha and doc[k + 1].lower_ not in self.comp_stop:
                k += 1
                continue
            if t.like_num and k > s and doc[k - 1].lower_.rstrip(".") == "no":
                last = k + 1
                k += 1
                continue
            if low in ("no.",) and k + 1 < n and doc[k + 1].like_num:
                k += 1
                continue
            break
        return last

    def _name_starts(self, doc: TokenView, k: int) -> bool:
        """Whether a 2-4 token Vietnamese name (surname first) starts at ``k`` and ends the run."""
        if fast_fold(doc[k].text) not in self.surnames:
            return False
        e = k
        while e < len(doc) and doc[e].is_alpha and doc[e].is_title and e - k < 5:
            e += 1
        if not 2 <= e - k <= 4:
            return False
        return not fast_is_place(doc.span(k, e).text)

    def _run_has_head(self, doc: TokenView, k: int) -> bool:
        while k < len(doc) and (doc[k].tw or doc[k].text in _POSS):
            if doc[k].lower_ in self.heads and doc[k].lower_ not in self.camel_heads:
                return True
            k += 1
        return False

    def _ministry_list(self, doc: TokenView, k: int) -> list[Cand]:
        """"3 Ministries: National Defense, Foreign Affairs, Information and Communications"."""
        out: list[Cand] = []
        n = len(doc)
        while k < n:
            e = k
            while e < n and (doc[e].tw or (doc[e].lower_ in ("and", "&") and e > k and e + 1 < n
                                                        and doc[e + 1].tw)):
                e += 1
            if e == k:
                break
            item = doc.span(k, e)
            out.append(Cand(k, e, "ministry", "ministry", name=f"Ministry of {item.text}"))
            if e < n and doc[e].text == "," or (e < n and doc[e].lower_ == "and" and e + 1 < n and doc[e + 1].tw):
                k = e + 1
                continue
            break
        return out


def _joined(items: list[str]) -> str:
    """"provinces", "provinces and cities", "districts, towns and cities"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def acronym_fits(acronym: str, words: list[str]) -> bool:
    """Whether the letters of ``acronym`` follow the initials of ``words`` in order ("VCCI")."""
    initials = [w[0].upper() for w in words if w and w[0].isalpha()]
    j = 0
    for ch in acronym.upper():
        if not ch.isalpha():
            continue
        while j < len(initials) and initials[j] != ch:
            j += 1
        if j == len(initials):
            return False
        j += 1
    return initials[:1] == [acronym[:1].upper()]

"""Vietnamese and Thai official grammar, with English canonical titles.

A title is a native role ("Phó Chủ tịch", "รองประธาน") optionally followed by the body it
heads ("UBND tỉnh", "คณะกรรมการประชาชนจังหวัดกวางจิ", found by ``parreform_bodies``); its
English form is "<role> of the <body's English name>" ("Vice Chairman of the Quang Tri
Provincial People's Committee"). A person is a name right after a title (honorifics
skipped: "đồng chí", "นาย") or right before one behind a dash or comma
("Lê Minh Khang - Ủy viên Ban Thường vụ Tỉnh ủy, Giám đốc Sở Nội vụ"); stacked titles follow behind
commas. Names are Vietnamese syllables (surname first), Latin words, or Thai-script
renderings of Vietnamese names, mapped to Latin through the leaders gazetteer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc

from ..names import fold, optional_json, place_levels, surnames

_THAI = "\u0e00-\u0e7f"
_THAI_CHAR = re.compile(f"[{_THAI}]")
_THAI_RUN = re.compile(f"[{_THAI}]+")
#: a class of bodies of one level ("Commune-level People's Committees"): its singular
_ONE_OF_CLASS = re.compile(r"^(\S+-level .+?)s$")
_ONE_LETTER = re.compile(r"[A-ZĐ](?![\w.])")
_LATIN_WORD = re.compile(r"[A-ZÀ-ỸĐ][a-zà-ỹđ]+(?:-[A-Za-zà-ỹđ]+)?")


@dataclass
class Title:
    start: int
    end: int
    en: str
    native: str
    org: str | None


def _forms(v: Any) -> list[str]:
    if not v:
        return []
    return [v] if isinstance(v, str) else [x for x in v if isinstance(x, str)]


@lru_cache(maxsize=None)
def leader_forms(lang: str) -> dict[str, str]:
    """Space-free native / Latin form of a leader's name -> canonical ASCII name."""
    data = optional_json("leaders.json") or {}
    out: dict[str, str] = {}
    for p in data.get("leaders", []) if isinstance(data, dict) else []:
        for f in [p.get("name"), *_forms(p.get("aliases")), *_forms(p.get("vi")), *_forms(p.get(lang))]:
            if f:
                out.setdefault(re.sub(r"\s+", "", f.lower()), p["name"])
    return out


@lru_cache(maxsize=None)
def _thai_leader_regex() -> re.Pattern | None:
    data = optional_json("leaders.json") or {}
    forms = {f for p in (data.get("leaders", []) if isinstance(data, dict) else []) for f in _forms(p.get("th"))}
    if not forms:
        return None
    alt = "|".join(r"\s*".join(re.escape(w) for w in f.split()) for f in sorted(forms, key=len, reverse=True))
    return re.compile(f"(?:{alt})")


@lru_cache(maxsize=None)
def _thai_words() -> frozenset[str]:
    """pythainlp's Thai word list (offline, shipped with the package)."""
    from pythainlp.corpus import thai_words

    return frozenset(thai_words())


@lru_cache(maxsize=None)
def _thai_name_syllables() -> frozenset[str]:
    """Thai-script syllables of the Vietnamese names the gazetteers know ("วัน" of "เหงียน วัน ...")."""
    out: set[str] = set()
    lead = optional_json("leaders.json") or {}
    for p in lead.get("leaders", []) if isinstance(lead, dict) else []:
        for f in _forms(p.get("th")):
            out.update(f.split())
    sur = optional_json("surnames.json") or {}
    for x in sur.get("surnames", []) if isinstance(sur, dict) else []:
        if isinstance(x, dict):
            out.update(_forms(x.get("th")))
    return frozenset(out)


class NativeOfficialGrammar:
    """Finds officials in Vietnamese / Thai text from ``resources/<lang>/titles.json``."""

    def __init__(self, lang: str, rules: dict[str, Any]) -> None:
        self.lang = lang
        self.rules = rules
        self.roles = {r["form"]: r for r in rules["roles"]}
        alt = "|".join(self._role_pattern(f) for f in sorted(self.roles, key=len, reverse=True))
        self.role_re = re.compile(f"(?<![\\w])(?:{alt})(?![\\w])" if lang == "vi" else f"(?:{alt})")
        self.role_norm = {self._role_key(f): f for f in self.roles}
        hon = sorted(rules["honorifics"], key=len, reverse=True)
        self.hon_re = re.compile(r"\s*(?:(?:" + "|".join(re.escape(h) for h in hon) + r")\s*)*")
        self.seps = set(rules["separators"])
        self.vi_surnames = {s.lower() for s in self._surname_forms("vi")} | set(surnames("latin"))
        self.th_surnames = sorted({s for s in self._surname_forms("th")}, key=len, reverse=True)
        self.name_stops = tuple(rules.get("name_stops", []))
        self._th_hon_re = re.compile("|".join(re.escape(h) for h in hon if not h.isascii()) or "(?!)")

    def _role_key(self, form: str) -> str:
        """Lookup key of a role as written: Thai spacing inside a title is free ("รัฐมนตรี ว่าการ")."""
        return re.sub(r"\s+", "", form) if self.lang == "th" else " ".join(form.split())

    def _role_pattern(self, form: str) -> str:
        """The regular expression of one role form. A Thai role that extends a shorter role
        ("รัฐมนตรีว่าการ" = "รัฐมนตรี" + "ว่าการ", "รองนายกรัฐมนตรีถาวร") may have a space where the
        shorter one ends: Thai writers space phrases, not words."""
        if self.lang != "th":
            return r"\s+".join(re.escape(w) for w in form.split())
        cut = max((len(f) for f in self.roles if f != form and form.startswith(f)), default=0)
        if not cut:
            return re.escape(form)
        return re.escape(form[:cut]) + r" ?" + re.escape(form[cut:])

    @staticmethod
    def _surname_forms(key: str) -> list[str]:
        data = optional_json("surnames.json") or {}
        out = []
        for s in data.get("surnames", []) if isinstance(data, dict) else []:
            if isinstance(s, dict):
                out += _forms(s.get(key))
        return out

    # -- titles -----------------------------------------------------------------------------
    def _title_at(self, text: str, p: int, bodies: dict[int, tuple[int, str, str]]) -> Title | None:
        m = self.role_re.match(text, p)
        if not m:
            return None
        role = self.roles[self.role_norm[self._role_key(m.group(0))]]
        if self.lang == "vi" and not m.group(0)[:1].isupper():
            return None
        e, en, org = m.end(), role["en"], None
        if not role.get("absorb"):
            q = e
            while q < len(text) and text[q] == " ":
                q += 1
            body = bodies.get(q)
            if body is None:
                # "Chánh Văn phòng UBND tỉnh": the body ("Văn phòng UBND tỉnh") starts inside the
                # longest role form; a shorter role ("Chánh") heads it
                # (Thai writes no spaces: "เลขาธิการพรรค" + "พรรคคอมมิวนิสต์เวียดนาม" splits at any character)
                cuts = [(sp.start(), sp.end()) for sp in re.finditer(r"\s+", m.group(0))] if self.lang != "th" \
                    else [(c, c) for c in range(1, len(m.group(0)))]
                for cut, body_at in cuts:
                    inner = bodies.get(p + body_at)
                    short = self.role_norm.get(self._role_key(m.group(0)[:cut]))
                    if inner is not None and short and inner[0] > m.end():
                        if not role.get("whole"):  # "Chánh Thanh tra" + "Thanh tra tỉnh": Chief Inspector of ...
                            role, en = self.roles[short], self.roles[short]["en"]
                        body = inner
                        break
            if body is not None:
                b_end, b_en, b_canon = body
                e, org = b_end, b_canon
                one = _ONE_OF_CLASS.match(b_en)
                if "Minister" in en and b_en.startswith("Ministry of "):
                    en = f"{en} of {b_en[len('Ministry of '):]}"
                elif one:
                    # "Chủ tịch UBND cấp xã": the chairman of one commune-level People's Committee
                    en = f"{en} of a {one.group(1)[:1].lower()}{one.group(1)[1:]}"
                else:
                    en = f"{en} of the {b_en}"
            elif (role.get("needs_body") or en in ("Head", "Deputy Head", "Member", "Secretary", "Deputy Secretary",
                                                   "Chairman", "Vice Chairman", "Director", "Deputy Director")) \
                    and self.lang == "vi":
                return None  # "Trưởng" / "Ủy viên" alone are too weak to be a title
        if self.lang == "vi" and org is not None:
            e = self._unknown_place_after(text, p, e)
        if self.lang == "th" and org is None and text[p:e].endswith(tuple(place_levels("th"))):
            # "ผู้ว่าราชการจังหวัดห่าซาง": the province belongs to the title, the name comes after it
            from .bodies_native import place_regex

            pl = place_regex("th").match(text, e)
            if pl is not None:
                e = pl.end()
        return Title(p, e, en, text[p:e], org)

    def _unknown_place_after(self, text: str, p: int, e: int) -> int:
        """"Phó Chủ tịch UBND huyện Chư Sê Lê Văn Tuấn": a body ending in a level word is followed by
        a place the gazetteer does not know, then the person; the place is the capitalised words
        before the last surname that leaves a 2-4 word name."""
        lv = re.search(r"(?<!\w)(?:huyện|quận|thị xã|xã|phường|thị trấn|thành phố|tỉnh|(?:Huyện|Quận|Thị|Thành|Đảng) [uủ]ỷ?y?)$",
                       text[p:e])
        if not lv:
            return e
        words = []
        q = e
        while len(words) < 8:
            m = re.compile(r" +").match(text, q)
            w = _LATIN_WORD.match(text, m.end()) if m else None
            if not w:
                break
            words.append(w)
            q = w.end()
        n = len(words)
        if n < 3 or (words[0].group(0).lower() in self.vi_surnames and n <= 4):
            return e
        for i in range(1, n - 1):
            if words[i].group(0).lower() in self.vi_surnames and 2 <= n - i <= 4:
                return words[i - 1].end()
        return e

    def _chain(self, text: str, t: Title, bodies) -> list[Title]:
        """Stacked titles after ``t``: ", Ủy viên Ban Thường vụ Tỉnh ủy, Giám đốc Sở ..."."""
        out = [t]
        q = t.end
        while True:
            r = q
            while r < len(text) and text[r] == " ":
                r += 1
            if r < len(text) and text[r] == ",":
                r += 1
                while r < len(text) and text[r] == " ":
                    r += 1
            elif not (self.lang == "th" and q < r < len(text) and "\n" not in text[q:r]):
                break  # Thai stacks titles with a space: "สมาชิกคณะกรรมการกลางพรรค รัฐมนตรีว่าการ..."
            nxt = self._title_at(text, r, bodies)
            if nxt is None or self._name_at(text, self._skip_hon(text, nxt.end)) is not None:
                break  # that title opens the next person
            out.append(nxt)
            q = nxt.end
        return out

    # -- names ------------------------------------------------------------------------------
    def _skip_hon(self, text: str, p: int) -> int:
        m = self.hon_re.match(text, p)
        return m.end() if m else p

    def _name_at(self, text: str, p: int) -> tuple[int, int, str] | None:
        """(start, end, canonical name) of a name starting at ``p`` (spaces skipped)."""
        while p < len(text) and text[p] == " ":
            p += 1
        if p >= len(text):
            return None
        if self.lang == "th" and "\u0e00" <= text[p] <= "\u0e7f":
            return self._thai_name_at(text, p)
        words = []
        q = p
        for _ in range(4):
            m = _LATIN_WORD.match(text, q) or (_ONE_LETTER.match(text, q) if words and self.lang == "vi" else None)
            if not m:
                break  # one-letter syllables only inside a name: "Giàng A Chu", "Nguyễn Văn A"
            words.append(m)
            q = m.end()
            if q >= len(text) or text[q] != " " or q + 1 >= len(text) or not text[q + 1].isupper():
                break
            q += 1
        if len(words) < 2:
            return None
        first = words[0].group(0)
        if self.lang == "vi" and first.lower() not in self.vi_surnames and fold(first) not in self.vi_surnames:
            return None
        s, e = p, words[-1].end()
        name = text[s:e]
        if self._is_place(name):
            return None
        return s, e, leader_forms(self.lang).get(re.sub(r"\s+", "", name.lower()), name) if self.lang == "th" else name

    def _thai_name_at(self, text: str, p: int) -> tuple[int, int, str] | None:
        rx = _thai_leader_regex()
        m = rx.match(text, p) if rx is not None else None
        if m:
            return p, m.end(), leader_forms("th").get(re.sub(r"\s+", "", m.group(0)), m.group(0))
        got = self._thai_surname_name(text, p)
        # "ผู้ว่าราชการจังหวัดกาวบั่ง": a province whose name starts like a surname ("กาว" Cao) is no person
        if got is not None and self._is_place(got[2]):
            return None
        return got

    def _thai_surname_name(self, text: str, p: int) -> tuple[int, int, str] | None:
        """A Thai-script Vietnamese name led by a known surname, spaced or not."""
        sur = next((s for s in self.th_surnames if text.startswith(s, p)), None)
        if sur is None:
            return None
        e = p + len(sur)
        if e < len(text) and _THAI_CHAR.match(text, e):
            return self._spaceless_thai_name(text, p, sur)
        parts = 1
        while parts < 4:
            m = re.match(rf" ([{_THAI}]{{1,6}})(?=[\s,.:;)\-]|$)", text[e:e + 12])
            if not m or m.group(1).startswith(self.name_stops):
                break
            e += m.end()
            parts += 1
        if parts < 2:
            return None
        return p, e, text[p:e]

    def _spaceless_thai_name(self, text: str, p: int, sur: str) -> tuple[int, int, str] | None:
        """A Vietnamese name written in Thai without spaces ("เหงียนฮัวบิ่ญ"): pythainlp's dictionary
        segmenter splits the run; the name is the surname's word and the words after it that are no
        Thai words (or are short ones, or syllables of known Vietnamese names, "วัน"), up to a stop
        word ("กล่าว").
        A run whose first word is a Thai word ("เลขาธิการ", "เลือกตั้ง") is no name."""
        m = _THAI_RUN.match(text, p)
        chunk = m.group(0)[:40]
        if len(chunk) <= len(sur) + 1:
            return None
        from pythainlp.tokenize import word_tokenize  # only on a Thai page with a title next to a surname

        words, syllables = _thai_words(), _thai_name_syllables()
        toks = word_tokenize(chunk, engine="newmm")
        if not toks or not toks[0].startswith(sur) or (toks[0] != sur and toks[0] in words):
            return None
        n = 0
        for i, tok in enumerate(toks):
            # a short Thai word can be a Vietnamese syllable too ("อาน" An): only longer words end the name
            if i and (tok.startswith(self.name_stops) or (tok in words and tok not in syllables and len(tok) >= 4)):
                break
            n += len(tok)
        if n <= len(sur) + 1 or n > 24:
            return None
        return p, p + n, text[p:p + n]

    def _name_before(self, text: str, p: int) -> tuple[int, int, str] | None:
        """A name ending at ``p`` (trailing spaces skipped), 2-4 words."""
        e = p
        while e > 0 and text[e - 1] == " ":
            e -= 1
        seg = text[max(0, e - 60):e]
        best = None
        starts = [m.start() for m in re.finditer(r"(?:(?<=\s)|^)\S", seg)]
        if self.lang == "th":  # "นายเหงียน วัน อาน": a Thai name starts right after its honorific
            starts += [m.end() for m in self._th_hon_re.finditer(seg)]
            rx = _thai_leader_regex()  # "โดยโต เลิม ...": a known name glued to the word before it
            if rx is not None:
                starts += [m.start() for m in rx.finditer(seg)]
        for st in sorted(set(starts)):
            s = e - len(seg) + st
            got = self._name_at(text, s)
            if got is not None and got[1] == e:
                best = got
                break
        return best

    def _vietnamese_name(self, name: str) -> bool:
        """Whether a name found before a Thai title is a Vietnamese one without an honorific: a Latin
        name with a Vietnamese surname ("Pham Thi Thanh Tra"), a known leader, or Thai script led by a
        Vietnamese surname ("เหงียน วัน อาน")."""
        if name[:1].isascii():
            first = name.split()[0]
            return first.lower() in self.vi_surnames or fold(first) in self.vi_surnames
        rx = _thai_leader_regex()
        return bool(rx is not None and rx.fullmatch(name)) or any(name.startswith(s) for s in self.th_surnames)

    @staticmethod
    def _is_place(name: str) -> bool:
        from ..names import is_place

        return is_place(name)

    # -- people -----------------------------------------------------------------------------
    def people(self, doc: Doc, org_names: dict[int, str], text: str | None = None) -> list[dict[str, Any]]:
        """People with their titles (English and native), as plain dicts with char offsets."""
        text = doc.text if text is None else text
        bodies: dict[int, tuple[int, str, str]] = {}
        for start, end, en, canon in doc.user_data.get("parreform_body_mentions", []):
            bodies.setdefault(start, (end, en, canon))
        out = []
        used: set[int] = set()
        pending: dict[int, Title] = {}  # titles with no person yet, by end
        for m in self.role_re.finditer(text):
            if m.start() in used:
                continue
            t = self._title_at(text, m.start(), bodies)
            if t is None:
                continue
            after = self._name_at(text, self._skip_hon(text, t.end))
            if after is not None:
                titles = self._stacked_before(text, t, pending, used)
                # and titles stacked after the name: "Phó Thủ tướng Trần Văn A, Trưởng Ban ..."
                titles += self._chain(text, Title(after[0], after[1], "", "", None), bodies)[1:]
                used.update(x.start for x in titles)
                person = after
            else:
                q = t.start
                while q > 0 and text[q - 1] == " ":
                    q -= 1
                if q > 0 and text[q - 1] in self.seps:
                    before = self._name_before(text, q - 1)
                elif self.lang == "th" and q < t.start:
                    # Thai sets a title after a name with a space: "นายเหงียน วัน อาน ประธาน..."
                    before = self._name_before(text, q)
                    if before is not None and not self._th_hon_re.search(text[max(0, before[0] - 8):before[0]]) \
                            and not self._vietnamese_name(text[before[0]:before[1]]):
                        before = None
                else:
                    before = None
                if before is None:
                    pending[t.end] = t
                    continue
                titles = self._chain(text, t, bodies)
                used.update(x.start for x in titles)
                person = before
            s, e, name = person
            out.append({"start": s, "end": e, "name": name, "titles": [x.en for x in titles],
                        "native_titles": [x.native for x in titles],
                        "organization": next((x.org for x in titles if x.org), None)})
        if self.lang == "th":
            self._latin_for_thai(out)
        return out

    @staticmethod
    def _stacked_before(text: str, t: Title, pending: dict[int, Title], used: set[int]) -> list[Title]:
        """Titles stacked before the one that precedes a name: "Ủy viên Trung ương Đảng, Bí thư
        Tỉnh ủy Nguyễn Văn A" -> both are his."""
        titles = [t]
        k = t.start
        while True:
            j = k
            while j > 0 and text[j - 1] == " ":
                j -= 1
            if j == 0 or text[j - 1] != ",":
                break
            j -= 1
            while j > 0 and text[j - 1] == " ":
                j -= 1
            prev = pending.get(j)
            if prev is None or prev.start in used:
                break
            titles.insert(0, prev)
            k = prev.start
        return titles

    def _latin_for_thai(self, people: list[dict[str, Any]]) -> None:
        """A Thai-script name the gazetteer does not know takes the Latin form of the same person
        on the page: same surname (by the surnames gazetteer), same number of syllables."""
        latin = [p["name"] for p in people if p["name"][:1].isascii()]
        if not latin:
            return
        th_to_ascii = self._th_surname_ascii()
        by_shape: dict[tuple[str, int], set[str]] = {}  # (folded surname, syllables) -> Latin names
        for n in latin:
            by_shape.setdefault((fold(n.split()[0]), len(n.split())), set()).add(n)
        for p in people:
            parts = p["name"].split()
            if not parts or p["name"][:1].isascii():
                continue
            sur = th_to_ascii.get(parts[0])
            cands = by_shape.get((sur, len(parts)), set()) if sur else set()
            if len(cands) == 1:
                p["name"] = next(iter(cands))

    @staticmethod
    @lru_cache(maxsize=None)
    def _th_surname_ascii() -> dict[str, str]:
        data = optional_json("surnames.json") or {}
        out: dict[str, str] = {}
        for x in data.get("surnames", []) if isinstance(data, dict) else []:
            if isinstance(x, dict) and x.get("ascii"):
                for f in _forms(x.get("th")):
                    out.setdefault(f, fold(x["ascii"]))
        return out

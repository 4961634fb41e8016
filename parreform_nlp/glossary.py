"""English labels for Vietnamese and Thai metric noun phrases, from the PAR glossary.

No translation model is needed: ``resources/<lang>/glossary.json`` maps a few hundred PAR
terms to English with a grammatical role, and a few word-order rules do the rest.

* Segmentation is longest match: Vietnamese over syllables ("dịch vụ công trực tuyến toàn
  trình" is one term), Thai over characters (Thai writes no spaces between words).
* Both languages put the head first and its modifiers after it. English puts adjectives
  before the noun, so a *modifier* moves in front of the noun it follows ("hồ sơ trực
  tuyến" -> "online records"; "dịch vụ công trực tuyến" -> "online public services": the
  modifier nearest the head stays nearest). A noun after a head or a noun is its complement
  ("tỷ lệ hồ sơ" -> "rate of records"); *post* words (participles, adverbials: "được giải
  quyết đúng hạn" -> "resolved on time") and prepositions keep their place.
* Words the glossary does not know are dropped, never copied: a label is English or it is
  ``None``. A phrase that is mostly unknown gives ``None`` rather than a misleading label.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .resources import has_resource, load_json

_ROLES = ("heads", "nouns", "modifiers", "post", "prepositions", "conjunctions")
_KIND = {"heads": "head", "nouns": "noun", "modifiers": "mod", "post": "post",
         "prepositions": "prep", "conjunctions": "conj"}
_ENDS_IN_PREP = re.compile(r"\s(?:to|in|on|for|of|with)$")
_PAREN = re.compile(r"\([^()]{1,20}\)")
_VI_TOKEN = re.compile(r"[^\W_]+(?:[-/.][^\W_]+)*|,")


@dataclass(frozen=True)
class Segment:
    """One glossary term (or an unknown stretch) of a phrase, with its character span."""

    kind: str  # head | noun | mod | post | prep | conj | skip | unknown | sep
    en: str
    start: int
    end: int


@dataclass
class _Table:
    terms: dict[str, dict[str, str]]  # key -> {kind: english}
    max_len: int  # longest key, in syllables (vi) or characters (th)
    lengths: tuple[int, ...]  # key lengths present, longest first (th)
    generic: frozenset[str]
    anaphors: tuple[str, ...]
    stop: tuple[str, ...]


def _vi_key(s: str) -> str:
    return " ".join(m.group(0) for m in _VI_TOKEN.finditer(s.lower()))


@lru_cache(maxsize=None)
def _table(lang: str) -> _Table | None:
    if lang not in ("vi", "th") or not has_resource("glossary.json", lang):
        return None
    data = load_json("glossary.json", lang)
    terms: dict[str, dict[str, str]] = {}

    def key(s: str) -> str:
        return _vi_key(s) if lang == "vi" else " ".join(s.lower().split())

    for role in _ROLES:
        for native, en in data.get(role, {}).items():
            terms.setdefault(key(native), {})[_KIND[role]] = en
    for native in data.get("skip", []):
        terms.setdefault(key(native), {}).setdefault("skip", "")
    if lang == "vi":
        max_len = max(len(k.split()) for k in terms)
        lengths: tuple[int, ...] = ()
    else:
        lengths = tuple(sorted({len(k) for k in terms}, reverse=True))
        max_len = lengths[0]
    return _Table(terms, max_len, lengths, frozenset(data.get("generic", [])),
                  tuple(data.get("anaphors", [])), tuple(data.get("stop", [])))


def stop_words(lang: str) -> tuple[str, ...]:
    """Words that end a metric phrase read after a number (a new clause, a time adjunct)."""
    t = _table(lang)
    return t.stop if t else ()


def change_verbs(lang: str) -> dict[str, str]:
    """Verbs that make "V N% X" a change of X ("cắt giảm 20% chi phí": reduction in costs)."""
    return load_json("glossary.json", lang).get("change_verbs", {}) if _table(lang) else {}


def index_nouns(lang: str) -> tuple[str, ...]:
    """Nouns naming an index ("chỉ số", "ดัชนี"): with a demonstrative they refer back."""
    return tuple(load_json("glossary.json", lang).get("index_nouns", [])) if _table(lang) else ()


def topic_markers(lang: str) -> tuple[str, ...]:
    """Words opening a fronted topic ("Ở nội dung X, tỉnh đạt ..."): it names the measure."""
    return tuple(load_json("glossary.json", lang).get("topic_markers", [])) if _table(lang) else ()


def anaphors(lang: str) -> tuple[str, ...]:
    """Demonstratives that make a head refer back ("chỉ số này", "ดัชนีนี้": this index)."""
    t = _table(lang)
    return t.anaphors if t else ()


_ORDER = {
    # A word with several roles ("công": public / "công" in a compound) reads as a modifier
    # or a verb right after a noun, as the head's complement right after a head
    # ("tỷ lệ thanh toán trực tuyến": rate of online payment), and as a noun or head where a
    # new noun phrase starts.
    "noun": ("mod", "post", "noun", "head", "prep", "conj", "skip"),
    "head": ("noun", "head", "mod", "post", "prep", "conj", "skip"),
    "": ("head", "noun", "prep", "conj", "post", "mod", "skip"),
}


def _pick(roles: dict[str, str], prev: str) -> tuple[str, str]:
    order = _ORDER["noun" if prev in ("noun", "mod", "post") else "head" if prev == "head" else ""]
    for kind in order:
        if kind in roles:
            return kind, roles[kind]
    return "skip", ""


_NUMBER_TOKEN = re.compile(r"\d[\d.,/]*")


def segment(phrase: str, lang: str, fixed: list[tuple[int, int, str]] | None = None) -> list[Segment]:
    """The glossary terms of ``phrase`` in order, longest match first.

    ``fixed`` spans (start, end, english) are taken as nouns whole: the index lexicon's
    names ("Chỉ số CCHC" -> "PAR Index") win over the glossary's words.
    """
    t = _table(lang)
    if t is None:
        return []
    fixed = sorted(fixed or [])
    out: list[Segment] = []
    fi = 0
    if lang == "vi":
        # a short parenthetical restates the name before it ("(GRDP)", "(TTHC)"): not read
        inner = [m.span() for m in _PAREN.finditer(phrase)]
        toks = [(m.start(), m.end(), m.group(0).lower()) for m in _VI_TOKEN.finditer(phrase)]
        if inner:
            toks = [tk for tk in toks if not any(a < tk[0] < b for a, b in inner)]
        i = 0
        while i < len(toks):
            while fi < len(fixed) and fixed[fi][1] <= toks[i][0]:
                fi += 1
            if fi < len(fixed) and fixed[fi][0] <= toks[i][0] < fixed[fi][1]:
                s, e, en = fixed[fi]
                out.append(Segment("noun", en, s, e))
                while i < len(toks) and toks[i][0] < e:
                    i += 1
                continue
            if _NUMBER_TOKEN.fullmatch(toks[i][2]):
                out.append(Segment("skip", "", toks[i][0], toks[i][1]))  # a year or a count
                i += 1
                continue
            prev = out[-1].kind if out else ""
            for n in range(min(t.max_len, len(toks) - i), 0, -1):
                roles = t.terms.get(" ".join(tok for _, _, tok in toks[i:i + n]))
                if roles:
                    kind, en = _pick(roles, prev)
                    out.append(Segment(kind, en, toks[i][0], toks[i + n - 1][1]))
                    i += n
                    break
            else:
                out.append(Segment("unknown", "", toks[i][0], toks[i][1]))
                i += 1
        return out
    low = phrase.lower()
    i = 0
    unknown_from = None
    while i < len(low):
        while fi < len(fixed) and fixed[fi][1] <= i:
            fi += 1
        hit = None
        if fi < len(fixed) and fixed[fi][0] <= i:
            hit = ("noun", fixed[fi][2], fixed[fi][1])
        elif low[i].isspace():
            hit = ("sep", "", i + 1)
        elif low[i].isdigit():
            j = i
            while j < len(low) and (low[j].isdigit() or low[j] in ".,/"):
                j += 1
            hit = ("skip", "", j)
        else:
            prev = out[-1].kind if out else ""
            for n in t.lengths:
                if n <= len(low) - i:
                    roles = t.terms.get(low[i:i + n])
                    if roles:
                        kind, en = _pick(roles, prev)
                        hit = (kind, en, i + n)
                        break
        if hit is None:
            if unknown_from is None:
                unknown_from = i
            i += 1
            continue
        if unknown_from is not None:
            out.append(Segment("unknown", "", unknown_from, i))
            unknown_from = None
        out.append(Segment(hit[0], hit[1], i, hit[2]))
        i = hit[2]
    if unknown_from is not None:
        out.append(Segment("unknown", "", unknown_from, len(low)))
    return out


def render(phrase: str, lang: str, fixed: list[tuple[int, int, str]] | None = None) -> str | None:
    """The English label of a native metric noun phrase, or ``None`` when the glossary
    cannot say what it is ("tỷ lệ hồ sơ trực tuyến được giải quyết đúng hạn" ->
    "rate of online records resolved on time")."""
    return render_segments(segment(phrase, lang, fixed), lang)


def render_segments(segs: list[Segment], lang: str) -> str | None:
    """English words of ``segs`` with the head-first -> modifier-first reordering."""
    words: list[str] = []
    noun_at: int | None = None  # where the current noun (with its moved modifiers) begins
    prev = ""
    known = unknown = 0
    content = False
    for sg in segs:
        if sg.kind == "unknown":
            unknown += max(1, (sg.end - sg.start) // 4) if lang == "th" else 1
            continue
        if sg.kind == "sep":
            if prev in ("noun", "head") and lang == "th":
                prev = "sep"  # Thai writes a list with spaces: "กระทรวง หน่วยงาน" = ministries, agencies
            continue
        if sg.kind == "skip" or not sg.en:
            continue
        known += 1
        if sg.kind in ("noun", "head"):
            content = True
            if prev == "sep":
                words.append(",")
            elif prev in ("noun", "head", "mod") and not _ENDS_IN_PREP.search(words[-1] if words else ""):
                words.append("of")  # "tỷ lệ hồ sơ": rate of records ("access to" brings its own)
            noun_at = len(words)
            words.append(sg.en)
        elif sg.kind == "mod":
            if noun_at is not None and prev in ("noun", "head", "mod", "sep"):
                if sg.en not in words[noun_at:]:
                    words.insert(noun_at, sg.en)  # "hồ sơ trực tuyến": online records
            else:
                words.append(sg.en)
        else:  # post, prep, conj keep their place
            if sg.kind == "prep" and prev == "prep":
                continue
            words.append(sg.en)
            noun_at = None
        prev = sg.kind if sg.kind != "mod" else (prev if prev in ("noun", "head") else "mod")
    while words and words[-1] in {",", "of", "and", "or", "at", "in", "on", "for", "with", "to", "by",
                                  "from", "via", "under", "between", "compared with", "per"}:
        words.pop()
    while words and words[0] in {",", "of", "and", "or"}:
        words.pop(0)
    if not content or not words or unknown > known:
        return None
    label = " ".join(words).replace(" ,", ",")
    label = re.sub(r"\b([\w-]+)(?: and)? \1\b", r"\1", label)  # "records records", "localities and localities"
    return label or None


def is_generic(label: str | None, lang: str) -> bool:
    """Whether ``label`` names no measure of its own ("average value", "results"): it then
    takes its measure from the clause or index before it."""
    t = _table(lang)
    if not label or t is None:
        return False
    toks = [w for w in re.findall(r"[\w-]+", label.lower()) if w not in ("of", "the", "a")]
    return bool(toks) and all(w in t.generic for w in toks)


def generic_modifiers(label: str | None, lang: str) -> list[str]:
    """The qualifying words of a generic label ("average", "highest", "total") that carry
    over to the measure it stands for ("giá trị trung bình" of the PAR Index -> "average PAR Index")."""
    if not label:
        return []
    return [w for w in label.lower().split() if w in ("average", "highest", "lowest", "total", "overall")]

"""What a number measures, for whom and when: ``metric``, ``subject``, ``period``, ``comparison``.

No parser is available on ``spacy.blank``, so the grammar is read with patterns over the
sentence text around each number:

* ``metric``: the subject noun phrase of "reached / was / stood at / scored / accounted for /
  achieved" ("The rate of online records of ministries and branches reached 30.4%"), else
  "N% of X" ("share of X"), else "reaching a rate of N%" (the rate of the clause before),
  else a named index of the lexicon, else the metric of the previous number in the same
  sentence (ellipsis: "; localities reached 37.4%").
* ``subject``: the "of/at/in <ministries and branches | localities | a place>" attachment of
  that noun phrase, a subject-only phrase, an anaphor resolved to the last place named
  ("the locality"), a place in the sentence, else "nationwide" when the sentence speaks of
  the country.
* ``period``: a year in the clause or sentence (not a base year: "higher than 2022"), else
  "In 2023, ..." governing the rest of its paragraph, else the edition year of a named index.

What generalises beyond one page's wording (word lists in ``resources/<lang>/indicator_words.json``):

* the metric noun phrase starts after a reporting clause ("Minister X said (that) ...") and
  after a leading time adjunct ("in 2023 the province's SIPAS");
* a bare head ("the average of provinces", "the figure for Cao Bang", "the lowest") and
  "that of X" take the measure of the clause before; "..., of which N% were settled on time"
  and "Of these, N% ..." are shares of the counted noun; a bare "N points" is the index the
  page is about;
* a dateline's place ("Hanoi (VNA) - ") is never a subject; a place does not carry into a new
  paragraph unless the page is about it; "the province" skips the country.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, field
from functools import lru_cache

from ..numbers import plausible_year
from ..patterns import alt
from ..resources import has_resource, load_json
from .indicators_find import words

_ABBREV = r"(?<!\bNo)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bTP)(?<!\bvs)(?<!\b[A-Z])"
_SENT_END = re.compile(_ABBREV + r"[.!?…]+[\"'”’)]*\s+(?=[\"'“(\[]?[A-ZÀ-ỸĐ0-9\-•–])")


@dataclass
class Sentence:
    start: int
    end: int
    para: int


@dataclass
class Context:
    """Per-document facts the metric/subject/period rules share."""

    text: str
    lang: str
    sentences: list[Sentence]
    places: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, surface)
    bodies: list[tuple[int, int, str]] = field(default_factory=list)  # body mentions, same form
    years: list[tuple[int, int, int]] = field(default_factory=list)  # (start, end, year)
    index_years: dict[str, int] = field(default_factory=dict)  # lexicon id -> edition year
    acronyms: dict[str, str] = field(default_factory=dict)
    cache: dict = field(default_factory=dict)

    # Sorted lookups keep long pages linear (bisect instead of scanning every mention).
    def _starts(self, key: str, items: list) -> list[int]:
        # Built once per document: a setdefault() default would be rebuilt on every call.
        starts = self.cache.get(key)
        if starts is None:
            starts = self.cache[key] = [item[0] if isinstance(item, tuple) else item.start for item in items]
        return starts

    def places_in(self, a: int, b: int) -> list[tuple[int, int, str]]:
        starts = self._starts("place_starts", self.places)
        return self.places[bisect_left(starts, a):bisect_left(starts, b)]

    def last_place_before(self, pos: int) -> str | None:
        starts = self._starts("place_starts", self.places)
        i = bisect_left(starts, pos)
        return self.places[i - 1][2] if i else None

    def years_in(self, a: int, b: int) -> list[tuple[int, int, int]]:
        starts = self._starts("year_starts", self.years)
        return self.years[bisect_left(starts, a):bisect_left(starts, b)]

    def next_number_after(self, pos: int) -> int | None:
        """Start of the next indicator number after ``pos`` (the extractor sets the list)."""
        starts = self.cache.get("num_starts", [])
        i = bisect_right(starts, pos)
        return starts[i] if i < len(starts) else None

    def number_end_before(self, pos: int) -> int | None:
        """End of the last indicator number ending at or before ``pos``."""
        ends = self.cache.get("num_ends", [])
        i = bisect_right(ends, pos)
        return ends[i - 1] if i else None

    def number_between(self, a: int, b: int) -> bool:
        starts = self.cache.get("num_starts", [])
        return bisect_left(starts, b) > bisect_right(starts, a)

    def sentence_index(self, pos: int) -> int:
        starts = self._starts("sent_starts", self.sentences)
        return max(0, bisect_right(starts, pos) - 1)


def split_sentences(text: str, lang: str) -> list[Sentence]:
    """Sentences with offsets; every line is a paragraph. Thai lines are kept whole."""
    out: list[Sentence] = []
    pos = 0
    for para, line in enumerate(text.split("\n")):
        if line.strip():
            cuts = [0]
            if lang != "th":
                cuts += [m.end() for m in _SENT_END.finditer(line)]
            cuts.append(len(line))
            for a, b in zip(cuts, cuts[1:]):
                if line[a:b].strip():
                    out.append(Sentence(pos + a, pos + b, para))
        pos += len(line) + 1
    return out


def entry_aliases(entry: dict, lang: str) -> list[str]:
    """The aliases of a lexicon entry that apply on pages in ``lang``."""
    aliases = list(entry["aliases"].get("en", []))
    if lang in ("vi", "th"):
        # Thai pages quote Vietnamese captions and the reverse: all native aliases apply
        aliases += entry["aliases"].get("vi", []) + entry["aliases"].get("th", [])
    return [a for a in aliases if a]


@lru_cache(maxsize=None)
def lexicon(lang: str) -> list[tuple[re.Pattern, dict]]:
    """(pattern, entry) of the indicator lexicon for ``lang`` (plus English aliases)."""
    entries = load_json("indicators.json")["indicators"]
    out = []
    for entry in entries:
        aliases = entry_aliases(entry, lang)
        if not aliases:
            continue
        if lang == "th":
            rx = re.compile(alt(aliases), re.I)
        else:
            rx = re.compile(rf"(?<!\w)(?:{alt(aliases)})(?!\w)", re.I)
        out.append((rx, entry))
    return out


def lexicon_on_page(text: str, lang: str) -> list[tuple[re.Pattern, dict]]:
    """The lexicon entries that can match in ``text`` (see :mod:`.lexicon_page`)."""
    from .lexicon_page import entries_on_page

    return entries_on_page(text, lang, lexicon, entry_aliases)


def lexicon_hits(text: str, lang: str, start: int, end: int) -> list[tuple[int, int, dict]]:
    """Lexicon matches inside ``text[start:end]``, in text order (longest wins on overlap)."""
    hits = []
    for rx, entry in lexicon_on_page(text, lang):
        for m in rx.finditer(text, start, end):
            # upper-case acronyms only match in upper case ("PCI", not "pci")
            if m.group(0).isupper() is False and re.fullmatch(r"[A-Z]{3,6}", entry["label"]) and m.group(0).lower() == entry["label"].lower():
                continue
            hits.append((m.start(), m.end(), entry))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    kept = []
    for h in hits:
        if not kept or h[0] >= kept[-1][1]:
            kept.append(h)
    return kept


@lru_cache(maxsize=None)
def _gazetteer(lang: str) -> tuple[re.Pattern | None, re.Pattern | None]:
    """Regexes of province names (from the shared places gazetteer) for ``lang``."""
    if not has_resource("places.json"):
        return None, None
    data = load_json("places.json")
    forms, ambiguous = set(), set()
    for p in data.get("provinces", []):
        names = [p["name"], *p.get("aliases", [])]
        if lang in ("vi", "en"):
            names.append(p.get("vi") or "")
        if lang == "th":
            names += p.get("th") or []
        target = ambiguous if p.get("ambiguous") else forms
        target.update(n for n in names if n and len(n) > 2)
    if lang == "th":
        return re.compile(alt(forms | ambiguous)), None
    plain = re.compile(rf"(?<!\w)(?:{alt(forms)})(?!\w)")
    amb = re.compile(rf"(?<!\w)(?:{alt(ambiguous)})(?=\s+(?:province|city)\b)") if ambiguous else None
    return plain, amb


def find_places(text: str, lang: str, doc_places: list[dict] | None) -> list[tuple[int, int, str]]:
    """Place mentions: the bodies component's places when it ran, plus the gazetteer."""
    spans: dict[tuple[int, int], str] = {}
    for place in doc_places or []:
        for m in place.get("mentions", []) or []:
            if m.get("source", "original") == "original":
                spans[(m["start"], m["end"])] = m.get("text") or text[m["start"]:m["end"]]
    covered = _Coverage(spans)
    plain, amb = _gazetteer(lang)
    for rx in (plain, amb):
        if rx is None:
            continue
        for m in rx.finditer(text):
            if not covered(m.start()):
                spans[(m.start(), m.end())] = m.group(0)
                covered.add(m.start(), m.end())
    if lang != "th":
        for m in re.finditer(r"\b((?:[A-Z][a-z]+\s){0,2}[A-Z][a-z]+)\s+(?:province|city)\b", text):
            if not covered(m.start(1)) and m.group(1) not in ("The", "This", "Each"):
                spans[m.span(1)] = m.group(1)
                covered.add(*m.span(1))
    return sorted((a, b, t) for (a, b), t in spans.items())


_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-ZÀ-ỸĐ][\w'’.]*(?:[ \t]+[A-ZÀ-ỸĐ][\w'’.]*){0,3})[ \t]*"
    r"(?P<tail>(?:,[ \t]*(?=[^\n]{0,14}\d)[^\n\-–—(]{3,25}?[ \t]*)?(?:\([^)\n]{1,30}\)[ \t]*)?)"
    r"[-–—:][ \t]+(?=\S[^\n]{30})", re.M)


def dateline_places(text: str) -> list[tuple[int, int]]:
    """Spans of the place of a dateline ("Hanoi (VNA) - ...", "Quang Tri, 14/03/2024 - ...",
    "HANOI - ..."): where the story was filed, not an actor of its numbers."""
    out = []
    for m in _DATELINE.finditer(text[:20000]):  # datelines open a page
        place = m.group("place")
        if m.group("tail").strip() or (place.isupper() and len(place) > 3):
            out.append(m.span("place"))
    return out


class _Coverage:
    """Whether a position falls inside one of a growing set of spans, in O(log n)."""

    def __init__(self, spans) -> None:
        self.spans = sorted(spans)

    def add(self, start: int, end: int) -> None:
        insort(self.spans, (start, end))

    def __call__(self, pos: int) -> bool:
        # Place mentions may nest (a province inside "X province"), never deeper than a few levels:
        # the last few spans starting before pos are enough.
        i = bisect_right(self.spans, (pos, float("inf")))
        return any(end > pos for _, end in self.spans[max(0, i - 8):i])


def find_acronyms(text: str) -> dict[str, str]:
    """Acronyms the page defines: "public e-service portals (PESPs)" -> {"PESPs": ...}."""
    out: dict[str, str] = {}
    for m in re.finditer(r"\(([A-Z]{2,8})(s?)\)", text):
        acro = m.group(1)
        before = re.findall(r"[\w\-']+", text[max(0, m.start() - 120):m.start()])
        letters = acro.lower()
        # walk back over words until their initials (hyphen parts too) spell the acronym
        for n in range(1, min(len(letters) + 4, len(before)) + 1):
            cand = before[-n:]
            initials = "".join(p[0].lower() for w in cand for p in w.split("-") if p and p.lower() not in ("of", "and", "the", "for", "in", "on"))
            if initials == letters:
                out[acro + m.group(2)] = " ".join(cand)
                out[acro] = " ".join(cand)
                break
    return out


def year_mentions(dates: list[dict] | None, lang: str) -> list[tuple[int, int, int]]:
    """(start, end, year) of every date the dates component found (years of full dates too)."""
    out = []
    for d in dates or []:
        if d.get("source", "original") != "original":
            continue
        y = int(str(d["value"])[:4])
        out.append((d["start"], d["end"], y))
    return out


def index_years(ctx: Context) -> dict[str, int]:
    """Edition years of named indices: "the 2022 PCI", "(PAR Index) in 2022"."""
    out: dict[str, int] = {}
    text = ctx.text
    base = [b for b in words(ctx.lang)["base_year_before"] if b.lower() not in ("of", "over")]  # "the PCI of 2022" is an edition
    # Thai writes no spaces between words: a cue may follow any letter ("เมื่อเทียบกับปี")
    edge = "" if ctx.lang == "th" else r"(?:\b|(?<=\s))"
    base_rx = re.compile(rf"{edge}(?:{alt(base)})\s*(?:(?:the\s+)?(?:year|năm|ปี)\s*)?(?:พ\.ศ\.\s*)?$", re.I)
    cues = words(ctx.lang).get("base_year_cues") or []
    cue_rx = re.compile(rf"{edge}(?:{alt(cues)})", re.I) if cues else None
    for s, e, entry in lexicon_hits(text, ctx.lang, 0, len(text)):
        if entry.get("kind") != "index":
            continue
        for ys, ye, y in ctx.years_in(s - 70, e + 130):
            if base_rx.search(text, max(0, ys - 30), ys):
                continue  # "(SIPAS) ... đạt 86,25%, tăng 2,1% so với năm 2022": a base year
            if cue_rx is not None and ys > e and cue_rx.search(text, e, ys):
                continue  # "the PAR Index reached 85%, compared with its result in 2022"
            gap_before = text[ye:s]
            gap_after = text[e:ys]
            if (0 <= s - ye <= 60 and "\n" not in gap_before
                    and re.fullmatch(r"\s*(?:[A-Z][\w\-]*\s*){0,8}(?:\(\w+\)\s*)?", gap_before)) or \
               (0 <= ys - e <= 120 and re.fullmatch(r"[^.;\n]*?\b(?:in|for|of|năm|ปี)\s*|\s*(?:\(\w+\)\s*)?", gap_after)):
                out.setdefault(entry["id"], y)
    return out


# -- comparison -------------------------------------------------------------------------

def is_comparison(text: str, start: int, end: int, unit: str, clause_start: int, lang: str) -> bool:
    """Changes and multiples: "up 2.7%", "a 36 percent increase", "1.4 times", "cut at least 20%"."""
    if unit == "times":
        return True
    w = words(lang)
    before = text[max(clause_start, start - 40):start].lower()
    after = text[end:end + 40].lower()
    if lang == "th":
        return any(before.rstrip().endswith(c) for c in w["comparison_before"]) or any(after.lstrip().startswith(c) for c in w["comparison_after"])
    if re.search(rf"\b(?:{alt(w['comparison_before'])})\s*$", before):
        return True
    if re.match(rf"\s*(?:{alt(w['comparison_after'])})\b", after):
        return True
    clause = text[clause_start:start].lower()
    if w.get("comparison_clause_verbs") and re.search(rf"\b(?:{alt(w['comparison_clause_verbs'])})\b", clause) \
            and not re.search(r"\b(?:to|at)\s*$", before):
        return True
    return False


# -- metric / subject ---------------------------------------------------------------------

@lru_cache(maxsize=64)
def _subject_rx(lang: str, place_forms: tuple[str, ...]) -> re.Pattern:
    w = words(lang)
    noun = alt(w["subject_nouns"] + list(place_forms))
    level = alt(w["subject_levels"])
    unit = rf"(?:(?:the|all|other|relevant|\d+)\s+)?(?:(?:{level})|(?:[\w\-]+\s)?(?:{noun}))(?:\s+(?:province|city))?"
    return re.compile(rf"(?:{unit})(?:\s*(?:,|and|&)\s*(?:{unit}))*", re.I)


def _clean(s: str, lang: str) -> str:
    w = words(lang)
    s = s.strip(" ,;:-–\"'“”")
    lead = re.compile(rf"^(?:(?:{alt(w['np_lead_strip'])})\b\s*,?\s*)+", re.I)
    trail = re.compile(rf"(?:\s+(?:{alt(w['np_trail_strip'])}))+$", re.I)
    for _ in range(2):
        s = lead.sub("", s).strip(" ,")
        s = trail.sub("", s).strip(" ,")
    s = re.sub(r"^(?:the|a|an|its|their)\s+", "", s, flags=re.I)
    # a year inside the phrase is the period, not part of what is measured
    s = re.sub(r"\s+(?:in|of|for|during|by|until|till|before|to)\s+(?:the\s+(?:end\s+of\s+(?:the\s+)?)?year\s+)?\d{4}\b|\s+\d{4}$|^\d{4}\s+", "", s)
    return s.strip(" ,;:")


@lru_cache(maxsize=None)
def _np_cut_rx(lang: str) -> tuple[re.Pattern | None, re.Pattern | None]:
    """(reporting-clause cut, leading time adjunct) regexes of ``lang`` (None without words)."""
    w = words(lang)
    verbs, conj = w.get("np_cut_after_verbs"), w.get("np_cut_after_conj")
    cut = None
    if verbs or conj:
        parts = []
        if verbs:
            # "Minister X said (in her report) that the rate ...", "UNDP's Y said the PAPI score ..."
            # (words case-insensitive; the capital of a following name is not)
            parts.append(rf"\b(?i:{alt(verbs)})\b(?:(?:\s+[\w\-']+){{0,8}}?\s+(?i:that)\b"
                         rf"|(?=\s+(?:(?i:that|the|a|an|its|their|this|these|those)\b|[A-Z])))")
        if conj:
            parts.append(rf"\b(?i:{alt(conj)})\b")
        cut = re.compile("|".join(parts))
    preps = w.get("np_lead_time_preps")
    lead = None
    if preps:
        months = "|".join(load_json("dates.json", "en")["months"])
        tw = alt(w.get("np_time_words") or ["year"])
        lead = re.compile(
            rf"^(?:(?:{alt(preps)})\s+(?:(?:{tw})\s+|of\s+|(?:{months})\.?\s+|\d{{1,2}}(?:st|nd|rd|th)?\s+)*"
            rf"(?:\d{{4}}|{months}|years?|quarters?|half|months?|period|term|weeks?)\b(?:\s*(?:,|-|–)\s*|\s+)"
            rf"|^(?:this|last|that)\s+year\b\s*,?\s*)+", re.I)
    return cut, lead


def _report_cut(left: str, lang: str) -> int:
    """Offset in ``left`` just after its last reporting verb or clause conjunction (0 if none)."""
    cut, _ = _np_cut_rx(lang)
    last = 0
    if cut is not None:
        for m in cut.finditer(left):
            if m.end() < len(left.rstrip()):
                last = m.end()
    return last


def cut_np(np: str, lang: str) -> str:
    """The metric noun phrase without the reporting clause or time adjunct before it:
    "Minister X said the average PAR Index" -> "the average PAR Index"; "in 2023 the
    province's SIPAS" -> "the province's SIPAS"."""
    cut, lead = _np_cut_rx(lang)
    if cut is not None:
        last = None
        for m in cut.finditer(np):
            if m.end() < len(np.rstrip()):
                last = m
        if last is not None:
            np = np[last.end():]
    if lead is not None:
        np2 = lead.sub("", np.strip(" ,"))
        if np2.strip():
            np = np2
    return np


def split_np(np: str, ctx: Context, lang: str) -> tuple[str | None, str | None, bool]:
    """(metric, subject, anaphor) of a noun phrase before a cue verb."""
    w = words(lang)
    np = _clean(cut_np(np, lang), lang)
    if not np:
        return None, None, False
    low = np.lower()
    for a in w["subject_anaphors"]:
        if low == a or low == a.replace("the ", ""):
            return None, np, True
    forms = ctx.cache.get("forms")
    if forms is None:
        forms = ctx.cache["forms"] = tuple(sorted({p[2] for p in ctx.places}))
    body_forms = ctx.cache.get("body_forms")
    if body_forms is None:
        body_forms = ctx.cache["body_forms"] = {b[2].lower() for b in ctx.bodies}
    if low in body_forms or re.sub(r"^the\s+", "", low) in body_forms:
        return None, np, False  # "The Hanoi People's Committee achieved 95.5% ...": who, not what
    srx = _subject_rx(lang, forms)
    full = re.fullmatch(rf"(?:(?:at|in|for|of|among)\s+)?(?:the\s+)?({srx.pattern})", np, re.I)
    if full:
        return None, full.group(1), False
    # "<metric> of/at/in <subject>" at the end of the noun phrase
    for m in re.finditer(rf"\s(?:of|at|in|for|among)\s+(?:the\s+)?({srx.pattern})$", np, re.I):
        metric = np[:m.start()].strip()
        if metric:
            anaphor = re.search(r"\b(?:the|this)\s+$", np[m.start():m.start(1)], re.I) is not None and \
                ("the " + m.group(1).lower()) in w["subject_anaphors"]
            # "the PAPI score of the province": the province the page is about
            return metric, ("the " + m.group(1) if anaphor else m.group(1)), anaphor
    # "<subject>'s <metric>" ("the province's DTI score", "Ha Tinh's rate of ...")
    poss = re.match(r"(.+?)['’]s\s+(.+)", np)
    if poss:
        owner = poss.group(1)
        if owner.lower() in w["subject_anaphors"] or owner.lower() in [a.replace("the ", "") for a in w["subject_anaphors"]]:
            return poss.group(2), owner, True
        if owner in forms or srx.fullmatch(owner):
            return poss.group(2), owner, False
    # "<place> <metric>" or a bare place
    for form in forms:
        if np.startswith(form) and not re.match(r"\s+[A-Z]", np[len(form):]):  # not "Vietnam Provincial ... Index"
            rest = np[len(form):].lstrip("'’s ").strip()
            return (rest or None), _national(form, lang), False
    return np, None, False


def _expand(metric: str | None, ctx: Context) -> str | None:
    if not metric:
        return metric
    labels = {entry["label"] for _, entry in lexicon(ctx.lang)}
    for acro, full in ctx.acronyms.items():
        if acro.rstrip("s") in labels:
            continue
        if acro in metric and full.lower() not in metric.lower():
            metric = re.sub(rf"\b{re.escape(acro)}\b", full, metric)
    return metric


def _trim_tail(s: str) -> str:
    """The object of "N% of X": up to the clause end, a relative clause or the next number."""
    s = re.split(r"\s*(?:,|;|\band\b|\bor\b)\s+(?:\w+\s+){0,2}?(?:(?:at least|over|more than|nearly|about|up to)\s+)?\d[\d.,]*\s?(?:%|percent|per cent)", s)[0]
    s = re.split(r"[;.:?!\n]|,\s*(?:which|when|while|thereby|so that|ensuring|in order|helping|contributing|according"
                 r"|twice|\w+fold|up|down|an?\s+(?:increase|decrease|rise|drop)|compared|higher|lower|equivalent|equal)\b"
                 r"|\s+and\s+(?=(?:also\s+)?(?!need|seed|feed|speed|red|bed)\w{2,}ed\s)"
                 r"|,\s*(?:\w+\s+){0,2}(?:shows?|showed|said|says|reported|finds|found)\b|\(\s*(?:Plan|Decision|Resolution)", s)[0]
    toks = s.split()
    return " ".join(toks[:30]).strip(" ,")


@dataclass
class Reading:
    metric: str | None = None
    metric_id: str | None = None
    subject: str | None = None
    period: str | None = None
    comparison: bool = False


def read_english(ctx: Context, sent: Sentence, start: int, end: int, num_end_prev: int | None,
                 prev: Reading | None, unit: str) -> Reading:
    """Metric / subject of one number in an English (or Latin-script) sentence."""
    text, lang = ctx.text, ctx.lang
    w = words(lang)
    left_start = max(sent.start, num_end_prev or sent.start)
    left = text[left_start:start]
    right = text[end:sent.end]
    # clause start: after ";", ", and", ", while", "while", ":" or the previous number
    cuts = [m.end() for m in re.finditer(r";|:|,\s*(?:and|while|whereas|but|of which|in which)\b|\bwhile\b|\bwhereas\b|,|\s[-–—]\s", left)]
    clause_off = cuts[-1] if cuts else 0
    # a reporting clause ("Ambassador of Australia X said that ...") names who speaks, not for whom
    clause_off = max(clause_off, _report_cut(left, lang))
    r = Reading()
    cue = re.search(rf"(?:^|\s)(?P<cue>{alt(w['cue_verbs'])})\s*(?:(?:only|merely|just|a|an|the)\s+)*"
                    rf"(?:(?P<rate>(?:a|the)?\s*(?:{alt(w['rate_nouns'])})\s+of)\s*)?$", left, re.I)
    metric = subject = None
    anaphor = False
    if cue:
        np_start = max((c for c in cuts if c <= cue.start()), default=0)
        np = left[np_start:cue.start()]
        metric, subject, anaphor = split_np(np, ctx, lang)
        if metric and cue.group("cue").lower() in ("at", "to") and not re.search(rf"\b(?:{alt(w['rate_nouns'])})\b", metric, re.I):
            metric = subject = None  # "at 10 a.m.", "to 2025": a bare preposition needs a rate noun
            anaphor = False
        if metric:
            # a verb phrase before the rate: keep from the rate noun on ("... recorded a lower rate of X")
            m = re.search(rf"\b(?:{alt(w['rate_nouns'])})\s+of\b", metric, re.I)
            if m and m.start() > 0 and re.search(r"\b(?:recorded|had|has|have|with|saw|showed|posted)\b", metric[:m.start()], re.I):
                metric = metric[m.start():]
                metric = re.sub(r"^(?:(?:a|an|the|even|lower|higher)\s+)+", "", metric)
    changed = False
    if not metric and (w.get("raise_verbs") or w.get("reduce_verbs")):
        metric = _object_of_change(left[clause_off:], lang)
        changed = bool(metric) and re.search(r"\bby\s*$", left) is not None  # "raise X by 15%": a change
    if metric and _is_bare_head(metric, lang) and not lexicon_hits(metric, lang, 0, len(metric)):
        # "..., while the average of provinces stood at 86.21%", "the figure for Cao Bang was ...":
        # a bare head names no measure of its own; the clause before does
        carry = prev if prev is not None and prev.metric else _last_in_paragraph(ctx, sent)
        if carry is not None and carry.metric:
            metric, r.metric_id = carry.metric, carry.metric_id
    if not metric:
        metric = _share_of_which(text, left, right, lang, ctx, sent)
    if not metric:
        # "received 4,620 petitions from citizens, up 12 per cent from 2022": the count changed
        cm = re.search(r"(?<![\w.,])\d[\d.,]*\s+(?P<noun>(?:[^\W\d][\w\-']*\s+){0,2}?[^\W\d][\w\-']*?)"
                       r"(?:\s+(?:from|of|in|at|by|on|for|to)\s+[^,;\d]{1,40})?,\s*"
                       rf"(?:{alt(w['comparison_before'])})\s*$", left, re.I)
        last_noun = cm.group("noun").split()[-1].lower() if cm else ""
        if cm and not re.search(r"\b(?:percent|per cent|points?|times)\b", cm.group("noun"), re.I) \
                and last_noun not in {n.lower() for n in w["subject_nouns"]} \
                and not re.search(r"\b(?:among|of|out of|in|top)\s*$", left[:cm.start()], re.I):
            metric = "number of " + cm.group("noun")
    if not metric:
        nxt = ctx.next_number_after(end)
        if nxt is not None and nxt < sent.end:
            # stop before the clause of the next number ("..., and the rate of X was 65%")
            right = text[end:nxt]
            seps = list(re.finditer(r",\s*(?:and|while|but|whereas)?\s*|;\s*|\s+and\s+", right))
            if seps:
                right = right[:seps[-1].start()]
        of = re.match(r"\s*of\s+(.*)", right, re.S)
        if of:
            obj = _trim_tail(of.group(1))
            if obj:
                head = "share"
                lead = re.search(r"\b(issuance|completion|digiti[sz]ation|provision)\s+of\s*$", left, re.I)
                if lead:
                    head = lead.group(1).lower()
                obj = re.sub(r"^((?:[\w\-']+\s+){1,8}?)(?:were|was|are|is|have\s+been|has\s+been|had\s+been|will\s+be)\s+(?=\w+(?:ed|en|wn)\b)",
                             r"\1", obj, count=1)  # "97.5% of dossiers were processed on time"
                metric = f"{head} of {_clean(obj, lang)}"
    if not metric and subject and cue:
        tail = re.match(r"\s*(?:in|for)\s+(.*)", right, re.S)
        if tail and not re.match(r"\s*(?:in|for)\s+(?:the\s+)?(?:year\s+)?\d{4}\b", right):
            metric = _clean(_trim_tail(tail.group(1)), lang) or None  # "achieved 95.5% in online payments"
    if not metric:
        # headline style: "Ha Tinh achieves 98% on-time settlement rate"
        word = r"(?!(?:at|in|of|for|to|the|a|an|and|by|with|from|on|than|compared|over)\s)[\w\-]+\s+"
        head = re.match(rf"\s+((?:{word}){{0,5}}?(?:rate|ratio|score|index|share))\b", right, re.I)
        if head:
            metric = head.group(1)
    # a named index of the lexicon in the clause, else in the sentence
    hits = lexicon_hits(text, lang, left_start + clause_off, start) or lexicon_hits(text, lang, sent.start, sent.end)
    named = [h for h in hits if h[2].get("kind") == "index"]
    if not metric and named:
        metric, r.metric_id = named[-1][2]["label"], named[-1][2]["id"]
    elif metric and named and named[-1][2]["label"].lower() not in metric.lower() and "rate" in metric.lower():
        metric = f"{metric} ({named[-1][2]['label']})"
    if not metric and cue and cue.group("rate"):
        # "..., reaching a rate of 29.32%": the rate of what the clause before says
        np_start = max((c for c in cuts if c <= cue.start()), default=0)
        before = left[:np_start].rstrip(" ,")
        pcuts = [mm.end() for mm in re.finditer(r"[;:,]", before)]
        prev_clause = before[pcuts[-1] if pcuts else 0:]
        prev_clause = re.sub(r"\b\d[\d.,]*\b|\b(?:have|has|had|been|be|was|were|is|are|the|a|an|to date|so far)\b", " ", prev_clause)
        prev_clause = " ".join(prev_clause.split())
        if prev_clause and len(prev_clause.split()) <= 12:
            metric = "rate of " + prev_clause
    if not metric:
        # "..., a 36 percent increase": what increased is the subject of the clause before
        if re.match(r"\s*(?:increase|rise|growth|decrease|drop|decline|reduction)\b", right, re.I):
            before = text[sent.start:start]
            mm = re.search(r"([\w\-]+(?:\s+[\w\-]+)?)\s+(?:reach|reached|reaching|rose|grew|increased|hit|totalled|totaled|doubled|tripled|jumped|climbed)\b(?:[^,;]|,(?=\d))*,\s*(?:an?\s*)?$", before)
            if mm:
                # the whole noun phrase before the verb when it is short ("The number of
                # full-process online public services rose ..."), else its last two words
                head = before[:mm.end(1)]
                head = head[max(head.rfind(","), head.rfind(";")) + 1:]
                np_full = _clean(cut_np(head, lang), lang)
                if np_full and len(np_full.split()) <= 10 and not re.search(r"\d", np_full):
                    kind = re.match(r"\s*(\w+)", right).group(1).lower()
                    metric = f"{kind} in {np_full}"
            if mm and not metric:
                word = mm.group(1).split()
                word = [x for x in word if not x.lower().endswith("ing") and x.lower() not in ("the", "and", "with")]
                if word:
                    kind = re.match(r"\s*(\w+)", right).group(1).lower()
                    metric = f"{kind} in {' '.join(word)}"
    if metric and prev is not None and prev.metric and re.match(r"(?:that|those)\b", metric, re.I):
        metric = None  # "..., while that of ministries was 86.55%": the same measure
    if not metric and prev is not None and prev.metric:
        metric, r.metric_id = prev.metric, prev.metric_id  # ellipsis: "; localities reached 37.4%"
    if not metric:
        # "Hai Phong ranked first with 92.08 points": the index the paragraph is about
        para_start = _paragraph_start(ctx, sent)
        line = text[sent.start:sent.end].strip()
        if sent.end - sent.start <= 80 and (not line.endswith(".") or re.match(r"[-•–*+\d]|[^.]{0,40}:", line)):
            para_start = 0  # a list item ("Hai Phong: 92.08%") belongs to the heading above it
        recent = [h for h in lexicon_hits(text, lang, max(para_start, start - 600), start) if h[2].get("kind") == "index"]
        if recent:
            metric, r.metric_id = recent[-1][2]["label"], recent[-1][2]["id"]
    if not metric and unit == "points":
        # "Quang Ninh led the provinces with 92.18 points": index scores are points, and a bare
        # score belongs to the index the page is about
        topic = _page_index(ctx)
        if topic is not None:
            metric, r.metric_id = topic["label"], topic["id"]
    if metric and not r.metric_id:
        for s, e, entry in lexicon_hits(metric, lang, 0, len(metric)):
            r.metric_id = entry["id"]
            break
    r.metric = _expand(metric, ctx)
    # subject
    if anaphor or not subject:
        tail_end = start if cue else min(sent.end, end + 200, *(m.start() + end for m in re.finditer(r"[;]", text[end:sent.end])))
        sub2 = _subject_in(text, left_start + clause_off, tail_end, ctx, lang, exclude_after=start,
                           allow_after=prev is None or not prev.subject)
        if sub2 and not anaphor:
            subject = sub2
        elif anaphor:
            after = [f for _, _, f in ctx.places_in(end, sent.end) if _national(f, lang) != "nationwide"]
            subject = _anaphor_place(ctx, start) or (after[0] if after else None) or (subject if subject.lower().startswith(("the ", "this ")) else "the " + subject)
    if not subject:
        # "... accounted for 62 per cent of all dossiers at localities"
        nxt = ctx.next_number_after(end)
        tail = text[end:min(sent.end, nxt if nxt is not None else sent.end)]
        tail = re.split(r"[;]|,\s*(?:and|while|but|whereas)\b", tail)[0]
        srx = _subject_rx(lang, ctx.cache.get("forms") or ())
        m = re.search(rf"\b(?:at|in|among)\s+(the\s+)?({srx.pattern})\b", tail, re.I)
        if m:
            subject = _national(m.group(2), lang)
            if m.group(1) and ("the " + m.group(2).lower()) in w["subject_anaphors"]:
                subject = _anaphor_place(ctx, start) or "the " + m.group(2)  # "82% of adults in the province"
    if not subject or (prev is not None and subject == prev.subject):
        # "..., and that of 63 provinces and cities 87.1%": the other actor of the same measure
        srx = _subject_rx(lang, ctx.cache.get("forms") or ())
        tm = re.search(rf"\b(?:that|those)\s+(?:of|for|in|at)\s+(?:the\s+)?({srx.pattern})", left[clause_off:], re.I)
        if tm:
            subject = _national(tm.group(1), lang)
    if not subject and prev is not None and prev.subject:
        subject = prev.subject  # the same actor as the number before in the sentence
    if not subject or (prev is not None and subject == prev.subject and not cue):
        # "86.4 per cent for Hai Phong, 85.1 per cent for Quang Ninh": said right after the number
        srx = _subject_rx(lang, ctx.cache.get("forms") or ())
        dm = re.match(rf"\s*(?:for|in|at)\s+(?:the\s+)?({srx.pattern})\b", text[end:min(sent.end, end + 80)], re.I)
        if dm and ("the " + dm.group(1).lower()) not in w["subject_anaphors"]:
            subject = _national(dm.group(1), lang)
    if not subject and w.get("directive_verbs"):
        # "urged localities to reduce at least 20% of compliance costs": the one urged acts
        srx = _subject_rx(lang, ctx.cache.get("forms") or ())
        dm = None
        for dm in re.finditer(rf"\b(?:{alt(w['directive_verbs'])})\s+(?:all\s+)?(?:the\s+)?({srx.pattern})\s+to\b",
                              text[left_start + clause_off:start] if cue is None else "", re.I):
            pass
        if dm is not None:
            subject = _national(dm.group(1), lang)
    if not subject:
        subject = _clause_subject(ctx, sent, start, lang)
    if not subject:
        subject = _sentence_subject(ctx, sent, start, left_start + _report_cut(left, lang))
    if r.metric and subject:
        # the subject is said once: "share of people satisfied ... in Binh Duong" -> without it
        r.metric = re.sub(rf"\s+(?:in|at|of|for)\s+(?:the\s+)?{re.escape(subject)}(?:\s+(?:province|city))?$", "", r.metric) or r.metric
        # "share of dossiers in Lao Cai settled on time": the place is the subject, not the measure
        r.metric = re.sub(rf"\s+(?:in|at)\s+(?:the\s+)?{re.escape(subject)}(?:\s+(?:province|city))?(?=\s)", "", r.metric) or r.metric
    if r.metric:
        anaph = alt(a for a in w["subject_anaphors"])
        r.metric = re.sub(rf"\s+(?:in|at|of|for)\s+(?:{anaph})$", "", r.metric, flags=re.I) or r.metric
    r.subject = subject
    r.comparison = changed or is_comparison(text, start, end, unit, left_start + clause_off, lang)
    return r


def _object_of_change(left: str, lang: str) -> str | None:
    """"raise the on-time settlement rate to 99%" -> "on-time settlement rate"; "reduce
    processing time by 30%" -> "reduction of processing time"."""
    w = words(lang)
    up, down = w.get("raise_verbs") or [], w.get("reduce_verbs") or []
    m = re.search(rf"\b(?P<verb>{alt(up + down)})\s+(?P<np>(?:[\w\-'’]+\s+){{1,10}}?)(?P<prep>to|by)\s*$", left, re.I)
    if not m or re.search(r"\d", m.group("np")):
        return None
    np = _clean(m.group("np"), lang)
    np = re.sub(r"^(?:its|their|the|this|that)\s+", "", np, flags=re.I)
    if not np:
        return None
    if m.group("prep").lower() == "to":
        return np
    kind = "reduction of" if m.group("verb").lower() in {v.lower() for v in down} else "increase in"
    return f"{kind} {np}"


def _is_bare_head(metric: str, lang: str) -> bool:
    heads = words(lang).get("np_bare_heads")
    if not heads:
        return False
    low = re.sub(r"^(?:the|a|an|this|that|its|their)\s+", "", metric.strip().lower())
    return low in {h.lower() for h in heads}


def _last_in_paragraph(ctx: Context, sent: Sentence) -> Reading | None:
    """The reading of the last number before ``sent`` in its paragraph (set by the extractor)."""
    last = ctx.cache.get("last_reading")
    if last is not None and last[0] == sent.para:
        return last[1]
    return None


def _share_of_which(text: str, left: str, right: str, lang: str, ctx: Context | None = None,
                    sent: Sentence | None = None) -> str | None:
    """"received 125,300 dossiers, of which 98.7 percent were settled on time" ->
    "share of dossiers settled on time"; "18,200 people were surveyed. Of these, 84.5 percent
    said ..." -> "share of people said ..."."""
    w = words(lang)
    lead, aux = w.get("share_of_which"), w.get("share_vp_aux")
    if not lead:
        return None
    m = re.search(rf"(?:\d[\d.,]*\s+)?(?P<noun>(?:[^\W\d][\w\-']*\s+){{0,2}}[^\W\d][\w\-']*)\s*,?\s*(?:{alt(lead)})\s*,?\s*$",
                  left, re.I)
    noun = None
    if m and not re.fullmatch(rf"\W*(?:{alt(lead)})\s*,?\s*", left, re.I):
        noun = m.group("noun")
    elif re.fullmatch(rf"\W*(?:{alt(lead)})\s*,?\s*", left, re.I) and ctx is not None and sent is not None:
        # the counted noun of the sentence before, in the same paragraph
        i = ctx.sentence_index(sent.start)
        if i > 0 and ctx.sentences[i - 1].para == sent.para:
            ps = ctx.sentences[i - 1]
            found = list(re.finditer(r"(?<![\w.,])\d[\d.,]*\s+(?P<noun>(?:[^\W\d][\w\-']*\s+){0,2}?[^\W\d][\w\-']*)"
                                     r"\s+(?:were|was|are|is|have|has|had|\w+ed)\b", text[ps.start:ps.end]))
            if found:
                noun = found[-1].group("noun")
    if not noun:
        return None
    if re.search(r"\b(?:of|the|and|in|at|to|for|with|by)\b", noun, re.I):
        noun = re.split(r"\b(?:of|the|and|in|at|to|for|with|by)\b", noun, flags=re.I)[-1].strip()
    if not noun:
        return None
    vp = None
    v = re.match(rf"\s+(?:(?:{alt(aux)})\s+)?(?P<vp>[^\W\d].*)", right, re.I | re.S) if aux else None
    if v and not re.match(r"(?:of|in|at|for|to|and|or|on|the|a|an)\b", v.group("vp"), re.I):
        vp = _trim_tail(v.group("vp"))
        vp = re.split(r"\s*,|\s+(?:compared|up|down|an?\s+(?:increase|decrease|rise|drop))\b", vp)[0].strip() or None
    return f"share of {noun} {vp}" if vp else f"share of {noun}"


def _page_index(ctx: Context) -> dict | None:
    """The named index the page is about (named most often; the first named on a tie)."""
    hits = ctx.cache.get("index_hits")
    if hits is None:
        hits = ctx.cache["index_hits"] = [h for h in lexicon_hits(ctx.text, ctx.lang, 0, len(ctx.text))
                                          if h[2].get("kind") == "index"]
    if not hits:
        return None
    topic = ctx.cache.get("index_topic")
    if topic is None:
        # the page's topic: the index named most often, the first named on a tie
        counts: dict[str, int] = {}
        first: dict[str, int] = {}
        for i, h in enumerate(hits):
            counts[h[2]["id"]] = counts.get(h[2]["id"], 0) + 1
            first.setdefault(h[2]["id"], i)
        best = min(counts, key=lambda k: (-counts[k], first[k]))
        topic = ctx.cache["index_topic"] = hits[first[best]][2]
    return topic


def _subject_in(text: str, a: int, b: int, ctx: Context, lang: str, exclude_after: int,
                allow_after: bool = True) -> str | None:
    """A subject phrase inside ``text[a:b]``: "at the provincial level", "in Hai Duong"."""
    w = words(lang)
    seg = text[a:b]
    m = re.search(rf"\b(?:at|in|for|of)\s+(?:the\s+)?((?:{alt(w['subject_levels'])}))", seg, re.I)
    if m:
        return m.group(1)
    before = ctx.places_in(a, exclude_after)
    if before:
        return _national(before[-1][2], lang)  # the nearest place before the number
    for s, e, form in ctx.places_in(exclude_after, b) if allow_after else ():
        return _national(form, lang)
    return None


def _place_key(form: str) -> str:
    """"Can Tho city" and "Can Tho" are one place when counting what a page is about."""
    return re.sub(r"\s+(?:province|city)$", "", form, flags=re.I)


def _page_place(ctx: Context) -> str | None:
    """The place a page is about: named at least three times and more often than any other."""
    if "page_place" not in ctx.cache:
        counts: dict[str, int] = {}
        for _, _, form in ctx.places:
            counts[_place_key(form)] = counts.get(_place_key(form), 0) + 1
        dl = ctx.cache.get("dateline_place")
        if dl:
            counts[_place_key(dl)] = counts.get(_place_key(dl), 0) + 1  # not a subject itself, but says what the page is about
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        top = None
        if ranked and ranked[0][1] >= 3 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            top = ranked[0][0]
        ctx.cache["page_place"] = top
    return ctx.cache["page_place"]


def _paragraph_start(ctx: Context, sent: Sentence) -> int:
    i = ctx.sentence_index(sent.start)
    while i > 0 and ctx.sentences[i - 1].para == sent.para:
        i -= 1
    return ctx.sentences[i].start


def _clause_subject(ctx: Context, sent: Sentence, pos: int, lang: str) -> str | None:
    """A subject noun phrase opening the sentence or one of its comma segments before the
    number: "By December 2023, localities had abolished ... and cut 35% of ..."."""
    forms = ctx.cache.get("forms") or ()
    srx = _subject_rx(lang, forms)
    seg = ctx.text[sent.start:pos]
    w = words(lang)
    for bs, be, form in ctx.bodies:
        if sent.start <= bs < pos and re.fullmatch(r"(?:[^,]*,\s*)?(?:the\s+)?", ctx.text[sent.start:bs], re.I):
            # "In 2023, the Ministry of Justice cut 30% of its procedures": the body itself;
            # a ministry's or the Government's own target for the country reads "nationwide"
            nat = w.get("national_bodies")
            if nat and re.match(rf"(?:{alt(nat)})\b", form) and not re.search(r"\b(?:its|their)\b", ctx.text[be:pos + 60]):
                return "nationwide"
            return form
    for m in re.finditer(rf"(?:^|,\s*)((?:the\s+)?(?:{srx.pattern}))\s+(?:have|has|had|were|was|are|is|will|\w+ed)\b", seg, re.I):
        found = m.group(1)
        if found.lower() in w["subject_anaphors"] or ("the " + found.lower()) in w["subject_anaphors"]:
            return _anaphor_place(ctx, pos) or found
        return _national(re.sub(r"^the\s+", "", found, flags=re.I), lang)
    return None


def _anaphor_place(ctx: Context, pos: int) -> str | None:
    """"the city" / "the province" in English: the place the page is about when one place
    dominates it (dateline included), else the last place named before ``pos``."""
    if "anaphor_place" not in ctx.cache:
        counts: dict[str, int] = {}
        for _, _, form in ctx.places:
            if _national(form, ctx.lang) != "nationwide":
                counts[_place_key(form)] = counts.get(_place_key(form), 0) + 1
        dl = ctx.cache.get("dateline_place")
        if dl:
            counts[_place_key(dl)] = counts.get(_place_key(dl), 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        top = None
        if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            top = ranked[0][0]
        ctx.cache["anaphor_place"] = top
    return ctx.cache["anaphor_place"] or _last_place(ctx, pos)


def _last_place(ctx: Context, pos: int) -> str | None:
    """The place an anaphor ("the province", "the city") refers to: the last place named
    before ``pos`` that is not the country, else the dateline's place."""
    starts = ctx._starts("place_starts", ctx.places)
    i = bisect_left(starts, pos)
    for j in range(i - 1, max(-1, i - 9), -1):  # a few steps back: linear on long pages
        form = ctx.places[j][2]
        if _national(form, ctx.lang) != "nationwide":
            return form
    return ctx.cache.get("dateline_place")


def _national(form: str | None, lang: str) -> str | None:
    """The country itself as a subject reads "nationwide"."""
    if form and re.fullmatch(rf"(?:{alt(words(lang)['nationwide_cues'])})", form, re.I):
        return "nationwide"
    return form


def _sentence_subject(ctx: Context, sent: Sentence, pos: int, lo: int | None = None) -> str | None:
    """A place in the sentence, else "nationwide" for national statements, else the last
    place named before the number, else "nationwide" when a national body speaks."""
    text = ctx.text
    w = words(ctx.lang)
    before = ctx.places_in(max(sent.start, lo or 0), pos)  # not in a reporting clause
    if before:
        return _national(before[-1][2], ctx.lang)
    for s, e, form in ctx.places_in(pos, sent.end):
        return _national(form, ctx.lang)
    seg = text[sent.start:sent.end]
    if re.search(rf"(?<!\w)(?:{alt(w['nationwide_cues'])})(?!\w)", seg, re.I):
        return "nationwide"
    # the last place of the paragraph before the sentence: a place named paragraphs ago
    # ("Bac Kan ranked 63/63.") is not the actor of a new paragraph
    before_para = ctx.places_in(_paragraph_start(ctx, sent), sent.start)
    if before_para:
        return _national(before_para[-1][2], ctx.lang)
    last = ctx.cache.get("last_reading")
    if last is not None and last[0] == sent.para and last[1].subject:
        # "the province's SIPAS reached 84.6%. The rate of X reached 52.3%": the same place
        forms = ctx.cache.get("forms") or ()
        if last[1].subject in forms:
            return last[1].subject
    page = _page_place(ctx)
    if page:
        return _national(page, ctx.lang)
    if w.get("national_bodies") and re.search(rf"(?<!\w)(?:{alt(w['national_bodies'])})(?!\w)", seg):
        return "nationwide"
    return None


# -- period ---------------------------------------------------------------------------------

def period_of(ctx: Context, sent: Sentence, start: int, end: int, metric_id: str | None,
              sent_index: int, clause_start: int) -> str | None:
    """The year a number is for (see module docstring)."""
    text, lang = ctx.text, ctx.lang
    w = words(lang)
    base_rx = re.compile(rf"(?:{alt(w['base_year_before'])})\s*(?:(?:the\s+)?(?:year|năm|ปี)\s*)?(?:พ\.ศ\.\s*)?$", re.I)
    cues = w.get("base_year_cues") or []
    edge = "" if lang == "th" else r"(?<!\w)"  # Thai writes no spaces between words
    cue_rx = re.compile(rf"{edge}(?:{alt(cues)})", re.I) if cues else None
    cands = []
    for ys, ye, y in ctx.years_in(sent.start, sent.end):
        pre = text[max(sent.start, ys - 30):ys]
        if (base_rx.search(pre) and not re.search(r"\b(?:in|by|as\s+of|end\s+of)\s+(?:the\s+)?(?:year\s+)?$|\b(?:quarter|half|months?|year|period|end|beginning|start)\s+of\s+(?:the\s+year\s+)?$", pre, re.I)) \
                or re.search(r"\b(?:than|compared\s+(?:with|to)|versus|from|since|as\s+(?:many|much|high|low|large)\s+as)\s+(?:in\s+)?(?:the\s+year\s+)?$", pre, re.I):
            continue  # "higher than 2022", "since 2021": a base year, not the period
        if re.match(r"\s*[-–]\s*\d{4}", text[ye:ye + 8]) or re.search(r"\d{4}\s*[-–]\s*$", pre):
            continue  # "2021-2025": a plan period
        if ys > end and ctx.number_between(end, ys):
            continue  # "89.5%, up from 86.2% in 2022": the year of the other number
        if ys > end and cue_rx is not None and cue_rx.search(text, max(end, ys - 150), ys):  # bounded: linear
            continue  # "85%, compared with its result in 2022": a base year further on
        other_end = ctx.number_end_before(ys)
        if other_end is not None and other_end != end and other_end <= ys \
                and re.fullmatch(r"\s*(?:in|for|of|,)?\s*(?:the\s+year\s+)?", text[other_end:ys]):
            continue  # "from 20.5% in 2022 to 30.4% in 2023": 2022 is the first number's
        if re.search(r"(?:dated|ngày|ลงวันที่|issued\s+on|signed\s+on)\s*$", pre, re.I):
            continue  # the date of a document, not the period of a number
        if clause_start <= ys <= end + 40:
            rank = 0
        elif ys < start:
            rank = 1  # coordination carries it: "by 2025 at least 20% of X and at least 20% of Y"
        else:
            rank = 2
        cands.append((rank, abs(ys - start), y))
    if cands:
        return str(min(cands)[2])
    # "In 2023, ..." governs the rest of its paragraph; "Throughout the year" carries the last
    dates = load_json("dates.json", lang if lang in ("vi", "th") else "en")
    gov = re.compile(dates["governing_year_re"], re.I)
    carry = re.compile(dates["carry_year_re"], re.I)
    govs = ctx.cache.get("gov")
    if govs is None:
        clause = dates.get("governing_clause_year_re")
        govs = ctx.cache["gov"] = _governing(ctx, gov, carry, re.compile(clause) if clause else None)
    last_gov = govs[sent_index]
    if last_gov and last_gov[0] == sent.para:
        return str(last_gov[1])
    last = ctx.cache.get("last_reading")
    if last is not None and last[0] == sent.para and last[1].period:
        # "The PAR Index of X in 2023 was 85%. The SIPAS reached 83%.": the paragraph's year
        return last[1].period
    if lang in ("vi", "th"):
        # Vietnamese and Thai reports state the period once ("Trong quý I/2023, ...",
        # "ในปี 2566 ...") for the whole page, headline included: the last governing year
        # before, else the first one after (Buddhist-era years already converted).
        if last_gov:
            return str(last_gov[1])
        if metric_id and metric_id in ctx.index_years:
            return str(ctx.index_years[metric_id])  # "Chỉ số CCHC năm 2023 ... đạt 92,18%"
        if "gov_first" not in ctx.cache:
            ctx.cache["gov_first"] = next((g for g in govs if g), None)  # once per page: linear
        first = ctx.cache["gov_first"]
        if first:
            return str(first[1])
    if metric_id and metric_id in ctx.index_years:
        return str(ctx.index_years[metric_id])
    if lang == "en" and w.get("target_words"):
        # a page that reports on one year only ("In 2023, ..." and no other governing year):
        # a result stated without a year is that year's, a plan or target is not
        years = ctx.cache.get("gov_years")
        if years is None:
            years = ctx.cache["gov_years"] = {g[1] for g in govs if g}  # once per page: linear
        if len(years) == 1 and not re.search(rf"(?i)\b(?:{alt(w['target_words'])})\b", text[sent.start:sent.end]):
            return str(next(iter(years)))
    return None


def _governing(ctx: Context, gov: re.Pattern, carry: re.Pattern,
               clause: re.Pattern | None = None) -> list[tuple[int, int] | None]:
    """Per sentence, the (paragraph, year) last set by "In 2023, ..." up to and including it."""
    out: list[tuple[int, int] | None] = []
    last = None
    for s in ctx.sentences:
        seg = to_text(ctx.text, s)
        m = gov.match(seg)
        if m is None and clause is not None:
            # "According to X, in 2023 the province's SIPAS reached ...": a clause opening with
            # its year governs the rest of the paragraph as a sentence opening with it does
            m = clause.search(seg)
        y = plausible_year(int(m.group(1)), ctx.lang) if m else None
        if y:
            last = (s.para, y)
        elif last and carry.match(seg):
            last = (s.para, last[1])
        out.append(last)
    return out


def to_text(text: str, s: Sentence) -> str:
    return text[s.start:s.end]

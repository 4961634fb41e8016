"""The metric noun phrase of an English number: cut, cleaned and split into what and whom.

No parser is available on ``spacy.blank``, so the noun phrase before a cue verb ("The rate of
online records of ministries and branches reached 30.4%") is read with patterns:

* a reporting clause ("Minister X said (that) ...") and a leading time adjunct ("in 2023 the
  province's SIPAS") are not part of it (:func:`cut_np`);
* "<metric> of/at/in <subject>", "<subject>'s <metric>" and "<place> <metric>" split it
  into the measure and its actor (:func:`split_np`);
* "N% of X" takes the object up to the clause end (:func:`trim_tail`); "raise X to N%" and
  "reduce X by N%" take the object of the verb (:func:`object_of_change`); "..., of which N%
  were settled on time" is a share of the counted noun (:func:`share_of_which`).

Word lists live in ``resources/<lang>/indicator_words.json``.
"""
from __future__ import annotations

import re
from typing import Iterable
from functools import lru_cache

from ..anchors import anchored, match_at
from ..patterns import alt, alt_by_first
from ..resources import load_json
from .attribution_enum import vocab
from .attribution_fast import Needles, Suffixes
from .indicators_context import Context, Sentence, _national, index_hits, lexicon
from .indicators_find import words


@lru_cache(maxsize=64)
def subject_rx(lang: str, place_forms: tuple[str, ...]) -> re.Pattern:
    w = words(lang)
    noun = alt_by_first(w["subject_nouns"] + list(place_forms), True)  # one branch per first letter
    level = alt_by_first(w["subject_levels"], True)
    unit = rf"(?:(?:the|all|other|relevant|\d+)\s+)?(?:(?:{level})|(?:[\w\-]+\s)?(?:{noun}))(?:\s+(?:province|city))?"
    return re.compile(rf"(?:{unit})(?:\s*(?:,|and|&)\s*(?:{unit}))*", re.I)


@lru_cache(maxsize=None)
def _strip_rx(lang: str) -> tuple[re.Pattern, re.Pattern]:
    """(leading words, trailing words) that :func:`clean_np` strips, compiled once."""
    w = words(lang)
    return (re.compile(rf"^(?:(?:{alt(w['np_lead_strip'])})\b\s*,?\s*)+", re.I),
            re.compile(rf"(?:\s+(?:{alt(w['np_trail_strip'])}))+$", re.I))


_ARTICLE = re.compile(r"^(?:the|a|an|its|their)\s+", re.I)
_YEAR_IN_NP = re.compile(r"\s+(?:in|of|for|during|by|until|till|before|to)\s+(?:the\s+(?:end\s+of\s+(?:the\s+)?)?year\s+)?\d{4}\b|\s+\d{4}$|^\d{4}\s+")


def clean_np(s: str, lang: str) -> str:
    s = s.strip(" ,;:-–\"'“”")
    lead, trail = _strip_rx(lang)
    for _ in range(2):
        s = lead.sub("", s).strip(" ,")
        s = trail.sub("", s).strip(" ,")
    s = _ARTICLE.sub("", s)
    # a year inside the phrase is the period, not part of what is measured
    s = _YEAR_IN_NP.sub("", s)
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
            parts.append(rf"\b(?i:{alt_by_first(verbs, True)})\b(?:(?:\s+[\w\-']+){{0,8}}?\s+(?i:that)\b"
                         rf"|(?=\s+(?:(?i:that|the|a|an|its|their|this|these|those)\b|[A-Z])))")
        if conj:
            parts.append(rf"\b(?i:{alt_by_first(conj, True)})\b")
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


@lru_cache(maxsize=None)
def _cut_needles(lang: str) -> Needles:
    """The words of which every match of the reporting-clause cut holds one."""
    w = words(lang)
    return Needles((w.get("np_cut_after_verbs") or []) + (w.get("np_cut_after_conj") or []), word_start=True)


def report_cut(left: str, lang: str) -> int:
    """Offset in ``left`` just after its last reporting verb or clause conjunction (0 if none)."""
    cut, _ = _np_cut_rx(lang)
    last = 0
    if cut is not None:
        for m in _cuts(cut, left, lang):
            if m.end() < len(left.rstrip()):
                last = m.end()
    return last


def _cuts(cut: re.Pattern, s: str, lang: str) -> Iterable[re.Match]:
    """``cut.finditer(s)``: every match opens with a verb or conjunction (after ``\\b``), so
    the pattern is tried only where one of them starts."""
    starts = _cut_needles(lang).positions(s)
    return anchored(cut).finditer(s) if starts is None else match_at(cut, s, starts)


def cut_np(np: str, lang: str) -> str:
    """The metric noun phrase without the reporting clause or time adjunct before it:
    "Minister X said the average PAR Index" -> "the average PAR Index"; "in 2023 the
    province's SIPAS" -> "the province's SIPAS"."""
    cut, lead = _np_cut_rx(lang)
    if cut is not None:
        last = None
        for m in _cuts(cut, np, lang):
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
    np = clean_np(cut_np(np, lang), lang)
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
    owned = re.search(r"\s(?:of|at|in|for)\s+(?:the\s+)?([A-Z][^,;]*)$", np)
    if owned and owned.group(1).lower() in body_forms:
        # "The PAR Index of the Ministry of Finance was 90.1%", "That of the State Bank was 89.9%"
        return np[:owned.start()].strip() or None, owned.group(1), False
    srx = subject_rx(lang, forms)
    full_rx, tail_rx = np_patterns(srx.pattern)
    full = full_rx.fullmatch(np)
    if full:
        return None, full.group(1), False
    # "<metric> of/at/in <subject>" at the end of the noun phrase
    for m in tail_rx.finditer(np):
        metric = np[:m.start()].strip()
        if metric:
            anaphor = re.search(r"\b(?:the|this)\s+$", np[m.start():m.start(1)], re.I) is not None and \
                ("the " + m.group(1).lower()) in w["subject_anaphors"]
            # "the PAPI score of the province": the province the page is about
            if re.fullmatch(r"(?:the\s+)?(?:city|province|district|town|locality|commune|capital)", metric, re.I):
                metric = None  # "the city of Can Tho scored 43.1": a place word, no measure
            return metric, ("the " + m.group(1) if anaphor else m.group(1)), anaphor
    # "<subject>'s <metric>" ("the province's DTI score", "Ha Tinh's rate of ...")
    poss = re.match(r"(.+?)['’]s\s+(.+)", np)
    if poss:
        owner = poss.group(1)
        if owner.lower() in w["subject_anaphors"] or owner.lower() in [a.replace("the ", "") for a in w["subject_anaphors"]]:
            return clean_np(poss.group(2), lang), owner, True  # "the city's 2023 SIPAS": the year is the period
        if owner in forms or srx.fullmatch(owner):
            return clean_np(poss.group(2), lang), owner, False
    # "<place> <metric>" or a bare place
    for form in forms:
        if np.startswith(form) and not re.match(r"\s+[A-Z]", np[len(form):]):  # not "Vietnam Provincial ... Index"
            rest = np[len(form):].lstrip("'’s ").strip()
            if rest.lower() in ("region", "province", "city", "area"):
                rest = ""  # "the Mekong Delta region averaged 84.2%": a place, no measure
            return (rest or None), _national(form, lang), False
    return np, None, False


@lru_cache(maxsize=None)
def _labels(lang: str) -> frozenset[str]:
    """Labels of the indicator lexicon (an acronym that is one is never expanded)."""
    return frozenset(entry["label"] for _, entry in lexicon(lang))


@lru_cache(maxsize=64)
def np_patterns(actors: str) -> tuple[re.Pattern, re.Pattern]:
    """(a whole noun phrase that is an actor, "<metric> of/at/in <actor>" at its end) on one
    page's actor alternation, compiled once per alternation, not per number."""
    return (re.compile(rf"(?:(?:at|in|for|of|among)\s+)?(?:the\s+)?({actors})", re.I),
            re.compile(rf"\s(?:of|at|in|for|among)\s+(?:the\s+)?({actors})$", re.I))


def expand_acronyms(metric: str | None, ctx: Context) -> str | None:
    """``metric`` with the page's acronyms spelled out (once per page and phrase: numbers of a
    page share their metrics)."""
    if not metric or not ctx.acronyms:
        return metric
    key = ("expand_acronyms", metric)
    got = ctx.cache.get(key)
    if got is None:
        got = ctx.cache[key] = _expand_acronyms(metric, ctx)
    return got


def _expand_acronyms(metric: str, ctx: Context) -> str:
    labels = _labels(ctx.lang)
    for acro, full in ctx.acronyms.items():
        if acro.rstrip("s") in labels:
            continue
        if acro in metric and full.lower() not in metric.lower():
            metric = re.sub(rf"\b{re.escape(acro)}\b", full, metric)
    return metric


def trim_tail(s: str) -> str:
    """The object of "N% of X": up to the clause end, a relative clause or the next number."""
    s = _NEXT_SHARE.split(s)[0]
    s = _CLAUSE_END.split(s)[0]
    toks = s.split()
    return " ".join(toks[:30]).strip(" ,")


_NEXT_SHARE = re.compile(r"\s*(?:,|;|\band\b|\bor\b)\s+(?:\w+\s+){0,2}?(?:(?:at least|over|more than|nearly|about|up to)\s+)?\d[\d.,]*\s?(?:%|percent|per cent)")
_CLAUSE_END = re.compile(r"[;.:?!\n]|,\s*(?:which|when|while|thereby|so that|ensuring|in order|helping|contributing|according"
                         r"|twice|\w+fold|up|down|an?\s+(?:increase|decrease|rise|drop)|compared|higher|lower|equivalent|equal)\b"
                         r"|\s+and\s+(?=(?:also\s+)?(?!need|seed|feed|speed|red|bed)\w{2,}ed\s)"
                         r"|,\s*(?:\w+\s+){0,2}(?:shows?|showed|said|says|reported|finds|found)\b|\(\s*(?:Plan|Decision|Resolution)")


_TO_BY_END = Suffixes(("to", "by"))


def object_of_change(left: str, lang: str) -> str | None:
    """"raise the on-time settlement rate to 99%" -> "on-time settlement rate"; "reduce
    processing time by 30%" -> "reduction of processing time"."""
    w = words(lang)
    up, down = w.get("raise_verbs") or [], w.get("reduce_verbs") or []
    if not _TO_BY_END.may_end(left):
        return None  # the pattern ends in "to|by" and blanks: most clauses do not
    m = re.search(rf"\b(?P<verb>{alt(up + down)})\s+(?P<np>(?:[\w\-'’]+\s+){{1,10}}?)(?P<prep>to|by)\s*$", left, re.I)
    if not m or re.search(r"\d", m.group("np")):
        return None
    np = clean_np(m.group("np"), lang)
    np = re.sub(r"^(?:its|their|the|this|that)\s+", "", np, flags=re.I)
    if not np:
        return None
    if m.group("prep").lower() == "to":
        return np
    kind = "reduction of" if m.group("verb").lower() in {v.lower() for v in down} else "increase in"
    return f"{kind} {np}"


_DETERMINER = re.compile(r"^(?:the|a|an|this|that|its|their)\s+")


def is_bare_head(metric: str, lang: str) -> bool:
    heads = words(lang).get("np_bare_heads")
    if not heads:
        return False
    low = _DETERMINER.sub("", metric.strip().lower())
    return low in _bare_heads(lang)


@lru_cache(maxsize=None)
def _bare_heads(lang: str) -> frozenset[str]:
    return frozenset(h.lower() for h in words(lang).get("np_bare_heads") or ())


@lru_cache(maxsize=None)
def _leads(lang: str) -> tuple[str, ...]:
    return tuple(x.lower() for x in words(lang).get("share_of_which") or ())


def _ends_with_lead(left: str, lang: str) -> bool:
    """Whether ``left`` ends with "of which" / "of these" (then blanks, a comma, blanks): both
    patterns of :func:`share_of_which` need it, and the first backtracks at every position."""
    tail = left.rstrip()
    if tail.endswith(","):
        tail = tail[:-1].rstrip()
    tail = tail[-40:]
    if not tail.isascii():
        return True  # case folds beyond ASCII: let the patterns decide
    tail = tail.lower()
    return tail.endswith(_leads(lang))


def share_of_which(text: str, left: str, right: str, lang: str, ctx: Context | None = None,
                    sent: Sentence | None = None) -> str | None:
    """"received 125,300 dossiers, of which 98.7 percent were settled on time" ->
    "share of dossiers settled on time"; "18,200 people were surveyed. Of these, 84.5 percent
    said ..." -> "share of people said ..."."""
    w = words(lang)
    lead, aux = w.get("share_of_which"), w.get("share_vp_aux")
    if not lead or not _ends_with_lead(left, lang):
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
        vp = trim_tail(v.group("vp"))
        vp = re.split(r"\s*,|\s+(?:compared|up|down|an?\s+(?:increase|decrease|rise|drop))\b", vp)[0].strip() or None
    return f"share of {noun} {vp}" if vp else f"share of {noun}"


@lru_cache(maxsize=None)
def _pronouns(lang: str) -> frozenset[str]:
    return frozenset(p.lower() for p in vocab(lang)["metric_pronouns"])


@lru_cache(maxsize=None)
def _verb_phrase_rx(lang: str) -> re.Pattern:
    v = vocab(lang)
    return re.compile(
        rf"^(?:(?:has|have|had)\s+)?(?:(?:{alt(v['verb_phrase_heads'])})\b|[a-z]+ed\s+(?:its|their|the|a|an|his|her|first|second|third|last)\b)"
        rf"|\b(?:by|with|of|to|at|for|in|on|from|than|after)$", re.I)


def is_verb_phrase(np: str, lang: str) -> bool:
    """"retained its first place ... by", "ranked first in the index with": a verb phrase or a
    fragment ending on a preposition names no measure."""
    return _verb_phrase_rx(lang).search(np.strip(" ,;:")) is not None


def is_pronoun(np: str, lang: str) -> bool:
    """"It", "this figure", "the locality": a word that refers to a measure without naming it."""
    low = re.sub(r"\s+", " ", np.strip(" ,;:\"'").lower())
    pron = _pronouns(lang)
    return low in pron or re.sub(r"^(?:the|this|that|its|their)\s+", "", low) in pron and len(low.split()) <= 2


@lru_cache(maxsize=None)
def _survey_rx(lang: str) -> tuple[re.Pattern, re.Pattern]:
    """("N% saying ...", "N% were satisfied ..."), compiled once."""
    v = vocab(lang)
    said = re.compile(rf"\s*(?:of\s+(?:those|people|respondents|citizens)\s+(?:surveyed\s+|polled\s+|asked\s+)?)?"
                      rf"(?P<vp>(?:{alt(v['survey_speech_verbs'])})\b.*)", re.I | re.S)
    state = re.compile(rf"\s*(?:were|was|are|is|felt|feel|feels)\s+(?P<vp>(?:(?:very|fully|quite|not|highly)\s+)?"
                       rf"(?:{alt(v['survey_predicates'])})\b.*)", re.I | re.S)
    return said, state


def survey_share(ctx: Context, sent: Sentence, right: str, lang: str) -> str | None:
    """"with just 37% saying their commune is honest", "62% were satisfied with ..." -> "share of
    respondents saying ..." in a survey's sentence or on a page about a survey index, else
    "share saying ..."."""
    said, state = _survey_rx(lang)
    m = said.match(right) or state.match(right)
    if m is None:
        return None
    vp = trim_tail(m.group("vp"))
    if not vp:
        return None
    return f"share of respondents {vp}" if survey_context(ctx, sent, lang) else f"share {vp}"


def survey_context(ctx: Context, sent: Sentence, lang: str) -> bool:
    """Whether a share of people is a survey's: the sentence speaks of a survey, or the page is
    about a survey-based index (PAPI, SIPAS, PCI)."""
    key = ("survey", sent.start)
    if key not in ctx.cache:  # once per sentence
        ctx.cache[key] = re.search(rf"(?<!\w)(?:{alt(vocab(lang)['survey_words'])})(?!\w)",
                                   ctx.text[sent.start:sent.end], re.I) is not None
    if ctx.cache[key]:
        return True
    ids = {h[2]["id"] for h in index_hits(ctx)}
    return bool(ids & set(vocab(lang)["survey_indices"]))


def page_index(ctx: Context) -> dict | None:
    """The named index the page is about (named most often; the first named on a tie)."""
    hits = index_hits(ctx)
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


def about_index(ctx: Context, topic: dict) -> bool:
    """Whether the page is about ``topic`` (an index): named in its headline or lead, or named
    more than once. An index named once in passing does not measure the page's numbers."""
    hits = [h for h in index_hits(ctx) if h[2]["id"] == topic["id"]]
    if len(hits) > 1:
        return True
    lead_end = ctx.sentences[min(2, len(ctx.sentences) - 1)].end if ctx.sentences else 0
    return bool(hits) and hits[0][0] < lead_end


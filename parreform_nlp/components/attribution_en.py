"""Metric and subject of one number in an English (or Latin-script) sentence: the clause reader.

:func:`_clause` reads the text around the number once (:class:`Clause`); then the rules run in
order and the first that answers wins.

* ``metric`` (:func:`_read_metric`): the subject noun phrase of "reached / was / stood at /
  scored / accounted for" ("The rate of online records of ministries reached 30.4%"), else the
  item's own label ("e-governance (3.48 points)"), else "N% of X" ("share of X"), "N% saying
  ..." (a survey share), else a change of the level before it ("84.4%, an increase of 0.3%"),
  else a named index of the clause or sentence, else the metric of the previous number in the
  sentence (ellipsis), else the index of the paragraph or of the page. A bare head ("the
  average", "the figure for Cao Bang") and a pronoun ("It", "this figure") take the measure of
  the clause before; a verb phrase ("retained its first place ... by") is never a metric; a
  range bound reads "<index> range (of <group>)".
* ``subject`` (:func:`_read_subject`): the "of/at/in <ministries | a place>" attachment of
  that noun phrase, the n-th actor of a "respectively" list, the actor of the number's own
  list item (:mod:`attribution_enum`: rankings, aggregates, counted groups), an anaphor
  resolved to the page's place ("the province"), then :mod:`attribution_subject`.
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass

from ..patterns import alt, alt_by_first
from .attribution_enum import (
    actors_in, aggregate_in, counted_group, explicit_range, group_after, in_range_from, item_actor, item_label,
    list_actor_word, list_heading,
    paren_actor_after, range_bound, range_group, respectively_actor, respectively_metric, respectively_slot,
)
from .attribution_np import (
    about_index, clean_np, cut_np, expand_acronyms, is_bare_head, is_pronoun, is_verb_phrase, object_of_change,
    page_index, report_cut, share_of_which, split_np, subject_rx, survey_share, trim_tail,
)
from .attribution_subject import (
    anaphor_place, clause_subject, last_in_paragraph, paragraph_start, passive_directive_subject, sentence_subject,
    subject_in, survey_subject,
)
from .attribution_fast import Suffixes, TailPattern
from .indicators_context import Context, Reading, Sentence, _national, is_comparison, lexicon_hits
from .indicators_find import words


def read_english(ctx: Context, sent: Sentence, start: int, end: int, num_end_prev: int | None,
                 prev: Reading | None, unit: str) -> Reading:
    """Metric / subject of one number in an English (or Latin-script) sentence."""
    c = _clause(ctx, sent, start, end, num_end_prev, prev, unit)
    r = Reading()
    found = _read_metric(c, r)
    r.subject = _read_subject(c, r, found)
    r.comparison = found.changed or is_comparison(ctx.text, start, end, unit, c.left_start + c.clause_off, ctx.lang)
    return r


@dataclass
class Clause:
    """One number in its sentence: the text around it that the metric and subject readers share."""

    ctx: Context
    sent: Sentence
    start: int
    end: int
    num_end_prev: int | None  # end of the number before in the sentence
    prev: Reading | None  # its reading
    unit: str
    left_start: int  # after the number before, else the sentence start
    left: str  # text[left_start:start]
    right: str  # text[end:sent.end]
    cuts: list[int]  # clause boundaries in ``left``
    clause_off: int  # start of the number's clause in ``left``
    report: int  # end of the reporting clause in ``left`` (:func:`report_cut`), 0 if none
    cue: re.Match | None  # the cue verb before the number ("reached", "stood at")


@dataclass
class Found:
    """What the metric reader learns on its way that the subject reader needs."""

    subject: str | None = None  # from the metric noun phrase ("the rate of X of ministries")
    anaphor: bool = False  # that subject is "the province" / "the city"
    pronoun: bool = False  # the noun phrase was "It", "this figure"
    label: str | None = None  # the measure named by the item itself ("e-governance (3.48 points)")
    changed: bool = False  # "raise X by 15%"
    group: str | None = None  # the group a parenthesised range belongs to


#: The cue verb right before a number ("reached", "stood at only", "recorded a rate of").
_CUE = (r"(?:^|\s)(?P<cue>{cue_verbs})\s*(?:(?:only|merely|just|a|an|the)\s+)*"
        r"(?:(?P<rate>(?:a|the)?\s*(?:{rate_nouns})\s+of)\s*)?$")
_CUE_FILLERS = ("only", "merely", "just", "a", "an", "the", "of")


@lru_cache(maxsize=None)
def _cue_tail(lang: str) -> tuple[frozenset[str], int]:
    """(the words :data:`_CUE` allows after its verb, lower-cased; the longest cue verb)."""
    w = words(lang)
    rates = [r.lower().split() for r in w["rate_nouns"]]
    fillers = set(_CUE_FILLERS) | {t for r in rates for t in r} | {a + r[0] for a in ("a", "the") for r in rates if r}
    return frozenset(fillers), max(len(c) for c in w["cue_verbs"])


def _cue_from(left: str, lang: str) -> int:
    """Where in ``left`` the cue search may start without missing a match: :data:`_CUE` ends at
    the end of ``left`` and allows only filler words after its verb ("only", "a rate of"), so
    its verb ends in the last other word. Backward over whole words: linear, and the search
    does not try every position of a long clause."""
    fillers, longest = _cue_tail(lang)
    end = len(left)
    while True:
        j = end
        while j > 0 and left[j - 1].isspace():
            j -= 1
        k = j
        while k > 0 and not left[k - 1].isspace():
            k -= 1
        word = left[k:j]
        if not word:
            return 0
        if not word.isascii():
            return 0  # case folds beyond ASCII: search it all
        if word.lower() not in fillers:
            return max(0, k - longest - 2)
        end = k


#: Clause starts in the text before a number: after ";", ", and", ", while", "while", ":" ...
_CLAUSE_CUTS = re.compile(r";|:|,\s*(?:and|while|whereas|but|of which|in which)\b|\bwhile\b|\bwhereas\b|,|\s[-–—]\s")
# The same matches, written so that every branch opens with a literal: the engine then jumps from
# one of ";:,w" to the next in C instead of trying each branch at every character ("\bwhile" is
# "w" with no word character before it). The dash branch opens with a blank: added only when the
# clause holds a dash.
_CUTS_NO_DASH = re.compile(r";|:|,(?:\s*(?:and|while|whereas|but|of which|in which)\b)?|w(?<!\w\w)(?:hile|hereas)\b")
_CUTS_DASH = re.compile(_CUTS_NO_DASH.pattern + r"|\s[-–—]\s")


def clause_cuts(left: str) -> list[int]:
    """Ends of the :data:`_CLAUSE_CUTS` matches in ``left``."""
    rx = _CUTS_DASH if "-" in left or "–" in left or "—" in left else _CUTS_NO_DASH
    return [m.end() for m in rx.finditer(left)]


#: "with scores above 85%": a determiner before the cue word makes it a noun.
_NOUN_BEFORE = TailPattern(r"\b(?:with|of|its|their|the|whose)", re.I)
#: "raise X by 15%": the number is a change.
_BY_END = TailPattern(r"\bby")
#: "the issuance of 95% of ...": the head of a share (only when ``left`` ends with "of").
_LEAD_OF = re.compile(r"\b(issuance|completion|digiti[sz]ation|provision)\s+of\s*$", re.I)
_OF_END = Suffixes(("of",))


def _clause(ctx: Context, sent: Sentence, start: int, end: int, num_end_prev: int | None,
            prev: Reading | None, unit: str) -> Clause:
    text, lang = ctx.text, ctx.lang
    w = words(lang)
    left_start = max(sent.start, num_end_prev or sent.start)
    left = text[left_start:start]
    right = text[end:sent.end]
    # clause start: after ";", ", and", ", while", "while", ":" or the previous number
    cuts = clause_cuts(left)
    clause_off = cuts[-1] if cuts else 0
    # a reporting clause ("Ambassador of Australia X said that ...") names who speaks, not for whom
    report = report_cut(left, lang)
    clause_off = max(clause_off, report)
    cue = _vocab_rx(lang, _CUE).search(left, _cue_from(left, lang))
    if cue and _NOUN_BEFORE.search(left[:cue.start()]):
        cue = None  # "with scores above 85%": a noun, not the verb "scores"
    return Clause(ctx, sent, start, end, num_end_prev, prev, unit, left_start, left, right, cuts, clause_off, report, cue)


# Patterns each number may run, compiled once (a module-level ``re.match(r"...")`` looks its
# pattern up in the ``re`` cache on every call).
_VERB_BEFORE_RATE = re.compile(r"\b(?:recorded|had|has|have|with|saw|showed|posted)\b", re.I)
_OF_WHICH_AFTER = re.compile(r"\s*(of\s+(?:which|them|these|those))\b", re.I)
_OF_AFTER = re.compile(r"\s*of\s+(.*)", re.S)
_IN_FOR_AFTER = re.compile(r"\s*(?:in|for)\s+(.*)", re.S)
_IN_YEAR_AFTER = re.compile(r"\s*(?:in|for)\s+(?:the\s+)?(?:year\s+)?\d{4}\b")
_HEADLINE_WORD = r"(?!(?:at|in|of|for|to|the|a|an|and|by|with|from|on|than|compared|over)\s)[\w\-]+\s+"
_HEADLINE_RATE = re.compile(rf"\s+((?:{_HEADLINE_WORD}){{0,5}}?(?:rate|ratio|score|index|share))\b", re.I)
_CHANGE_NOUN_AFTER = re.compile(r"\s*(?:increase|rise|growth|decrease|drop|decline|reduction)\b", re.I)
_THAT = re.compile(r"(?:that|those)", re.I)
_THAT_WORD = re.compile(r"(?:that|those)\b", re.I)
_PARTICIPLE_CUT = re.compile(r"[;]|,\s*(?:and|while|but|whereas|\w+ing)\b")
_CLOSING_PAREN = re.compile(r"\s*\([^()]{1,60}\)")


@lru_cache(maxsize=None)
def _rate_rx(lang: str) -> tuple[re.Pattern, re.Pattern]:
    """(a rate noun, a rate noun before "of") of ``lang``, compiled once."""
    rates = alt(words(lang)["rate_nouns"])
    return re.compile(rf"\b(?:{rates})\b", re.I), re.compile(rf"\b(?:{rates})\s+of\b", re.I)


def _read_metric(c: Clause, r: Reading) -> Found:
    """Set ``r.metric`` / ``r.metric_id``: the first rule that names the measure wins."""
    ctx, sent, start, end, prev, unit = c.ctx, c.sent, c.start, c.end, c.prev, c.unit
    text, lang = ctx.text, ctx.lang
    w = words(lang)
    left_start, left, right, cuts, clause_off, cue = c.left_start, c.left, c.right, c.cuts, c.clause_off, c.cue
    metric = subject = None
    anaphor = False
    pronoun = False  # "It", "this figure": refers to a measure without naming it
    label = None  # "transparency in local decision making (5.69 points)": the item names the measure
    if cue:
        np_start = max((c for c in cuts if c <= cue.start()), default=0)
        np = left[np_start:cue.start()]
        with_np = re.search(r"\bwith\s+((?:[\w\-'’]+\s+){0,5}[\w\-'’]+)\s*$", np, re.I)
        if with_np and with_np.start() > 0 and (is_bare_head(with_np.group(1), lang) or re.search(
                rf"\b(?:{alt(w['rate_nouns'])})s?\b", with_np.group(1), re.I)):
            # "followed by X and Y with indexes ranging from ...": the measure after "with"
            # (not "the share of households satisfied with public services")
            np = with_np.group(1)
        metric, subject, anaphor = split_np(np, ctx, lang)
        if metric and cue.group("cue").lower() in ("at", "to") and not _rate_rx(lang)[0].search(metric):
            metric = subject = None  # "at 10 a.m.", "to 2025": a bare preposition needs a rate noun
            anaphor = False
        if metric:
            # a verb phrase before the rate: keep from the rate noun on ("... recorded a lower rate of X")
            m = _rate_rx(lang)[1].search(metric)
            if m and m.start() > 0 and _VERB_BEFORE_RATE.search(metric[:m.start()]):
                metric = metric[m.start():]
                metric = re.sub(r"^(?:(?:a|an|the|even|lower|higher)\s+)+", "", metric)
    if metric and is_pronoun(metric, lang):
        metric, pronoun = None, True
    elif metric and is_verb_phrase(metric, lang):
        metric = None  # "retained its first place for the sixth time by (scoring 92.1%)": no measure named
    if not metric:
        label = item_label(ctx, sent, left_start, start, end, w["rate_nouns"])
        topic = page_index(ctx) if label and unit == "points" else None
        if topic is not None and not _hits_in(label, lang):
            label = f"{topic['label']} {label}"  # a component of the index the page is about
        metric = label
    if not metric:
        heading = list_heading(ctx, sent, start, w["rate_nouns"])
        if heading:
            metric = clean_np(heading, lang)  # "Rate of online records in 2023: nationwide 45%, ..."
    changed = False
    if not metric and (w.get("raise_verbs") or w.get("reduce_verbs")):
        metric = object_of_change(left[clause_off:], lang)
        changed = bool(metric) and _BY_END.search(left) is not None  # "raise X by 15%": a change
    if metric and is_bare_head(metric, lang) and not _hits_in(metric, lang):
        # "..., while the average of provinces stood at 86.21%", "the figure for Cao Bang was ...":
        # a bare head names no measure of its own; the clause before does
        carry = prev if prev is not None and prev.metric else last_in_paragraph(ctx, sent)
        if carry is not None and carry.metric:
            metric, r.metric_id = carry.metric, carry.metric_id
        else:
            # nothing before names it: the index the page is about ("The average was 84.4%")
            topic = page_index(ctx)
            if topic is not None:
                head = re.sub(r"^(?:the|a|an|this|that|its|their)\s+", "", metric.strip(), flags=re.I).lower()
                metric = f"{head} {topic['label']}" if head in ("average", "national average") else topic["label"]
                r.metric_id = topic["id"]
    if not metric:
        metric = share_of_which(text, left, right, lang, ctx, sent)
    if not metric:
        ow = _OF_WHICH_AFTER.match(right)
        if ow:  # "received 300,000 dossiers, 98.2% of which were resolved on time"
            metric = share_of_which(text, left.rstrip(" ,") + ", " + ow.group(1), right[ow.end():], lang, ctx, sent)
    if not metric:
        metric = survey_share(ctx, sent, right, lang)  # "with just 37% saying ...", "62% were satisfied ..."
    if not metric:
        # "received 4,620 petitions from citizens, up 12 per cent from 2022": the count changed
        cm = None if not _suffixes(lang, "comparison_before").may_end(left) else _vocab_rx(lang, r"(?<![\w.,])\d[\d.,]*\s+(?P<noun>(?:[^\W\d][\w\-']*\s+){0,2}?[^\W\d][\w\-']*?)"
                             r"(?:\s+(?:from|of|in|at|by|on|for|to)\s+[^,;\d]{1,40})?,\s*"
                             r"(?:{comparison_before})\s*$").search(left)
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
        of = _OF_AFTER.match(right)
        if of:
            obj = trim_tail(of.group(1))
            if obj:
                head = "share"
                lead = _LEAD_OF.search(left) if _OF_END.may_end(left) else None
                if lead:
                    head = lead.group(1).lower()
                obj = re.sub(r"^((?:[\w\-']+\s+){1,8}?)(?:were|was|are|is|have\s+been|has\s+been|had\s+been|will\s+be)\s+(?=\w+(?:ed|en|wn)\b)",
                             r"\1", obj, count=1)  # "97.5% of dossiers were processed on time"
                metric = f"{head} of {clean_np(obj, lang)}"
    if not metric and subject and cue:
        tail = _IN_FOR_AFTER.match(right)
        if tail and not _IN_YEAR_AFTER.match(right):
            metric = clean_np(trim_tail(tail.group(1)), lang) or None  # "achieved 95.5% in online payments"
    if not metric:
        # headline style: "Ha Tinh achieves 98% on-time settlement rate"
        head = _HEADLINE_RATE.match(right)
        if head:
            metric = head.group(1)
    clause_hits = lexicon_hits(text, lang, left_start + clause_off, start)
    if not metric and prev is not None and prev.metric and not clause_hits \
            and is_comparison(text, start, end, unit, left_start + clause_off, lang):
        # "The average was 84.4%, an increase of 0.3% from 2022": the change of the level before
        metric, r.metric_id = prev.metric, prev.metric_id
    # a named index of the lexicon in the clause, else in the sentence
    hits = clause_hits or _sentence_hits(ctx, sent)
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
        if _CHANGE_NOUN_AFTER.match(right):
            before = text[sent.start:start]
            mm = re.search(r"([\w\-]+(?:\s+[\w\-]+)?)\s+(?:reach|reached|reaching|rose|grew|increased|hit|totalled|totaled|doubled|tripled|jumped|climbed)\b(?:[^,;]|,(?=\d))*,\s*(?:an?\s*)?$", before)
            if mm:
                # the whole noun phrase before the verb when it is short ("The number of
                # full-process online public services rose ..."), else its last two words
                head = before[:mm.end(1)]
                head = head[max(head.rfind(","), head.rfind(";")) + 1:]
                np_full = clean_np(cut_np(head, lang), lang)
                if np_full and len(np_full.split()) <= 10 and not re.search(r"\d", np_full):
                    kind = re.match(r"\s*(\w+)", right).group(1).lower()
                    metric = f"{kind} in {np_full}"
            if mm and not metric:
                word = mm.group(1).split()
                word = [x for x in word if not x.lower().endswith("ing") and x.lower() not in ("the", "and", "with")]
                if word:
                    kind = re.match(r"\s*(\w+)", right).group(1).lower()
                    metric = f"{kind} in {' '.join(word)}"
    if metric and _THAT.fullmatch(metric):
        # "..., while that of ministries was 86.55%", "That of the State Bank was 89.9%.": the
        # measure of the number before, in the sentence or else in the paragraph
        carry = prev if prev is not None and prev.metric else last_in_paragraph(ctx, sent)
        metric = None
        if carry is not None and carry.metric:
            metric, r.metric_id = carry.metric, carry.metric_id
    elif metric and prev is not None and prev.metric and _THAT_WORD.match(metric):
        metric = None  # "..., while that of ministries was 86.55%": the same measure
    if not metric and prev is not None and prev.metric:
        metric, r.metric_id = prev.metric, prev.metric_id  # ellipsis: "; localities reached 37.4%"
    if not metric and pronoun:
        carry = last_in_paragraph(ctx, sent)  # "It was 2.1 percent higher than ...": the measure before
        if carry is not None and carry.metric:
            metric, r.metric_id = carry.metric, carry.metric_id
    if not metric:
        # "Hai Phong ranked first with 92.08 points": the index the paragraph is about
        para_start = paragraph_start(ctx, sent)
        line = text[sent.start:sent.end].strip()
        if sent.end - sent.start <= 80 and (not line.endswith(".") or re.match(r"[-•–*+\d]|[^.]{0,40}:", line)):
            para_start = 0  # a list item ("Hai Phong: 92.08%") belongs to the heading above it
        recent = [h for h in lexicon_hits(text, lang, max(para_start, start - 600), start) if h[2].get("kind") == "index"]
        if recent:
            metric, r.metric_id = recent[-1][2]["label"], recent[-1][2]["id"]
    if not metric:
        # "Quang Ninh led the provinces with 92.18 points", "Da Nang ranked first with 87.1%":
        # a number whose sentence names no measure is a result of the index the page is about
        topic = page_index(ctx)
        if topic is not None and (unit == "points" or about_index(ctx, topic)):
            metric, r.metric_id = topic["label"], topic["id"]
    ranged = bool(metric) and bool(r.metric_id) and " range" not in metric and range_bound(text, start, end)
    group = range_group(text, sent.start, start, end, lang) if ranged else None
    if group:
        metric = f"{metric} range {group}"  # "the moderate group (67.7 to 70 percent)"
    elif ranged and explicit_range(text, sent.start, start):
        metric = f"{metric} range"  # "with indexes ranging from 80.6 percent to 81.2 percent"
    if metric and not r.metric_id:
        for s, e, entry in _hits_in(metric, lang):
            r.metric_id = entry["id"]
            break
    r.metric = expand_acronyms(metric, ctx)
    return Found(subject, anaphor, pronoun, label, changed, group)


def _sentence_hits(ctx: Context, sent: Sentence) -> list[tuple[int, int, dict]]:
    """Lexicon matches in the sentence, looked up once per sentence, not once per number."""
    key = ("lexicon_hits", sent.start, sent.end)
    got = ctx.cache.get(key)
    if got is None:
        got = ctx.cache[key] = lexicon_hits(ctx.text, ctx.lang, sent.start, sent.end)
    return got


@lru_cache(maxsize=None)
def _suffixes(lang: str, key: str) -> Suffixes:
    """The word list ``key`` of ``lang``, as the words a ``(?:{key})\\s*$`` pattern ends with."""
    return Suffixes(words(lang).get(key) or ())


@lru_cache(maxsize=4096)
def _hits_in(phrase: str, lang: str) -> tuple[tuple[int, int, dict], ...]:
    """Lexicon matches in a metric phrase or label: the same phrases recur for many numbers
    and pages, and every lexicon pattern runs over each."""
    return tuple(lexicon_hits(phrase, lang, 0, len(phrase)))


@lru_cache(maxsize=None)
def _vocab_rx(lang: str, template: str) -> re.Pattern:
    """``template`` with each ``{key}`` (lower-case letters) replaced by the alternation of the
    language's word list ``key``, compiled once: not rebuilt for every number."""
    w = words(lang)
    # grouped by first letter: one branch per letter at each position, not one per word
    return re.compile(re.sub(r"\{([a-z_]+)\}", lambda m: alt_by_first(w[m.group(1)], True), template), re.I)


@lru_cache(maxsize=64)
def _subject_patterns(actors: str) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The actor patterns built on one page's subject alternation, compiled once per alternation
    (a page's alternation is large: building and hashing it per number cost more than the search)."""
    return (re.compile(rf"\b(?:at|in|among)\s+(the\s+)?({actors})\b", re.I),
            re.compile(rf"\b(?:that|those)\s+(?:of|for|in|at)\s+(?:the\s+)?({actors})", re.I),
            re.compile(rf"\s*(?:for|in|at)\s+(?:the\s+)?({actors})\b", re.I))


@lru_cache(maxsize=64)
def _directive_rx(lang: str, actors: str) -> re.Pattern:
    """"urged localities to ...": a directive verb, its actor, "to" (compiled once per page's actors)."""
    return re.compile(rf"\b(?:{alt(words(lang)['directive_verbs'])})\s+(?:all\s+)?(?:the\s+)?({actors})\s+to\b", re.I)


def _read_subject(c: Clause, r: Reading, found: Found) -> str | None:
    """For whom the number is: the first rule that names an actor wins."""
    ctx, sent, start, end, prev = c.ctx, c.sent, c.start, c.end, c.prev
    text, lang = ctx.text, ctx.lang
    w = words(lang)
    left_start, left, right, clause_off, cue = c.left_start, c.left, c.right, c.clause_off, c.cue
    num_end_prev = c.num_end_prev
    subject, anaphor, pronoun, label, group = found.subject, found.anaphor, found.pronoun, found.label, found.group
    slot = respectively_slot(ctx, sent, start, end)
    resp = respectively_actor(ctx, sent, slot)
    # the list's whole measure, as the first number of the list read it (later ones carry a part)
    whole = ctx.cache.setdefault(("respectively_metric", slot[2]), r.metric) if slot else None
    part = respectively_metric(whole, slot)
    if part:
        r.metric = part  # "The rates of X and of Y were 45% and 98% respectively"
    if resp:
        subject, anaphor = resp, False  # "A, B and C scored 88%, 87% and 86% respectively"
    if pronoun and not subject:
        # "This figure was 3.5 percent above ...": the actor of the measure it refers to
        carry = last_in_paragraph(ctx, sent)
        if carry is not None and carry.subject and not item_actor(ctx, sent, left_start, start, True):
            subject = carry.subject
    if not subject and not anaphor:
        subject = _item_subject(
            ctx, sent, left_start + c.report, start, end, num_end_prev is None, bool(group))
    if (anaphor or not subject) and not label:
        semi = text.find(";", end, min(sent.end, end + 200))  # bounded: linear on one-line pages
        tail_end = start if cue else (semi if semi >= 0 else min(sent.end, end + 200))
        sub2 = subject_in(text, left_start + clause_off, tail_end, ctx, lang, exclude_after=start,
                           allow_after=prev is None or not prev.subject)
        if sub2 and not anaphor:
            subject = sub2
        elif anaphor:
            after = [f for _, _, f in ctx.places_in(end, sent.end) if _national(f, lang) != "nationwide"]
            subject = anaphor_place(ctx, start) or (after[0] if after else None) or (subject if subject.lower().startswith(("the ", "this ")) else "the " + subject)
    if not subject:
        # "... accounted for 62 per cent of all dossiers at localities"
        nxt = ctx.next_number_after(end)
        tail = text[end:min(sent.end, nxt if nxt is not None else sent.end)]
        # not across a participle clause: "up 2.3 points, ranking ninth among 63 provinces"
        tail = _PARTICIPLE_CUT.split(tail)[0]
        srx = subject_rx(lang, ctx.cache.get("forms") or ())
        m = _subject_patterns(srx.pattern)[0].search(tail)
        if m:
            subject = _national(m.group(2), lang)
            if m.group(1) and ("the " + m.group(2).lower()) in w["subject_anaphors"]:
                subject = anaphor_place(ctx, start) or "the " + m.group(2)  # "82% of adults in the province"
    if not subject or (prev is not None and subject == prev.subject):
        # "..., and that of 63 provinces and cities 87.1%": the other actor of the same measure
        srx = subject_rx(lang, ctx.cache.get("forms") or ())
        tm = _subject_patterns(srx.pattern)[1].search(left[clause_off:])
        if tm:
            subject = _national(tm.group(1), lang)
    if not subject and prev is not None and prev.subject:
        subject = prev.subject  # the same actor as the number before in the sentence
    if not subject or (prev is not None and subject == prev.subject and not cue):
        # "86.4 per cent for Hai Phong, 85.1 per cent for Quang Ninh": said right after the number
        srx = subject_rx(lang, ctx.cache.get("forms") or ())
        dm = _subject_patterns(srx.pattern)[2].match(text[end:min(sent.end, end + 80)])
        if dm and ("the " + dm.group(1).lower()) not in w["subject_anaphors"]:
            subject = _national(dm.group(1), lang)
    if not subject and w.get("directive_verbs"):
        # "urged localities to reduce at least 20% of compliance costs": the one urged acts
        srx = subject_rx(lang, ctx.cache.get("forms") or ())
        dm = None
        for dm in _directive_rx(lang, srx.pattern).finditer(text[left_start + clause_off:start] if cue is None else ""):
            pass
        if dm is not None:
            subject = _national(dm.group(1), lang)
    if not subject:
        subject = passive_directive_subject(ctx, sent, start, lang)
    if not subject:
        subject = survey_subject(ctx, sent, r.metric, right, lang)
    if not subject:
        subject = clause_subject(ctx, sent, start, lang)
    if not subject:
        subject = sentence_subject(ctx, sent, start, left_start + c.report)
    if r.metric and subject and subject in r.metric:  # (both patterns need the subject as it is)
        # the subject is said once: "share of people satisfied ... in Binh Duong" -> without it
        r.metric = re.sub(rf"\s+(?:in|at|of|for)\s+(?:the\s+)?{re.escape(subject)}(?:\s+(?:province|city))?$", "", r.metric) or r.metric
        # "share of dossiers in Lao Cai settled on time": the place is the subject, not the measure
        r.metric = re.sub(rf"\s+(?:in|at)\s+(?:the\s+)?{re.escape(subject)}(?:\s+(?:province|city))?(?=\s)", "", r.metric) or r.metric
    if r.metric and _suffixes(lang, "subject_anaphors").may_end(r.metric):
        r.metric = _vocab_rx(lang, r"\s+(?:in|at|of|for)\s+(?:{subject_anaphors})$").sub("", r.metric) or r.metric
    return subject


def _item_subject(ctx: Context, sent: Sentence, a: int, start: int, end: int, first: bool,
                  in_range: bool) -> str | None:
    """The actor of a number's own list item: the last actor before it, else the last counted
    group ("Among the 19 provinces and cities with indexes over 80 percent"); for a
    range in parentheses, the counted group its verb names ("(67.7 to 70 percent) consisted of
    five provinces")."""
    if in_range:
        after = group_after(ctx.text, end, sent.end, ctx.lang)
        if after:
            return after
    paren = paren_actor_after(ctx, end)
    if paren:
        return paren  # "the highest was 92.1% (Hai Phong)"
    closing = _CLOSING_PAREN.match(ctx.text[a:start])
    if closing:
        a += closing.end()  # "92.1% (Hai Phong) and the lowest 78.3%": that actor is the number before's
    actor = item_actor(ctx, sent, a, start, first)
    if actor and in_range_from(ctx.text, start):
        # "followed by X and Y with indexes ranging from 80.6 to 81.2 percent": all of them
        many = [f for _, _, f, _ in actors_in(ctx, a, start)]
        if len(many) > 1:
            actor = (actor[0], ", ".join(dict.fromkeys(many)), actor[2])
    word = list_actor_word(ctx, a, start)
    if word and actor is None:
        return word  # "Rate of online records: nationwide 45%, localities 38%"
    agg = aggregate_in(ctx.text, a, start, ctx.lang)
    if agg and (actor is None or agg[0] > actor[0]):
        return agg[1]  # "91.5%, compared to the national average of 84.4%"
    group = counted_group(ctx.text, a, start, ctx.lang) if actor is None or actor[2] == "body" else None
    if group and (actor is None or group[0] > actor[0]):
        return group[1]  # "The Ministry ranked provinces, with 45 provinces above 85%": bodies rank, groups are ranked
    return actor[1] if actor else None


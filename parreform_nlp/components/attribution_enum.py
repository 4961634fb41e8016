"""Rankings, enumerations and aggregates: whom each number of a list belongs to.

PAR pages list results more than they narrate them:

* ranking lists: "X led with 92.1%, followed by Y with 91.8%, Z (91.4%) and W, 91.2%": each
  number belongs to the actor named in its own item, between the number before it and itself
  (:func:`item_actor`); "the highest was 92.1% (X), the lowest 78.3% (Y)": to the actor in
  parentheses right after it (:func:`paren_actor_after`);
* "respectively": "A, B and C scored 88%, 87% and 86% respectively": the n-th number of the
  list belongs to the n-th actor before it, and to the n-th measure of "the rates of X and of
  Y" (:func:`respectively_slot`);
* aggregates: "the national average" (nationwide), "ministries and ministerial-level agencies"
  (:func:`aggregate_in`), a counted group ("Thirty-three provinces", "19 provinces and
  cities", :func:`counted_group`) and a group made of members ("The moderate group (67.7 to
  70 percent) consisted of five provinces", :func:`group_after`) are subjects;
* a range in parentheses after a group ("rather good results (between 70 and 80 percent)")
  is the range of that group on the page's index (:func:`range_group`);
* an item may name its own measure: "e-governance (3.48 points)", "Component scores: procedure
  reform 93.5%, ..." (:func:`item_label`).

Actors are the places (the six socio-economic regions included) and bodies the page names,
found once per page. Vocabulary lives in ``resources/en/attribution.json`` and
``resources/regions.json``.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from ..anchors import anchored
from ..patterns import alt, alt_by_first
from ..resources import has_resource, load_json
from .attribution_fast import Needles, TailPattern
from .indicators_context import Context, Sentence, _national
from .indicators_find import words


@lru_cache(maxsize=None)
def vocab(lang: str = "en") -> dict:
    """The attribution word lists of ``lang`` (English for languages without their own)."""
    return load_json("attribution.json", lang if has_resource("attribution.json", lang) else "en")


@lru_cache(maxsize=None)
def _cue_rx(key: str, lang: str) -> re.Pattern:
    return re.compile(rf"(?<!\w)(?:{alt(vocab(lang)[key])})(?!\w)", re.I)


@lru_cache(maxsize=None)
def _group_rx(lang: str) -> tuple[re.Pattern, re.Pattern]:
    """(verb before a counted group, noun phrase of a group before a range), compiled once."""
    v = vocab(lang)
    return (re.compile(rf"[^.;:()]{{0,30}}?\)?\s*,?\s*(?:{alt(v['group_verbs'])})\s+(?:the\s+)?", re.I),
            re.compile(rf"((?:[\w\-'‘’\"“”]+\s+){{0,2}}(?:{alt(v['group_nouns'])}))$", re.I))


def is_ranking(ctx: Context, sent: Sentence) -> bool:
    """Whether the sentence ranks or lists actors ("led", "followed by", "included", ...)."""
    key = ("ranking", sent.start)
    if key not in ctx.cache:
        ctx.cache[key] = anchored(_cue_rx("ranking_cues", ctx.lang)).search(ctx.text, sent.start, sent.end) is not None
    return ctx.cache[key]


def actors(ctx: Context) -> tuple[list[int], list[tuple[int, int, str, str]]]:
    """(starts, [(start, end, form, kind)]) of places and bodies, sorted; built once per page."""
    got = ctx.cache.get("actors")
    if got is None:
        items = [(s, e, f, "place") for s, e, f in ctx.places]
        items += [(s, e, f, "body") for s, e, f in ctx.bodies]
        items.sort()
        kept: list[tuple[int, int, str, str]] = []
        for it in items:  # a place inside a body's name ("Hanoi People's Committee") is the body's
            if kept and it[0] < kept[-1][1]:
                if it[1] - it[0] > kept[-1][1] - kept[-1][0]:
                    kept[-1] = it
                continue
            kept.append(it)
        got = ctx.cache["actors"] = ([k[0] for k in kept], kept)
    return got


def actors_in(ctx: Context, a: int, b: int) -> list[tuple[int, int, str, str]]:
    """Actors that start in ``[a, b)`` and end before ``b``."""
    starts, items = actors(ctx)
    return [it for it in items[bisect_left(starts, a):bisect_left(starts, b)] if it[1] <= b]


@lru_cache(maxsize=None)
def _aggregate_rx(lang: str) -> re.Pattern:
    v = vocab(lang)
    return re.compile(rf"(?<![\w\-])(?:the\s+)?(?P<agg>{alt(v['aggregate_nationwide'] + v['aggregate_subjects'])})(?![\w\-])", re.I)


@lru_cache(maxsize=None)
def _aggregate_needles(lang: str) -> Needles:
    v = vocab(lang)
    return Needles(v["aggregate_nationwide"] + v["aggregate_subjects"])  # each match holds one whole


def aggregate_in(text: str, a: int, b: int, lang: str) -> tuple[int, str] | None:
    """(start, subject) of the last aggregate in ``text[a:b]``: "the national average" ->
    "nationwide", "the average of provinces and centrally-run cities" -> itself."""
    last = None
    if not _aggregate_needles(lang).may_hold(text[a:b]):
        return None
    for m in anchored(_aggregate_rx(lang)).finditer(text, a, b):
        if not re.search(r"\b(?:out\s+of|among|amongst|of|in|across|for)\s+(?:the\s+|all\s+)?$", text[max(a, m.start() - 15):m.start()], re.I):
            last = m  # "ranked 2nd out of 63 provinces and cities": the set ranked in, not an actor
    if last is None:
        return None
    agg = last.group("agg")
    national = {x.lower() for x in vocab(lang)["aggregate_nationwide"]}
    return last.start(), "nationwide" if agg.lower() in national else agg


def item_actor(ctx: Context, sent: Sentence, a: int, start: int, first: bool) -> tuple[int, str, str] | None:
    """(start, actor, kind) of a number's own list item ``text[a:start]`` (from the number before it).

    Places always count; a body counts in a ranking sentence or an item after another number
    ("the Committee for Ethnic Minority Affairs, 67.19 percent"): elsewhere a ministry that
    speaks or sets a target is not the actor of the number."""
    found = actors_in(ctx, a, start)
    if not found:
        return None
    s, e, form, kind = found[-1]
    if kind == "body" and first and not is_ranking(ctx, sent):
        return None
    return s, _national(form, ctx.lang), kind


_MAX_LIST = 12


def respectively_slot(ctx: Context, sent: Sentence, start: int, end: int) -> tuple[int, int, int] | None:
    """"A, B and C scored 88%, 87% and 86% respectively": (the number's place in its list, the
    list's length, the start of its first number), or None outside such a list."""
    text = ctx.text
    cues = ctx.cache.get("respectively")
    if cues is None:  # once per page: numbers are read in bounded windows of their sentence
        cues = ctx.cache["respectively"] = [m.start() for m in anchored(_cue_rx("respectively", ctx.lang)).finditer(text)]
    at = bisect_left(cues, end)
    if at == len(cues) or cues[at] >= sent.end:
        return None
    cue = cues[at]
    starts = ctx.cache.get("num_starts", [])
    # the numbers of the list: back from this one while only list punctuation separates them
    # (a list is short: a few steps at most keep long sentences linear)
    i = bisect_left(starts, start)
    j = i
    while j > 0 and i - j < _MAX_LIST and starts[j - 1] >= sent.start and re.fullmatch(
            r"[^.;:]{0,40}?(?:,|\band\b|\s)\s*", text[ctx.number_end_before(starts[j]) or 0:starts[j]]):
        j -= 1
    k = i
    while k + 1 < len(starts) and k - i < _MAX_LIST and starts[k + 1] < cue:
        k += 1
    nums = k - j + 1
    return (i - j, nums, starts[j]) if nums > 1 else None


def respectively_actor(ctx: Context, sent: Sentence, slot: tuple[int, int, int] | None) -> str | None:
    """The actor in the number's place of a "respectively" list ("A, B and C scored ...")."""
    if slot is None:
        return None
    pos, nums, first = slot
    found = actors_in(ctx, max(sent.start, first - 400), first)
    if len(found) < nums:
        return None
    return _national(found[len(found) - nums + pos][2], ctx.lang)


def respectively_metric(metric: str | None, slot: tuple[int, int, int] | None) -> str | None:
    """"The rates of online records and of on-time settlement were 45% and 98% respectively":
    the measure in the number's place ("rate of on-time settlement"), else None."""
    if not metric or slot is None:
        return None
    pos, nums, _ = slot
    m = re.fullmatch(r"(?P<head>[\w\-]+?)(?:s)?\s+of\s+(?P<rest>.+)", metric)
    if m is None:
        return None
    parts = [p.strip() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", m.group("rest")) if p.strip()]
    if len(parts) != nums:
        return None
    part = re.sub(r"^(?:of|the)\s+", "", parts[pos])
    return f"{m.group('head')} of {part}"


def paren_actor_after(ctx: Context, end: int) -> str | None:
    """"The highest was 92.1% (Hai Phong)": the actor in parentheses right after the number."""
    m = _OPEN_PAREN.match(ctx.text[end:end + 4])
    if m is None:
        return None
    found = actors_in(ctx, end, end + 80)
    if found and found[0][0] == end + m.end() and _CLOSE_PAREN.match(ctx.text[found[0][1]:found[0][1] + 3]):
        return _national(found[0][2], ctx.lang)
    return None


@lru_cache(maxsize=None)
def _counted_rx(lang: str) -> re.Pattern:
    v = vocab(lang)
    nums = alt_by_first(v["number_words"], True)  # one branch per first letter
    noun = alt_by_first(v["counted_nouns"], True)
    count = rf"(?:\d+|(?:{nums})(?:[\s\-](?:{nums}))?)"
    return re.compile(
        rf"(?<![\w\-])(?P<count>{count})\s+(?P<rest>(?:(?!(?:of|and|in|with|at)\b)[a-z][\w\-]*\s+){{0,2}}"
        rf"(?:{noun})(?:\s+(?:and|&)\s+(?:centrally[\s\-]run\s+)?(?:{noun}))?)\b", re.I)


def _count_value(count: str, lang: str) -> str:
    """"Thirty-three" -> "33"; one to nine stay words (news style); digits stay digits."""
    if count.isdigit():
        return count
    table = vocab(lang)["number_words"]
    total = sum(table.get(p.lower(), 0) for p in re.split(r"[\s\-]+", count))
    return count.lower() if total < 10 else str(total)


@lru_cache(maxsize=None)
def _counted_needles(lang: str) -> Needles:
    return Needles(vocab(lang)["counted_nouns"])


def counted_group(text: str, a: int, b: int, lang: str) -> tuple[int, str] | None:
    """(start, group) of the last counted group in ``text[a:b]``: "Thirty-three provinces" -> "33 provinces"."""
    last = None
    if not _counted_needles(lang).may_hold(text[a:b]):
        return None  # each group holds one of its nouns
    for last in _counted_rx(lang).finditer(text, a, b):
        pass
    if last is None:
        return None
    return last.start(), f"{_count_value(last.group('count'), lang)} {last.group('rest')}"


def group_after(text: str, end: int, stop: int, lang: str) -> str | None:
    """"(67.7 to 70 percent) consisted of five provinces": the counted group the verb names."""
    m = _group_rx(lang)[0].match(text[end:min(stop, end + 80)])
    if m is None:
        return None
    g = _counted_rx(lang).match(text, end + m.end(), stop)
    return f"{_count_value(g.group('count'), lang)} {g.group('rest')}" if g else None


def range_group(text: str, sent_start: int, start: int, end: int, lang: str) -> str | None:
    """"The moderate group (67.7 to 70 percent)", "rather good results (between 70 and 80
    percent)": the group a parenthesised range belongs to ("of moderate group"; a verb phrase
    in parentheses: "(performed poorly)"), else None."""
    open_at = text.rfind("(", max(sent_start, start - 30), start)
    if open_at < 0 or ")" in text[open_at:start] or ")" not in text[end:end + 40]:
        return None
    if not re.fullmatch(r"\(\s*(?:between\s+|from\s+)?(?:[\d.,]+\s*(?:%|percent|per cent|points?)?\s*(?:to|and|[-–])\s*)?", text[open_at:start], re.I):
        return None
    before = text[max(sent_start, open_at - 120):open_at].rstrip()
    m = _group_rx(lang)[1].search(before)
    if m is None:
        # "six northern provinces performed poorly (62.6 to 67.7 percent)": the verb phrase
        m = re.search(r"((?:[\w\-]+\s+)?[\w\-]+ly)$", before)
        if m is None:
            return None
        return f"({m.group(1)})"  # "PAR Index range (performed poorly)"
    words = [w for w in m.group(1).split() if w.lower() not in ("the", "a", "an", "saw", "had", "achieved", "got", "with", "of")]
    group = " ".join(words).strip("\"'“”‘’")
    return f"of {group}" if group else None


def range_bound(text: str, start: int, end: int) -> bool:
    """Whether the number is a bound of a range ("70 to 80 percent", "ranging from X to Y")."""
    before = text[max(0, start - 12):start]
    after = text[end:end + 12]
    return _BOUND_BEFORE.search(before) is not None and _DIGIT.search(before) is not None \
        or _BOUND_AFTER.match(after) is not None


_BOUND_BEFORE = re.compile(r"(?:\bto|\band|[-–])\s*$")
_BOUND_AFTER = re.compile(r"\s*(?:to|and|[-–])\s*\d")
_DIGIT = re.compile(r"[\d]")
_OPEN_PAREN = re.compile(r"\s*\(\s*")
_CLOSE_PAREN = re.compile(r"\s*\)")


def item_label(ctx: Context, sent: Sentence, a: int, start: int, end: int, rate_nouns: list[str]) -> str | None:
    """The measure a list item names for itself, or None.

    * "transparency in local decision making (5.69 points); e-governance (3.48 points)": a
      number in parentheses right after a short noun phrase of its own item;
    * "Component scores: procedure reform 93.5%, organisational reform 90.1%" and
      "participation, 5.2 points; transparency, 5.6 points": an item of a list after a colon;
    * "the on-time settlement rate 98.2%": a rate noun right before the number (the verb is
      the one of the clause before).

    A place, a body or a counted group there is an actor, not a measure."""
    text = ctx.text
    open_at = text.rfind("(", max(a, start - 3), start)
    if open_at >= 0 and _CLOSE_PAREN.match(text[end:end + 3]):
        seg = text[a:open_at]
    else:
        seg = text[a:start]
        bare = seg.rstrip(" ,:")
        in_list = 0 <= first_colon(ctx, sent) < start and len(seg) - len(bare) <= 2
        rated = len(seg) - len(bare) <= 1 and _rated_rx(tuple(rate_nouns)).search(bare) is not None
        if not (in_list or rated) or not bare:
            return None
        open_at = a + len(bare)
        seg = bare
    # the item: after the last list separator or colon, and after a copula ("was \"X\"")
    cut = max((m.end() for m in re.finditer(r"[;:,]|\b(?:and|or|were|was|is|are|include[sd]?|including)\b", seg)), default=0)
    item = re.sub(r"^(?:(?:in|for|on|at|of|to|the|a|an|its|their)\s+)+", "", seg[cut:].strip(" \"'“”‘’"), flags=re.I)
    item = item.strip(" \"'“”‘’")
    toks = item.split()
    if not toks or len(toks) > 8 or re.search(r"\d", item) or not re.search(r"[a-z]", item):
        return None
    if actors_in(ctx, a + cut, open_at) or counted_group(text, a + cut, open_at, ctx.lang):
        return None
    if item.lower() in vocab(ctx.lang)["metric_pronouns"] or _actor_word_rx(ctx.lang).fullmatch(item):
        return None  # "Nationwide: 45%", "Localities: 38%": who, not what
    return item


@lru_cache(maxsize=16)
def _rated_rx(rate_nouns: tuple[str, ...]) -> TailPattern:
    """A rate noun at the end of an item ("the on-time settlement rate"), compiled once."""
    return TailPattern(rf"\b(?:{alt(rate_nouns)})", re.I)


def first_colon(ctx: Context, sent: Sentence) -> int:
    """Offset of the first colon of the sentence (-1 if none), looked up once per sentence."""
    key = ("colon", sent.start)
    if key not in ctx.cache:
        ctx.cache[key] = ctx.text.find(":", sent.start, sent.end)
    return ctx.cache[key]


def list_heading(ctx: Context, sent: Sentence, start: int, rate_nouns: list[str]) -> str | None:
    """"Rate of online records in 2023: nationwide 45%, localities 38%": the measure a list's
    heading names (a rate noun in a short phrase before the colon), for its items."""
    colon = first_colon(ctx, sent)
    if colon < 0 or colon > start:
        return None
    head = ctx.text[sent.start:colon].strip()
    if len(head.split()) > 10 or not re.search(rf"\b(?:{alt(rate_nouns)})s?\b", head, re.I):
        return None
    return head


#: List separators: "[;:,]|\band\b", with "and" as "a" with no word character before it, so that
#: every branch opens with a literal and the engine jumps between them in C.
_ITEM_CUT = re.compile(r";|:|,|a(?<!\w\w)nd\b")


def list_actor_word(ctx: Context, a: int, start: int) -> str | None:
    """"nationwide 45%, localities 38%": an item that is only an actor word ("localities")."""
    seg = ctx.text[a:start]
    cut = 0
    for m in _ITEM_CUT.finditer(seg):
        cut = m.end()
    item = seg[cut:].strip(" ,:")
    if item and _actor_word_rx(ctx.lang).fullmatch(item):
        return _national(re.sub(r"^(?:the|all)\s+", "", item, flags=re.I), ctx.lang)
    return None


@lru_cache(maxsize=None)
def _actor_word_rx(lang: str) -> re.Pattern:
    """Words that name who a number is for, never what it measures."""
    w, v = words(lang), vocab(lang)
    forms = w["subject_nouns"] + w["nationwide_cues"] + v["aggregate_subjects"] + v["aggregate_nationwide"] + v["counted_nouns"]
    return re.compile(rf"(?:the\s+|all\s+)?(?:{alt(forms)})", re.I)


def in_range_from(text: str, start: int) -> bool:
    """Whether the number opens a range "ranging from X to Y" / "between X and Y" / "from X to Y"."""
    return re.search(r"\b(?:rang(?:ing|ed|e)\s+from|between|from)\s*$", text[max(0, start - 20):start], re.I) is not None


def explicit_range(text: str, sent_start: int, start: int) -> bool:
    """Whether a range bound is said to be a range ("ranging from X to Y", "in the range of")."""
    return re.search(r"\brang(?:ing|ed|es?)\b[^.;]{0,40}$", text[max(sent_start, start - 60):start], re.I) is not None


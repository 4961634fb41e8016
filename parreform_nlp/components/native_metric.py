"""The metric of a Vietnamese or Thai number when the index lexicon does not name it whole.

The lexicon knows whole index names ("Chỉ số CCHC" -> "PAR Index"); everything else is
read from the sentence's structure and rendered in English by :mod:`parreform_nlp.glossary`:

* the metric noun phrase before a cue verb ("tỷ lệ hồ sơ trực tuyến được giải quyết đúng
  hạn đạt 99,7%") or, in Thai, the head phrase before the number ("อัตรา... 30%");
* the object after the number ("tiếp nhận 100% các TTHC theo ngành dọc ...": share of ...),
  or before it in Thai ("โอนกระบวนการทางปกครองทั้งหมด 100%": share of ... transferred);
* a generic head ("giá trị trung bình", "ค่าเฉลี่ย": average value) names no measure: it
  qualifies the measure named before it ("average PAR Index");
* an anaphoric index ("chỉ số này", "ดัชนีนี้": this index) is the index named last before it;
* the items of a ranking or a list ("A (46,04 điểm), B (45,78 điểm)") share one metric, and
  a score in a ranking with nothing of its own is the index named last before it.

A pronoun or a fragment is never a metric: when nothing names the measure, it stays ``None``.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from .. import glossary
from ..patterns import alt
from .indicators_context import Context, Reading, Sentence, index_hits, lexicon_hits
from .native_subjects import is_ranking, subject_matches, the_place

_LIST_GAP = 80  # characters between two items of one list ("A (46,04 điểm), B (45,78 điểm)")
_OWNER_BEFORE = re.compile(r"\s*(?:của|ของ|tại|ở|ใน)\s*$")  # "... của tỉnh": a unit owns the measure
_LIST_OBJECT_LEAD = re.compile(r"\s*(?:các|những|số|toàn bộ|tổng số)?\s*", re.I)


def _index_hits(ctx: Context) -> list[tuple[int, int, dict]]:
    """Every named index of the page, in text order: the page frame found them already
    (:func:`index_hits`, once per page), the lexicon is not scanned again."""
    return index_hits(ctx)


def last_index_before(ctx: Context, pos: int) -> dict | None:
    """The index named last before ``pos`` (what "chỉ số này" / a ranking's scores refer to)."""
    hits = _index_hits(ctx)
    i = bisect_left(ctx._starts("native_index_starts", hits), pos)
    return hits[i - 1][2] if i else None


def _clause_start(ctx: Context, lo: int, hi: int) -> int:
    """Start of the clause ending at ``hi``: after the last ';' / ':' / comma that is not part
    of a glossary term ("phí, lệ phí" is one term) and not a decimal comma."""
    text = ctx.text
    cut = lo
    for m in re.finditer(r"[;:]|,(?!\d)|\s[-–—]\s", text[lo:hi]):
        cut = lo + m.end()
    if cut == lo or text[cut - 1] != ",":
        return cut
    # a comma inside a term ("cán bộ, công chức") does not end the clause
    segs = glossary.segment(text[max(lo, cut - 40):hi], ctx.lang)
    base = max(lo, cut - 40)
    for sg in segs:
        if base + sg.start < cut - 1 < base + sg.end:
            return _clause_start(ctx, lo, base + sg.start)
    return cut


def _np_render(ctx: Context, a: int, b: int) -> str | None:
    """English of the metric noun phrase in ``text[a:b]``: from its head (the first head for
    Vietnamese, the last for Thai; a rate noun, "số", "chỉ số", "อัตรา", ...) up to a word
    that starts a new clause ("tăng", "so với", "năm ..."); lexicon index names stay whole.
    No head, no metric: a bare noun phrase before a verb is a subject as often as a measure."""
    text, lang = ctx.text, ctx.lang
    fixed = [(s - a, e - a, h["label"]) for s, e, h in lexicon_hits(text, lang, a, b)]
    segs = glossary.segment(text[a:b], lang, fixed)
    heads = [i for i, sg in enumerate(segs) if sg.kind == "head"]
    if not heads:
        return None
    i = heads[-1] if lang == "th" else heads[0]
    # whose measure it is ("... của tỉnh", "... ของจังหวัด", a place) is the subject, not the metric
    for m in subject_matches(text, a + segs[i].end, b, lang):
        if _OWNER_BEFORE.search(text, a + segs[i].end, m.start()) or re.match(r"(?:của|ของ)", m.group(0), re.I):
            segs = [sg for sg in segs if a + sg.end <= m.start()]
            break
    for k in range(i + 1, len(segs)):
        if segs[k].kind == "prep" and segs[k].en == "of" and _owner_at(ctx, a + segs[k].start, a + segs[k].end, b):
            segs = segs[:k]  # "... ของจังหวัด", "... của tỉnh": the page's place owns it
            break
    for ps, pe, _ in ctx.places_in(a + segs[i].end, b) if len(segs) > i else ():
        segs = [sg for sg in segs if a + sg.end <= ps]
        break
    if len(segs) <= i:
        return None
    stop = glossary.stop_words(lang)
    if stop:
        pre, post = ("", "") if lang == "th" else (r"(?<!\w)", r"(?!\w)")
        m = re.search(rf"{pre}(?:{alt(stop)}){post}", text[a + segs[i].end:b], re.I)
        if m:
            cut = segs[i].end + m.start()
            segs = [sg for sg in segs if sg.end <= cut]
    return glossary.render_segments(segs[i:], lang)


def _carry(ctx: Context, sent: Sentence, start: int, hits, prev: Reading | None) -> tuple[str | None, str | None]:
    """The measure a generic head or a list item stands for: a lexicon name before it in the
    sentence, the number before it, else the index named last before it."""
    if hits:
        return hits[-1][2]["label"], hits[-1][2]["id"]
    if prev is not None and prev.metric:
        return prev.metric, prev.metric_id
    own = lexicon_hits(ctx.text, ctx.lang, max(sent.start, start - 300), start)
    if own:
        return own[-1][2]["label"], own[-1][2]["id"]
    idx = last_index_before(ctx, start)
    return (idx["label"], idx["id"]) if idx else (None, None)


def _with_mods(mods: list[str], metric: str | None) -> str | None:
    if not metric:
        return metric
    lead = [m for m in mods if m not in metric.lower().split()]
    return " ".join([*lead, metric]) if lead else metric


def _average_between(ctx: Context, a: int, b: int) -> list[str]:
    """"average" / "highest" when a generic measure word qualifies the number: "đạt giá trị
    trung bình trên 80%", "มีค่าเฉลี่ย ... อยู่ที่ 88.37%"."""
    segs = glossary.segment(ctx.text[a:b], ctx.lang)
    for k, sg in enumerate(segs):
        if sg.kind == "head" and glossary.is_generic(sg.en, ctx.lang):
            label = glossary.render_segments(segs[k:k + 3], ctx.lang)
            mods = glossary.generic_modifiers(label, ctx.lang)
            if "average" in mods:
                return ["average"]
    return []


def _anaphoric_index(ctx: Context, a: int, b: int) -> dict | None:
    """"chỉ số này" / "ดัชนีนี้" in ``text[a:b]``: the index named last before it."""
    ana = glossary.anaphors(ctx.lang)
    nouns = glossary.index_nouns(ctx.lang)
    if not ana or not nouns:
        return None
    # Thai: "ดัชนีของจังหวัดและเมืองนี้" (this index of provinces and cities) - one bounded gap
    rx = rf"(?:{alt(nouns)})[^\s\d]{{0,40}}?(?:{alt(ana)})" if ctx.lang == "th" else \
        rf"(?<!\w)(?:{alt(nouns)})\s+(?:{alt(ana)})(?!\w)"
    m = None
    for m in re.finditer(rx, ctx.text[a:b], re.I):
        pass
    if m is None:
        return None
    return last_index_before(ctx, a + m.start())


def refine(ctx: Context, sent: Sentence, start: int, end: int, left_start: int, prev: Reading | None,
           r: Reading, hits, cue: re.Match | None, right_used: bool) -> None:
    """Improve ``r.metric`` of the number at ``start`` where the lexicon alone falls short."""
    text, lang = ctx.text, ctx.lang
    clause = _clause_start(ctx, left_start, start)
    np_end = left_start + cue.start() if cue else start
    if right_used:
        return  # an action on N% of what follows, named by the lexicon
    ana = _anaphoric_index(ctx, max(left_start, start - 200), start)  # in its own stretch only
    clause_hits = [h for h in hits if h[0] >= clause]
    if ana is not None and not clause_hits:
        r.metric, r.metric_id = ana["label"], ana["id"]
    elif not clause_hits and np_end > clause and (cue is not None or lang == "vi"):
        label = _np_render(ctx, clause, np_end)
        if label and glossary.is_generic(label, lang):
            metric, mid = _carry(ctx, sent, clause, hits, prev)
            if metric:
                r.metric, r.metric_id = _with_mods(glossary.generic_modifiers(label, lang), metric), mid
        elif label:
            r.metric, r.metric_id = label, None
    elif clause_hits:
        s, e, entry = clause_hits[-1]
        after = [sg for sg in glossary.segment(text[e:start], lang) if sg.kind not in ("skip", "sep")]
        if after and after[0].kind == "mod" and after[0].en == "average" and r.metric:
            r.metric = _with_mods(["average"], r.metric)  # "Chỉ số CCHC bình quân của ..."
    if r.metric is None and lang == "vi":
        _fronted_topic(ctx, max(sent.start, start - 300), clause, r)
    if r.metric is None and lang == "th":
        _thai_left(ctx, clause, start, end, r)
    if r.metric is None and lang == "vi":
        _object_after(ctx, start, end, sent.end, r)
    if r.metric is None and lang == "vi":
        _share_of_counted(ctx, max(sent.start, start - 200), start, end, sent.end, r)
    if r.metric is None and prev is not None and prev.metric and start - left_start <= _LIST_GAP:
        r.metric, r.metric_id = prev.metric, prev.metric_id  # items of one list share the measure
    if r.metric is None and (r_unit_points(text, start, end) or is_ranking(text, max(sent.start, start - 300), end, lang)):
        idx = last_index_before(ctx, start)
        if idx is not None:
            r.metric, r.metric_id = idx["label"], idx["id"]  # a score in a ranking: the index of the passage
    if r.metric and not glossary.is_generic(r.metric, lang):
        # the number's own qualifier counts too: "đạt giá trị trung bình 84,2%"
        r.metric = _with_mods(_average_between(ctx, clause, end), r.metric)


def r_unit_points(text: str, start: int, end: int) -> bool:
    """Whether the number is an index score ("45,78 điểm", "84.6 คะแนน")."""
    return re.search(r"điểm|คะแนน", text[start:end]) is not None and "%" not in text[start:end]


def _object_after(ctx: Context, start: int, end: int, limit: int, r: Reading) -> None:
    """"tiếp nhận 100% các TTHC theo ngành dọc ...": the share of the object that follows;
    after a change verb ("cắt giảm 20% chi phí tuân thủ") the change of it."""
    text = ctx.text
    lead = _LIST_OBJECT_LEAD.match(text, end, limit)
    a = lead.end() if lead else end
    nxt = ctx.next_number_after(end)
    b = min(limit, a + 160, nxt if nxt is not None else limit)  # the next number has its own object
    punct = re.search(r"[;.:()]", text[a:b])
    b = a + punct.start() if punct else b
    segs = glossary.segment(text[a:b], "vi")
    stop = glossary.stop_words("vi")
    stop_rx = re.compile(rf"(?:{alt(stop)})(?!\w)", re.I) if stop else None
    for k, sg in enumerate(segs):
        # a comma inside a term ("cán bộ, công chức") is one segment with the term; a comma of
        # its own ends the object unless a list of nouns goes on ("hồ sơ, tài liệu")
        if (sg.kind == "conj" and sg.en == "," and not (k + 1 < len(segs) and segs[k + 1].kind in ("noun", "head"))) \
                or (stop_rx is not None and stop_rx.match(text, a + sg.start)):
            segs = segs[:k]
            break
    if not segs or segs[0].kind not in ("noun", "head"):
        return
    for k, sg in enumerate(segs):
        # "... của tỉnh và ...": whose objects they are is the subject, not the metric
        if k and sg.kind == "prep" and sg.en == "of" and _owner_at(ctx, a + sg.start, a + sg.end, b):
            segs = segs[:k]
            break
    label = glossary.render_segments(segs, "vi")
    if not label or glossary.is_generic(label, "vi"):
        return
    head = "share of"
    verbs = glossary.change_verbs("vi")
    if verbs:
        m = re.search(rf"(?<!\w)({alt(verbs)})\s*$", text[max(0, start - 30):start], re.I)
        if m:
            head = verbs[m.group(1).lower()]
            r.comparison = True
    r.metric, r.metric_id = f"{head} {label}", None


def _fronted_topic(ctx: Context, lo: int, clause: int, r: Reading) -> None:
    """"Ở nội dung "Kiểm soát tham nhũng", tỉnh đạt 7,12 điểm": a topic phrase fronted before
    the clause, opened by a marker and headed by a measure noun, names what it measures."""
    markers = glossary.topic_markers("vi")
    if not markers or clause <= lo:
        return
    # a year may date the topic ("Về Chỉ số SIPAS năm 2023, ..."); any other number is a count
    topic = re.sub(r"năm \d{4}", lambda y: " " * len(y.group(0)), ctx.text[lo:clause])
    m = re.match(rf"\s*(?:{alt(markers)})\s+(?P<np>[^,;:\d]+),\s*$", topic, re.I)
    if not m:
        return
    a = lo + m.start("np")
    segs = glossary.segment(ctx.text[a:lo + m.end("np")], "vi",
                            [(s - a, e - a, h["label"]) for s, e, h in lexicon_hits(ctx.text, "vi", a, lo + m.end("np"))])
    if segs and segs[0].kind == "head":
        label = glossary.render_segments(segs, "vi")
        if label and not glossary.is_generic(label, "vi"):
            r.metric, r.metric_id = label, None


_COUNT = re.compile(r"(?<![\w.,])\d[\d.]*\s+(?=[^\W\d_])")


def _owner_at(ctx: Context, of_start: int, pos: int, limit: int) -> bool:
    """Whether a unit (subject word, place, bare "tỉnh", "ของจังหวัด") follows the "of" word
    at ``of_start``..``pos``."""
    text = ctx.text
    if the_place(text, of_start, min(limit, pos + 12), ctx.lang) is not None:
        return True
    pos += len(text[pos:limit]) - len(text[pos:limit].lstrip())
    subs = subject_matches(text, pos, min(limit, pos + 60), ctx.lang)
    if subs and subs[0].start() == pos:
        return True
    return any(s == pos for s, _, _ in ctx.places_in(pos, pos + 1))


def _share_of_counted(ctx: Context, lo: int, start: int, end: int, limit: int, r: Reading) -> None:
    """"Trong tổng số 1.200 hồ sơ, có 95% được giải quyết đúng hạn" / "tiếp nhận 1.200 hồ sơ,
    trong đó 95% được giải quyết đúng hạn": a share of the noun counted before, in the state
    the words after the number give."""
    text = ctx.text
    nxt = ctx.next_number_after(end)
    segs = glossary.segment(text[end:min(limit, end + 80, nxt if nxt is not None else limit)], "vi")
    state: list[str] = []
    for sg in segs:
        if sg.kind in ("post", "mod") and sg.en:
            state.append(sg.en)
        elif sg.kind != "skip" or state:
            break
    if not state:
        return
    count = None
    for count in _COUNT.finditer(text, max(lo, start - 200), start):  # bounded: linear on long sentences
        pass
    if count is None:
        return
    noun_segs = glossary.segment(text[count.end():min(start, count.end() + 60)], "vi")
    k = 0
    while k < len(noun_segs) and noun_segs[k].kind in ("noun", "mod"):
        k += 1
    noun = glossary.render_segments(noun_segs[:k], "vi") if k else None
    if noun:
        r.metric, r.metric_id = f"share of {noun} {' '.join(state)}", None


def _thai_left(ctx: Context, a: int, start: int, end: int, r: Reading) -> None:
    """Thai without a cue verb: the head phrase before the number ("ลดขนาดกระทรวง ... ประมาณ
    20%": reduction in the size of ministries ...), or a verb and its object ("โอนกระบวนการ
    ทางปกครองทั้งหมด 100%": share of administrative procedures transferred)."""
    lo = max(a, start - 160)
    segs = glossary.segment(ctx.text[lo:start], "th")
    stop = glossary.stop_words("th")
    if stop:
        # the phrase ends where a change word or a new clause starts ("... เพิ่มขึ้น 12%")
        stop_rx = re.compile(alt(stop))
        for k, sg in enumerate(segs):
            if k and stop_rx.match(ctx.text, lo + sg.start):
                segs = segs[:k]
                break
    while segs and (segs[-1].kind in ("skip", "sep") or (segs[-1].kind == "mod" and not segs[-1].en)):
        segs.pop()  # "ทั้งหมด" (all) before the number
    if not segs or segs[-1].kind not in ("noun", "head", "post", "mod"):
        return
    heads = [i for i, sg in enumerate(segs) if sg.kind == "head"]
    if heads:
        h = heads[-1]
        label = glossary.render_segments(segs[h:], "th")
        if label and not glossary.is_generic(label, "th"):
            verbs = glossary.change_verbs("th")
            before = ctx.text[max(lo, lo + segs[h].start - 12):lo + segs[h].start]
            m = re.search(rf"({alt(verbs)})(?:การ)?$", before) if verbs else None
            if m and not label.startswith(("reduction", "increase")):
                label = f"{verbs[m.group(1)]} {label}"  # "ลดค่าใช้จ่าย ... 20%": reduction in costs
            r.metric, r.metric_id = label, None
            if label.startswith(("reduction", "increase", "decrease")):
                r.comparison = True
            return
    # a verb followed by its object, the object running up to the number
    verbs = [i for i, sg in enumerate(segs) if sg.kind == "post" and i + 1 < len(segs)
             and segs[i + 1].kind == "noun"]
    if not verbs and segs[-1].kind in ("noun", "mod"):
        _thai_share_then_verb(ctx, lo, segs, end, r)
        return
    if verbs:
        v = verbs[-1]
        obj = glossary.render_segments(segs[v + 1:], "th")
        change = glossary.change_verbs("th").get(ctx.text[lo + segs[v].start:lo + segs[v].end])
        if obj and change:
            r.metric, r.metric_id = f"{change} {obj}", None  # "ลดค่าใช้จ่าย... 20%": a change of it
            r.comparison = True
        elif obj:
            r.metric, r.metric_id = f"share of {obj} {segs[v].en}", None


def _thai_share_then_verb(ctx: Context, lo: int, segs: list, end: int, r: Reading) -> None:
    """"เจ้าหน้าที่ของรัฐ 100% ได้รับลายเซ็นดิจิทัล": N% of the noun before did what follows."""
    k = len(segs)
    while k > 0 and segs[k - 1].kind in ("noun", "mod", "sep", "conj", "skip", "prep"):
        k -= 1  # the noun phrase before the number ("กระทรวง ท้องถิ่น และท้องถิ่นทั้งหมด")
    while k < len(segs) and segs[k].kind not in ("noun", "head"):
        k += 1
    subject = glossary.render_segments(segs[k:], "th")
    after = glossary.segment(ctx.text[end:min(len(ctx.text), end + 80)], "th")
    while after and after[0].kind in ("skip", "sep"):
        after = after[1:]
    if not subject or not after or after[0].kind != "post":
        return
    cut = next((i for i, sg in enumerate(after) if sg.kind in ("sep", "unknown")), len(after))
    done = glossary.render_segments(after[:cut], "th")
    if done:
        r.metric, r.metric_id = f"share of {subject} that {done}", None

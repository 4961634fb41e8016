"""Date candidates found once per text (:class:`DateCandidates`) give the dates that trying the
patterns one by one gives, for every page date, mask and frame a caller reads them with."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from parreform_nlp.components import dates as D
from parreform_nlp.components import dates_find as F
from parreform_nlp.numbers import Occupied

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

SENTENCES = {
    "en": [
        "On May 19, the ministry met; on September 6, 2023 it signed; by June it reports.",
        "Hanoi, 06/09/2023 - The plan of 2023-09-06 runs from February 13 and 16, 2025 to 1 January.",
        "Last March and next December 1st; this Sept. 2 and mid-October; 3 may attend; 2021-2025.",
        "February 29 and February 30; 31/04/2023 is no date; 00/05/2023 neither; in 2024 and 2019.",
        "Phone 028 3935 2079; Decree 278/2025/ND-CP of December 26; on December 26, 2024.",
        "ſeptember 5, 2023 and LAST MARCH in İstanbul; ٢٠٢٣-09-06 and 06/09/٢٠٢٣; 123/4/2023, 12345-09-06.",
    ],
    "vi": [
        "Hà Nội, ngày 10/4/2024 - sáng nay (17/4), ngày 6 tháng 9 năm 2023 và tháng 3/2024.",
        "Chiều 17-4, hôm nay 17/4, vào 31.12; trong tháng 3 mỗi tháng 2 lần; năm 2025.",
    ],
    "th": [
        "เมื่อวันที่ 11 กรกฎาคม พ.ศ. 2567 และ มกราคม 2566 ประชุม ค.ศ. 2024 วันที่ 5 มีนาคม",
        "วันที่ ๑๑ กรกฎาคม ๒๕๖๗ และ 2024年8月31日, 8月31日",
    ],
    "xx": ["El 25 de octubre de 2025 y el 3 mars 2024; 5. Mai 2023 und 2024년 8월 31일."],
}


def reference(text: str, lang: str, anchor, masked=(), frame=()) -> list[tuple[int, int, str, str]]:
    """The dates as found before candidates were shared: each pattern's matches in turn, each
    normalised for this page date and frame, taken when still free; then the years."""
    text = F.to_ascii_digits(text)
    taken = Occupied(len(text), masked)
    hits = []
    for kind, rx, _ in F._patterns(lang):
        for mt in rx.finditer(text):
            s, e = mt.span()
            if not taken.free(s, e):
                continue
            mname = mt.groupdict().get("mname") or ""
            if mname[:1].islower() and mname.lower() in ("may", "march", "mar") and not mt.groupdict().get("rel"):
                continue
            value = F.normalise(mt, kind, lang, anchor, frame)
            if value is None:
                continue
            if kind == "mdd":
                second = f"{value[0][:8]}{int(mt.group('d2')):02d}"
                if not F._valid(int(second[:4]), int(second[5:7]), int(second[8:])):
                    continue
                taken.add(s, e)
                hits += [(s, mt.end("d"), value[0], value[1]), (mt.start("d2"), e, second, value[1])]
                continue
            if "(" in text[s:mt.start("d") if kind == "num" else s]:
                s = mt.start("d")
            if kind == "mcue":
                s = mt.start("mname")
            if mname.endswith(".") and len(mname.rstrip(".")) > 4 and e == mt.end("mname"):
                e -= 1
            taken.add(s, e)
            hits.append((s, e, value[0], value[1]))
    for mt in F._YEAR.finditer(text):
        s, e = mt.span()
        y = F.plausible_year(int(mt.group(1)), lang)
        if y is None or not taken.free(s, e) or re.search(r"\d[ .]$", text[max(0, s - 2):s]):
            continue
        taken.add(s, e)
        hits.append((s, e, f"{y:04d}", "year"))
    return sorted(hits, key=lambda h: h[0])


def _cases():
    for lang, texts in SENTENCES.items():
        for text in texts:
            yield lang, text
    for p in sorted(FIXTURES.glob("*.txt")):
        yield "en", p.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang,text", list(_cases()))
def test_shared_candidates_give_the_dates_of_one_pattern_at_a_time(lang, text):
    ascii_text = F.to_ascii_digits(text)
    found = F.candidates(ascii_text, lang)
    masks = [(), [(0, 12)], [(len(text) // 3, len(text) // 2)]]
    for anchor in (None, dt.date(2024, 3, 1), dt.date(2025, 1, 2)):
        frames = [(), sorted({dt.date(2024, 12, 28).toordinal(), dt.date(2023, 9, 6).toordinal()})]
        for masked in masks:
            for frame in frames:
                want = reference(text, lang, anchor, masked, frame)
                assert found.spans(anchor, masked, frame) == want
                assert [(h.start, h.end, h.value, h.kind) for h in F.find_dates(text, lang, anchor, masked, frame)] == want
                if anchor is None:
                    # the dates with day, month and year: what the year inference and the frame read
                    assert sorted(found.full(masked)) == [(s, v) for s, _, v, k in want if k == "full"]


def test_candidates_are_read_once_per_long_text():
    text = "On May 19, 2024 the ministry met. " * 40
    assert F.candidates(text, "en") is F.candidates(text, "en")


@pytest.mark.parametrize("text,lang,anchor,want", [
    ("On May 19, the ministry met.", "en", "2024-03-01", [("May 19", "2024-05-19")]),
    ("On May 19, the ministry met.", "en", None, []),  # no page date: no year for "May 19"
    ("Hà Nội, ngày 10/4/2024", "vi", None, [("10/4/2024", "2024-04-10")]),
    ("วันที่ 11 กรกฎาคม พ.ศ. 2567", "th", None, [("11 กรกฎาคม พ.ศ. 2567", "2024-07-11")]),
    ("February 13 and 16, 2025", "en", None, [("February 13", "2025-02-13"), ("16, 2025", "2025-02-16")]),
    ("This morning (December 26), the decree dated December 28, 2024 took effect.", "en", "2025-01-02",
     [("December 26", "2024-12-26"), ("December 28, 2024", "2024-12-28")]),
])
def test_dates_of_sentences(text, lang, anchor, want):
    page_date = dt.date.fromisoformat(anchor) if anchor else None
    ascii_text = F.to_ascii_digits(text)
    frame = sorted(dt.date.fromisoformat(v).toordinal() for _, v in F.candidates(ascii_text, lang).full())
    got = [(text[h.start:h.end], h.value) for h in F.find_dates(text, lang, page_date, frame=frame) if h.kind != "year"]
    assert got == want


@pytest.mark.parametrize("text", [
    "", "no digits", "1", "12 345 6789 2023-09-06 x1y22z333", "Việt Nam06/09/2023, ’2024’ — 15:20",
    "Arabic-Indic ٢٠٢٣ and 12٣4 and Devanagari २०२४", "lone surrogate \udc80 2024 and 5",
    "fullwidth ２０２４ stays as it is here", "ſeptember 5, 2023 İstanbul 1",
])
def test_digit_runs_are_the_decimal_runs_of_a_regex(text):
    starts = F.PageScan(text)
    runs = [m.span() for m in re.finditer(r"\d+", text)]
    assert starts.runs() == runs
    assert starts.digits() == [s for s, _ in runs]
    assert starts.digits((4,)) == [s for s, e in runs if e - s == 4]
    assert starts.digits((1, 2)) == [s for s, e in runs if e - s <= 2]
    assert starts.long_runs() == [(s, e) for s, e in runs if e - s >= 4]
    assert starts.exotic == bool(F.CASE_EXOTIC.search(text))


def test_non_ascii_keeps_whole_characters_in_order():
    assert F._non_ascii("a’b\udc80c٣d İ e") == "’\udc80٣İ"
    assert F._non_ascii("plain ASCII") == ""


def reference_dateline(text: str, lang: str):
    """The dateline as read line by line before (every line of the head, then every time)."""
    head = F.to_ascii_digits(text)[:4000]
    for line in head.split("\n"):
        stripped = line.strip()
        if 0 < len(stripped) <= 90 and not stripped.endswith(".") and re.search(r"\d{4}", line):
            for h in F.find_dates(line, lang, None):
                if h.kind == "full":
                    return dt.date.fromisoformat(h.value)
    for mt in re.finditer(r"\b\d{1,2}[:h]\d{2}\b", head):
        near = head[max(0, mt.start() - 40):mt.end() + 40]
        for h in F.find_dates(near, lang, None) if re.search(r"\d{4}", near) else ():
            if h.kind == "full":
                return dt.date.fromisoformat(h.value)
    return None


@pytest.mark.parametrize("text,lang", [
    ("Hanoi, May 8, 2024\nThe ministry met.", "en"),
    ("Decision 1234/QD-TTg\nSeptember 2023\nUpdated 06/09/2023 15:20", "en"),
    ("A long first line that holds a date, 6 September 2023, but is longer than ninety characters in all.\n"
     "12345 visitors\n16:34, 31/03/2023 by the editor", "en"),
    ("It ended on 6 September 2023.\nNo other line.", "en"),   # a sentence, not a dateline
    ("x" * 3990 + "\n2023-09-06 at 10:30", "en"),                 # the head ends inside the date
    ("x" * 3997 + "20230906", "en"),
    ("Thứ Tư, 10/04/2024 08:15\nHà Nội", "vi"),
    ("Cập nhật lúc 08h15, 10/04/2024 trên cổng thông tin điện tử của tỉnh, với nhiều tin tức và bài viết mới.", "vi"),
    ("วันที่ ๑๑ กรกฎาคม ๒๕๖๗ เวลา 10:30 น.", "th"),
    ("No dateline here at all, only 2024 in a sentence that is long enough to be prose, and more words.", "en"),
])
def test_dateline_reads_the_lines_with_four_digits_as_every_line(text, lang):
    assert D.find_dateline(text, lang) == reference_dateline(text, lang)


def test_future_years_only_after_in_during_of():
    assert D._future_years("In 2022, the province will issue 5 plans.") == [2022]
    assert D._future_years("The plan to be finished during   2026 was approved.") == [2026]
    assert D._future_years("The province will issue plans. 2024 was good.") == []
    assert D._future_years("IN 2030 IT WILL BE DONE") == [2030]


def test_after_words_finds_years_after_the_words_and_blanks():
    text = "in 2023, during\n 2024, of2025, x 2026, In 2027, 12345"
    starts = F.PageScan(text)
    assert [text[p:p + 4] for p in D._after_words(text, starts, ("in", "during", "of"))] == ["2023", "2024", "2027"]

"""Fuzzing campaign: many random and adversarial inputs through analyze(), checking the contract.

    python benchmarks/fuzz.py [--n 100000] [--seed 0] [--max-chars 10000] [--slow 1.0] [--workers 1]

Each input is built by one of several generators (random code points of every plane with lone
surrogates, pieces our rules look for, long runs of one character, one-line lists of numbers,
blank lines, seed pages cut and spliced). For each: no exception, offsets index the text,
values finite, ``to_json(allow_nan=False)`` valid, ``from_dict`` round trip. Inputs under 10 kB
that take longer than ``--slow`` seconds are reported with their generator. Time is this
process's CPU time (``time.process_time``): on a shared machine, waiting for a core is not work. Exit status 1 on any
crash, broken invariant or slow input. Crashing and slow inputs are written to --out (JSONL).
"""
from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
import traceback
import warnings
from pathlib import Path

from _common import seed_texts

PIECES = [
    "45.5%", "84,38%", "1% ", "9" * 400, "1.234,5", "2,7 lần", "3.7 times", "92.18 points", "30.4 %",
    "up 2.7%", "tăng 3,1%", "0.5 percentage points", "1,000,000", "1.000.000,5", "12/2023", "Q1/2023",
    "06/09/2023", "00/05/2023", "2023-05-00", "May 0, 2023", "ngày 0 tháng 5 năm 2023", "31/02/2024",
    "11 กรกฎาคม พ.ศ. 2567", "๒๕๖๖", "๓๐.๔%", "Decree No. 61/2018/ND-CP", "Nghị định số 107/2021/NĐ-CP",
    "Minister", "Deputy Prime Minister", "Pham Minh Chinh", "Nguyễn Văn An", "Chủ tịch UBND tỉnh",
    "นายกรัฐมนตรี", "Ministry of Home Affairs", "Bộ Nội vụ", "Ha Tinh", "Quảng Ninh", "province",
    "PAR Index", "SIPAS", "PCI", "(CIEM)", "Related news", "Xem thêm", "ข่าวที่เกี่ยวข้อง", "Reader ",
    " asks: ", "Answer:", "\n", "\n\n", " ", "   ", "\t", "(", ")", ".", ",", ";", ":", "-", "–", "\u00a0",
    "\u200b", "\ufeff", "\ud800", "\udfff", "\x00", "\r\n", "up ", "rose ", "reached ", "in 2023",
    "compared with 2022", "of which", "https://example.org/a/b?c=d", "©", "Photo:", "By ", "Source:",
]
RUN_CHARS = ["(", ")", " ", "\n", "1% ", "9", "a", ".", "ก", "%", "-", "1.", "Ha Tinh ", "\t", "\u200b", "/"]


def _random_codepoints(rng: random.Random, n: int) -> str:
    out = []
    for _ in range(n):
        r = rng.random()
        if r < 0.5:
            out.append(chr(rng.randint(32, 0x24F)))
        elif r < 0.7:
            out.append(chr(rng.choice([rng.randint(0x0E00, 0x0E7F), rng.randint(0x1EA0, 0x1EF9)])))
        elif r < 0.8:
            out.append(chr(rng.randint(0xD800, 0xDFFF)))  # lone surrogates
        elif r < 0.9:
            out.append(rng.choice(" \n\t.,%0123456789"))
        else:
            out.append(chr(rng.randint(0, 0x10FFFF)))
    return "".join(out)


def generate(rng: random.Random, seeds: list[str], max_chars: int) -> tuple[str, str]:
    """(generator name, text)."""
    kind = rng.choice(["codepoints", "pieces", "run", "numbers", "blank", "splice", "mixed"])
    size = int(rng.choice([20, 100, 500, 2000, max_chars]) * rng.random()) + 1
    if kind == "codepoints":
        text = _random_codepoints(rng, size)
    elif kind == "pieces":
        parts, n = [], 0
        while n < size:
            p = rng.choice(PIECES) if rng.random() < 0.8 else _random_codepoints(rng, rng.randint(1, 8))
            parts.append(p)
            n += len(p)
        text = "".join(parts)
    elif kind == "run":
        ch = rng.choice(RUN_CHARS)
        text = rng.choice(["", "Minister Pham Minh Chinh said "]) + ch * (size // len(ch) + 1) + rng.choice(
            ["", " the rate reached 45.5% in 2023.", "Nguyễn Văn An", "ngày 0 tháng 5 năm 2023"])
    elif kind == "numbers":
        items = [f"{rng.choice(['Ha Tinh', 'Quảng Ninh', 'Can Tho', ''])} {rng.randint(0, 999)}"
                 f"{rng.choice(['.', ','])}{rng.randint(0, 99)}{rng.choice(['%', ' points', ' lần', ' times', ''])}"
                 for _ in range(max(1, size // 18))]
        text = "In 2023, the rate of online records reached " + rng.choice([", ", "; ", " "]).join(items) + "."
    elif kind == "blank":
        text = rng.choice(["\n", "\n\n", " \n", "\r\n"]) * size + rng.choice(
            ["Minister of Home Affairs Pham Thi Thanh Tra said 45.5%.", "Reader Nguyen Van A asks: why?\nAnswer: ..."])
    elif kind == "splice":
        page = rng.choice(seeds)
        a = rng.randint(0, len(page))
        text = page[a:a + size]
        if rng.random() < 0.5:
            text = text.replace("\n", " ")  # one line
    else:
        parts = [generate(rng, seeds, max_chars // 4)[1] for _ in range(rng.randint(2, 4))]
        text = "".join(parts)
    return kind, text[:max_chars]


def check(text: str, result) -> None:
    from parreform_nlp import Analysis
    from parreform_nlp.textprep import sanitize

    clean = sanitize(text)
    out = result.to_dict()
    for kind in ("indicators", "counts", "legal_refs", "dates"):
        for rec in out[kind]:
            src = clean if rec["source"] == "original" else out["translation"]
            assert src[rec["start"]:rec["end"]] == rec["text"], (kind, rec)
    for kind in ("officials", "bodies", "places"):
        for rec in out[kind]:
            for m in rec["mentions"]:
                src = clean if m["source"] == "original" else out["translation"]
                assert src[m["start"]:m["end"]] == m["text"], (kind, m)
    for rec in out["indicators"] + out["counts"]:
        assert math.isfinite(rec["value"]), rec
    data = json.loads(result.to_json(allow_nan=False))
    assert Analysis.from_dict(data) == result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--max-chars", type=int, default=10_000)
    ap.add_argument("--slow", type=float, default=1.0, help="seconds: inputs under 10 kB slower than this are reported")
    ap.add_argument("--out", default="fuzz-findings.jsonl")
    ap.add_argument("--translate", default="False", choices=["False", "auto"],
                    help="translate mode (auto uses installed packages, if any)")
    args = ap.parse_args()

    import parreform_nlp

    warnings.simplefilter("ignore")
    rng = random.Random(args.seed)
    seeds = seed_texts()
    translate = False if args.translate == "False" else "auto"
    # warm up: pipelines, dateparser and pythainlp load once, not inside a timed input
    for lang, page in (("en", seeds[0]), ("th", seeds[-1]), ("vi", "Ngày 6/9/2023, tỷ lệ đạt 45,6%."), ("es", "El 45%.")):
        parreform_nlp.analyze(page, lang=lang, translate=translate)
        parreform_nlp.analyze(page, translate=translate)
    crashes = slow = 0
    slowest: list[tuple[float, str, int]] = []
    by_kind: dict[str, list[float]] = {}
    t_start = time.perf_counter()
    findings = Path(args.out).open("w", encoding="utf-8")
    for i in range(args.n):
        kind, text = generate(rng, seeds, args.max_chars)
        lang = rng.choice([None, None, "en", "vi", "th", "es"])
        t0 = time.process_time()
        try:
            result = parreform_nlp.analyze(text, lang=lang, translate=translate)
            check(text, result)
            err = None
        except Exception:  # noqa: BLE001 - a fuzzer reports every failure
            err = traceback.format_exc(limit=4)
        seconds = time.process_time() - t0
        by_kind.setdefault(kind, []).append(seconds)
        slowest.append((seconds, kind, len(text)))
        slowest = sorted(slowest, reverse=True)[:5]
        too_slow = len(text.encode("utf-8", "surrogatepass")) < 10_000 and seconds > args.slow
        if err or too_slow:
            crashes += bool(err)
            slow += too_slow
            findings.write(json.dumps({"i": i, "kind": kind, "lang": lang, "seconds": round(seconds, 3),
                                       "error": err, "text": text}, ensure_ascii=True) + "\n")
            findings.flush()
            print(f"[{i}] {kind} {len(text)} chars {seconds:.2f}s " + (err.splitlines()[-1] if err else "slow"),
                  file=sys.stderr, flush=True)
        if (i + 1) % 1000 == 0:
            print(f"{i + 1} inputs, {crashes} crashes, {slow} slow, {time.perf_counter() - t_start:.0f}s", flush=True)
    findings.close()
    total = time.perf_counter() - t_start
    print(f"\n{args.n} inputs in {total:.0f}s: {crashes} crashes, {slow} inputs under 10 kB over {args.slow}s")
    print(f"{'generator':>11} {'inputs':>7} {'mean ms':>8} {'max s':>6}")
    for kind, times in sorted(by_kind.items()):
        print(f"{kind:>11} {len(times):7d} {1000 * sum(times) / len(times):8.1f} {max(times):6.2f}")
    print("slowest:", ", ".join(f"{s:.2f}s {k} ({n} chars)" for s, k, n in slowest))
    sys.exit(1 if crashes or slow else 0)


if __name__ == "__main__":
    main()

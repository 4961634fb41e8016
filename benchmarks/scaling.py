"""Time of analyze() on one page of growing size, up to 2 MB: it must grow linearly.

    python benchmarks/scaling.py [--max-mb 2]
    python benchmarks/scaling.py --runs [--run-kb 64]

``--runs`` times pathological shapes at sizes x1, x4 and x16 (time must grow x4, +-50%, per x4
of input): a one-line page (the seed pages joined with spaces), a run of numbers ("1% " * n),
blank lines before a name, parentheses, and spaces before a word.
"""
from __future__ import annotations

import argparse
import time

from _common import best_of, seed_texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--max-mb", type=float, default=2.0)
    ap.add_argument("--lang", default="en", choices=["en", "vi", "th"],
                    help="en: the English seed pages; th: the Thai seed; vi: a Vietnamese paragraph")
    ap.add_argument("--dense", action="store_true",
                    help="a page that is all indicators and places (stresses per-match lookups)")
    ap.add_argument("--runs", action="store_true", help="one-line pages and runs of one character (x4 steps)")
    ap.add_argument("--run-kb", type=float, default=64.0, help="largest run, in kB (one-line page: x16)")
    args = ap.parse_args()

    import parreform_nlp

    if args.runs:
        runs(args.run_kb)
        return

    seeds = seed_texts()
    if args.dense:
        english = "On March 5, the rate of online records in Ha Tinh reached 45.5%. " * 20
    elif args.lang == "th":
        english = seeds[4]
    elif args.lang == "vi":
        english = ("Ngày 10/4, đồng chí Nguyễn Văn An - Phó Chủ tịch UBND tỉnh Quảng Trị chủ trì hội nghị. "
                   "Năm 2023, tỷ lệ hồ sơ trực tuyến của tỉnh đạt 45,6%, tăng 2,1% so với năm 2022.\n\n") * 10
    else:
        english = "\n\n".join(seeds[:4])
    sizes = [args.max_mb / 8, args.max_mb / 4, args.max_mb / 2, args.max_mb]
    parreform_nlp.analyze(english, lang=args.lang, translate=False)  # warm up
    base = None
    print(f"{'size':>8} {'seconds':>9} {'s per MB':>9} {'vs smallest':>12}")
    for mb in sizes:
        n = int(mb * 1024 * 1024)
        page = (english * (n // len(english) + 1))[:n]
        seconds = best_of(lambda: parreform_nlp.analyze(page, lang=args.lang, translate=False), 1)
        per_mb = seconds / mb
        base = base or per_mb
        print(f"{mb:7.2f}M {seconds:9.2f} {per_mb:9.2f} {per_mb / base:11.2f}x")


def runs(max_kb: float) -> None:
    """Time x1, x4, x16 of each pathological shape; print the ratio per x4 step."""
    import warnings

    import parreform_nlp

    warnings.simplefilter("ignore")
    one_line = " ".join(seed_texts()[:4]).replace("\n", " ")
    shapes = {
        "one-line page": (lambda n: (one_line * (n // len(one_line) + 1))[:n], 16),
        "1% run": (lambda n: "1% " * (n // 3), 1),
        "blank lines": (lambda n: "\n" * n + "Minister of Home Affairs Pham Thi Thanh Tra said.", 4),
        "parentheses": (lambda n: "(" * n, 4),
        "spaces": (lambda n: " " * n + "x", 4),
    }
    from parreform_nlp.sentences import split_sentences

    # the translation's sentence splitter on one-line runs of abbreviations and Thai clauses
    splitter = {"X. (split)": lambda n: "X. " * (n // 3), "Thai (split)": lambda n: "ประเทศไทยมากมาย ว่า " * (n // 20)}
    parreform_nlp.analyze(one_line[:5000], lang="en", translate=False)  # warm up
    # CPU seconds of this process: on a shared machine, waiting for a core is not work
    print(f"{'shape':>14} {'chars':>9} {'cpu s':>8} {'x per x4':>9} {'wall s':>8}")
    for name, (make, scale) in shapes.items():
        prev = None
        top = int(max_kb * 1024 * scale)
        for n in (top // 16, top // 4, top):
            page = make(n)
            cpu0, wall0 = time.process_time(), time.perf_counter()
            parreform_nlp.analyze(page, lang="en", translate=False)
            seconds, wall = time.process_time() - cpu0, time.perf_counter() - wall0
            ratio = f"{seconds / prev:8.2f}x" if prev else ""
            print(f"{name:>14} {len(page):9d} {seconds:8.2f} {ratio:>9} {wall:8.2f}", flush=True)
            prev = seconds
    for name, make in splitter.items():
        prev = None
        top = int(max_kb * 1024 * 4)
        for n in (top // 16, top // 4, top):
            page = make(n)
            cpu0 = time.process_time()
            split_sentences(page, "th" if "Thai" in name else "vi")
            seconds = max(time.process_time() - cpu0, 1e-6)
            ratio = f"{seconds / prev:8.2f}x" if prev else ""
            print(f"{name:>14} {len(page):9d} {seconds:8.2f} {ratio:>9}", flush=True)
            prev = seconds


if __name__ == "__main__":
    main()

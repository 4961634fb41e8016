"""Time of analyze() on one page of growing size, up to 2 MB: it must grow linearly.

    python benchmarks/scaling.py [--max-mb 2]
"""
from __future__ import annotations

import argparse

from _common import best_of, seed_texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--max-mb", type=float, default=2.0)
    ap.add_argument("--lang", default="en", choices=["en", "vi", "th"],
                    help="en: the English seed pages; th: the Thai seed; vi: a Vietnamese paragraph")
    ap.add_argument("--dense", action="store_true",
                    help="a page that is all indicators and places (stresses per-match lookups)")
    args = ap.parse_args()

    import parreform_nlp

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


if __name__ == "__main__":
    main()

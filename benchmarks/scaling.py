"""Time of analyze() on one page of growing size, up to 2 MB: it must grow linearly.

    python benchmarks/scaling.py [--max-mb 2]
"""
from __future__ import annotations

import argparse

from _common import best_of, seed_texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--max-mb", type=float, default=2.0)
    args = ap.parse_args()

    import parreform_nlp

    english = "\n\n".join(seed_texts()[:4])
    sizes = [args.max_mb / 8, args.max_mb / 4, args.max_mb / 2, args.max_mb]
    parreform_nlp.analyze(english, translate=False)  # warm up
    base = None
    print(f"{'size':>8} {'seconds':>9} {'s per MB':>9} {'vs smallest':>12}")
    for mb in sizes:
        n = int(mb * 1024 * 1024)
        page = (english * (n // len(english) + 1))[:n]
        seconds = best_of(lambda: parreform_nlp.analyze(page, lang="en", translate=False), 1)
        per_mb = seconds / mb
        base = base or per_mb
        print(f"{mb:7.2f}M {seconds:9.2f} {per_mb:9.2f} {per_mb / base:11.2f}x")


if __name__ == "__main__":
    main()

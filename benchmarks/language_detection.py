"""Per-page time and accuracy of language detection.

    python benchmarks/language_detection.py                      # the seed pages
    python benchmarks/language_detection.py --gold PAGES.jsonl   # pages with "text" and "lang"

Reports the mean and the worst time per page of ``detect_language`` (after a warm-up that
loads langdetect's profiles), how many pages the script / stop-word fast path decided, and
the accuracy when the pages carry a gold ``lang``.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from _common import seed_texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", help="JSONL pages with 'text' and 'lang'")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    from parreform_nlp.components.language import detect_language, fast_language

    if args.gold:
        pages = [json.loads(line) for line in Path(args.gold).read_text(encoding="utf-8").splitlines() if line.strip()]
        texts, gold = [p["text"] for p in pages], [p.get("lang") for p in pages]
    else:
        texts = seed_texts()
        gold = [None] * len(texts)
    detect_language("Warm-up text for the langdetect profiles, in English.")
    best = []
    for text in texts:
        runs = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            detect_language(text)
            runs.append(time.perf_counter() - t0)
        best.append(min(runs))
    found = [detect_language(t)[0] for t in texts]
    fast = sum(fast_language(t) is not None for t in texts)
    right = sum(f == g for f, g in zip(found, gold) if g)
    judged = sum(1 for g in gold if g)
    print(f"pages                    {len(texts)}")
    print(f"mean per page            {1000 * sum(best) / len(best):8.3f} ms")
    print(f"worst page               {1000 * max(best):8.3f} ms")
    print(f"decided by fast path     {fast} of {len(texts)}")
    if judged:
        print(f"accuracy                 {right}/{judged}")
        for f, g, p in zip(found, gold, pages):
            if g and f != g:
                print(f"  wrong: {p.get('id')} gold {g} got {f}")


if __name__ == "__main__":
    main()

"""CPU time of the candidate finders inside ``parreform_indicators``, one row per finder.

    python benchmarks/number_finders.py [--pages PATH.jsonl] [--lang en] [--repeat 5]

Pages: the texts of ``--lang`` in ``--pages`` (default: the evaluation's dev pages when present),
else the seed pages. Each finder runs on the page text ``extract()`` gives it, with the legal
references and dates of the pipeline masked, so the figures are the finders' own share of the
component (the rest of it is metric, subject and period reading).
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from _common import ROOT, best_of, seed_texts

DEV_PAGES = ROOT.parent / "shared" / "eval" / "dev.jsonl"


def texts_of(path: Path | None, lang: str) -> tuple[str, list[str]]:
    """(where from, the texts in ``lang``)."""
    path = path or (DEV_PAGES if DEV_PAGES.is_file() else None)
    if path is not None:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        return str(path), [r["text"] for r in rows if r.get("lang") == lang]
    return "seed pages", seed_texts()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=Path, default=None)
    ap.add_argument("--lang", default="en")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    from parreform_nlp.components import counts_find, indicators, indicators_context, indicators_find
    from parreform_nlp.page import page_of, prime
    from parreform_nlp.pipeline import shared

    source, texts = texts_of(args.pages, args.lang)
    nlp = shared(args.lang)
    pages = []
    for text in texts:  # the pipeline up to the indicators: legal references and dates to mask
        doc = nlp.make_doc(text)
        prime(doc, text)
        for name, proc in nlp.pipeline:
            if name == "parreform_indicators":
                break
            doc = proc(doc)
        page = page_of(doc)
        masked = indicators._masked(doc) + page.related
        pages.append((page.ascii_text, masked, getattr(doc._, "places", None)))
    lang = args.lang if args.lang in ("vi", "th") else "en"

    def counts() -> None:
        for text, masked, _ in pages:
            numbers = indicators_find.find_indicator_numbers(text, lang, masked)
            counts_find.find_counts(text, lang, masked + [(n.start, n.end) for n in numbers], [])

    finders = {
        "sentences": lambda: [indicators_context.split_sentences(t, lang) for t, _, _ in pages],
        "places": lambda: [indicators_context.find_places(t, lang, p) for t, _, p in pages],
        "indicator numbers": lambda: [indicators_find.find_indicator_numbers(t, lang, m) for t, m, _ in pages],
        "indicator numbers + counts": counts,
    }
    cpu = time.process_time
    for fn in finders.values():
        fn()  # compile the patterns before timing
    print(f"{len(pages)} {args.lang} pages from {source}, CPU ms (best of {args.repeat})")
    for name, fn in finders.items():
        print(f"  {name:28s} {best_of(fn, args.repeat, cpu) * 1000:8.1f}")


if __name__ == "__main__":
    main()

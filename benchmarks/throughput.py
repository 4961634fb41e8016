"""Throughput of analyze() on the seed pages beside spaCy's own tokenizer, import cost, peak RSS.

    python benchmarks/throughput.py [--repeat 3]
"""
from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys

from _common import best_of, seed_texts


def import_seconds(module: str, runs: int = 5) -> float:
    """Median wall time of ``import module`` in a fresh interpreter."""
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    return statistics.median(
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
        for _ in range(runs))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    spacy_import = import_seconds("spacy")
    ours_import = import_seconds("parreform_nlp")

    import spacy

    import parreform_nlp

    texts = seed_texts()
    words = sum(len(t.split()) for t in texts)
    for t in texts:  # build every pipeline and load lazy imports before timing
        parreform_nlp.analyze(t, translate=False)
    blank = spacy.blank("en")

    ours = best_of(lambda: [parreform_nlp.analyze(t, translate=False) for t in texts], args.repeat)
    tokens = best_of(lambda: [blank(t) for t in texts], args.repeat)
    rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"seed pages               {len(texts)} pages, {words} words")
    print(f"analyze()                {words / ours:12,.0f} words/s")
    print(f"spacy.blank('en') only   {words / tokens:12,.0f} words/s")
    print(f"ratio                    {ours / tokens:12.1f} x the time of tokenization alone")
    print(f"import parreform_nlp     {ours_import * 1000:10.0f} ms  (spacy alone {spacy_import * 1000:.0f} ms, "
          f"ours adds {(ours_import - spacy_import) * 1000:.0f} ms)")
    print(f"peak RSS                 {rss_mib:10.0f} MiB")


if __name__ == "__main__":
    main()

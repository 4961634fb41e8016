"""analyze_many over a corpus: time to the first result, total time and peak memory, per n_process.

    python benchmarks/corpus.py                 # 2,000 pages, n_process 1 and 2
    python benchmarks/corpus.py --pages 200 --n-process 1 2 4

The pages repeat the seed pages in fixtures/ with small variations (a dated closing sentence
with its own figures), so no two are the same. Each setting runs in a fresh process, so the
pipelines' first build counts (in the time to the first result) as it does for a user.
Memory is sampled every 50 ms: the sum of the resident set sizes (RSS) of the process and its
workers, and their proportional set sizes (PSS), which count pages shared by forked workers
once. ``load_avg`` is the machine's 1-minute load when the run ended: on a shared machine more
workers than idle cores buy nothing. Needs psutil (in the ``dev`` extra).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, seed_texts  # noqa: E402

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def make_pages(n: int) -> list[str]:
    """``n`` pages: the seed pages in turn, each with a closing sentence of its own."""
    seeds = seed_texts()
    pages = []
    for i in range(n):
        closing = (f"\n\nUpdated on {i % 28 + 1} {MONTHS[i % 12]} {2020 + i % 5}: the rate of online "
                   f"records reached {40 + i % 50}.{i % 10}% and {100 + i} administrative procedures were cut.")
        pages.append(seeds[i % len(seeds)] + closing)
    return pages


class MemorySampler(threading.Thread):
    """Peak RSS and PSS of this process plus its children, sampled in the background."""

    def __init__(self, interval: float = 0.05) -> None:
        super().__init__(daemon=True)
        import psutil

        self.me = psutil.Process()
        self.interval = interval
        self.peak_rss = self.peak_pss = 0
        self.peak_workers = 0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.is_set():
            rss = pss = 0
            procs = [self.me] + self.me.children(recursive=True)
            for p in procs:
                try:
                    info = p.memory_full_info()
                    rss += info.rss
                    pss += getattr(info, "pss", info.rss)
                except Exception:  # a worker that just ended
                    pass
            self.peak_rss = max(self.peak_rss, rss)
            self.peak_pss = max(self.peak_pss, pss)
            self.peak_workers = max(self.peak_workers, len(procs) - 1)
            self._done.wait(self.interval)

    def stop(self) -> None:
        self._done.set()
        self.join()


def run_one(n_pages: int, n_process: int) -> dict:
    """One setting, in this process: what the parent measures."""
    import warnings

    warnings.simplefilter("ignore")
    t0 = time.perf_counter()
    import parreform_nlp

    import_s = time.perf_counter() - t0
    pages = make_pages(n_pages)
    sampler = MemorySampler()
    sampler.start()
    t0 = time.perf_counter()
    first = None
    count = 0
    for _ in parreform_nlp.analyze_many(pages, n_process=n_process, translate=False):
        if first is None:
            first = time.perf_counter() - t0
        count += 1
    total = time.perf_counter() - t0
    sampler.stop()
    return {"n_process": n_process, "pages": count, "load_avg": round(os.getloadavg()[0], 1), "import_s": round(import_s, 2),
            "first_result_s": round(first or 0.0, 2), "total_s": round(total, 1),
            "pages_per_s": round(count / total, 1), "peak_rss_mb": round(sampler.peak_rss / 2**20),
            "peak_pss_mb": round(sampler.peak_pss / 2**20), "workers": sampler.peak_workers}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--n-process", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a single setting, in a child process
    args = ap.parse_args()
    if args.one is not None:
        print(json.dumps(run_one(args.pages, args.one)))
        return
    rows = []
    for n in args.n_process:
        done = subprocess.run([sys.executable, __file__, "--pages", str(args.pages), "--one", str(n)],
                              capture_output=True, text=True, cwd=ROOT, check=True)
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
        print(rows[-1], file=sys.stderr)
    head = ("n_process", "pages", "load_avg", "import_s", "first_result_s", "total_s", "pages_per_s",
            "peak_rss_mb", "peak_pss_mb", "workers")
    print(" | ".join(head))
    for row in rows:
        print(" | ".join(str(row[h]) for h in head))


if __name__ == "__main__":
    main()

"""Shared by the benchmark scripts: the seed pages and a timer."""
from __future__ import annotations

import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").glob("seed-*.txt"))]


def best_of(fn, repeat: int = 3, clock=time.perf_counter) -> float:
    """Best time of ``repeat`` runs: the least disturbed by other work on a shared machine.
    ``clock=time.process_time`` counts this process's CPU time only (for single-threaded work)."""
    times = []
    for _ in range(repeat):
        t0 = clock()
        fn()
        times.append(clock() - t0)
    return min(times)

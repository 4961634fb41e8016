#!/usr/bin/env python3
"""Generic extractors beside ours on the gold pages: quantulum3 for indicators and
``dateparser.search_dates`` for dates, scored with the evaluation scorer's own matching.

Usage (from the project root; needs the ``peers`` extra: quantulum3):
    python benchmarks/peers.py [--gold ../shared/eval/dev.jsonl] [--scorer ../shared/eval/score.py]

Prints indicators and dates P/R/F1 per language for quantulum3 / dateparser and for
parreform_nlp. This is a benchmark script, not a test.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import time
import warnings
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_EVAL = ROOT.parent / "shared" / "eval"

#: quantulum3 unit names -> our units
QUANTULUM_UNITS = {"percentage": "percent", "point": "points", "time": "times", "fold": "times"}


def load_scorer(path: Path):
    """The evaluation scorer as a module (its matching functions are reused)."""
    spec = importlib.util.spec_from_file_location("parreform_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def quantulum_indicators(text: str) -> list[dict]:
    """Percentages, points and ratios as quantulum3 sees them."""
    from quantulum3 import parser

    out = []
    for q in parser.parse(text):
        unit = QUANTULUM_UNITS.get(q.unit.name)
        if unit:
            out.append({"text": q.surface, "value": q.value, "unit": unit})
    return out


def search_dates_values(text: str, lang: str) -> list[dict]:
    """Every date ``dateparser.search_dates`` finds on the whole page, as YYYY-MM-DD."""
    from dateparser.search import search_dates

    found = search_dates(text, languages=[lang]) or []
    return [{"text": s, "value": d.date().isoformat()} for s, d in found]


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def date_match(gold: list[dict], pred: list[dict]) -> tuple[int, int, int]:
    """The scorer's date rule: bare years are periods; values must be equal (one to one)."""
    def dated(xs):
        return [x for x in xs if not re.fullmatch(r"\d{4}", str(x.get("value") or ""))]
    g, p = dated(gold), dated(pred)
    used, tp = set(), 0
    for x in g:
        for j, y in enumerate(p):
            if j not in used and str(y["value"]) == str(x["value"]):
                used.add(j)
                tp += 1
                break
    return tp, len(p) - tp, len(g) - tp


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default=str(DEFAULT_EVAL / "dev.jsonl"))
    ap.add_argument("--scorer", default=str(DEFAULT_EVAL / "score.py"))
    args = ap.parse_args(argv)
    warnings.simplefilter("ignore")

    import parreform_nlp

    scorer = load_scorer(Path(args.scorer))
    docs = [json.loads(line) for line in Path(args.gold).read_text(encoding="utf-8").splitlines() if line.strip()]
    tallies: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    seconds: dict[str, float] = defaultdict(float)

    def add(system: str, field: str, lang: str, tp: int, fp: int, fn: int) -> None:
        for key in ((system, field, lang), (system, field, "all")):
            t = tallies[key]
            t[0] += tp
            t[1] += fp
            t[2] += fn

    for d in docs:
        lang, text = d["lang"], d["text"]
        t0 = time.perf_counter()
        ours = parreform_nlp.analyze(text, translate=False).to_dict()
        seconds["parreform_nlp"] += time.perf_counter() - t0
        t0 = time.perf_counter()
        q = quantulum_indicators(text)
        seconds["quantulum3"] += time.perf_counter() - t0
        t0 = time.perf_counter()
        sd = search_dates_values(text, lang)
        seconds["dateparser.search_dates"] += time.perf_counter() - t0

        for system, pred in (("parreform_nlp", ours["indicators"]), ("quantulum3", q)):
            pairs, missed, extra = scorer.match_numbers(d.get("indicators", []), pred, True)
            add(system, "indicators", lang, len(pairs), len(extra), len(missed))
        for system, pred in (("parreform_nlp", ours["dates"]), ("dateparser.search_dates", sd)):
            add(system, "dates", lang, *date_match(d.get("dates", []), pred))

    langs = ["all", *sorted({d["lang"] for d in docs})]
    print(f"{len(docs)} gold pages; P/R/F1 per language")
    print(f"{'system':26}{'field':12}" + "".join(f"{lg:>17}" for lg in langs))
    for system, field in (("parreform_nlp", "indicators"), ("quantulum3", "indicators"),
                          ("parreform_nlp", "dates"), ("dateparser.search_dates", "dates")):
        cells = []
        for lg in langs:
            p, r, f = prf(*tallies[(system, field, lg)])
            cells.append(f"{p:>7.2f}{r:>5.2f}{f:>5.2f}")
        print(f"{system:26}{field:12}" + "".join(cells))
    print("seconds: " + ", ".join(f"{k} {v:.1f}" for k, v in seconds.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

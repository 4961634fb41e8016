"""`parreform-nlp`: analyze pages from files (or standard input) and print a summary or JSON."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .api import analyze
from .result import Analysis


def _short(items: list[str], limit: int = 6) -> str:
    shown = "; ".join(items[:limit])
    return shown + (f"; ... (+{len(items) - limit})" if len(items) > limit else "") if items else "-"


def summarize(name: str, result: Analysis) -> str:
    """A few lines a person can read: language, officials, bodies, indicators, references, dates."""
    officials = [f"{o.name} ({o.title})" if o.title else o.name for o in result.officials]
    indicators = [f"{i.text} [{i.metric or '?'}; {i.subject or '-'}; {i.period or '-'}]" for i in result.indicators]
    lines = [
        f"== {name}",
        f"  language    {result.language} ({result.language_score:.2f})"
        + (" + English translation" if result.translation else ""),
        f"  officials   {_short(officials)}",
        f"  bodies      {_short([b.name for b in result.bodies])}",
        f"  places      {_short([p.name for p in result.places])}",
        f"  indicators  {_short(indicators, 4)}",
        f"  legal refs  {_short([r.text for r in result.legal_refs])}",
        f"  dates       {_short([d.value for d in result.dates])}",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="parreform-nlp", description=__doc__)
    ap.add_argument("files", nargs="*", type=Path, help="text files (UTF-8); none reads standard input")
    ap.add_argument("--json", action="store_true", help="print one JSON object per page (JSON Lines)")
    ap.add_argument("--lang", help="language code to use instead of detecting it")
    ap.add_argument("--translate", choices=["auto", "yes", "no"], default="auto")
    ap.add_argument("--published", help="the page's date, YYYY-MM-DD")
    args = ap.parse_args(argv)
    translate = {"auto": "auto", "yes": True, "no": False}[args.translate]
    pages = [(str(p), p.read_text(encoding="utf-8")) for p in args.files] or [("<stdin>", sys.stdin.read())]
    for name, text in pages:
        result = analyze(text, lang=args.lang, translate=translate, published=args.published)
        print(result.to_json() if args.json else summarize(name, result))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""`parreform-nlp`: analyse pages from files, folders or standard input.

Prints a summary per page, JSON Lines (``--json``), or writes one table per record kind
(``--output DIR --format jsonl|csv|parquet``). Pages are read and analysed one at a time; a
file that cannot be read or analysed is named on standard error in one line, the others go
on, and the exit code is 1 at the end.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import warnings
from collections.abc import Iterator
from fnmatch import fnmatch
from pathlib import Path, PurePosixPath
from typing import Any

from . import __version__
from .corpus import check_arguments, outcomes, progress_bar
from .frames import FORMATS, TableWriter
from .result import Analysis

PROG = "parreform-nlp"
STDIN = "-"
DEFAULT_GLOBS = ("*.txt", "*.html", "*.htm")
HTML_SUFFIXES = (".html", ".htm")


class InputError(Exception):
    """A page that cannot be read; the message is one line for standard error."""


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


# --------------------------------------------------------------------------- finding and reading pages


def _matches(path: Path, root: Path, globs: tuple[str, ...]) -> bool:
    """``*.txt`` matches names at any depth; ``2024/*.txt`` the path below the folder, part by
    part (``*`` never crosses a ``/``); ``**/x/*.txt`` the end of that path."""
    rel = PurePosixPath(path.relative_to(root).as_posix())
    for glob in globs:
        if "/" not in glob:
            if fnmatch(path.name, glob):
                return True
        elif glob.startswith("**/"):
            if rel.match(glob[3:]):
                return True
        else:
            parts = glob.split("/")
            if len(parts) == len(rel.parts) and all(fnmatch(p, g) for p, g in zip(rel.parts, parts)):
                return True
    return False


def find_pages(paths: list[str], globs: tuple[str, ...] = DEFAULT_GLOBS) -> Iterator[str]:
    """The pages named by ``paths``: files as given, directories walked for files matching
    ``globs`` (top-down: a folder's files, then its subfolders, each sorted by name), ``-`` for
    standard input. Missing paths are kept (reading names them).
    """
    for raw in paths:
        path = Path(raw)
        if raw == STDIN or not path.is_dir():
            yield raw
            continue
        for folder, dirs, files in os.walk(path):
            dirs.sort()
            for name in sorted(files):
                file = Path(folder, name)
                if _matches(file, path, globs):
                    yield str(file)


def decode(data: bytes) -> str:
    """Text of a file: UTF-8 (with or without BOM) or UTF-16 with BOM, else Windows-1252/Latin-1."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16")
    if b"\x00" in data[:8192]:
        raise InputError("binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")  # Latin-1 as Windows writes it (curly quotes, dashes)
    except UnicodeDecodeError:
        return data.decode("latin-1")


def html_text(data: bytes) -> str:
    """The main text of an HTML page, through trafilatura (the ``html`` extra)."""
    try:
        import trafilatura
    except ImportError:
        raise InputError("reading HTML needs trafilatura: pip install 'parreform-nlp[html]'") from None
    text = trafilatura.extract(data, include_comments=False, include_tables=True)
    if not text:
        raise InputError("no main text found in this HTML page")
    return text


def read_page(name: str) -> str | InputError:
    """The text of one page, or the :class:`InputError` saying why it cannot be read."""
    try:
        data = sys.stdin.buffer.read() if name == STDIN else Path(name).read_bytes()
        if name.lower().endswith(HTML_SUFFIXES):
            return html_text(data)
        return decode(data)
    except InputError as e:
        return e
    except OSError as e:
        return InputError(e.strerror or str(e))
    except Exception as e:  # a broken page must not stop the others
        return InputError(f"{type(e).__name__}: {e}")


# --------------------------------------------------------------------------- output


class _Output:
    """Where results go: summaries, JSON Lines, or tables; errors to stderr in one line each."""

    def __init__(self, args: argparse.Namespace, bar: Any) -> None:
        self.bar = bar
        self.json = args.json or (args.format == "jsonl" and args.output is None)
        self.tables = TableWriter(args.output, args.format or "jsonl") if args.output is not None else None
        self.failed = 0

    def _write(self, line: str, stream) -> None:
        if self.bar is not None and stream.isatty():
            self.bar.write(line, file=stream)  # keeps the bar below the lines
        else:
            print(line, file=stream, flush=stream is sys.stderr)

    def page(self, name: str, result: Analysis) -> None:
        name = "<stdin>" if name == STDIN else name
        if self.tables is not None:
            self.tables.add(result, name)
        elif self.json:
            self._write(json.dumps({"page": name, **result.to_dict()}, ensure_ascii=False), sys.stdout)
        else:
            self._write(summarize(name, result), sys.stdout)

    def error(self, name: str, message: str) -> None:
        name = "<stdin>" if name == STDIN else name
        self.failed += 1
        self._write(f"{PROG}: {name}: {' '.join(message.split())}", sys.stderr)

    def close(self) -> None:
        if self.tables is not None:
            paths = self.tables.close()
            self._write(f"{PROG}: wrote {self.tables.pages} pages to {self.tables.directory}/ "
                        f"({', '.join(p.name for p in paths.values())})", sys.stderr)


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    # One line per warning on stderr, no source line: the CLI's errors read the same way.
    print(f"{PROG}: warning: {' '.join(str(message).split())}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- main


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog=PROG, description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", metavar="PATH",
                    help="text or HTML files, folders (searched recursively), '-' for standard input "
                         "(the default)")
    ap.add_argument("--glob", action="append", metavar="PATTERN",
                    help=f"files to take from folders (repeatable; default: {' '.join(DEFAULT_GLOBS)}); "
                         "a pattern with '/' matches the path below the folder")
    ap.add_argument("--json", action="store_true", help="print one JSON object per page (JSON Lines), with 'page'")
    ap.add_argument("--format", choices=FORMATS,
                    help="with --output: the tables' format (default jsonl); jsonl alone is --json")
    ap.add_argument("--output", type=Path, metavar="DIR",
                    help="write one table per record kind (officials, bodies, ...) into DIR, each with 'page'")
    ap.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="worker processes (-1: one per CPU)")
    ap.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                    help="progress bar on stderr (default: when stderr is a terminal)")
    ap.add_argument("--lang", help="language code to use instead of detecting it")
    ap.add_argument("--translate", choices=["auto", "yes", "no"], default="auto")
    ap.add_argument("--published", help="the pages' date, YYYY-MM-DD")
    ap.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    return ap


def _pages(paths: list[str], globs: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """The pages to read, and the folders in which no file matched."""
    names: list[str] = []
    empty: list[str] = []
    for raw in paths:
        found = list(find_pages([raw], globs))
        if not found:
            empty.append(raw)
        names.extend(found)
    return names, empty


def _run(args: argparse.Namespace, n_process: int, kwargs: dict[str, Any], out: _Output,
         names: list[str], empty: list[str]) -> int:
    for folder in empty:
        out.error(folder, f"no files matching {' '.join(args.glob or DEFAULT_GLOBS)}")
    stream = outcomes(((read_page(n), n) for n in names), n_process=n_process, as_tuples=True, **kwargs)
    try:
        for outcome in stream:
            if out.bar is not None:
                out.bar.update(1)
            if outcome.error is not None:
                out.error(outcome.context, outcome.error)
            else:
                out.page(outcome.context, outcome.analysis)
    finally:
        stream.close()  # stops the workers, also on a closed pipe or Ctrl-C
        if out.bar is not None:
            out.bar.close()
    out.close()
    if out.failed:
        print(f"{PROG}: {out.failed} of {len(names) + len(empty)} inputs failed", file=sys.stderr)
    return 1 if out.failed else 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code (0, or 1 when any page failed; 2 for bad options)."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.format in ("csv", "parquet") and args.output is None:
        parser.error(f"--format {args.format} needs --output DIR")
    if args.json and args.output is not None:
        parser.error("--json prints to standard output; with --output use --format")
    kwargs = {"lang": args.lang, "translate": {"auto": "auto", "yes": True, "no": False}[args.translate],
              "published": args.published}
    try:
        n_process = check_arguments(n_process=args.jobs, batch_size=1, **kwargs)
    except (TypeError, ValueError) as e:
        parser.error(str(e))
    names, empty = _pages(args.paths or [STDIN], tuple(args.glob or DEFAULT_GLOBS))
    show_bar = args.progress if args.progress is not None else sys.stderr.isatty()
    try:
        out = _Output(args, progress_bar(len(names)) if show_bar and names else None)
    except ImportError as e:  # --format parquet without pyarrow
        print(f"{PROG}: {e}", file=sys.stderr)
        return 2
    try:
        with warnings.catch_warnings():
            warnings.showwarning = _show_warning
            return _run(args, n_process, kwargs, out, names, empty)
    except BrokenPipeError:
        # `| head` closed the pipe: stop quietly (and keep Python from complaining at exit).
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())

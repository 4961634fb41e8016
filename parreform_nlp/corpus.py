"""Many pages: ids (``as_tuples``), per-page errors, a progress bar and worker processes.

Workers are forked where the platform has ``fork`` (Linux), after the parent has built the
pipelines the first pages need: the first result comes after one page's time (the parent
analyses it) and the workers share the pipelines' memory. Elsewhere (macOS, Windows), and once
CTranslate2 has been loaded in this process (its translators are not fork-safe), workers are
spawned: they start slower, each importing the package and building its pipelines. Either way
no worker runs the caller's script again, so neither a script without
``if __name__ == "__main__":`` nor a notebook needs anything special.
"""
from __future__ import annotations

import inspect
import itertools
import multiprocessing as mp
import os
import pickle
import sys
import warnings
from collections import deque
from contextlib import contextmanager
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, NamedTuple

from .api import analyze, check_translate
from .result import Analysis

ON_ERROR = ("raise", "skip")
DEFAULT_BATCH_SIZE = 32

#: Short pages in each native language, analysed in the parent before forking so that the
#: pipelines and the lazily imported libraries (langdetect profiles, dateparser, pythainlp)
#: are loaded once and shared with every worker.
_WARM_TEXTS = {
    "en": "On 5 March 2024, the Minister of Home Affairs said the PAR Index of Ha Tinh "
          "reached 85.5%, up 2.1 points, under Decision 280/QD-TTg.",
    "vi": "Ngày 5/3/2024, Bộ trưởng Bộ Nội vụ cho biết Chỉ số cải cách hành chính của tỉnh "
          "Hà Tĩnh đạt 85,5%, tăng 2,1 điểm theo Quyết định số 280/QĐ-TTg.",
    "th": "เมื่อวันที่ 5 มีนาคม 2567 รัฐมนตรีว่าการกระทรวงมหาดไทยกล่าวว่าดัชนีปฏิรูปการบริหาร"
          "ของจังหวัดห่าติ๋ญเพิ่มขึ้นเป็นร้อยละ 85.5",
    "xx": "Le 5 mars 2024, le ministre a déclaré que l'indice a atteint 85,5%.",
}


class PageError(RuntimeError):
    """A page could not be analysed; ``index`` is its position in the input, ``context`` its id."""

    def __init__(self, index: int, context: Any, error: str, has_context: bool = False) -> None:
        self.index = index
        self.context = context
        self.error = error
        self.has_context = has_context
        self.where = f"page {index}" + (f" ({context!r})" if has_context else "")
        super().__init__(f"{self.where} failed: {error}")

    def __reduce__(self):
        # Rebuilt from its fields when it crosses processes (Dask workers raise it).
        return type(self), (self.index, self.context, self.error, self.has_context)


class PageWarning(UserWarning):
    """Issued by ``on_error="skip"`` for each page that could not be analysed."""


class Outcome(NamedTuple):
    """What became of one input item: its Analysis, or the error that stopped it."""

    index: int
    context: Any
    analysis: Analysis | None
    error: str | None


# --------------------------------------------------------------------------- arguments


def check_arguments(*, n_process: int, batch_size: int, on_error: str = "raise", as_tuples: bool = False,
                    progress: bool = False, **analyze_kwargs: Any) -> int:
    """Raise TypeError/ValueError for bad arguments (before any worker starts); returns n_process.

    ``n_process=-1`` means one worker per CPU.
    """
    for name, value in (("n_process", n_process), ("batch_size", batch_size)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    if n_process == -1:
        n_process = os.cpu_count() or 1
    if n_process < 1:
        raise ValueError(f"n_process must be >= 1 (or -1 for one per CPU), not {n_process}")
    if batch_size < 1:
        raise ValueError(f"batch_size must be >= 1, not {batch_size}")
    if on_error not in ON_ERROR:
        raise ValueError(f"on_error must be one of {ON_ERROR}, not {on_error!r}")
    for name, value in (("as_tuples", as_tuples), ("progress", progress)):
        if not isinstance(value, bool):
            raise TypeError(f"{name} must be True or False, not {value!r}")
    try:
        inspect.signature(analyze).bind("", **analyze_kwargs)
    except TypeError as e:
        raise TypeError(f"analyze_many(): {e} (other keyword arguments are those of analyze())") from None
    check_translate(analyze_kwargs.get("translate", "auto"))
    for name in ("lang", "published"):
        value = analyze_kwargs.get(name)
        if value is not None and not isinstance(value, str):
            raise TypeError(f"{name} must be a str or None, not {type(value).__name__}")
    return n_process


# --------------------------------------------------------------------------- one page


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"


def _input_error(text: Any) -> str | None:
    """Why ``text`` cannot be analysed at all (checked in the parent, so nothing bad is sent)."""
    if isinstance(text, str):
        return None
    if isinstance(text, BaseException):  # a page that could not be read: the reader's message
        return str(text) or type(text).__name__
    return (f"TypeError: expected text as str, not {type(text).__name__}"
            + (" (decode bytes first)" if isinstance(text, (bytes, bytearray)) else ""))


def _analyze_one(text: str, kwargs: dict[str, Any]) -> tuple[Analysis | None, str | None]:
    try:
        return analyze(text, **kwargs), None
    except Exception as e:  # one page's failure must not stop the others
        return None, _describe(e)


def _picklable(category: type) -> type:
    try:
        pickle.dumps(category)
        return category
    except Exception:
        return UserWarning


def _analyze_batch(batch: list[tuple[int, str]], kwargs: dict[str, Any]) -> list[tuple[int, Analysis | None, str | None, list]]:
    """Worker side: analyse a batch; warnings are sent back to be shown once by the parent."""
    out = []
    for index, text in batch:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            analysis, error = _analyze_one(text, kwargs)
        out.append((index, analysis, error, [(_picklable(w.category), str(w.message)) for w in caught]))
    return out


# --------------------------------------------------------------------------- workers


def start_method() -> str:
    """``fork`` where the platform has it and it is safe, else ``spawn``.

    Not on macOS (system libraries there are not fork-safe), and not once CTranslate2 has been
    loaded here: its translators are not fork-safe, and a forked worker hangs in it.
    """
    if "fork" in mp.get_all_start_methods() and sys.platform != "darwin" and "ctranslate2" not in sys.modules:
        return "fork"
    return "spawn"


@contextmanager
def _starting_workers(method: str) -> Iterator[None]:
    """Around the calls that start worker processes."""
    with warnings.catch_warnings():
        # Python 3.12+ warns on any fork of a process with threads; the fork is deliberate,
        # after the pipelines are built, as spaCy's nlp.pipe does.
        warnings.filterwarnings("ignore", message=".*multi-threaded.*fork", category=DeprecationWarning)
        if method == "fork":
            yield
            return
        # A spawned worker runs the caller's script again unless it is guarded by
        # `if __name__ == "__main__":`. Ours need nothing from it: hide it while they start.
        main = sys.modules.get("__main__")
        saved = {k: main.__dict__[k] for k in ("__file__", "__spec__") if main is not None and k in main.__dict__}
        try:
            if main is not None:
                main.__dict__.pop("__file__", None)
                main.__spec__ = None  # read by multiprocessing, so it must exist
            yield
        finally:
            if main is not None:
                main.__dict__.update(saved)


def _warm(texts: list[str], kwargs: dict[str, Any]) -> None:
    """Build, in the parent, the pipelines the first pages need, before workers are forked."""
    from .components.language import detect_language
    from .pipeline import pipeline_lang

    if kwargs.get("lang"):
        langs = {pipeline_lang(kwargs["lang"])}
    else:
        langs = {pipeline_lang(detect_language(t)[0]) for t in texts if t.strip()}
    if kwargs.get("translate", "auto") is not False and langs - {"en"}:
        langs.add("en")  # translations are read by the English rules
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for lang in sorted(langs):
            analyze(_WARM_TEXTS.get(lang, _WARM_TEXTS["xx"]), lang=None if lang == "xx" else lang,
                    translate=False)


def _untranslated(text: Any, kwargs: dict[str, Any]) -> bool:
    """True when analysing ``text`` cannot load a translator (which must not precede a fork)."""
    from .components.language import detect_language

    if kwargs.get("translate", "auto") is False or not isinstance(text, str) or not text.strip():
        return True
    lang = kwargs.get("lang") or detect_language(text)[0]
    return lang in ("en", "und")


def _batches(items: Iterator[tuple[int, Any, Any]], batch_size: int) -> Iterator[list[tuple[int, Any, Any]]]:
    """Batches of 1, 2, 4, ... then ``batch_size`` items: the first results come soon."""
    size = 1
    batch: list[tuple[int, Any, Any]] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
            size = min(size * 2, batch_size)
    if batch:
        yield batch


def _parallel(items: Iterator[tuple[int, Any, Any]], n_process: int, batch_size: int,
              kwargs: dict[str, Any]) -> Iterator[Outcome]:
    # The parent analyses the first page itself, so that its result comes as soon as with one
    # process: before the workers start when that loads no translator, else after the fork.
    head = list(itertools.islice(items, 1))
    if not head:
        return
    early = _untranslated(head[0][1], kwargs)
    if early:
        yield from _serial(head, kwargs)
    batches = _batches(items, batch_size)
    window = 2 * n_process  # batches in flight: workers never wait, memory stays bounded
    first = [b for _, b in zip(range(window), batches)]
    if not first:
        if not early:
            yield from _serial(head, kwargs)
        return
    method = start_method()
    if method == "fork":
        _warm([text for batch in first for _, text, _ in batch if isinstance(text, str)], kwargs)
    pool = ProcessPoolExecutor(n_process, mp_context=mp.get_context(method))
    pending: deque = deque()

    def submit(batch: list[tuple[int, Any, Any]]) -> None:
        errors = {index: _input_error(text) for index, text, _ in batch}
        work = [(index, text) for index, text, _ in batch if errors[index] is None]
        with _starting_workers(method):
            future = pool.submit(_analyze_batch, work, kwargs) if work else None
        pending.append((future, batch, errors))

    try:
        for batch in first:
            submit(batch)
        if not early:
            yield from _serial(head, kwargs)
        while pending:
            future, batch, errors = pending.popleft()
            try:
                done = {index: rest for index, *rest in (future.result() if future else [])}
            except BrokenProcessPool as e:
                raise RuntimeError(f"a worker process died while analysing pages {batch[0][0]}-{batch[-1][0]} "
                                   f"(killed, or out of memory?)") from e
            nxt = next(batches, None)
            if nxt is not None:
                submit(nxt)
            for index, text, context in batch:
                if errors[index] is not None:
                    yield Outcome(index, context, None, errors[index])
                    continue
                analysis, error, caught = done[index]
                for category, message in caught:
                    warnings.warn(message, category, stacklevel=2)
                yield Outcome(index, context, analysis, error)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _serial(items: Iterable[tuple[int, Any, Any]], kwargs: dict[str, Any]) -> Iterator[Outcome]:
    for index, text, context in items:
        error = _input_error(text)
        if error is not None:
            yield Outcome(index, context, None, error)
        else:
            yield Outcome(index, context, *_analyze_one(text, kwargs))


def _numbered(texts: Iterable[Any], as_tuples: bool) -> Iterator[tuple[int, Any, Any]]:
    for index, item in enumerate(texts):
        if not as_tuples:
            yield index, item, index
        elif isinstance(item, (tuple, list)) and len(item) == 2:
            yield index, item[0], item[1]
        else:
            yield index, TypeError(f"as_tuples=True expects (text, context) pairs, not {type(item).__name__}"), None


def outcomes(texts: Iterable[Any], *, n_process: int = 1, batch_size: int = DEFAULT_BATCH_SIZE,
             as_tuples: bool = False, **analyze_kwargs: Any) -> Iterator[Outcome]:
    """Every item's :class:`Outcome`, in input order, failures included (the CLI reports them).

    Arguments are those of :func:`analyze_many`; they are checked by the caller. An exception
    in place of a text is that item's error (a page that could not be read).
    """
    items = _numbered(texts, as_tuples)
    if n_process == 1:
        return _serial(items, analyze_kwargs)
    return _parallel(items, n_process, batch_size, analyze_kwargs)


def progress_bar(total: int | None, **kwargs: Any):
    """A tqdm bar on standard error counting pages."""
    from tqdm.auto import tqdm

    return tqdm(total=total, unit="page", desc="parreform-nlp", file=kwargs.pop("file", sys.stderr), **kwargs)


def _results(stream: Iterator[Outcome], *, as_tuples: bool, on_error: str, bar) -> Iterator[Any]:
    try:
        for outcome in stream:
            if bar is not None:
                bar.update(1)
            if outcome.error is not None:
                failure = PageError(outcome.index, outcome.context, outcome.error, has_context=as_tuples)
                if on_error == "raise":
                    raise failure
                warnings.warn(f"skipped {failure.where}: {failure.error}", PageWarning, stacklevel=2)
                continue
            yield (outcome.analysis, outcome.context) if as_tuples else outcome.analysis
    finally:
        if bar is not None:
            bar.close()
        close = getattr(stream, "close", None)
        if close is not None:
            close()  # stops the workers when the caller stops early


def analyze_many(texts: Iterable[Any], *, n_process: int = 1, batch_size: int = DEFAULT_BATCH_SIZE,
                 as_tuples: bool = False, on_error: str = "raise", progress: bool = False,
                 **analyze_kwargs: Any) -> Iterator[Any]:
    """Analyse many pages, yielding one :class:`Analysis` per text, in input order.

    Args:
        texts: the pages (any iterable, read lazily), or ``(text, context)`` pairs with ``as_tuples``.
        n_process: worker processes (``-1``: one per CPU). The output is the same as with 1.
        batch_size: the most pages a worker takes at a time (the first batches are smaller, so
            the first result comes soon).
        as_tuples: take ``(text, context)`` pairs and yield ``(Analysis, context)`` pairs.
        on_error: ``"raise"`` stops at the first page that fails with a :class:`PageError`
            naming its index (and context); ``"skip"`` warns (:class:`PageWarning`) and goes on.
            Items that are not text (None, bytes, ...) are such failures too.
        progress: show a tqdm progress bar on standard error.
        **analyze_kwargs: those of :func:`parreform_nlp.analyze` (``lang``, ``translate``, ``published``).

    Raises:
        TypeError, ValueError: bad arguments, at the call, before any worker starts.
        PageError: with ``on_error="raise"``, while iterating.
    """
    n_process = check_arguments(n_process=n_process, batch_size=batch_size, on_error=on_error,
                                as_tuples=as_tuples, progress=progress, **analyze_kwargs)
    bar = progress_bar(len(texts) if hasattr(texts, "__len__") else None) if progress else None
    stream = outcomes(texts, n_process=n_process, batch_size=batch_size, as_tuples=as_tuples, **analyze_kwargs)
    return _results(stream, as_tuples=as_tuples, on_error=on_error, bar=bar)

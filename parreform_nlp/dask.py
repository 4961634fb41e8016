"""The corpus API on Dask, for corpora beyond one machine (the ``dask`` extra).

    >>> import dask.bag as db
    >>> from parreform_nlp.dask import analyze_bag, frames, write_frames
    >>> pages = db.from_sequence([(path, text), ...], npartitions=64)   # or plain texts
    >>> records = analyze_bag(pages, translate=False)      # a bag of dicts, each with "page"
    >>> write_frames(frames(records), "out/", "parquet")  # one table per record kind

Each worker process builds the pipelines once (on first use) and keeps them. Records are
plain dicts (``{"page": ..., **Analysis.to_dict()}``), so they travel between machines cheaply.
"""
from __future__ import annotations

import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .api import analyze
from .corpus import PageError, PageWarning, check_arguments
from .frames import FORMATS, arrow_schema, frame, page_rows
from .result import RECORD_TYPES

try:
    import dask
    import dask.bag as db
    import dask.dataframe as dd
except ImportError as e:  # pragma: no cover - depends on the environment
    raise ImportError("parreform_nlp.dask needs dask: pip install 'parreform-nlp[dask]'") from e


def _analyze_partition(items: list[Any], offset: int, on_error: str, kwargs: dict[str, Any]) -> list[dict[str, Any]]:
    """Records of one partition; plain texts get their position in the whole bag as ``page``."""
    out = []
    for position, item in enumerate(items, start=offset):
        if isinstance(item, (tuple, list)) and len(item) == 2:
            page, text = item
        else:
            page, text = position, item
        try:
            record = analyze(text, **kwargs).to_dict()
        except Exception as e:  # one page's failure must not stop the others
            failure = PageError(position, page, f"{type(e).__name__}: {e}", has_context=True)
            if on_error == "raise":
                raise failure from e
            warnings.warn(f"skipped {failure.where}: {failure.error}", PageWarning, stacklevel=2)
            continue
        out.append({"page": page, **record})
    return out


def analyze_bag(bag: db.Bag, *, on_error: str = "raise", **analyze_kwargs: Any) -> db.Bag:
    """Analyse a bag of texts or of ``(page, text)`` pairs; a bag of records, each with ``page``.

    A record is ``{"page": page, **Analysis.to_dict()}``; for plain texts ``page`` is the text's
    position in the bag. ``on_error`` is that of :func:`parreform_nlp.analyze_many` (``"skip"``
    warns in the worker's log); other keyword arguments are those of :func:`parreform_nlp.analyze`.
    Arguments are checked here, before anything runs.
    """
    check_arguments(n_process=1, batch_size=1, on_error=on_error, **analyze_kwargs)
    if not isinstance(bag, db.Bag):
        raise TypeError(f"analyze_bag() expects a dask.bag.Bag, not {type(bag).__name__}")
    parts = bag.to_delayed()
    # Offsets of the partitions, for plain texts' positions: a chain of small sums of lengths.
    offsets: list[Any] = [0]
    for part in parts[:-1]:
        offsets.append(dask.delayed(int.__add__)(offsets[-1], dask.delayed(len)(part)))
    analyzed = [dask.delayed(_analyze_partition)(part, offset, on_error, analyze_kwargs)
                for part, offset in zip(parts, offsets)]
    return db.from_delayed(analyzed)


def _kind_frame(records: list[dict[str, Any]], kind: str):
    rows = [row for record in records for row in page_rows(record, record.get("page"))[kind]]
    return frame(kind, rows, page_dtype="object")


def frames(bag: db.Bag) -> dict[str, dd.DataFrame]:
    """One dask DataFrame per record kind (officials, bodies, ...), each with a ``page`` column.

    ``bag`` is what :func:`analyze_bag` returns. The frames share its tasks: compute them
    together (``dask.compute(*frames.values())``, :func:`write_frames`), or ``persist()`` the
    bag first, so each page is analysed once.
    """
    parts = bag.to_delayed()
    # Dask would turn object columns into strings, and lists (mentions, titles) with them.
    with dask.config.set({"dataframe.convert-string": False}):
        return {kind: dd.from_delayed([dask.delayed(_kind_frame)(part, kind) for part in parts],
                                      meta=frame(kind, [], page_dtype="object"), verify_meta=False)
                for kind in RECORD_TYPES}


def _csv_ready(df):
    import json

    # CSV cells are flat: lists (mentions, titles, spans) become JSON text.
    return df.assign(**{c: df[c].map(lambda v: json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v)
                        for c in df.columns if df[c].dtype == object})


def write_frames(frames: Mapping[str, dd.DataFrame], directory: str | Path, format: str = "parquet") -> dict[str, Path]:
    """Write the frames to ``DIR/<kind>/`` (one file per partition), all in one computation.

    ``format`` is "parquet" (nested lists kept, one schema for every partition), "csv" or
    "jsonl". Returns each kind's folder.
    """
    if format not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}, not {format!r}")
    directory = Path(directory)
    paths = {kind: directory / kind for kind in frames}
    tasks = []
    for kind, df in frames.items():
        path = str(paths[kind])
        if format == "parquet":
            df = df.assign(page=df["page"].astype(str))
            tasks.append(df.to_parquet(path, schema=arrow_schema(kind, "string"), write_index=False, compute=False))
        elif format == "csv":
            tasks.append(df.map_partitions(_csv_ready).to_csv(f"{path}/part-*.csv", index=False, compute=False))
        else:
            tasks.append(df.to_json(f"{path}/part-*.jsonl", orient="records", lines=True, force_ascii=False, compute=False))
    dask.compute(*tasks)
    return paths

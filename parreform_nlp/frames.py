"""Corpus tables: one table per record kind, each row carrying its ``page``.

``to_frames`` gives pandas DataFrames; ``TableWriter`` streams rows to JSON Lines, CSV or
Parquet files without holding a corpus in memory (the CLI uses it); ``write_frames`` writes
DataFrames with the same writer. pandas and pyarrow are imported only when used.
"""
from __future__ import annotations

import csv
import json
import types
import typing
from collections.abc import Iterable, Mapping
from dataclasses import asdict, fields, is_dataclass
from pathlib import Path
from typing import Any

from .result import RECORD_TYPES, Analysis

FORMATS = ("jsonl", "csv", "parquet")
_EXTENSIONS = {"jsonl": "jsonl", "csv": "csv", "parquet": "parquet"}


def columns(kind: str) -> list[str]:
    """The columns of ``kind``'s table: ``page``, then the record's fields."""
    return ["page"] + [f.name for f in fields(RECORD_TYPES[kind])]


def _check_kind(kind: str) -> None:
    if kind not in RECORD_TYPES:
        raise ValueError(f"kind must be one of {sorted(RECORD_TYPES)}, not {kind!r}")


def page_rows(result: Analysis | Mapping[str, Any], page: Any) -> dict[str, list[dict[str, Any]]]:
    """The rows of one page, by kind: each record as a plain dict with ``page`` first.

    ``result`` is an :class:`Analysis` or its ``to_dict()`` (as in JSON Lines output).
    """
    rows: dict[str, list[dict[str, Any]]] = {}
    for kind in RECORD_TYPES:
        records = getattr(result, kind) if isinstance(result, Analysis) else (result.get(kind) or [])
        rows[kind] = [{"page": page, **(asdict(r) if is_dataclass(r) else r)} for r in records]
    return rows


def _split(item: Any, position: int) -> tuple[Any, Any]:
    """(result, page) of one item of ``to_frames``' input."""
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], (Analysis, Mapping)):
        return item
    if isinstance(item, Analysis):
        return item, position
    if isinstance(item, Mapping):
        return item, item.get("page", position)
    raise TypeError(f"to_frames() expects Analysis objects, (Analysis, page) pairs or to_dict() "
                    f"records, not {type(item).__name__} (item {position})")


def _dtypes(kind: str) -> dict[str, str]:
    """pandas dtypes of the record columns: numbers and flags typed, everything else object."""
    out = {}
    for name, hint in typing.get_type_hints(RECORD_TYPES[kind]).items():
        out[name] = {float: "float64", int: "int64", bool: "bool"}.get(hint, "object")
    return out


def frame(kind: str, rows: list[dict[str, Any]], *, page_dtype: str | None = None):
    """A pandas DataFrame of ``kind`` rows with stable columns and dtypes (also when empty)."""
    import pandas as pd

    _check_kind(kind)
    df = pd.DataFrame.from_records(rows, columns=columns(kind))
    dtypes = _dtypes(kind)
    if page_dtype:
        dtypes["page"] = page_dtype
    return df.astype(dtypes)


def to_frames(results: Iterable[Any]) -> dict[str, Any]:
    """One pandas DataFrame per record kind for many pages, each with a ``page`` column.

    ``results`` holds :class:`Analysis` objects (``page`` is their position), ``(Analysis, page)``
    pairs as ``analyze_many(..., as_tuples=True)`` yields them, or ``to_dict()`` records (their
    own ``"page"`` key when present). Nested fields (``mentions``, ``titles``) stay lists.
    Needs the ``frame`` extra (pandas).
    """
    try:
        import pandas  # noqa: F401
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("to_frames() needs pandas: pip install 'parreform-nlp[frame]'") from e
    rows: dict[str, list[dict[str, Any]]] = {kind: [] for kind in RECORD_TYPES}
    for position, item in enumerate(results):
        result, page = _split(item, position)
        for kind, page_kind_rows in page_rows(result, page).items():
            rows[kind].extend(page_kind_rows)
    return {kind: frame(kind, kind_rows) for kind, kind_rows in rows.items()}


# --------------------------------------------------------------------------- writing


def _arrow_type(hint: Any):
    import pyarrow as pa

    args = [a for a in typing.get_args(hint) if a is not type(None)]
    if typing.get_origin(hint) in (typing.Union, types.UnionType) and len(args) == 1:
        return _arrow_type(args[0])
    if typing.get_origin(hint) is list:
        return pa.list_(_arrow_type(args[0]))
    if is_dataclass(hint):
        hints = typing.get_type_hints(hint)
        return pa.struct([(f.name, _arrow_type(hints[f.name])) for f in fields(hint)])
    return {float: pa.float64(), int: pa.int64(), bool: pa.bool_(), str: pa.string()}.get(hint, pa.string())


def arrow_schema(kind: str, page_type: str = "string"):
    """The Parquet schema of ``kind``'s table; ``page_type`` is "string" or "int64"."""
    import pyarrow as pa

    _check_kind(kind)
    cls = RECORD_TYPES[kind]
    hints = typing.get_type_hints(cls)
    return pa.schema([("page", pa.int64() if page_type == "int64" else pa.string())]
                     + [(f.name, _arrow_type(hints[f.name])) for f in fields(cls)])


def _nested_to_json(row: dict[str, Any]) -> dict[str, Any]:
    # CSV cells are flat: lists and dicts become JSON text.
    return {k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v for k, v in row.items()}


class TableWriter:
    """Streams rows into ``DIR/<kind>.<format>``, one file per record kind, each with ``page``.

    Rows are buffered and flushed every ``flush_every`` pages, so a corpus never sits in memory.
    Parquet needs pyarrow (the ``frame`` extra); JSON Lines and CSV need nothing.
    """

    def __init__(self, directory: str | Path, format: str = "parquet", *, flush_every: int = 500) -> None:
        if format not in FORMATS:
            raise ValueError(f"format must be one of {FORMATS}, not {format!r}")
        if format == "parquet":
            try:
                import pyarrow.parquet  # noqa: F401
            except ImportError as e:
                raise ImportError("Parquet output needs pyarrow: pip install 'parreform-nlp[frame]'") from e
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.format = format
        self.flush_every = flush_every
        self.paths = {kind: self.directory / f"{kind}.{_EXTENSIONS[format]}" for kind in RECORD_TYPES}
        self._rows: dict[str, list[dict[str, Any]]] = {kind: [] for kind in RECORD_TYPES}
        self._pending = 0
        self._page_type: str | None = None
        self._files: dict[str, Any] = {}
        self._writers: dict[str, Any] = {}
        self.pages = 0

    def add(self, result: Analysis | Mapping[str, Any], page: Any) -> None:
        """Add one page's records."""
        for kind, rows in page_rows(result, page).items():
            self._rows[kind].extend(rows)
        self.pages += 1
        self._pending += 1
        if self._pending >= self.flush_every:
            self.flush()

    def add_rows(self, kind: str, rows: list[dict[str, Any]]) -> None:
        """Add ready-made rows of ``kind`` (dicts with ``page`` and the record's fields)."""
        _check_kind(kind)
        self._rows[kind].extend(rows)

    def flush(self) -> None:
        """Write the buffered rows (files are created on the first flush, also when empty)."""
        if self._page_type is None:
            pages = [r["page"] for rows in self._rows.values() for r in rows]
            self._page_type = "int64" if pages and all(type(p) is int for p in pages) else "string"
        for kind, rows in self._rows.items():
            getattr(self, f"_write_{self.format}")(kind, rows)
            rows.clear()
        self._pending = 0

    def _page(self, page: Any) -> Any:
        if page is None:
            return None
        return page if self._page_type == "int64" else str(page)

    def _file(self, kind: str, **open_kwargs: Any):
        if kind not in self._files:
            self._files[kind] = open(self.paths[kind], "w", encoding="utf-8", **open_kwargs)
        return self._files[kind]

    def _write_jsonl(self, kind: str, rows: list[dict[str, Any]]) -> None:
        out = self._file(kind)
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")

    def _write_csv(self, kind: str, rows: list[dict[str, Any]]) -> None:
        new = kind not in self._files
        writer = csv.DictWriter(self._file(kind, newline=""), fieldnames=columns(kind))
        if new:
            writer.writeheader()
        writer.writerows(_nested_to_json({**row, "page": self._page(row["page"])}) for row in rows)

    def _write_parquet(self, kind: str, rows: list[dict[str, Any]]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = arrow_schema(kind, self._page_type or "string")
        if kind not in self._writers:
            self._writers[kind] = pq.ParquetWriter(self.paths[kind], schema)
        table = pa.Table.from_pylist([{**row, "page": self._page(row["page"])} for row in rows], schema=schema)
        self._writers[kind].write_table(table)

    def close(self) -> dict[str, Path]:
        """Flush and close the files; returns the path of each kind's table."""
        self.flush()
        for f in self._files.values():
            f.close()
        for w in self._writers.values():
            w.close()
        self._files.clear()
        self._writers.clear()
        return dict(self.paths)

    def __enter__(self) -> "TableWriter":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def _records(df) -> list[dict[str, Any]]:
    import pandas as pd

    # NaN from pandas back to None, so nullable fields stay null in every format.
    return [{k: (None if not isinstance(v, (list, dict)) and pd.isna(v) else v) for k, v in row.items()}
            for row in df.to_dict(orient="records")]


def write_frames(frames: Mapping[str, Any], directory: str | Path, format: str = "parquet") -> dict[str, Path]:
    """Write ``to_frames()`` output to ``DIR/<kind>.<format>`` (jsonl, csv or parquet).

    Returns the path of each kind's file. Lists (``mentions``, ``titles``) stay nested in
    Parquet and JSON Lines and are JSON text in CSV.
    """
    writer = TableWriter(directory, format)
    for kind, df in frames.items():
        writer.add_rows(kind, _records(df))
    return writer.close()


__all__ = ["FORMATS", "TableWriter", "arrow_schema", "columns", "frame", "page_rows",
           "to_frames", "write_frames"]

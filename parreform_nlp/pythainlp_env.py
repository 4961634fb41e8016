"""Where pythainlp may write: set before pythainlp is first imported.

pythainlp creates ``~/pythainlp-data`` when it starts, unless told another folder; with a
read-only home (containers, services) Thai analysis then fails. :func:`prepare` points it at a
writable cache folder (``$XDG_CACHE_HOME/parreform-nlp/pythainlp-data``, else
``~/.cache/...``, else the system temp folder), never the home folder itself. A folder the
user chose (``PYTHAINLP_DATA`` / ``PYTHAINLP_DATA_DIR``) is left alone. Our Thai rules use only
pythainlp's bundled dictionary: nothing is downloaded there.
"""
from __future__ import annotations

import importlib.util
import os
import tempfile
import threading
from pathlib import Path

_DONE = False
_LOCK = threading.Lock()


def _writable(folder: Path) -> bool:
    # the folder, or its nearest existing parent, must be writable: nothing is created here
    for p in (folder, *folder.parents):
        if p.exists():
            return p.is_dir() and os.access(p, os.W_OK | os.X_OK)
    return False


def _variable() -> str:
    """The variable this pythainlp reads: ``PYTHAINLP_DATA`` (5.x), else the older ``PYTHAINLP_DATA_DIR``.

    Read from its source without importing it (its import creates the folder)."""
    spec = importlib.util.find_spec("pythainlp")
    if spec is not None and spec.origin:
        try:
            source = (Path(spec.origin).parent / "tools" / "path.py").read_text(encoding="utf-8")
        except OSError:
            source = ""
        if '"PYTHAINLP_DATA"' in source:
            return "PYTHAINLP_DATA"
    return "PYTHAINLP_DATA_DIR"


def data_dir_candidates() -> list[Path]:
    """Cache folders tried in order for pythainlp's data."""
    out = []
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        out.append(Path(xdg) / "parreform-nlp" / "pythainlp-data")
    try:
        out.append(Path.home() / ".cache" / "parreform-nlp" / "pythainlp-data")
    except RuntimeError:  # no home directory at all
        pass
    uid = os.getuid() if hasattr(os, "getuid") else "user"
    out.append(Path(tempfile.gettempdir()) / f"parreform-nlp-{uid}" / "pythainlp-data")
    return out


def prepare() -> None:
    """Point pythainlp at a writable cache folder (once per process, before it is imported)."""
    global _DONE
    if _DONE:
        return
    with _LOCK:
        if _DONE:
            return
        if not (os.environ.get("PYTHAINLP_DATA") or os.environ.get("PYTHAINLP_DATA_DIR")):
            for folder in data_dir_candidates():
                if _writable(folder):
                    os.environ[_variable()] = str(folder)
                    break
            else:
                # nowhere to write: pythainlp's read-only mode creates no folder at all
                os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")
        _DONE = True

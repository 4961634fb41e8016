"""Installed Argos Translate packages: list, install, remove — without importing argostranslate.

Packages live in the directory named by ``PARREFORM_MODELS_DIR``; else in Argos Translate's own
packages directory (``$ARGOS_PACKAGES_DIR``, else ``$XDG_DATA_HOME/argos-translate/packages``,
else ``~/.local/share/argos-translate/packages``), so packages installed with ``argospm`` are
found too. Importing this module reads and writes nothing; listing never creates a folder.

    >>> import parreform_nlp.models as models
    >>> models.install("translate-th_en-1_9.argosmodel")   # a file downloaded on a connected machine
    >>> models.installed()
    [('th', 'en')]
    >>> models.remove("th", "en")

A package is a zip archive (``.argosmodel``) of one folder holding ``metadata.json``
(``from_code``, ``to_code``, ...), a CTranslate2 model in ``model/`` and a ``sentencepiece.model``
or ``bpe.model`` tokenizer.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import threading
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

__all__ = ["installed", "install", "remove", "packages_dir", "Package", "installed_packages"]

_LOCK = threading.RLock()
_SCAN_CACHE: dict[tuple[str, int], list["Package"]] = {}


@dataclass(frozen=True)
class Package:
    """An installed translation package (a folder in :func:`packages_dir`)."""

    path: Path
    from_code: str
    to_code: str
    version: str = ""
    target_prefix: str = ""

    @property
    def model_dir(self) -> Path:
        return self.path / "model"

    @property
    def tokenizer_kind(self) -> str | None:
        if (self.path / "sentencepiece.model").is_file():
            return "sentencepiece"
        if (self.path / "bpe.model").is_file():
            return "bpe"
        return None


def packages_dir() -> Path:
    """Where packages are installed: ``PARREFORM_MODELS_DIR``, else Argos Translate's packages folder.

    Computed the way argostranslate's settings do, without importing it (its import creates folders
    under the home directory).
    """
    explicit = os.environ.get("PARREFORM_MODELS_DIR")
    if explicit:
        return Path(explicit).expanduser()
    argos = os.environ.get("ARGOS_PACKAGES_DIR")
    if argos:
        return Path(argos).expanduser()
    home = Path(os.environ["SNAP_USER_DATA"]) if "SNAP" in os.environ and "SNAP_USER_DATA" in os.environ else Path.home()
    data = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    return data / "argos-translate" / "packages"


def _read_package(folder: Path) -> Package | None:
    meta_path = folder / "metadata.json"
    if not meta_path.is_file() or not (folder / "model").is_dir():
        return None
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(meta, dict) or meta.get("type", "translate") != "translate":
        return None
    from_code, to_code = meta.get("from_code"), meta.get("to_code")
    if not from_code or not to_code:
        return None
    return Package(folder, str(from_code), str(to_code), str(meta.get("package_version", "")),
                   str(meta.get("target_prefix", "") or ""))


def installed_packages() -> list[Package]:
    """The valid translation packages in :func:`packages_dir`, sorted by (from, to, folder name)."""
    root = packages_dir()
    try:
        key = (str(root), root.stat().st_mtime_ns)
    except OSError:
        return []
    with _LOCK:
        cached = _SCAN_CACHE.get(key)
        if cached is None:
            found = []
            try:
                folders = sorted(root.iterdir())
            except OSError:  # not a directory, or unreadable
                folders = []
            for folder in folders:
                if folder.is_dir():
                    pkg = _read_package(folder)
                    if pkg is not None:
                        found.append(pkg)
            cached = sorted(found, key=lambda p: (p.from_code, p.to_code, p.path.name))
            _SCAN_CACHE.clear()
            _SCAN_CACHE[key] = cached
        return list(cached)


def installed() -> list[tuple[str, str]]:
    """(from_code, to_code) pairs of the installed translation packages, sorted, without duplicates."""
    return sorted({(p.from_code, p.to_code) for p in installed_packages()})


def _package_root(names: list[str]) -> str:
    tops = {PurePosixPath(n).parts[0] for n in names if n and not n.startswith("__MACOSX")}
    if len(tops) != 1:
        raise ValueError(f"a .argosmodel must hold exactly one top-level folder, found {sorted(tops) or 'none'}")
    return tops.pop()


#: Limits checked before anything is written. Argos packages hold tens of files and a few
#: hundred MB; a zip bomb or a tree of 100,000 files is refused.
MAX_MEMBERS = 1000
MAX_UNCOMPRESSED = 1 << 30  # bytes, all members together
MAX_RATIO = 100  # uncompressed / compressed, per member and all members together
MAX_METADATA = 1 << 20
_CODE = re.compile(r"[a-z]{2,3}")


def _check_archive(zf: zipfile.ZipFile, path: Path) -> tuple[str, dict]:
    """The package's top folder and metadata, checked from the zip's directory alone."""
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise ValueError(f"{path} holds {len(infos)} files; a translation package holds at most {MAX_MEMBERS}")
    names = [i.filename for i in infos]
    top = _package_root(names)
    for name in names:
        parts = PurePosixPath(name).parts
        if name.startswith("/") or "\\" in name or ".." in parts or (parts and ":" in parts[0]):
            raise ValueError(f"unsafe path in package: {name!r}")
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos)
    bomb = any(i.file_size > MAX_RATIO * max(i.compress_size, 1 << 16) for i in infos)
    if bomb or total > MAX_UNCOMPRESSED or total > MAX_RATIO * max(packed, 1 << 16):
        raise ValueError(f"{path} would extract to {total:,} bytes from {packed:,}: refused "
                         f"(limits: {MAX_UNCOMPRESSED:,} bytes, ratio {MAX_RATIO})")
    members = set(names)
    meta_name = f"{top}/metadata.json"
    if meta_name not in members:
        raise ValueError(f"{path} has no metadata.json in {top!r}")
    if zf.getinfo(meta_name).file_size > MAX_METADATA:
        raise ValueError(f"{path}: metadata.json is too large")
    try:
        meta = json.loads(zf.read(meta_name).decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as e:
        raise ValueError(f"{path}: metadata.json is not valid JSON ({e})") from None
    if not isinstance(meta, dict) or meta.get("type", "translate") != "translate":
        raise ValueError(f"{path} is not a translation package (metadata type {meta.get('type') if isinstance(meta, dict) else meta!r})")
    codes = meta.get("from_code"), meta.get("to_code")
    if not all(isinstance(c, str) and _CODE.fullmatch(c) for c in codes) or codes[0] == codes[1]:
        raise ValueError(f"{path}: from_code and to_code must be two different lower-case ISO 639 codes, "
                         f"not {codes[0]!r} and {codes[1]!r}")
    if not any(n.startswith(f"{top}/model/") for n in members):
        raise ValueError(f"{path} needs a valid metadata.json and model/ folder: no model/ in {top!r}")
    if not ({f"{top}/sentencepiece.model", f"{top}/bpe.model"} & members):
        raise ValueError(f"{path} has neither sentencepiece.model nor bpe.model")
    return top, meta


def _check_loads(pkg: "Package", path: Path) -> None:
    """Load the model and tokenizer once and translate one word: a garbage ``model.bin`` or
    ``sentencepiece.model`` is refused here, not on every page later.

    It runs in a child process: CTranslate2 is then never loaded in this one by installing
    (its translators are not fork-safe, and ``analyze_many`` forks workers while it is not
    loaded), and a model that crashes the loader cannot take this process with it.
    """
    import subprocess
    import sys

    code = ("import sys; from pathlib import Path; from parreform_nlp.models import _read_package; "
            "from parreform_nlp.translation import _Engine; "
            "pkg = _read_package(Path(sys.argv[1])); out = _Engine(pkg).translate(['1']); "
            "print('ok' if len(out) == 1 else 'no output')")
    env = dict(os.environ)
    here = str(Path(__file__).resolve().parent.parent)
    env["PYTHONPATH"] = here + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    try:
        done = subprocess.run([sys.executable, "-c", code, str(pkg.path)], capture_output=True, text=True,
                              env=env, timeout=LOAD_TIMEOUT)
    except subprocess.TimeoutExpired:
        raise ValueError(f"{path}: the model did not load within {LOAD_TIMEOUT} s") from None
    if done.returncode != 0 or done.stdout.strip() != "ok":
        lines = (done.stderr or done.stdout).strip().splitlines()
        reason = lines[-1] if lines else f"exit status {done.returncode}"
        raise ValueError(f"{path}: the model or its tokenizer does not load ({reason})")


#: Seconds the child process may take to load a package and translate one word.
LOAD_TIMEOUT = 300


def _destination(root: Path, top: str, pair: tuple[str, str]) -> Path:
    """``root/top``, unless a package of another pair (or anything else) is there: then a free
    name, so installing never removes another pair."""
    dest = root / top
    n = 1
    while dest.exists() or dest.is_symlink():
        old = _read_package(dest) if dest.is_dir() and not dest.is_symlink() else None
        if old is not None and (old.from_code, old.to_code) == pair:
            return dest  # the same pair: replaced
        n += 1
        dest = root / f"{top}-{pair[0]}_{pair[1]}" if n == 2 else root / f"{top}-{pair[0]}_{pair[1]}-{n}"
    return dest


def install(path: str | os.PathLike) -> tuple[str, str]:
    """Install a ``.argosmodel`` file into :func:`packages_dir` and return its (from_code, to_code).

    Before anything is written, the archive's directory is checked: one top folder, safe paths,
    at most :data:`MAX_MEMBERS` files and :data:`MAX_UNCOMPRESSED` bytes, a ``metadata.json``
    with two different lower-case language codes, a ``model/`` folder and a tokenizer. The
    package is then extracted to a staging folder, its model and tokenizer loaded once, and
    only then moved in. A package already installed for the same pair is replaced; packages of
    other pairs are never touched. Nothing is downloaded.

    Raises:
        FileNotFoundError: ``path`` does not exist.
        ValueError: ``path`` is not a valid translation package (corrupt zip included).
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no such package file: {path}")
    if not zipfile.is_zipfile(path):
        raise ValueError(f"{path} is not an Argos Translate package (a .argosmodel zip archive)")
    try:
        with zipfile.ZipFile(path) as zf:
            top, _meta = _check_archive(zf, path)
            root = packages_dir()
            root.mkdir(parents=True, exist_ok=True)
            with _LOCK:
                staging = Path(tempfile.mkdtemp(prefix=".installing-", dir=root))
                try:
                    zf.extractall(staging)
                    pkg = _read_package(staging / top)
                    if pkg is None:
                        raise ValueError(f"{path} has no valid metadata.json and model/ folder in {top!r}")
                    _check_loads(pkg, path)
                    pair = (pkg.from_code, pkg.to_code)
                    dest = _destination(root, top, pair)
                    for old in installed_packages():
                        if (old.from_code, old.to_code) == pair and old.path != dest:
                            shutil.rmtree(old.path)
                    if dest.exists():
                        shutil.rmtree(dest)
                    (staging / top).rename(dest)
                finally:
                    shutil.rmtree(staging, ignore_errors=True)
                _SCAN_CACHE.clear()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, NotImplementedError) as e:
        raise ValueError(f"{path} is a corrupt or unsupported zip archive ({e})") from None
    _forget_engines()
    return pkg.from_code, pkg.to_code


def remove(from_code: str, to_code: str) -> None:
    """Remove the installed package(s) translating ``from_code`` to ``to_code``.

    Raises:
        LookupError: no such package is installed.
    """
    with _LOCK:
        victims = [p for p in installed_packages() if (p.from_code, p.to_code) == (from_code, to_code)]
        if not victims:
            raise LookupError(f"no translation package {from_code}->{to_code} is installed in {packages_dir()}")
        for pkg in victims:
            shutil.rmtree(pkg.path)
        _SCAN_CACHE.clear()
    _forget_engines()


def _forget_engines() -> None:
    # Loaded translators of removed/replaced packages must not be reused.
    import sys

    mod = sys.modules.get("parreform_nlp.translation")
    if mod is not None:
        mod.clear_caches()

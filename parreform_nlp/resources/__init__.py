"""Rules as data, one folder per language (``en/``, ``vi/``, ``th/``), plus multilingual
gazetteers at the top level. Read with importlib.resources so they work from a wheel."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

_PACKAGE = __name__


def has_resource(name: str, lang: str | None = None) -> bool:
    """Whether ``[lang/]name`` ships with the package."""
    node = resources.files(_PACKAGE)
    if lang:
        node = node / lang
    return (node / name).is_file()


@lru_cache(maxsize=None)
def load_json(name: str, lang: str | None = None) -> Any:
    """Parse ``resources/[lang/]name`` (``.json``, or ``.jsonl`` as a list of objects).

    The result is cached and shared: callers must not mutate it.
    """
    node = resources.files(_PACKAGE)
    if lang:
        node = node / lang
    text = (node / name).read_text(encoding="utf-8")
    if name.endswith(".jsonl"):
        return [json.loads(line) for line in text.splitlines() if line.strip() and not line.startswith("//")]
    return json.loads(text)


def load_lang_json(name: str, lang: str, fallback: str = "en") -> Any:
    """``lang/name``, or ``fallback/name`` when that language has no such file."""
    return load_json(name, lang if has_resource(name, lang) else fallback)

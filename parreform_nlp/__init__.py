"""parreform_nlp: structured records from pages about Vietnam's public administration reform.

    >>> import parreform_nlp
    >>> result = parreform_nlp.analyze(text)
    >>> result.to_dict()

Importing this package is cheap: pythainlp and the translation engine (ctranslate2)
load only when a page needs them; pandas, pyarrow, dask and trafilatura only when asked for.
"""
from __future__ import annotations

from .api import analyze
from .corpus import PageError, PageWarning, analyze_many
from .errors import TranslationUnavailable
from .frames import to_frames, write_frames
from .pipeline import load
from .render import render
from .result import Analysis

__version__ = "0.1.0"

__all__ = ["analyze", "analyze_many", "load", "render", "to_frames", "write_frames", "Analysis", "PageError",
           "PageWarning", "TranslationUnavailable", "models", "__version__"]


def __getattr__(name: str):
    # `parreform_nlp.models` without importing it (and its Argos helpers) at package import.
    if name == "models":
        import importlib

        return importlib.import_module(f"{__name__}.models")
    raise AttributeError(f"module 'parreform_nlp' has no attribute {name!r}")

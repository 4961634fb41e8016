"""Exceptions of the public API."""


class TranslationUnavailable(RuntimeError):
    """``translate=True`` was asked but no installed package translates this language to English."""

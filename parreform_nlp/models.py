"""Installed Argos Translate packages: list, install, remove.

PLACEHOLDER from the foundation issue.
"""
from __future__ import annotations


def installed() -> list[tuple[str, str]]:
    """(from_code, to_code) pairs of the installed translation packages."""
    return []

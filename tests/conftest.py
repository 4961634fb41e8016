"""Shared fixtures: the seed pages and a socket blocker."""
from __future__ import annotations

import socket
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED_LANGS = {"seed-000": "en", "seed-001": "en", "seed-002": "en", "seed-003": "en", "seed-004": "th"}


def read_seed(seed_id: str) -> str:
    return (FIXTURES / f"{seed_id}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seeds() -> dict[str, str]:
    """The five seed pages, by id."""
    return {seed_id: read_seed(seed_id) for seed_id in SEED_LANGS}


class NetworkBlocked(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection fails the test."""
    def refuse(*args, **kwargs):
        raise NetworkBlocked(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield


@pytest.fixture
def quiet():
    """Warnings (a missing translation package, ...) are ignored."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


@pytest.fixture
def fragile_analyze(monkeypatch):
    """analyze_many's and the CLI's analyze() fails on pages containing "BOOM" (forked workers inherit it)."""
    from parreform_nlp import corpus

    real = corpus.analyze

    def fragile(text, **kwargs):
        if "BOOM" in text:
            raise RuntimeError("pipeline broke\non two lines")
        return real(text, **kwargs)

    monkeypatch.setattr(corpus, "analyze", fragile)

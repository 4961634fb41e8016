"""The ``Doc._`` attributes the components write: plain values only (lists of dicts, str, float),
so that docs survive ``nlp.pipe(n_process>1)`` and ``Doc.to_bytes``."""
from __future__ import annotations

from spacy.tokens import Doc

#: attribute -> default
DOC_ATTRS = {
    "language": None,
    "language_score": None,
    "published": None,  # "YYYY-MM-DD" anchor for relative dates, when known
    "officials": None,
    "bodies": None,
    "places": None,
    "indicators": None,
    "counts": None,
    "legal_refs": None,
    "dates": None,
    "frame": None,  # the page frame as a dict: edition, period, plan, dateline, place, body
}


def ensure_doc_attrs(*names: str) -> None:
    """Register ``Doc._.<name>`` once per process, idempotently.

    Components call this in ``__init__`` and ``__call__``: extensions registered only at
    import time are missing in ``nlp.pipe(n_process>1)`` workers (spaCy error E046).
    """
    for name in names or DOC_ATTRS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=DOC_ATTRS[name])

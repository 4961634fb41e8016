"""Dates normalised with dateparser, anchored on the page's own date.

PLACEHOLDER from the foundation issue: finds nothing yet.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .doc_attrs import ensure_doc_attrs


class DateNormalizer:
    def __init__(self, nlp: Language, name: str = "parreform_dates") -> None:
        self.name = name
        ensure_doc_attrs('dates')

    def __call__(self, doc: Doc, published: str | None = None) -> Doc:
        ensure_doc_attrs('dates', 'published')
        doc._.dates = []
        return doc


@Language.factory("parreform_dates", default_config={})
def make_dates(nlp: Language, name: str) -> DateNormalizer:
    return DateNormalizer(nlp, name)

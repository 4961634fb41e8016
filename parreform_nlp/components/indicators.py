"""Percentages, index points and ratios with metric / subject / period; counts.

PLACEHOLDER from the foundation issue: finds nothing yet.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .doc_attrs import ensure_doc_attrs


class IndicatorMatcher:
    def __init__(self, nlp: Language, name: str = "parreform_indicators") -> None:
        self.name = name
        ensure_doc_attrs('indicators', 'counts')

    def __call__(self, doc: Doc) -> Doc:
        ensure_doc_attrs('indicators', 'counts')
        doc._.indicators = []
        doc._.counts = []
        return doc


@Language.factory("parreform_indicators", default_config={})
def make_indicators(nlp: Language, name: str) -> IndicatorMatcher:
    return IndicatorMatcher(nlp, name)

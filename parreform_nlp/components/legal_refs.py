"""Vietnamese legal document references (Decision 280/QD-UBND, ...).

PLACEHOLDER from the foundation issue: finds nothing yet.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .doc_attrs import ensure_doc_attrs


class LegalRefMatcher:
    def __init__(self, nlp: Language, name: str = "parreform_legal_refs") -> None:
        self.name = name
        ensure_doc_attrs('legal_refs')

    def __call__(self, doc: Doc) -> Doc:
        ensure_doc_attrs('legal_refs')
        doc._.legal_refs = []
        return doc


@Language.factory("parreform_legal_refs", default_config={})
def make_legal_refs(nlp: Language, name: str) -> LegalRefMatcher:
    return LegalRefMatcher(nlp, name)

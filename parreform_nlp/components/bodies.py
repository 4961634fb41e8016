"""Government bodies (ORG) and places.

PLACEHOLDER from the foundation issue: finds nothing yet.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .doc_attrs import ensure_doc_attrs


class BodyTagger:
    def __init__(self, nlp: Language, name: str = "parreform_bodies") -> None:
        self.name = name
        ensure_doc_attrs('bodies', 'places')

    def __call__(self, doc: Doc) -> Doc:
        ensure_doc_attrs('bodies', 'places')
        doc._.bodies = []
        doc._.places = []
        return doc


@Language.factory("parreform_bodies", default_config={})
def make_bodies(nlp: Language, name: str) -> BodyTagger:
    return BodyTagger(nlp, name)

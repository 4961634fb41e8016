"""Officials: person + title + organization.

PLACEHOLDER from the foundation issue: finds nothing yet.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .doc_attrs import ensure_doc_attrs


class OfficialTagger:
    def __init__(self, nlp: Language, name: str = "parreform_officials") -> None:
        self.name = name
        ensure_doc_attrs('officials')

    def __call__(self, doc: Doc) -> Doc:
        ensure_doc_attrs('officials')
        doc._.officials = []
        return doc


@Language.factory("parreform_officials", default_config={})
def make_officials(nlp: Language, name: str) -> OfficialTagger:
    return OfficialTagger(nlp, name)

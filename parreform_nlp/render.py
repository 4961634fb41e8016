"""``parreform_nlp.render(result_or_doc)``: every record highlighted with displaCy's span view,
the page and, when there is one, its English translation."""
from __future__ import annotations

import html
from dataclasses import asdict
from typing import Any

from spacy.tokens import Doc

from .spans import COMBINED, GROUPS, write_spans


def _in_notebook() -> bool:
    try:
        from IPython import get_ipython  # type: ignore[import-not-found]
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and shell.__class__.__name__ != "TerminalInteractiveShell"


def _doc_html(doc: Doc) -> str:
    from spacy import displacy

    if COMBINED not in doc.spans:
        doc.spans[COMBINED] = [sp for g in GROUPS.values() if g in doc.spans for sp in doc.spans[g]]
    return displacy.render(doc, style="span", options={"spans_key": COMBINED}, jupyter=False)


def record_doc(text: str, lang: str, records: dict[str, list[dict[str, Any]]]) -> Doc:
    """A Doc of ``text`` (tokenised as the pipeline of ``lang`` does) carrying ``records`` as spans."""
    from .components.doc_attrs import ensure_doc_attrs
    from .pipeline import make_doc

    doc = make_doc(text, lang)
    ensure_doc_attrs(*GROUPS)
    for kind in GROUPS:
        setattr(doc._, kind, records.get(kind) or [])
        write_spans(doc, kind)
    return doc


def analysis_docs(result, text: str | None = None) -> list[tuple[str, Doc]]:
    """(heading, Doc) of an :class:`Analysis`: the page, then its translation when there is one."""
    text = text if text is not None else getattr(result, "_text", None)
    if text is None:
        raise ValueError("this Analysis does not hold its page text (made by from_dict?): "
                         "pass it, render(result, text=page_text)")
    out = []
    for source, body, lang in (("original", text, result.language), ("translation", result.translation, "en")):
        if not body:
            continue
        records = {kind: [r for r in (asdict(x) for x in getattr(result, kind)) if _has_source(r, source)]
                   for kind in GROUPS}
        for kind in ("officials", "bodies", "places"):
            for r in records[kind]:
                r["mentions"] = [m for m in r["mentions"] if m.get("source", "original") == source]
                for m in r["mentions"]:
                    m["source"] = "original"  # offsets index into this doc's text
        for kind in ("indicators", "counts", "legal_refs", "dates"):
            for r in records[kind]:
                r["source"] = "original"
        out.append((source, record_doc(body, lang, records)))
    return out


def _has_source(record: dict[str, Any], source: str) -> bool:
    if "mentions" in record:
        return any(m.get("source", "original") == source for m in record["mentions"])
    return record.get("source", "original") == source


def render(obj, *, text: str | None = None, jupyter: bool | None = None) -> str | None:
    """Every record of an :class:`Analysis` (page and translation) or of a processed ``Doc``, as
    displaCy's span view. In a notebook it is displayed (returns None), elsewhere returned as HTML.

    ``text``: the page, for an Analysis that does not hold it (one made by ``from_dict``).
    """
    if isinstance(obj, Doc):
        parts = [_doc_html(obj)]
    else:
        docs = analysis_docs(obj, text)
        parts = [f"<h4>{html.escape(head)}</h4>" + _doc_html(doc) for head, doc in docs] if len(docs) > 1 \
            else [_doc_html(doc) for _, doc in docs]
    markup = "\n".join(parts)
    if jupyter if jupyter is not None else _in_notebook():
        from IPython.display import HTML, display  # type: ignore[import-not-found]

        display(HTML(markup))
        return None
    return markup

"""Records as spaCy spans: span groups per kind, the combined group, span._.parreform, render()."""
import spacy
from spacy import displacy

import parreform_nlp
from parreform_nlp.spans import COMBINED, GROUPS


def _doc(text, lang="en"):
    return parreform_nlp.load(lang)(text)


def test_every_record_is_a_span_with_its_fields(seeds):
    doc = _doc(seeds["seed-000"])
    for kind, group in GROUPS.items():
        records = getattr(doc._, kind)
        assert group in doc.spans
        covered = {id(sp._.parreform) for sp in doc.spans[group]}
        assert all(id(r) in covered for r in records), kind
    officials = doc.spans["parreform_officials"]
    assert {sp.label_ for sp in officials} == {"OFFICIAL"}
    chinh = [sp for sp in officials if sp._.parreform["name"] == "Pham Minh Chinh"]
    assert chinh and chinh[0]._.parreform["title"]
    ind = doc.spans["parreform_indicators"]
    assert ind and all(sp.label_ == "INDICATOR" and isinstance(sp._.parreform["value"], float) for sp in ind)
    assert all(sp.label_ == sp._.parreform["kind"] for sp in doc.spans["parreform_bodies"] if sp._.parreform["kind"])


def test_combined_group_holds_every_group_and_displacy_shows_it(seeds):
    doc = _doc(seeds["seed-000"])
    assert len(doc.spans[COMBINED]) == sum(len(doc.spans[g]) for g in GROUPS.values())
    markup = displacy.render(doc, style="span", options={"spans_key": COMBINED})
    for label in ("OFFICIAL", "INDICATOR", "DATE"):
        assert label in markup
    assert doc.spans["parreform_bodies"][0].label_ in markup


def test_analysis_is_built_from_the_spans(seeds):
    doc = _doc(seeds["seed-001"])
    # a record no span stands for is not in the Analysis
    kept = parreform_nlp.Analysis.from_doc(doc)
    assert kept.to_dict()["officials"] and len(kept.officials) == len(doc._.officials)
    doc.spans["parreform_officials"] = [sp for sp in doc.spans["parreform_officials"]
                                        if sp._.parreform is not doc._.officials[0]]
    assert len(parreform_nlp.Analysis.from_doc(doc).officials) == len(doc._.officials) - 1


def test_span_extension_is_registered_once_and_spans_survive_serialisation(seeds):
    doc = _doc(seeds["seed-002"])
    data = doc.to_bytes()
    again = spacy.tokens.Doc(doc.vocab).from_bytes(data)
    assert [(sp.start, sp.end, sp.label_, sp._.parreform) for sp in again.spans["parreform_dates"]] \
        == [(sp.start, sp.end, sp.label_, sp._.parreform) for sp in doc.spans["parreform_dates"]]


def test_render_shows_page_and_translation():
    text = "Minister of Home Affairs Pham Thi Thanh Tra said the PAR Index reached 84.5% in 2023."
    result = parreform_nlp.analyze(text)
    markup = parreform_nlp.render(result, jupyter=False)
    assert "OFFICIAL" in markup and "INDICATOR" in markup and "Thanh" in markup
    # an Analysis with a translation shows both texts, each with its own records
    result.translation = "The rate reached 97.5% in 2023."
    result.indicators.append(parreform_nlp.result.Indicator("97.5%", 97.5, "percent", start=17, end=22,
                                                            source="translation"))
    markup = parreform_nlp.render(result, jupyter=False)
    assert "translation" in markup and markup.count("INDICATOR") == 2


def test_render_of_a_doc(seeds):
    markup = parreform_nlp.render(_doc(seeds["seed-000"]), jupyter=False)
    assert "OFFICIAL" in markup

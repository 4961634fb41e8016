"""Declared dependencies between components, caller-owned pipelines, no per-page state."""
import sys
import warnings
from concurrent.futures import ThreadPoolExecutor

import pytest
import spacy

import parreform_nlp
from parreform_nlp.pipeline import COMPONENTS


def test_factories_declare_requires_and_assigns():
    nlp = parreform_nlp.load("en")
    meta = {name: nlp.get_pipe_meta(name) for name in COMPONENTS}
    assert "doc._.bodies" in meta["parreform_officials"].requires
    assert "doc._.legal_refs" in meta["parreform_dates"].requires
    assert {"doc._.dates", "doc._.legal_refs"} <= set(meta["parreform_indicators"].requires)
    assert "doc._.officials" in meta["parreform_officials"].assigns
    assert all(meta[n].assigns for n in COMPONENTS)
    # in the order load() gives, nothing is missing
    assert not any(nlp.analyze_pipes(pretty=False)["problems"].values())


def test_analyze_pipes_names_what_a_lone_component_misses():
    nlp = spacy.blank("en")
    nlp.add_pipe("parreform_officials")
    assert nlp.analyze_pipes(pretty=False)["problems"]["parreform_officials"] == ["doc._.bodies"]


def test_a_lone_officials_component_runs_the_bodies_it_needs(seeds):
    text = seeds["seed-000"]
    expected = [o["name"] for o in parreform_nlp.load("en")(text)._.officials]
    nlp = spacy.blank("en")
    nlp.add_pipe("parreform_officials")
    # Regression: without parreform_bodies before it, it silently found no officials
    with pytest.warns(UserWarning, match="parreform_officials needs parreform_bodies"):
        doc = nlp(text)
    assert [o["name"] for o in doc._.officials] == expected and expected


def test_a_lone_indicators_component_masks_legal_refs_and_dates():
    text = "Decision 280/QD-UBND dated 12/8/2021 set the target: satisfaction reached 85.2% in 2023."
    nlp = spacy.blank("en")
    nlp.add_pipe("parreform_indicators")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        doc = nlp(text)
    assert [i["value"] for i in doc._.indicators] == [85.2]
    assert [r["number"] for r in doc._.legal_refs] == ["280/QD-UBND"]
    assert [d["value"] for d in doc._.dates][:1] == ["2021-08-12"]


def test_what_the_caller_set_counts_as_done():
    nlp = spacy.blank("en")
    nlp.add_pipe("parreform_dates")
    doc = nlp.make_doc("Decision 280/QD-UBND dated 12/8/2021 was cited on 5 March 2024.")
    doc._.legal_refs = []  # the caller's own: nothing to mask
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        doc = nlp(doc)
    assert doc._.legal_refs == [] and "2021-08-12" in [d["value"] for d in doc._.dates]


def _english_pages(seeds):
    return [t for sid, t in seeds.items() if sid != "seed-004"]


def test_eight_threads_give_the_sequential_results(seeds):
    # Regression: the English official grammar kept the page's honorific positions on the shared
    # component (self._hon_positions): threads raised IndexError [E026] or lost officials.
    short = ["Comrade Nguyen Van An attended the meeting.", "Mr. Le Van Binh, Minister, said so.",
             "Comrade Tran Thi Cuc and Comrade Do Van Dung spoke."]
    texts = [t for page in _english_pages(seeds) for t in [page] + short * 4] * 4
    expected = [parreform_nlp.analyze(t, lang="en").to_dict() for t in texts]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)  # switch threads often, as a loaded machine does
    try:
        with ThreadPoolExecutor(8) as pool:
            got = list(pool.map(lambda t: parreform_nlp.analyze(t, lang="en").to_dict(), texts))
    finally:
        sys.setswitchinterval(interval)
    assert got == expected


def test_the_official_grammar_holds_no_page_state(seeds):
    nlp = parreform_nlp.load("en")
    grammar = nlp.get_pipe("parreform_officials").grammar
    before = dict(vars(grammar))
    nlp(seeds["seed-000"])
    assert vars(grammar).keys() == before.keys()

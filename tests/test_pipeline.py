import spacy

from parreform_nlp.pipeline import COMPONENTS, build


def test_saved_pipeline_reloads_with_the_same_rules_and_results(tmp_path, seeds):
    nlp = build("en")
    nlp.to_disk(tmp_path / "en")
    assert (tmp_path / "en" / "parreform_officials" / "rules.json").is_file()
    reloaded = spacy.load(tmp_path / "en")
    assert tuple(reloaded.pipe_names) == COMPONENTS
    text = seeds["seed-001"]
    a, b = nlp(text), reloaded(text)
    for attr in ("officials", "bodies", "places", "indicators", "counts", "legal_refs", "dates"):
        assert getattr(b._, attr) == getattr(a._, attr), attr
    assert a._.officials  # the comparison is about real records

"""The per-page lexicon prefilter gives the same hits as scanning every entry in every window."""
from parreform_nlp.components import indicators_context as ic
from parreform_nlp.components import lexicon_page


def _all_entries_hits(monkeypatch, text, lang, start, end):
    with monkeypatch.context() as m:
        m.setattr(lexicon_page, "MIN_PAGE", 10**9)
        return ic.lexicon_hits(text, lang, start, end)


def test_windows_give_the_same_hits(monkeypatch, seeds):
    for sid, lang in (("seed-000", "en"), ("seed-002", "en"), ("seed-004", "th")):
        text = seeds[sid]
        assert len(text) >= lexicon_page.MIN_PAGE
        for start in range(0, len(text), 97):
            end = min(len(text), start + 400)
            assert ic.lexicon_hits(text, lang, start, end) == _all_entries_hits(monkeypatch, text, lang, start, end)
        assert ic.lexicon_hits(text, lang, 0, len(text))  # real hits are compared


def test_only_entries_on_the_page_are_scanned():
    page = ("The Provincial Competitiveness Index of the province rose. " * 30).upper()
    kept = ic.lexicon_on_page(page, "en")
    assert 0 < len(kept) < len(ic.lexicon("en"))
    assert any("PCI" in e["label"] or "Competitiveness" in e["label"] for _, e in kept)

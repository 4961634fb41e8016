"""analyze_many over a corpus (ids, per-page errors, progress, workers), to_frames, the notebook view."""
from __future__ import annotations

import itertools
import subprocess
import sys
import textwrap
import warnings
from pathlib import Path

import pytest

from parreform_nlp import Analysis, PageError, PageWarning, analyze, analyze_many, to_frames, write_frames
from parreform_nlp import corpus
from parreform_nlp.result import Indicator, Mention, Official, RECORD_TYPES

ROOT = Path(__file__).resolve().parent.parent


pytestmark = pytest.mark.usefixtures("quiet")


@pytest.fixture(scope="module")
def pages(seeds) -> list[str]:
    """Seed pages and short pages of my own, in several languages."""
    own = [
        "On 12 April 2024, Minister of Home Affairs Pham Thi Thanh Tra said the satisfaction "
        "index in Quang Ninh reached 87.3%, up 1.2 points on 2022.",
        "Ngày 12/4/2024, tỉnh Quảng Ninh công bố Chỉ số SIPAS đạt 87,3%, tăng 1,2 điểm.",
        "",
        "The province cut 45 administrative procedures under Decision 1085/QD-TTg.",
    ]
    return list(seeds.values()) + own


def dicts(results) -> list[dict]:
    return [r.to_dict() for r in results]


# --------------------------------------------------------------------------- workers


def test_parallel_output_is_identical_and_in_order(pages):
    serial = dicts(analyze_many(pages))
    assert serial == [analyze(t).to_dict() for t in pages]
    assert dicts(analyze_many(pages, n_process=2, batch_size=2)) == serial
    assert dicts(analyze_many(iter(pages * 3), n_process=2)) == serial * 3


def test_api_keeps_analyze_many():
    from parreform_nlp.api import analyze_many as from_api

    assert from_api is analyze_many


def test_unguarded_script_with_two_workers_ends(tmp_path):
    # Regression: spawned workers re-ran an unguarded script and never ended.
    script = tmp_path / "unguarded.py"
    script.write_text(textwrap.dedent(f"""
        import warnings
        warnings.simplefilter("ignore")
        from pathlib import Path
        import parreform_nlp
        texts = [p.read_text(encoding="utf-8") for p in sorted(Path({str(ROOT / 'fixtures')!r}).glob("seed-*.txt"))]
        serial = [r.to_dict() for r in parreform_nlp.analyze_many(texts)]
        parallel = [r.to_dict() for r in parreform_nlp.analyze_many(texts, n_process=2)]
        print("SAME" if parallel == serial else "DIFFERENT", len(parallel))
    """), encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["SAME", "5"]


def test_workers_with_translation_in_an_unguarded_script(tmp_path):
    # Regression: a worker forked after CTranslate2 was loaded hung for ever (it is not fork-safe).
    # The first run forks, then translates the first page in the parent; the second, with a
    # translator loaded, spawns workers that must not run this unguarded script again.
    script = tmp_path / "translating.py"
    script.write_text(textwrap.dedent(f"""
        import os, warnings
        warnings.simplefilter("ignore")
        os.environ["PARREFORM_MODELS_DIR"] = {str(tmp_path / "models")!r}
        import parreform_nlp
        from parreform_nlp import corpus, models
        models.install({str(ROOT / "fixtures" / "translate-vi_en-tiny.argosmodel")!r})
        texts = ["Ngày 5/3/2024, Bộ trưởng Bộ Nội vụ cho biết Chỉ số cải cách hành chính đạt 85,5%.",
                 "Tỉnh Quảng Ninh công bố Chỉ số SIPAS năm 2023 đạt 87,3%.",
                 "The PAR Index of Ha Tinh reached 85.5% in 2023."] * 2
        methods = [corpus.start_method()]
        forked = [r.to_dict() for r in parreform_nlp.analyze_many(texts, n_process=2)]
        serial = [r.to_dict() for r in parreform_nlp.analyze_many(texts)]
        methods.append(corpus.start_method())
        spawned = [r.to_dict() for r in parreform_nlp.analyze_many(texts, n_process=2)]
        print(*methods, forked == serial == spawned, bool(serial[0]["translation"]))
    """), encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    expected = ["fork", "spawn", "True", "True"] if sys.platform.startswith("linux") else ["spawn", "spawn", "True", "True"]
    assert done.stdout.split() == expected


def test_fork_where_available():
    if sys.platform.startswith("linux"):
        assert corpus.start_method() == "fork"


def test_input_is_read_lazily_and_workers_stop_when_the_caller_does():
    consumed = itertools.count()
    text = "The rate of online records in Ha Tinh reached 45.5% in 2023."

    def endless():
        while True:
            next(consumed)
            yield text

    results = analyze_many(endless(), n_process=2, batch_size=4)
    first = [next(results) for _ in range(3)]
    results.close()
    assert all(r.indicators[0].value == 45.5 for r in first)
    assert next(consumed) < 50  # a bounded window of batches, not the whole input


def test_as_tuples_carries_contexts(pages):
    pairs = [(text, {"id": f"p{i}"}) for i, text in enumerate(pages)]
    for n in (1, 2):
        out = list(analyze_many(pairs, as_tuples=True, n_process=n))
        assert [c for _, c in out] == [c for _, c in pairs]
        assert [a.to_dict() for a, _ in out] == [analyze(t).to_dict() for t in pages]


# --------------------------------------------------------------------------- errors


def test_bad_arguments_raise_at_the_call_before_reading_input():
    read = []

    def texts():
        read.append(1)
        yield "text"

    for kwargs, error in [({"n_process": 0}, ValueError), ({"batch_size": 0}, ValueError),
                          ({"n_process": "2"}, TypeError), ({"on_error": "ignore"}, ValueError),
                          ({"translate": "sometimes"}, ValueError), ({"langs": "en"}, TypeError),
                          ({"as_tuples": 1}, TypeError), ({"lang": 5}, TypeError)]:
        with pytest.raises(error):
            analyze_many(texts(), **kwargs)
    assert read == []


@pytest.mark.parametrize("n_process", [1, 2])
def test_raise_names_the_index_and_keeps_what_came_before(n_process):
    texts = ["Decision 280/QD-TTg was issued.", "The index rose 2.1 points.", None, "More text."]
    got = []
    with pytest.raises(PageError, match=r"page 2 failed: TypeError") as info:
        for result in analyze_many(texts, n_process=n_process):
            got.append(result)
    assert info.value.index == 2
    assert len(got) == 2 and got[0].legal_refs[0].number == "280/QD-TTg"


def test_raise_names_the_context():
    pairs = [("Decision 280/QD-TTg was issued.", "a.txt"), (b"bytes", "b.txt")]
    with pytest.raises(PageError, match=r"page 1 \('b.txt'\) failed: TypeError.*decode") as info:
        list(analyze_many(pairs, as_tuples=True))
    assert info.value.context == "b.txt"


@pytest.mark.parametrize("n_process", [1, 2])
def test_skip_warns_and_loses_nothing_else(n_process, fragile_analyze):
    texts = [f"The rate reached {i}.5% in Ha Tinh." for i in range(10)]
    texts[3], texts[7] = "BOOM", None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = list(analyze_many(texts, n_process=n_process, on_error="skip", batch_size=2))
    skipped = [str(w.message) for w in caught if issubclass(w.category, PageWarning)]
    assert len(skipped) == 2
    assert "page 3" in skipped[0] and "RuntimeError: pipeline broke" in skipped[0]
    assert "page 7" in skipped[1] and "NoneType" in skipped[1]
    assert [r.indicators[0].value for r in out] == [i + 0.5 for i in range(10) if i not in (3, 7)]


def test_as_tuples_needs_pairs():
    with pytest.raises(PageError, match="page 1 .*pairs"):
        list(analyze_many([("text", 1), "not a pair"], as_tuples=True))


def test_worker_warnings_reach_the_caller(monkeypatch):
    real = corpus.analyze

    def noisy(text, **kwargs):
        warnings.warn("a note from the worker", UserWarning)
        return real(text, **kwargs)

    monkeypatch.setattr(corpus, "analyze", noisy)
    with pytest.warns(UserWarning, match="a note from the worker"):
        list(analyze_many(["One page.", "Another page."], n_process=2))


def test_progress_bar_on_stderr(capsys, pages):
    list(analyze_many(pages[:3], progress=True))
    assert "3/3" in capsys.readouterr().err


def test_import_stays_light():
    # torch is hidden: thinc imports it when installed, which is not ours; so is tqdm, which
    # spaCy itself imports (spacy.training.loggers).
    code = ("import sys; sys.modules['torch'] = None; import parreform_nlp; "
            "print(sorted(m for m in ('pandas', 'pyarrow', 'dask', 'distributed', 'trafilatura') "
            "if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.stdout.strip() == "[]", done.stderr


# --------------------------------------------------------------------------- frames

pd = pytest.importorskip("pandas")


def test_to_frames_one_table_per_kind_with_page(pages):
    results = list(analyze_many(pages))
    frames = to_frames(results)
    assert set(frames) == set(RECORD_TYPES)
    for kind, df in frames.items():
        assert list(df.columns)[0] == "page"
        assert len(df) == sum(len(getattr(r, kind)) for r in results)
        assert set(df["page"]) <= set(range(len(pages)))
    ind = frames["indicators"]
    assert ind["value"].dtype == "float64" and ind["comparison"].dtype == bool
    first = ind[ind["page"] == 0]
    assert list(first["text"]) == [i.text for i in results[0].indicators]


def test_to_frames_takes_contexts_and_records(pages):
    pairs = list(analyze_many(((t, f"doc-{i}") for i, t in enumerate(pages[:3])), as_tuples=True))
    officials = to_frames(pairs)["officials"]
    assert set(officials["page"]) <= {"doc-0", "doc-1", "doc-2"} and len(officials) > 0
    records = [{"page": c, **a.to_dict()} for a, c in pairs]
    assert to_frames(records)["officials"].equals(officials)
    empty = to_frames([])
    assert all(len(df) == 0 and list(df.columns)[0] == "page" for df in empty.values())


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_write_frames_round_trip(tmp_path, pages, fmt):
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    frames = to_frames(analyze_many(pages))
    paths = write_frames(frames, tmp_path, fmt)
    assert set(paths) == set(RECORD_TYPES) and all(p.exists() for p in paths.values())
    read = {"parquet": pd.read_parquet, "csv": pd.read_csv,
            "jsonl": lambda p: pd.read_json(p, lines=True)}[fmt]
    back = read(paths["indicators"]) if frames["indicators"].shape[0] else None
    assert list(back["page"]) == list(frames["indicators"]["page"])
    assert list(back["value"]) == list(frames["indicators"]["value"])
    officials = read(paths["officials"])
    mentions = officials["mentions"].iloc[0]
    if fmt == "csv":
        import json
        mentions = json.loads(mentions)
    assert mentions[0]["text"] == frames["officials"]["mentions"].iloc[0][0]["text"]


def test_to_frame_per_page_matches_corpus_columns(seeds):
    result = analyze(seeds["seed-000"])
    df = result.to_frame("officials")
    assert list(df.columns) == list(to_frames([result])["officials"].columns)[1:]
    with pytest.raises(ValueError, match="kind"):
        result.to_frame("people")


# --------------------------------------------------------------------------- notebook view


def test_html_view_is_readable_escaped_and_counts_empty_kinds():
    result = Analysis(
        language="vi", language_score=0.99, translation="Minister <Nguyen> said the index rose.",
        officials=[Official(name="Nguyen Van A", title="Minister", titles=["Minister", "Secretary"],
                            mentions=[Mention("Nguyen Van A", 0, 12), Mention("Nguyen Van A", 40, 52),
                                      Mention("Bộ trưởng A", 60, 71)])],
        indicators=[Indicator(text="85,5%", value=85.5, unit="percent", comparison=False)],
    )
    view = result._repr_html_()
    assert "Minister &lt;Nguyen&gt; said the index rose." in view  # the translation, escaped
    assert "Minister; Secretary" in view and "Nguyen Van A (×2); Bộ trưởng A" in view
    assert "[" not in view and "Mention(" not in view and "None" not in view
    for kind in ("bodies", "places", "counts", "legal_refs", "dates"):
        assert f"<b>{kind}</b>: 0" in view
    assert "<b>officials</b>: 1" in view and "<td>85.5</td>" in view

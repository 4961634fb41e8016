"""parreform_nlp.dask on a local multi-process dask.distributed cluster."""
from __future__ import annotations


import pytest

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("dask.distributed")

import dask  # noqa: E402
import dask.bag as db  # noqa: E402

from parreform_nlp import PageError, analyze, to_frames  # noqa: E402
from parreform_nlp.dask import analyze_bag, frames, write_frames  # noqa: E402
from parreform_nlp.result import RECORD_TYPES  # noqa: E402

#: Bounds every wait on the cluster (a busy machine is slow, a hung one must not hang the suite).
TIMEOUT = 420


pytestmark = pytest.mark.usefixtures("quiet")


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, timeout=TIMEOUT)
    with distributed.Client(cluster, timeout=TIMEOUT) as client:
        client.wait_for_workers(2, timeout=TIMEOUT)
        yield client
    cluster.close(timeout=60)


def _result(client, collection):
    return client.compute(collection).result(timeout=TIMEOUT)


def test_pairs_on_two_worker_processes(client, seeds):
    pairs = list(seeds.items())
    records = _result(client, analyze_bag(db.from_sequence(pairs, npartitions=2), translate=False))
    assert [r["page"] for r in records] == list(seeds)
    assert [{k: v for k, v in r.items() if k != "page"} for r in records] == \
        [analyze(t, translate=False).to_dict() for t in seeds.values()]
    pids = client.run(lambda: __import__("os").getpid())
    assert len(set(pids.values())) == 2  # two processes did the work


def test_plain_texts_get_their_position(client, seeds):
    texts = list(seeds.values()) * 2
    records = _result(client, analyze_bag(db.from_sequence(texts, npartitions=3), translate=False))
    assert [r["page"] for r in records] == list(range(len(texts)))


def test_frames_match_to_frames_and_write(client, seeds, tmp_path):
    pd = pytest.importorskip("pandas")
    pairs = list(seeds.items())
    bag = analyze_bag(db.from_sequence(pairs, npartitions=2), translate=False).persist()
    dfs = frames(bag)
    assert set(dfs) == set(RECORD_TYPES)
    computed = dict(zip(dfs, [f.result(timeout=TIMEOUT) for f in client.compute(list(dfs.values()))]))
    local = to_frames((analyze(t, translate=False), p) for p, t in pairs)
    for kind in RECORD_TYPES:
        got = computed[kind].reset_index(drop=True)
        assert list(got.columns) == list(local[kind].columns)
        assert got.astype(str).equals(local[kind].astype(str)), kind
    pytest.importorskip("pyarrow")
    paths = write_frames(dfs, tmp_path, "parquet")
    back = pd.read_parquet(paths["indicators"])
    assert list(back["page"]) == list(local["indicators"]["page"])
    officials = pd.read_parquet(paths["officials"])
    assert officials["mentions"].iloc[0][0]["text"] == local["officials"]["mentions"].iloc[0][0]["text"]


def test_a_failing_page_raises_page_error_from_the_cluster(client):
    bag = db.from_sequence([("a", "Decision 280/QD-TTg."), ("b", 42)], npartitions=2)
    with pytest.raises(PageError, match=r"page 1 \('b'\) failed: TypeError") as info:
        _result(client, analyze_bag(bag))
    assert info.value.context == "b" and info.value.index == 1


def test_errors_name_the_page_and_skip_goes_on():
    bag = db.from_sequence([("a", "Decision 280/QD-TTg."), ("b", None), ("c", "Index up 2.1 points.")], npartitions=2)
    with dask.config.set(scheduler="synchronous"):
        with pytest.raises(PageError, match=r"page 1 \('b'\) failed: TypeError"):
            analyze_bag(bag).compute()
        with pytest.warns(UserWarning, match="skipped page 1"):
            records = analyze_bag(bag, on_error="skip").compute()
    assert [r["page"] for r in records] == ["a", "c"]


def test_bad_arguments_raise_before_anything_runs():
    bag = db.from_sequence(["text"])
    with pytest.raises(ValueError):
        analyze_bag(bag, translate="sometimes")
    with pytest.raises(ValueError):
        analyze_bag(bag, on_error="ignore")
    with pytest.raises(TypeError):
        analyze_bag(["text"])

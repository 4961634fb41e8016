"""The `parreform-nlp` command line over files, folders and standard input."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from parreform_nlp import __version__, analyze
from parreform_nlp.cli import decode, main
from parreform_nlp.result import RECORD_TYPES

from .conftest import read_seed

ROOT = Path(__file__).resolve().parent.parent
PAGE = ("On 12 April 2024, Chairman of the Provincial People's Committee Tran Van B said the PAR Index "
        "of Quang Tri reached 86.2%, under Decision 1085/QD-TTg.")


pytestmark = pytest.mark.usefixtures("quiet")


@pytest.fixture
def corpus_dir(tmp_path) -> Path:
    """A folder as people keep them: pages in subfolders, a Latin-1 file, a broken one, a dangling link."""
    root = tmp_path / "pages"
    (root / "2024" / "april").mkdir(parents=True)
    (root / "a.txt").write_text(read_seed("seed-000"), encoding="utf-8")
    (root / "2024" / "b.txt").write_text(PAGE, encoding="utf-8")
    (root / "2024" / "april" / "c.txt").write_text(read_seed("seed-004"), encoding="utf-8")
    (root / "2024" / "latin1.txt").write_bytes("Le ministre a déclaré que l'indice a atteint 85,5% en 2023.".encode("latin-1"))
    (root / "2024" / "broken.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00" * 50)
    (root / "notes.md").write_text("not a page", encoding="utf-8")
    os.symlink(tmp_path / "gone.txt", root / "dangling.txt")
    return root


def run(argv, capsys) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def json_lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


def test_folder_with_missing_and_broken_files(corpus_dir, tmp_path, capsys):
    missing = tmp_path / "missing.txt"
    code, out, err = run([corpus_dir, missing, "--json"], capsys)
    assert code == 1
    pages = [d["page"] for d in json_lines(out)]
    # A folder's files first, then its subfolders, each by name.
    assert pages == [str(corpus_dir / p) for p in ("a.txt", "2024/b.txt", "2024/latin1.txt", "2024/april/c.txt")]
    errors = err.strip().splitlines()
    assert f"{corpus_dir / 'dangling.txt'}: No such file or directory" in errors[0]
    assert f"{corpus_dir / '2024' / 'broken.txt'}: binary file, not text" in errors[1]
    assert f"{missing}: No such file or directory" in errors[2]
    assert errors[3].endswith("3 of 7 inputs failed") and len(errors) == 4
    assert "Traceback" not in err


def test_json_lines_carry_the_page_and_the_contract(corpus_dir, capsys):
    code, out, _ = run([corpus_dir / "2024" / "b.txt", "--json"], capsys)
    (line,) = json_lines(out)
    assert code == 0
    assert line == {"page": str(corpus_dir / "2024" / "b.txt"), **analyze(PAGE).to_dict()}


def test_latin1_file_is_read(corpus_dir, capsys):
    _, out, _ = run([corpus_dir / "2024" / "latin1.txt", "--json"], capsys)
    assert json_lines(out)[0]["indicators"][0]["value"] == 85.5
    assert decode("déclaré".encode("latin-1")) == "déclaré"
    assert decode("“quoted” – dash".encode("cp1252")) == "“quoted” – dash"
    assert decode("\ufeffUTF-8 with BOM".encode("utf-8")) == "UTF-8 with BOM"
    assert decode("UTF-16 page".encode("utf-16")) == "UTF-16 page"


def test_glob_picks_files_in_folders(corpus_dir, capsys):
    _, out, _ = run([corpus_dir, "--glob", "*.md", "--json"], capsys)
    assert [d["page"] for d in json_lines(out)] == [str(corpus_dir / "notes.md")]
    _, out, _ = run([corpus_dir, "--glob", "2024/*.txt", "--json"], capsys)
    assert [Path(d["page"]).name for d in json_lines(out)] == ["b.txt", "latin1.txt"]
    _, out, _ = run([corpus_dir, "--glob", "**/april/*.txt", "--json"], capsys)
    assert [Path(d["page"]).name for d in json_lines(out)] == ["c.txt"]


def test_empty_folder_is_reported(tmp_path, capsys):
    code, out, err = run([tmp_path], capsys)
    assert code == 1 and out == "" and "no files matching" in err


def test_stdin(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PAGE.encode("utf-8"))))
    code, out, _ = run(["-", "--json"], capsys)
    (line,) = json_lines(out)
    assert code == 0 and line["page"] == "<stdin>" and line["indicators"][0]["value"] == 86.2


def test_summary_names_each_page(corpus_dir, capsys):
    _, out, _ = run([corpus_dir / "2024" / "b.txt"], capsys)
    assert out.startswith(f"== {corpus_dir / '2024' / 'b.txt'}") and "Tran Van B" in out


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_tables_one_per_kind_with_page(corpus_dir, tmp_path, capsys, fmt):
    pd = pytest.importorskip("pandas")
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    out_dir = tmp_path / "tables"
    code, out, err = run([corpus_dir / "a.txt", corpus_dir / "2024" / "b.txt", "--output", out_dir, "--format", fmt], capsys)
    assert code == 0 and out == "" and "wrote 2 pages" in err
    assert sorted(p.name for p in out_dir.iterdir()) == sorted(f"{k}.{fmt}" for k in RECORD_TYPES)
    read = {"parquet": pd.read_parquet, "csv": pd.read_csv, "jsonl": lambda p: pd.read_json(p, lines=True)}[fmt]
    indicators = read(out_dir / f"indicators.{fmt}")
    expected = [str(p) for p in (corpus_dir / "a.txt", corpus_dir / "2024" / "b.txt")
                for _ in analyze(p.read_text(encoding="utf-8")).indicators]
    assert list(indicators["page"]) == expected
    assert list(read(out_dir / f"officials.{fmt}").columns)[:2] == ["page", "name"]


def test_jobs_give_the_same_output(corpus_dir, capsys):
    _, serial, _ = run([corpus_dir, "--json"], capsys)
    code, parallel, err = run([corpus_dir, "--json", "--jobs", "2"], capsys)
    assert code == 1 and parallel == serial and err.count("No such file") == 1


def test_bad_options_exit_2(capsys):
    for argv in (["--jobs", "0", "x.txt"], ["--format", "csv", "x.txt"], ["--translate", "maybe"]):
        with pytest.raises(SystemExit) as info:
            main(argv)
        assert info.value.code == 2


def test_version(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0 and capsys.readouterr().out.strip() == f"parreform-nlp {__version__}"


def test_progress_bar_only_when_asked_or_on_a_terminal(corpus_dir, capsys):
    _, _, err = run([corpus_dir / "a.txt", "--json"], capsys)  # stderr is not a terminal here
    assert "page" not in err
    _, _, err = run([corpus_dir / "a.txt", "--json", "--progress"], capsys)
    assert "1/1" in err


def test_html_through_trafilatura(tmp_path, capsys):
    pytest.importorskip("trafilatura")
    page = tmp_path / "news.html"
    page.write_text(f"<html><body><nav>Home | News | Contact</nav><article><h1>PAR news</h1><p>{PAGE}</p>"
                    f"<p>{PAGE.replace('86.2', '71.4')}</p></article><footer>Copyright</footer></body></html>",
                    encoding="utf-8")
    code, out, _ = run([page, "--json"], capsys)
    (line,) = json_lines(out)
    assert code == 0 and [i["value"] for i in line["indicators"]] == [86.2, 71.4]


def test_html_without_trafilatura_names_the_extra(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    (tmp_path / "news.html").write_text("<html><body><p>text</p></body></html>", encoding="utf-8")
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    code, out, err = run([tmp_path, "--json"], capsys)
    assert code == 1 and len(json_lines(out)) == 1
    assert "news.html: reading HTML needs trafilatura: pip install 'parreform-nlp[html]'" in err


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "parreform_nlp", *args]


def test_python_dash_m_and_quiet_when_the_pipe_closes(tmp_path):
    for i in range(40):
        (tmp_path / f"p{i:02d}.txt").write_text(PAGE, encoding="utf-8")
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    proc = subprocess.Popen(_cli(str(tmp_path), "--json", "--jobs", "2"), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env)
    first = json.loads(proc.stdout.readline())
    proc.stdout.close()  # as `| head -1` does
    try:
        err = proc.stderr.read().decode()
        code = proc.wait(timeout=300)
    finally:
        proc.kill()
    assert first["page"] == str(tmp_path / "p00.txt")
    assert code == 0 and "Traceback" not in err and "BrokenPipe" not in err, err


def test_a_page_that_fails_analysis_is_named_and_the_others_go_on(tmp_path, capsys, fragile_analyze):
    (tmp_path / "a.txt").write_text("BOOM", encoding="utf-8")
    (tmp_path / "b.txt").write_text(PAGE, encoding="utf-8")
    for jobs in ("1", "2"):
        code, out, err = run([tmp_path, "--json", "--jobs", jobs], capsys)
        assert code == 1 and [d["page"] for d in json_lines(out)] == [str(tmp_path / "b.txt")]
        assert err.splitlines()[0] == f"parreform-nlp: {tmp_path / 'a.txt'}: RuntimeError: pipeline broke on two lines"

"""parreform_nlp.models: where packages live, install / installed / remove, the test packages."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import parreform_nlp.models as models

from .conftest import FIXTURES

TH_EN = FIXTURES / "translate-th_en-tiny.argosmodel"
VI_EN = FIXTURES / "translate-vi_en-tiny.argosmodel"


@pytest.fixture
def models_dir(tmp_path, monkeypatch, no_network):
    d = tmp_path / "models"
    monkeypatch.setenv("PARREFORM_MODELS_DIR", str(d))
    return d


def test_packages_dir_order(tmp_path, monkeypatch):
    monkeypatch.setenv("PARREFORM_MODELS_DIR", str(tmp_path / "ours"))
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "argos"))
    assert models.packages_dir() == tmp_path / "ours"
    monkeypatch.delenv("PARREFORM_MODELS_DIR")
    assert models.packages_dir() == tmp_path / "argos"
    monkeypatch.delenv("ARGOS_PACKAGES_DIR")
    monkeypatch.delenv("SNAP", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert models.packages_dir() == tmp_path / "xdg" / "argos-translate" / "packages"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert models.packages_dir() == tmp_path / "home" / ".local" / "share" / "argos-translate" / "packages"


def test_nothing_installed_in_a_missing_dir(models_dir):
    assert models.installed() == []
    assert not models_dir.exists()  # listing creates nothing


def test_install_list_remove(models_dir):
    assert models.install(TH_EN) == ("th", "en")
    assert models.install(VI_EN) == ("vi", "en")
    assert models.installed() == [("th", "en"), ("vi", "en")]
    assert sorted(p.name for p in models_dir.iterdir()) == ["translate-th_en-tiny", "translate-vi_en-tiny"]
    pkg = models.installed_packages()[0]
    assert pkg.tokenizer_kind == "sentencepiece" and pkg.model_dir.is_dir()
    models.remove("th", "en")
    assert models.installed() == [("vi", "en")]
    with pytest.raises(LookupError, match="th->en"):
        models.remove("th", "en")


def test_install_replaces_the_same_pair(models_dir):
    models.install(TH_EN)
    models.install(TH_EN)
    assert models.installed() == [("th", "en")]
    assert len([p for p in models_dir.iterdir() if not p.name.startswith(".")]) == 1


def test_install_rejects_bad_files(models_dir, tmp_path):
    with pytest.raises(FileNotFoundError):
        models.install(tmp_path / "missing.argosmodel")
    not_zip = tmp_path / "x.argosmodel"
    not_zip.write_text("hello")
    with pytest.raises(ValueError, match="zip"):
        models.install(not_zip)
    two_tops = tmp_path / "two.argosmodel"
    with zipfile.ZipFile(two_tops, "w") as zf:
        zf.writestr("a/metadata.json", "{}")
        zf.writestr("b/metadata.json", "{}")
    with pytest.raises(ValueError, match="one top-level folder"):
        models.install(two_tops)
    no_model = tmp_path / "nomodel.argosmodel"
    with zipfile.ZipFile(no_model, "w") as zf:
        zf.writestr("p/metadata.json", json.dumps({"from_code": "th", "to_code": "en"}))
    with pytest.raises(ValueError, match="metadata.json and model/"):
        models.install(no_model)
    assert models.installed() == []


@pytest.mark.parametrize("path,from_code", [(TH_EN, "th"), (VI_EN, "vi")])
def test_fixture_packages_are_valid_and_small(path, from_code):
    assert path.stat().st_size < 1_000_000
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        assert {n.split("/")[0] for n in names} == {f"translate-{from_code}_en-tiny"}
        meta = json.loads(zf.read(f"translate-{from_code}_en-tiny/metadata.json"))
        assert set(n.split("/", 1)[1] for n in names) >= {
            "metadata.json", "model/model.bin", "model/config.json", "sentencepiece.model"}
    assert (meta["type"], meta["from_code"], meta["to_code"]) == ("translate", from_code, "en")
    for bad in ("stanza", "minisbd", "spacy"):
        assert all(bad not in n for n in names)


def test_models_never_import_argostranslate_nor_write_home(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    code = (
        "import sys, parreform_nlp.models as m; "
        f"m.install({str(TH_EN)!r}); print(m.installed()); "
        "from parreform_nlp.translation import translate_document; "
        "t = translate_document('อัตราบันทึกออนไลน์ของกระทรวงและสาขาต่างๆ อยู่ที่ 30.4%', 'th'); print(t.text); "
        "print(sorted(k for k in ('argostranslate', 'stanza', 'minisbd') if k in sys.modules))"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ARGOS_", "XDG_"))}
    env.update(HOME=str(home), PARREFORM_MODELS_DIR=str(tmp_path / "models"))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    lines = out.stdout.splitlines()
    assert lines == ["[('th', 'en')]", "The rate of online records of ministries and branches reached 30.4%.", "[]"]
    assert list(Path(home).iterdir()) == []

import json
import subprocess
import sys

HEAVY = ("argostranslate", "stanza", "dateparser", "pythainlp", "torch", "ctranslate2", "sentencepiece", "langdetect")


def _heavy_after(statement: str) -> set[str]:
    code = f"import json, sys; {statement}; print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(json.loads(out.stdout))


def test_import_is_cheap():
    # spaCy's thinc imports torch itself when it is installed; we add nothing heavy to that.
    assert _heavy_after("import parreform_nlp") - _heavy_after("import spacy") == set()


def test_factories_resolve_in_a_fresh_interpreter_without_importing_us_first():
    code = ("import spacy; nlp = spacy.blank('en'); "
            "[nlp.add_pipe(n) for n in ('parreform_language', 'parreform_bodies', 'parreform_officials', "
            "'parreform_legal_refs', 'parreform_dates', 'parreform_indicators')]; "
            "print(nlp('Some page text about reform in Ha Tinh province.')._.language)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "en"


def test_models_attribute_in_a_fresh_interpreter():
    # Regression: `parreform_nlp.models` recursed through the package's __getattr__.
    code = "import parreform_nlp; print(parreform_nlp.models.installed.__name__)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "installed"


def test_core_install_is_light():
    # `pip install parreform-nlp` must bring no torch / stanza / onnxruntime: argostranslate (which
    # pulls them) is no dependency at all; ctranslate2 + sentencepiece sit in the `translate` extra.
    import tomllib
    from pathlib import Path

    project = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text())["project"]
    core = " ".join(project["dependencies"]).lower()
    for heavy in ("argostranslate", "torch", "stanza", "onnxruntime", "ctranslate2", "sentencepiece"):
        assert heavy not in core
    extras = project["optional-dependencies"]
    assert any(d.startswith("ctranslate2") for d in extras["translate"])
    assert any(d.startswith("parreform-nlp[") and "translate" in d for d in extras["dev"])
    assert not any("argostranslate" in d for deps in extras.values() for d in deps)


def test_bpe_packages_need_no_argostranslate():
    import io

    from parreform_nlp.bpe import BPE

    bpe = BPE(io.StringIO("#version: 0.2\nr e\nre f\nref o\nf o\n"))
    assert bpe.segment_tokens(["reform", "fo", "", "x"]) == ["refo@@", "r@@", "m", "f@@", "o", "x"]  # as subword-nmt: "o</w>" is no "o"

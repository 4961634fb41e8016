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

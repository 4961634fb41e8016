"""The core install, as a user gets it from ``pip install parreform-nlp`` (no extras).

    python benchmarks/core_install.py [--venv DIR] [--pages PATH.jsonl]

Makes a fresh venv (in a temporary folder unless ``--venv`` names one to make or reuse),
installs this checkout into it with ``pip install .`` and no extras, then reports in that venv:

* the packages installed, and whether torch or onnxruntime is among them;
* ``import parreform_nlp`` against ``import spacy`` (median of 5 fresh interpreters);
* whether torch was imported while analyzing every page;
* the peak RSS after analyzing the pages (default: the evaluation's dev pages, else the seeds).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

from _common import ROOT

DEV_PAGES = ROOT.parent / "shared" / "eval" / "dev.jsonl"

#: Run inside the new venv: import costs, then every page through analyze().
_PROBE = r"""
import json, resource, statistics, subprocess, sys, time

def import_seconds(module):
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)

import_seconds("parreform_nlp")  # warm the file cache
# interleaved, so a busy moment of a shared machine hits both alike
pairs = [(import_seconds("spacy"), import_seconds("parreform_nlp")) for _ in range(7)]
spacy_s, ours_s = statistics.median(a for a, _ in pairs), statistics.median(b for _, b in pairs)
import parreform_nlp
texts = json.loads(sys.stdin.read())
for text in texts:
    parreform_nlp.analyze(text)
print(json.dumps({"spacy_import": spacy_s, "ours_import": ours_s, "pages": len(texts),
                  "torch_imported": "torch" in sys.modules,
                  "onnxruntime_imported": "onnxruntime" in sys.modules,
                  "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _texts(path: Path | None) -> list[str]:
    path = path or (DEV_PAGES if DEV_PAGES.is_file() else None)
    if path is None:
        return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").glob("seed-*.txt"))]
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--venv", type=Path, default=None, help="venv folder to make (or reuse when it exists)")
    ap.add_argument("--pages", type=Path, default=None)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        env_dir = args.venv or Path(tmp) / "venv"
        python = env_dir / "bin" / "python"
        if not python.exists():
            venv.create(env_dir, with_pip=True)
            subprocess.run([str(python), "-m", "pip", "install", "-q", str(ROOT)], check=True)
        installed = subprocess.run([str(python), "-m", "pip", "list", "--format=json"], capture_output=True,
                                   text=True, check=True).stdout
        names = sorted(p["name"].lower() for p in json.loads(installed))
        out = subprocess.run([str(python), "-c", _PROBE], input=json.dumps(_texts(args.pages)),
                             capture_output=True, text=True, check=True, cwd=tmp)
        probe = json.loads(out.stdout.strip().splitlines()[-1])

    heavy = [n for n in names if n in ("torch", "onnxruntime", "stanza", "argostranslate")]
    print(f"packages installed           {len(names)} ({', '.join(heavy) or 'no torch, onnxruntime, stanza'})")
    print(f"import spacy                 {probe['spacy_import'] * 1000:8.0f} ms")
    print(f"import parreform_nlp         {probe['ours_import'] * 1000:8.0f} ms  "
          f"(adds {(probe['ours_import'] - probe['spacy_import']) * 1000:.0f} ms)")
    print(f"torch imported               {probe['torch_imported']}  (onnxruntime: {probe['onnxruntime_imported']})")
    print(f"peak RSS                     {probe['peak_rss_mib']:8.0f} MiB after {probe['pages']} pages")


if __name__ == "__main__":
    sys.exit(main())

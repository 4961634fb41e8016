"""Sentences/s of our translation path vs ``argostranslate.translate.translate()`` on the same package.

    .venv/bin/python benchmarks/translation.py [--package fixtures/translate-th_en-tiny.argosmodel]
                                               [--lang th] [--repeat 7]

Both run offline in a temporary directory (sockets blocked): argostranslate is configured through
its environment variables *before* its import (packages, data, config and cache folders in the
temp dir), and its sentence splitter — MiniSBD, which would download a model — is replaced by ours,
so both paths translate exactly the same sentences with the same CTranslate2 model. Timed:

* cold: every sentence translated (our LRU cache and Argos's paragraph cache emptied each run);
* warm: the same page again (what a re-analysed or partly repeated page costs).

Texts: the memorised pairs of the test package as a page (both paths give the same English), and
the seed page of that language (unseen text: the tiny model's output there is noise, but the cost
of decoding is real). With a real ``translate-th_en`` package pass ``--package`` to compare on it.
Ours is run at its default beam (2) and at Argos's beam (4).
"""
from __future__ import annotations

import argparse
import json
import os
import socket
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _block_network() -> None:
    def refuse(*args, **kwargs):
        raise RuntimeError(f"network access attempted: {args!r}")

    socket.socket.connect = refuse  # type: ignore[method-assign]
    socket.create_connection = refuse  # type: ignore[assignment]
    socket.getaddrinfo = refuse  # type: ignore[assignment]


def _configure(tmp: Path) -> None:
    os.environ.update({
        "ARGOS_PACKAGES_DIR": str(tmp / "packages"),
        "PARREFORM_MODELS_DIR": str(tmp / "packages"),
        "XDG_DATA_HOME": str(tmp / "data"),
        "XDG_CONFIG_HOME": str(tmp / "config"),
        "XDG_CACHE_HOME": str(tmp / "cache"),
        "ARGOS_DEVICE_TYPE": "cpu",
        "ARGOS_PACKAGE_INDEX": "file:///nonexistent/",
    })


def _time(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--package", type=Path, default=ROOT / "fixtures" / "translate-th_en-tiny.argosmodel")
    ap.add_argument("--lang", default="th")
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="parreform-bench-") as tmp_name:
        tmp = Path(tmp_name)
        _configure(tmp)
        _block_network()

        import parreform_nlp.models as models
        from parreform_nlp import translation as ours
        from parreform_nlp.sentences import split_sentences

        models.install(args.package)
        route = ours.find_route(args.lang, "en")
        assert route is not None, f"{args.package} does not translate {args.lang}->en"

        import argostranslate.translate as at  # configured above: everything stays in tmp

        argos_translation = at.get_translation_from_codes(args.lang, "en")
        package_translation = argos_translation.underlying

        class OurSplitter:  # MiniSBD would download its model on first use
            def split_sentences(self, text):
                return [text[a:b] for a, b in split_sentences(text, args.lang)]

        package_translation.sentencizer = OurSplitter()

        def argos_cold(text):
            def run():
                argos_translation.cache = {}
                return at.translate(text, args.lang, "en")
            return run

        pairs_file = ROOT / "fixtures" / f"translation_pairs_{args.lang}.json"
        texts = {}
        if pairs_file.exists() and "tiny" in args.package.name:
            pairs = json.loads(pairs_file.read_text("utf-8"))
            texts["memorised pairs"] = "\n\n".join("\n".join(s for s, _ in pairs[i:i + 3]) for i in range(0, len(pairs), 3))
        seed = {"th": "seed-004.txt"}.get(args.lang)
        if seed:
            texts["seed page"] = (ROOT / "fixtures" / seed).read_text("utf-8")

        print(f"package {args.package.name}, {args.lang}->en, best of {args.repeat}, "
              f"{os.cpu_count()} CPUs, CTranslate2 threads: ours default, argos default")
        for label, text in texts.items():
            n = len(split_sentences(text, args.lang))
            at.translate(text, args.lang, "en")  # load argos's translator
            ours.translate_document(text, args.lang)  # load ours
            if label == "memorised pairs":
                a = at.translate(text, args.lang, "en").split()
                b = ours.translate_document(text, args.lang).text.split()
                print(f"  same English from both paths: {a == b}")
            def ours_cold(beam):
                def run():
                    os.environ["PARREFORM_BEAM_SIZE"] = beam
                    ours.clear_caches()
                    ours.translate_document(text, args.lang)
                return run

            def ours_warm():
                ours.translate_document(text, args.lang)

            cases = {
                "ours, beam 2, cold": ours_cold("2"),
                "ours, beam 4, cold": ours_cold("4"),
                "argos translate(), beam 4, cold": argos_cold(text),
                "ours, warm": ours_warm,
                "argos translate(), warm": lambda: at.translate(text, args.lang, "en"),
            }
            ours.translate_document(text, args.lang)
            # Rounds alternate between the cases, so that load from other processes hits all alike.
            results = {name: float("inf") for name in cases}
            for _ in range(args.repeat):
                for name, fn in cases.items():
                    if "warm" in name:
                        fn()  # fill the caches
                    results[name] = min(results[name], _time(fn, 1))
            os.environ.pop("PARREFORM_BEAM_SIZE", None)
            print(f"\n{label}: {n} sentences, {len(text)} characters")
            for name, seconds in results.items():
                print(f"  {name:34s} {n / seconds:9.1f} sentences/s  ({seconds * 1000:9.3f} ms)")
        leaked = [p for p in (Path.home() / ".local" / "share" / "argos-translate",) if p.exists()]
        print(f"\nargos folders under the home directory after the run: {leaked or 'none'}")


if __name__ == "__main__":
    main()

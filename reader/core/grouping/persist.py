"""Compact binary form of a StoryIndex, so the library can resume grouping between imports."""

from __future__ import annotations

import json
import sys
import zlib
from array import array
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.core.grouping.index import StoryIndex

# Version 2: lexicon folds (countries, synonyms, number words) changed the feature keys.
# Version 3: the shared lexicon (reader.core.text.lexicon) folds more countries and reads
# "two million" as "2 million": keys changed again.
# Version 4: each article's sentence-encoder vector (float16; zeros = none) follows.
MAGIC = b"PXSI\x04"
_DIM = 384


def _arr(typecode: str, values) -> bytes:
    a = array(typecode, values)
    if sys.byteorder != "little":
        a.byteswap()
    return a.tobytes()


def _unarr(typecode: str, data: bytes) -> array:
    a = array(typecode)
    a.frombytes(data)
    if sys.byteorder != "little":
        a.byteswap()
    return a


def dump(index: "StoryIndex") -> bytes:
    """The index as zlib-compressed bytes.

    Every feature is kept, even ones no article kept: their document frequencies decide the
    weights of later articles, so dropping them would make a restored index group differently.
    """
    offsets = array("I", [0])
    flat = array("I")
    for fids in index._fids:
        flat.extend(fids)
        offsets.append(len(flat))
    post_keys = sorted(index._postings)
    post_lens, post_flat = array("I"), array("I")
    for f in post_keys:
        post_lens.append(len(index._postings[f]))
        post_flat.extend(index._postings[f])
    meta = {
        "strictness": index.strictness,
        "next_key": index._next_key,
        "ids": index._ids,
        "sources": index._sources,
        "titles": index._titles,
        "story": index._story,
        "keys": index._keys,
        "surface": index._surface,
        "specs": [[[u, list(v)] for u, v in s.items()] for s in index._specs],
    }
    sections = [
        json.dumps(meta, ensure_ascii=False, separators=(",", ":")).encode(),
        bytes(index._kind),
        _arr("I", index._df),
        flat.tobytes() if sys.byteorder == "little" else _arr("I", flat),
        _arr("I", offsets),
        b"".join(index._tfs),
        _arr("H", index._nlede),
        bytes(index._real),
        _arr("I", index._words),
        _arr("i", (d or 0 for d in index._days)),
        _arr("I", post_keys),
        _arr("I", post_lens),
        _arr("I", post_flat),
        _vectors(index._emb),
    ]
    payload = b"".join(len(s).to_bytes(8, "little") + s for s in sections)
    # Level 1: several times faster than the default for a few per cent more bytes.
    return MAGIC + zlib.compress(payload, 1)


def load(cls: type["StoryIndex"], data: bytes) -> "StoryIndex":
    """Rebuild an index from dump() output; ValueError if the bytes are not one."""
    if not data.startswith(MAGIC):
        raise ValueError("not a Parallax story index")
    payload = zlib.decompress(data[len(MAGIC):])
    sections, at = [], 0
    while at < len(payload):
        size = int.from_bytes(payload[at:at + 8], "little")
        sections.append(payload[at + 8:at + 8 + size])
        at += 8 + size
    meta = json.loads(sections[0])
    idx = cls(meta["strictness"])
    idx._next_key = meta["next_key"]
    idx._keys = meta["keys"]
    idx._surface = meta["surface"]
    idx._vocab = {k: i for i, k in enumerate(idx._keys)}
    idx._kind = bytearray(sections[1])
    idx._df = list(_unarr("I", sections[2]))
    flat, offsets = _unarr("I", sections[3]), _unarr("I", sections[4])
    tfs = sections[5]
    idx._ids = meta["ids"]
    idx._pos = {a: i for i, a in enumerate(idx._ids)}
    idx._fids = [flat[offsets[i]:offsets[i + 1]] for i in range(len(idx._ids))]
    idx._tfs = [tfs[offsets[i]:offsets[i + 1]] for i in range(len(idx._ids))]
    idx._nlede = _unarr("H", sections[6])
    idx._real = bytearray(sections[7])
    idx._words = _unarr("I", sections[8])
    idx._days = [d or None for d in _unarr("i", sections[9])]
    # Blobs written before specifics were kept: no specifics, so no conflict penalties.
    specs = meta.get("specs") or [[] for _ in idx._ids]
    idx._specs = [{u: tuple(v) for u, v in s} for s in specs]
    idx._sources = meta["sources"]
    idx._titles = meta["titles"]
    idx._story = meta["story"]
    for pos, key in enumerate(idx._story):
        idx._members.setdefault(key, []).append(pos)
    idx._emb = _unvectors(sections[13], len(idx._ids))
    keys, lens, post = (_unarr("I", s) for s in sections[10:13])
    at = 0
    for f, n in zip(keys, lens):
        idx._postings[f] = list(post[at:at + n])
        at += n
    return idx


def _vectors(rows: list) -> bytes:
    """Embeddings as one little-endian float16 matrix; a missing one is a zero row."""
    import numpy as np

    out = np.zeros((len(rows), _DIM), dtype="<f2")
    for i, row in enumerate(rows):
        if row is not None:
            out[i] = row
    return out.tobytes()


def _unvectors(data: bytes, n: int) -> list:
    """Rows of _vectors() output back as float32 unit vectors (None for zero rows)."""
    import numpy as np

    mat = np.frombuffer(data, dtype="<f2").reshape(n, _DIM).astype(np.float32)
    norms = np.linalg.norm(mat, axis=1)
    return [mat[i] / norms[i] if norms[i] > 0 else None for i in range(n)]

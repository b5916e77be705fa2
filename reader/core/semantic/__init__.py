"""Sentence embeddings (an int8 MiniLM run by onnxruntime, no torch) for grouping and digests."""

from reader.core.semantic.encoder import Encoder, EncoderUnavailable, default_encoder
from reader.core.semantic.texts import article_text, embed_articles

__all__ = ["Encoder", "EncoderUnavailable", "article_text", "default_encoder", "embed_articles"]

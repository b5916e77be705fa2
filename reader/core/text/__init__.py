"""Text helpers shared by the core: sentence splitting and normalisation."""

from reader.core.text.normalize import fold_for_hash, normalize_whitespace
from reader.core.text.sentences import sentence_spans, split_sentences

__all__ = ["fold_for_hash", "normalize_whitespace", "sentence_spans", "split_sentences"]

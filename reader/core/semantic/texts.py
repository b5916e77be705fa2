"""What of an article the encoder reads: its headline and lede, where a story's event is told."""

from __future__ import annotations

from typing import Callable, Sequence

import numpy as np

from reader.core.model import Article

# Words of body text after the headline: the lede (one or two sentences) names the event;
# later paragraphs drift to background that other events of the same kind share.
LEDE_WORDS = 45


def article_text(article: Article, *, use_title: bool = True) -> str:
    """Headline (unless it repeats the lede or is a file label) plus the lede's first words."""
    words: list[str] = []
    for sentence in article.sentences:
        words.extend(sentence.split())
        if len(words) >= LEDE_WORDS:
            break
    lede = " ".join(words[:LEDE_WORDS])
    title = " ".join(article.title.split()) if use_title else ""
    if title and lede.lower().startswith(title.lower().rstrip(".… ")[:40]):
        title = ""  # a digest item's "title" is its own opening words
    return f"{title}. {lede}" if title else lede


def embed_articles(articles: Sequence[Article], encoder=None, *,
                   progress: Callable[[int, int], None] | None = None,
                   cancel: Callable[[], bool] | None = None) -> np.ndarray:
    """Unit vectors (float32, one row per article) of article_text, from the shared encoder."""
    if encoder is None:
        from reader.core.semantic.encoder import default_encoder

        encoder = default_encoder()
    return encoder.embed([article_text(a) for a in articles], progress=progress, cancel=cancel)

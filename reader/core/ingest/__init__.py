"""Turn files and folders into articles: loaders, cleaning, segmentation, metadata."""

from reader.core.ingest.api import articles_from_text, ingest_paths, iter_ingest

__all__ = ["articles_from_text", "ingest_paths", "iter_ingest"]

"""Turn files and folders into articles: loaders, cleaning, segmentation, metadata."""

from reader.core.ingest.api import ingest_paths

__all__ = ["ingest_paths"]

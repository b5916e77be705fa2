"""The SQLite library: articles, full-text search, stories and user decisions."""

from reader.core.library.connection import (
    LibraryError,
    default_library_path,
    resolve_library_path,
)
from reader.core.library.library import Library
from reader.core.library.rows import (
    ArticleInfo,
    ArticleRef,
    ImportSummary,
    StoredDecision,
    StoryRow,
)

__all__ = [
    "ArticleInfo",
    "ArticleRef",
    "ImportSummary",
    "Library",
    "LibraryError",
    "StoredDecision",
    "StoryRow",
    "default_library_path",
    "resolve_library_path",
]

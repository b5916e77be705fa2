"""The SQLite library: articles, full-text search, stories and user decisions."""

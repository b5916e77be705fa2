"""Qt-free core: ingest, library, grouping, alignment, findings and reports."""

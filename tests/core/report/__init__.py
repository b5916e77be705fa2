"""Tests of the comparison reports (HTML, Markdown, CSV, JSON, PDF)."""

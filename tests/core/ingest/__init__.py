"""Tests of ingest: loaders, cleaning, segmentation, metadata, bad input."""

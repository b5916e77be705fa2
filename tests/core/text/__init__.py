"""Tests of the text helpers: sentence splitting and normalisation."""

"""Hostile input and damaged state (issue 12): generated files, no network."""

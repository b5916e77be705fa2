"""Parallax: compare how different outlets tell the same news story."""

__version__ = "0.1.0"

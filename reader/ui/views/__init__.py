"""Widgets and delegates that paint core results."""

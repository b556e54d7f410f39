"""Fixtures that start the embedded demo node (filled in with the demo node)."""

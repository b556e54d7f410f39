"""Simpul's Processing provider (id ``sdi``): every headless feature as an algorithm."""

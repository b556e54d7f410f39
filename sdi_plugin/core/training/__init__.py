"""Bimtek training: the exercise lab and its checklist."""

"""Files Simpul writes: safe outputs (never over a file Simpul did not make) and its own data folder."""

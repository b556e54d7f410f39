"""A generated parcel layer for tests (the benchmark's generator: a jittered grid of
quadrilaterals, 1 % invalid, 1 % overlapping), small enough to be quick."""
import importlib.util
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _bench():
    spec = importlib.util.spec_from_file_location("validate_bench", os.path.join(ROOT, "bench", "validate_bench.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def make_parcels(path, n, seed=7):
    """Write ``n`` parcels (layer PERSIL_AR_1K, EPSG:9488) to the GeoPackage ``path``."""
    _bench().generate(path, n, seed)
    return path

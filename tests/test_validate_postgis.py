"""In-database validation of PostGIS layers against a real PostgreSQL 15 + PostGIS 3.3
(tests/fixtures_postgis.py): the same findings as the local engine, finding by finding, on
every latihan dataset; nothing written to the database; bad input answered plainly."""
import math

import pytest
from qgis.core import QgsGeometry

from fixtures_postgis import latihan_sources
from sdi_plugin.core.validate.engine import validate_layer
from sdi_plugin.core.validate.sources import InputError

LATIHAN = [schema for schema, _ in latihan_sources()]


def _close(a, b):
    if isinstance(a, float) or isinstance(b, float):
        return a is not None and b is not None and math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-6)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_close(x, y) for x, y in zip(a, b))
    return a == b


def _same_place(a, b):
    if not a or not b:
        return a == b
    ga, gb = QgsGeometry.fromWkt(a), QgsGeometry.fromWkt(b)
    if ga.isNull() or gb.isNull():
        return False
    tol = 1e-6 * max(1.0, abs(ga.boundingBox().xMaximum()), abs(ga.boundingBox().yMaximum()))
    return ga.hausdorffDistance(gb) <= tol and math.isclose(ga.area(), gb.area(), rel_tol=1e-6, abs_tol=1e-6)


def _key(f):
    return (f.rule, f.feature_id if f.feature_id is not None else -1, f.message)


def compare(local, db):
    """Differences between two results' findings (empty when they agree finding by finding)."""
    problems = []
    a, b = sorted(local.findings, key=_key), sorted(db.findings, key=_key)
    if [(f.rule, f.feature_id, f.severity) for f in a] != [(f.rule, f.feature_id, f.severity) for f in b]:
        return ["findings differ:\n local %s\n db    %s" % ([(f.rule, f.feature_id, f.severity) for f in a],
                                                          [(f.rule, f.feature_id, f.severity) for f in b])]
    for x, y in zip(a, b):
        if x.message != y.message:
            problems.append("message %s/%s: %r != %r" % (x.rule, x.feature_id, x.message, y.message))
        if x.fix != y.fix:
            problems.append("fix %s/%s" % (x.rule, x.feature_id))
        if set(x.details) != set(y.details) or not all(_close(x.details[k], y.details[k]) for k in x.details):
            problems.append("details %s/%s: %r != %r" % (x.rule, x.feature_id, x.details, y.details))
        if not _same_place(x.location, y.location):
            problems.append("location %s/%s: %r != %r" % (x.rule, x.feature_id, x.location, y.location))
    if local.rules != db.rules:
        problems.append("rules run differ: %r != %r" % (local.rules, db.rules))
    return problems


@pytest.mark.parametrize("schema", LATIHAN)
def test_database_and_local_engines_agree_on_every_latihan_dataset(postgis_db, schema):
    layer = postgis_db.layer(schema)
    assert layer.isValid(), schema
    local = validate_layer(layer, engine="local")
    db = validate_layer(postgis_db.layer(schema))
    assert local.dataset["engine"] == "local"
    assert db.dataset["engine"] == "postgis", db.notes
    assert compare(local, db) == []
    # the planted defect of the geometry exercises is found in the database too
    planted = {"geom_valid": "geom.valid", "geom_empty": "geom.empty", "geom_duplicate": "geom.duplicate",
               "topo_overlap": "topo.overlap", "topo_gap": "topo.gap", "topo_sliver": "topo.sliver",
               "extent": "extent.indonesia"}.get(schema)
    if planted:
        assert planted in {f.rule for f in db.findings}


# -- nothing written -------------------------------------------------------------------------
def _catalogue(db):
    """Every relation, column, function and spatial_ref_sys row, and every latihan table's content."""
    rels = db.sql("SELECT n.nspname, c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                  "WHERE n.nspname NOT LIKE 'pg_toast%%' AND n.nspname NOT LIKE 'pg_temp%%' ORDER BY 1, 2")
    cols = db.sql("SELECT attrelid::regclass::text, attname, atttypid, attnum FROM pg_attribute WHERE attnum > 0 "
                  "ORDER BY 1, 4")
    procs = db.sql("SELECT count(*) FROM pg_proc")
    srs = db.sql("SELECT srid, md5(coalesce(srtext, '') || coalesce(proj4text, '')) FROM spatial_ref_sys "
                 "WHERE srid > 32767 OR auth_name <> 'EPSG' ORDER BY 1")
    data = {schema: db.sql('SELECT md5(string_agg(t::text, \'|\' ORDER BY t.fid)), count(*), max(xmin::text::bigint) '
                           'FROM "%s"."%s" t' % (schema, table)) for schema, table in db.datasets.items()}
    return rels, cols, procs, srs, data


def test_validation_writes_nothing_to_the_database(postgis_db):
    before = _catalogue(postgis_db)
    for schema in ("topo_overlap", "topo_gap", "geom_duplicate", "extent"):
        result = validate_layer(postgis_db.layer(schema))
        assert result.dataset["engine"] == "postgis"
    assert _catalogue(postgis_db) == before


def test_the_engines_connection_refuses_writes(postgis_db):
    from sdi_plugin.core.validate import postgis_engine as pg
    from sdi_plugin.core.validate.context import Context
    from sdi_plugin.core.validate.sources import ref_of_layer
    import psycopg2
    layer = postgis_db.layer("topo_overlap")
    run = pg.plan(Context(layer, ref_of_layer(layer)))
    assert run is not None
    try:
        with pytest.raises(psycopg2.errors.ReadOnlySqlTransaction):
            run._rows('DELETE FROM topo_overlap."PERSIL_AR_1K"')
    finally:
        run.close()
    assert postgis_db.sql('SELECT count(*) FROM topo_overlap."PERSIL_AR_1K"')[0][0] == 80


def test_password_appears_in_no_report(postgis_db, tmp_path):
    from sdi_plugin.core.validate.outputs import write_outputs
    from sdi_plugin.core.validate.report import Report
    result = validate_layer(postgis_db.layer("topo_overlap"))
    paths = [str(tmp_path / n) for n in ("e.gpkg", "r.html", "r.json")]
    write_outputs(Report([result]), *paths)
    for p in paths[1:]:
        text = open(p, encoding="utf-8").read()
        assert postgis_db.password not in text
        assert "topo_overlap" in text
    assert postgis_db.password not in repr(result.dataset)

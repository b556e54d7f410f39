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
    assert postgis_db.password.encode() not in open(paths[0], "rb").read()
    assert postgis_db.password not in repr(result.dataset)


# -- a schema as a batch ----------------------------------------------------------------------
def _saved_connection(db, name, user=None):
    from qgis.core import QgsDataSourceUri, QgsProviderRegistry
    md = QgsProviderRegistry.instance().providerMetadata("postgres")
    uri = QgsDataSourceUri()
    uri.setConnection(db.host, str(db.port), db.dbname, "", "", QgsDataSourceUri.SslDisable, db.authcfg(user))
    md.saveConnection(md.createConnection(uri.uri(False), {}), name)
    return name


def test_validatefolder_takes_a_postgis_schema(postgis_db, sdi_provider, tmp_path):
    import json
    import processing
    from qgis.core import QgsProcessingFeedback
    postgis_db.owner_sql('CREATE SCHEMA IF NOT EXISTS wilayah')
    postgis_db.owner_sql('DROP TABLE IF EXISTS wilayah."PERSIL_AR_1K", wilayah."ADMINISTRASIKECAMATAN_AR_10K", '
                         'wilayah.catatan')
    postgis_db.owner_sql('CREATE TABLE wilayah."PERSIL_AR_1K" AS SELECT * FROM topo_overlap."PERSIL_AR_1K"; '
                         'ALTER TABLE wilayah."PERSIL_AR_1K" ADD PRIMARY KEY (fid); '
                         'CREATE TABLE wilayah."ADMINISTRASIKECAMATAN_AR_10K" AS '
                         'SELECT * FROM topo_gap."ADMINISTRASIKECAMATAN_AR_10K"; '
                         'ALTER TABLE wilayah."ADMINISTRASIKECAMATAN_AR_10K" ADD PRIMARY KEY (fid); '
                         'CREATE TABLE wilayah.catatan (id int PRIMARY KEY, teks text)')
    name = _saved_connection(postgis_db, "Simpul uji")
    out = tmp_path / "schema.json"
    res = processing.run("sdi:validatefolder", {"POSTGIS_CONNECTION": name, "POSTGIS_SCHEMA": "wilayah",
                                                "OUTPUT_JSON": str(out)}, feedback=QgsProcessingFeedback())
    assert res["DATASETS"] == 2
    report = json.loads(out.read_text(encoding="utf-8"))
    labels = sorted(d["label"] for d in report["datasets"])
    assert labels == ["wilayah.ADMINISTRASIKECAMATAN_AR_10K", "wilayah.PERSIL_AR_1K"]
    assert {d["engine"] for d in report["datasets"]} == {"postgis"}
    rules = {f["rule"] for f in report["findings"]}
    assert {"topo.overlap", "topo.gap"} <= rules
    assert any("wilayah.catatan" in n for n in report["notes"])
    assert postgis_db.password not in out.read_text(encoding="utf-8")


def test_validatefolder_says_plainly_when_the_schema_is_missing(postgis_db, sdi_provider):
    import processing
    from qgis.core import QgsProcessingException, QgsProcessingFeedback
    name = _saved_connection(postgis_db, "Simpul uji 2")
    with pytest.raises(QgsProcessingException, match="no schema called tidak_ada"):
        processing.run("sdi:validatefolder", {"POSTGIS_CONNECTION": name, "POSTGIS_SCHEMA": "tidak_ada"},
                       feedback=QgsProcessingFeedback())


def test_validatedataset_runs_the_rules_in_the_database(postgis_db, sdi_provider, tmp_path):
    import json
    import processing
    from qgis.core import QgsProcessingFeedback
    out = tmp_path / "one.json"
    uri = "postgres://" + postgis_db.uri("topo_overlap", "PERSIL_AR_1K", authcfg=postgis_db.authcfg())
    res = processing.run("sdi:validatedataset", {"INPUT": uri, "OUTPUT_JSON": str(out)},
                         feedback=QgsProcessingFeedback())
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["dataset"]["engine"] == "postgis"
    assert json.loads(res["BY_RULE"])["topo.overlap"] == 2


# -- bad input -------------------------------------------------------------------------------
def test_wrong_password_says_so_without_echoing_it(postgis_db):
    from sdi_plugin.core.validate.sources import DatasetRef, open_ref
    wrong = "Salah-sandi-1234"
    ref = DatasetRef(path="", layer_name="PERSIL_AR_1K", format="PostgreSQL", provider="postgres",
                     uri=postgis_db.uri("topo_overlap", "PERSIL_AR_1K", password=wrong))
    with pytest.raises(InputError) as err:
        open_ref(ref)
    assert "password is wrong" in str(err.value)
    assert wrong not in str(err.value)


def test_wrong_password_in_a_schema_batch(postgis_db):
    from qgis.core import QgsDataSourceUri
    from sdi_plugin.core.validate.engine import validate_schema
    uri = QgsDataSourceUri()
    uri.setConnection(postgis_db.host, str(postgis_db.port), postgis_db.dbname, postgis_db.user, "Salah-sandi-99")
    with pytest.raises(InputError) as err:
        validate_schema(uri.uri(False), "topo_overlap")
    assert "Salah-sandi-99" not in str(err.value)


def _copy(db, schema, source_schema, table, pk=True):
    db.owner_sql('CREATE SCHEMA IF NOT EXISTS "%s"' % schema)
    db.owner_sql('DROP TABLE IF EXISTS "%s"."%s" CASCADE' % (schema, table))
    db.owner_sql('CREATE TABLE "%s"."%s" AS SELECT * FROM "%s"."%s"' % (schema, table, source_schema, table))
    if pk:
        db.owner_sql('ALTER TABLE "%s"."%s" ADD PRIMARY KEY (fid)' % (schema, table))
    db.owner_sql('CREATE INDEX ON "%s"."%s" USING gist (geom)' % (schema, table))


def test_table_without_primary_key_runs_locally_and_says_why(postgis_db):
    _copy(postgis_db, "tanpa_pk", "topo_overlap", "PERSIL_AR_1K", pk=False)
    layer = postgis_db.layer("tanpa_pk", "PERSIL_AR_1K", key="")
    assert layer.isValid()
    result = validate_layer(layer)
    assert result.dataset["engine"] == "local"
    assert any("primary key" in n for n in result.notes), (result.notes, layer.source())
    assert sum(f.rule == "topo.overlap" for f in result.findings) == 2


def test_a_view_is_validated_in_the_database(postgis_db):
    postgis_db.owner_sql('CREATE OR REPLACE VIEW topo_overlap.persil_v AS SELECT * FROM topo_overlap."PERSIL_AR_1K"')
    layer = postgis_db.layer("topo_overlap", "persil_v", key="fid")
    assert layer.isValid()
    db = validate_layer(layer)
    local = validate_layer(postgis_db.layer("topo_overlap", "persil_v", key="fid"), engine="local")
    assert db.dataset["engine"] == "postgis"
    assert compare(local, db) == []


def test_a_table_of_no_rows(postgis_db):
    postgis_db.owner_sql('CREATE SCHEMA IF NOT EXISTS kosong')
    postgis_db.owner_sql('DROP TABLE IF EXISTS kosong."PERSIL_AR_1K"')
    postgis_db.owner_sql('CREATE TABLE kosong."PERSIL_AR_1K" (LIKE topo_overlap."PERSIL_AR_1K" INCLUDING ALL)')
    result = validate_layer(postgis_db.layer("kosong", "PERSIL_AR_1K"))
    assert result.dataset["engine"] == "postgis"
    assert result.dataset["feature_count"] == 0
    assert [f.rule for f in result.findings if f.rule.startswith(("geom", "topo"))] == ["geom.empty"]


def test_a_geometry_column_of_mixed_types(postgis_db):
    postgis_db.owner_sql('CREATE SCHEMA IF NOT EXISTS campur')
    postgis_db.owner_sql('DROP TABLE IF EXISTS campur."PERSIL_AR_1K"')
    postgis_db.owner_sql('CREATE TABLE campur."PERSIL_AR_1K" (fid serial PRIMARY KEY, "FCODE" text, '
                         'geom geometry(Geometry, 900914))')
    postgis_db.owner_sql("INSERT INTO campur.\"PERSIL_AR_1K\" (\"FCODE\", geom) SELECT \"FCODE\", geom "
                         "FROM topo_overlap.\"PERSIL_AR_1K\" UNION ALL SELECT 'LA03100010', "
                         "ST_SetSRID('POINT(678500 9313950)'::geometry, 900914)")
    before = _catalogue(postgis_db)
    layer = postgis_db.layer("campur", "PERSIL_AR_1K")
    if layer.isValid():
        result = validate_layer(layer)
        assert result.findings is not None
        kinds = {f.rule for f in result.findings}
        assert "kugi.geometry_type" in kinds or result.dataset["engine"] == "local"
    else:
        from sdi_plugin.core.validate.sources import DatasetRef, open_ref
        with pytest.raises(InputError, match="several geometry types"):
            open_ref(DatasetRef("", "PERSIL_AR_1K", "PostgreSQL", layer.source(), "postgres"))
    assert _catalogue(postgis_db) == before


class _Cutter:
    """A feedback that cuts the validator's connection once the database rules have begun."""

    def __init__(self, db, at):
        self.db, self.at, self.cut = db, at, 0

    def isCanceled(self):  # noqa: N802
        return False

    def setProgress(self, value):  # noqa: N802
        if value >= self.at and not self.cut:
            self.cut = self.db.terminate("Simpul validator")

    def pushInfo(self, text):  # noqa: N802
        pass


def test_a_statement_the_server_refuses_is_not_called_a_lost_connection(postgis_db, monkeypatch):
    """An error of a statement (here a division by zero in geom.valid's) says the server refused
    it, not that the connection was lost; nothing is written, the next run works."""
    from sdi_plugin.core.validate import postgis_overlap as job
    before = _catalogue(postgis_db)
    monkeypatch.setattr(job, "VALID", "SELECT 1 / 0")
    with pytest.raises(InputError) as err:
        validate_layer(postgis_db.layer("topo_overlap"))
    assert "PostGIS refused a statement" in str(err.value) and "division by zero" in str(err.value)
    assert "connection" not in str(err.value) and postgis_db.password not in str(err.value)
    assert _catalogue(postgis_db) == before
    monkeypatch.undo()
    assert validate_layer(postgis_db.layer("topo_overlap")).dataset["engine"] == "postgis"


def test_a_dropped_connection_mid_run_is_a_clear_message(postgis_db):
    before = _catalogue(postgis_db)
    feedback = _Cutter(postgis_db, 12)
    with pytest.raises(InputError) as err:
        validate_layer(postgis_db.layer("topo_overlap"), feedback=feedback)
    assert feedback.cut >= 1        # the main connection, and the job's where it still ran
    assert "connection to the PostGIS database was lost" in str(err.value)
    assert postgis_db.password not in str(err.value)
    assert _catalogue(postgis_db) == before
    # the next run works again
    assert validate_layer(postgis_db.layer("topo_overlap")).dataset["engine"] == "postgis"


def test_a_user_without_the_postgis_functions_falls_back_to_local(postgis_db):
    postgis_db.sql("DROP DATABASE IF EXISTS terbatas", dbname="postgres")
    postgis_db.sql("CREATE DATABASE terbatas OWNER %s" % postgis_db.user, dbname="postgres")
    postgis_db.sql("CREATE EXTENSION postgis", dbname="terbatas")
    postgis_db.sql("REVOKE EXECUTE ON FUNCTION ST_IsValidDetail(geometry, integer) FROM PUBLIC", dbname="terbatas")
    postgis_db.sql('CREATE TABLE public."PERSIL_AR_1K" (fid int PRIMARY KEY, geom geometry(MultiPolygon, 3857))',
                   dbname="terbatas")
    postgis_db.sql("INSERT INTO public.\"PERSIL_AR_1K\" VALUES (1, 'SRID=3857;MULTIPOLYGON(((0 0,10 0,10 10,0 10,0 0)))'),"
                   " (2, 'SRID=3857;MULTIPOLYGON(((5 5,15 5,15 15,5 15,5 5)))')", dbname="terbatas")
    postgis_db.sql('GRANT SELECT ON public."PERSIL_AR_1K" TO %s' % postgis_db.reader, dbname="terbatas")
    from qgis.core import QgsDataSourceUri, QgsVectorLayer
    uri = QgsDataSourceUri()
    uri.setConnection(postgis_db.host, str(postgis_db.port), "terbatas", postgis_db.reader, postgis_db.reader_password)
    uri.setDataSource("public", "PERSIL_AR_1K", "geom", "", "fid")
    result = validate_layer(QgsVectorLayer(uri.uri(False), "PERSIL_AR_1K", "postgres"))
    assert result.dataset["engine"] == "local"
    assert any("st_isvaliddetail" in n and "EXECUTE" in n for n in result.notes)
    assert [f.rule for f in result.findings if f.rule == "topo.overlap"] == ["topo.overlap"]


def test_text_rules_in_the_database_agree_with_the_local_ones(postgis_db):
    _copy(postgis_db, "teks", "encoding_tanpa_cpg", "TOPONIMI_PT_10K")
    postgis_db.owner_sql("UPDATE teks.\"TOPONIMI_PT_10K\" SET \"NAMOBJ\" = 'Masjid Jami\u00e2\u20ac\u2122 Kalipasir' "
                         "WHERE fid = 1")
    postgis_db.owner_sql("UPDATE teks.\"TOPONIMI_PT_10K\" SET \"REMARK\" = '  Pasar Lama ' WHERE fid = 2")
    postgis_db.owner_sql('ALTER TABLE teks."TOPONIMI_PT_10K" ALTER COLUMN "NAMOBJ" TYPE text')
    postgis_db.owner_sql("UPDATE teks.\"TOPONIMI_PT_10K\" SET \"NAMOBJ\" = repeat('x', 300) WHERE fid = 3")
    local = validate_layer(postgis_db.layer("teks", "TOPONIMI_PT_10K"), engine="local")
    db = validate_layer(postgis_db.layer("teks", "TOPONIMI_PT_10K"))
    assert db.dataset["engine"] == "postgis"
    assert compare(local, db) == []
    text = [f for f in db.findings if f.rule == "text.encoding"]
    assert {f.severity for f in text} == {"warning", "info"}
    assert any(f.rule == "kugi.attribute_type" and f.feature_id == 3 for f in db.findings)


def test_the_text_rules_row_sieve_misses_no_value(postgis_db):
    """In UTF-8 the database looks at a row's columns one by one only when the row's text as a
    whole passes a test (a regular expression over the columns joined), and counts blanks there;
    values at either end of the row, after a NULL or an empty column, with tabs, newlines, DEL or
    non-ASCII, a row whose text is all NULL but one empty value: the same findings and longest
    lengths as the local engine, which reads every distinct value and asks the provider for the
    blanks."""
    _copy(postgis_db, "teks_saring", "encoding_tanpa_cpg", "TOPONIMI_PT_10K")
    table = 'teks_saring."TOPONIMI_PT_10K"'
    # three more rows, copies of the first three under new keys (the layer has six)
    postgis_db.owner_sql("INSERT INTO {t} SELECT (jsonb_populate_record(NULL::{t}, to_jsonb(x) || "
                         "jsonb_build_object('fid', x.fid + 1000))).* FROM (SELECT * FROM {t} ORDER BY fid "
                         "LIMIT 3) x".format(t=table))
    fids = [r[0] for r in postgis_db.sql("SELECT fid FROM %s ORDER BY fid" % table)]
    assert len(fids) == 9
    # the last: every text column NULL but SRS_ID, empty (the row's text as a whole is empty), the
    # only blank SRS_ID (kugi.required_attribute)
    text = [r[0] for r in postgis_db.sql("SELECT column_name FROM information_schema.columns WHERE table_schema = "
                                         "'teks_saring' AND table_name = 'TOPONIMI_PT_10K' AND data_type IN "
                                         "('character varying', 'text')")]
    postgis_db.owner_sql("UPDATE %s SET %s WHERE fid = %d" % (
        table, ", ".join('"%s" = %s' % (c, "''" if c == "SRS_ID" else "NULL") for c in text), fids[8]))
    rows = [('"FCODE"', "E'\\tBA03050020'"),                    # the first column, a tab before
            ('"WADMKK"', "E'Kota Tangerang\\n'"),               # the last column, a newline after
            ('"NAMOBJ" = NULL, "REMARK"', "' Pasar Lama'"),   # after a NULL
            ('"NAMOBJ" = \'\', "REMARK"', "'Pasar Baru  '"),   # after an empty value
            ('"REMARK"', "E'\\x7fkode'"),                        # DEL: not visible, not a space
            ('"SRS_ID"', "'SRGI 2013 \u2013 UTM'"),              # non-ASCII inside
            ('"METADATA"', "repeat('x', 49) || ' '"),        # the longest, padded
            ('"NAMOBJ"', "'Masjid Jami\u00e2\u20ac\u2122'")]       # garbled
    for fid, (column, value) in zip(fids, rows):
        postgis_db.owner_sql("UPDATE %s SET %s = %s WHERE fid = %d" % (table, column, value, fid))
    local = validate_layer(postgis_db.layer("teks_saring", "TOPONIMI_PT_10K"), engine="local")
    db = validate_layer(postgis_db.layer("teks_saring", "TOPONIMI_PT_10K"))
    assert db.dataset["engine"] == "postgis"
    assert compare(local, db) == []
    assert any(f.details.get("field") == "SRS_ID" and f.feature_id == fids[8] for f in db.findings
               if f.rule.startswith("kugi.")), [f.rule for f in db.findings if f.feature_id == fids[8]]
    padded = {f.details["field"] for f in db.findings if f.rule == "text.encoding" and f.severity == "info"}
    assert padded >= {"FCODE", "WADMKK", "REMARK", "METADATA"}, padded
    assert any(f.rule == "text.encoding" and f.severity == "warning" and f.details.get("fields") == ["NAMOBJ"]
               for f in db.findings)


# -- SRGI2013 under a made-up SRID -------------------------------------------------------------
def test_srgi2013_under_a_made_up_srid_is_recognised(postgis_db):
    result = validate_layer(postgis_db.layer("topo_overlap"))
    hit = [f for f in result.findings if f.rule == "crs.accepted" and f.details.get("srid")]
    assert len(hit) == 1
    assert hit[0].details == {"srid": 900914, "epsg": 9488}
    assert "SRID should be the EPSG code, 9488" in hit[0].message


def test_srgi2013_recognised_from_the_definition_alone(postgis_db):
    from osgeo import osr
    sr = osr.SpatialReference()
    sr.ImportFromEPSG(9490)
    postgis_db.sql("INSERT INTO spatial_ref_sys (srid, auth_name, auth_srid, srtext, proj4text) VALUES "
                   "(910001, NULL, NULL, %s, %s) ON CONFLICT DO NOTHING", (sr.ExportToWkt(), sr.ExportToProj4()))
    _copy(postgis_db, "srid_sendiri", "topo_sliver", "ADMINISTRASIKECAMATAN_AR_25K")
    postgis_db.owner_sql('ALTER TABLE srid_sendiri."ADMINISTRASIKECAMATAN_AR_25K" ALTER COLUMN geom TYPE '
                         'geometry(MultiPolygon, 910001) USING ST_SetSRID(geom, 910001)')
    result = validate_layer(postgis_db.layer("srid_sendiri", "ADMINISTRASIKECAMATAN_AR_25K"))
    hit = [f for f in result.findings if f.rule == "crs.accepted" and f.details.get("srid")]
    assert [h.details for h in hit] == [{"srid": 910001, "epsg": 9490}]


def test_fixdataset_writes_a_postgis_table_with_the_epsg_srid(postgis_db, sdi_provider, tmp_path):
    import processing
    from qgis.core import QgsProcessingException, QgsProcessingFeedback
    name = _saved_connection(postgis_db, "Simpul tulis")
    postgis_db.owner_sql("CREATE SCHEMA IF NOT EXISTS perbaikan")
    source = postgis_db.uri("geom_valid", "PERSIL_AR_1K", authcfg=postgis_db.authcfg())
    srs_before = postgis_db.sql("SELECT count(*) FROM spatial_ref_sys")
    data_before = _catalogue(postgis_db)[4]
    params = {"INPUT": "postgres://" + source, "OUTPUT": str(tmp_path / "fixed.gpkg"),
              "OUTPUT_POSTGIS_CONNECTION": name, "OUTPUT_POSTGIS_SCHEMA": "perbaikan",
              "OUTPUT_POSTGIS_TABLE": "PERSIL_AR_1K"}
    # spatial_ref_sys lacks EPSG:9488 and the user did not ask to add it: a plain refusal, nothing written
    with pytest.raises(QgsProcessingException, match="no row for EPSG:9488"):
        processing.run("sdi:fixdataset", params, feedback=QgsProcessingFeedback())
    assert postgis_db.sql("SELECT to_regclass('perbaikan.\"PERSIL_AR_1K\"')")[0][0] is None
    assert postgis_db.sql("SELECT count(*) FROM spatial_ref_sys") == srs_before
    res = processing.run("sdi:fixdataset", dict(params, ADD_SPATIAL_REF_SYS=True), feedback=QgsProcessingFeedback())
    assert res["MADE_VALID"] == 3
    assert postgis_db.password not in res["OUTPUT_POSTGIS"]
    assert postgis_db.sql("SELECT Find_SRID('perbaikan', 'PERSIL_AR_1K', 'geom'), count(*), "
                          "bool_and(ST_IsValid(geom)) FROM perbaikan.\"PERSIL_AR_1K\"")[0] == (9488, 80, True)
    assert postgis_db.sql("SELECT auth_name, auth_srid FROM spatial_ref_sys WHERE srid = 9488") == [("EPSG", 9488)]
    fixed = validate_layer(postgis_db.layer("perbaikan", "PERSIL_AR_1K"))
    assert fixed.dataset["engine"] == "postgis" and fixed.dataset["crs"] == "EPSG:9488"
    assert not [f for f in fixed.findings if f.rule in ("geom.valid", "crs.accepted")]
    # the source was only read; a second run never writes into the table it made before
    assert _catalogue(postgis_db)[4] == data_before
    with pytest.raises(QgsProcessingException, match="already exists"):
        processing.run("sdi:fixdataset", dict(params, ADD_SPATIAL_REF_SYS=True), feedback=QgsProcessingFeedback())
    assert postgis_db.sql("SELECT count(*) FROM perbaikan.\"PERSIL_AR_1K\"")[0][0] == 80


def test_the_validate_page_takes_a_postgis_schema_and_project_postgis_layers(postgis_db):
    from qgis.core import QgsProject
    from test_validate_page import make_page, wait_until
    name = _saved_connection(postgis_db, "Simpul halaman")
    page, _iface = make_page()
    try:
        page.pg_connection.setConnection(name)
        assert page.pg_connection.currentConnection() == name
        assert wait_until(lambda: page.pg_schema.comboBox().findText("topo_gap") >= 0), [page.pg_schema.comboBox().itemText(i) for i in range(page.pg_schema.comboBox().count())]
        page.pg_schema.setSchema("topo_gap")
        page.run()
        assert wait_until(lambda: page.task is None)
        assert page.report is not None and [r.dataset["engine"] for r in page.report.results] == ["postgis"]
        assert page.report.results[0].label == "topo_gap.ADMINISTRASIKECAMATAN_AR_10K"
        assert "topo.gap" in {f.rule for f in page.report.results[0].findings}
        # a PostGIS layer of the project is validated in the database too (not copied into memory)
        page.pg_connection.setConnection("")
        layer = postgis_db.layer("topo_overlap", authcfg=postgis_db.authcfg())
        QgsProject.instance().addMapLayer(layer)
        page.set_checked([layer.id()])
        page.run()
        assert wait_until(lambda: page.task is None)
        assert [r.dataset["engine"] for r in page.report.results] == ["postgis"]
    finally:
        page.shutdown()
        QgsProject.instance().removeAllMapLayers()


GEOMETRY_RULES = ("geom.", "topo.", "extent.")


@pytest.mark.parametrize("schema", [s for s, p in latihan_sources() if p.endswith(".gpkg")])
def test_the_database_finds_what_the_geopackage_validation_finds(postgis_db, schema):
    """The geometry and topology findings in PostGIS equal those on the original GeoPackage
    (ogr2ogr kept the fids)."""
    import os
    from qgis.core import QgsVectorLayer
    from fixtures_postgis import LATIHAN
    table = postgis_db.datasets[schema]
    gpkg = QgsVectorLayer("%s|layername=%s" % (os.path.join(LATIHAN, schema + ".gpkg"), table), table, "ogr")
    local = validate_layer(gpkg)
    db = validate_layer(postgis_db.layer(schema))
    assert db.dataset["engine"] == "postgis"
    pick = lambda r: sorted((f.rule, f.feature_id, f.severity, f.message) for f in r.findings  # noqa: E731
                            if f.rule.startswith(GEOMETRY_RULES))
    assert pick(db) == pick(local)


class _CancelAt:
    def __init__(self, at):
        self.at, self.canceled = at, False

    def isCanceled(self):  # noqa: N802
        return self.canceled

    def setProgress(self, value):  # noqa: N802
        self.canceled = self.canceled or value >= self.at

    def pushInfo(self, text):  # noqa: N802
        pass


def test_cancel_during_the_database_rules(postgis_db):
    result = validate_layer(postgis_db.layer("topo_overlap"), feedback=_CancelAt(20))
    assert result.canceled and result.dataset["engine"] == "postgis"
    assert "topo.overlap" not in {f.rule for f in result.findings}
    from qtwait import wait_for     # the validator's connection is closed (its backend ends)
    assert wait_for(lambda: postgis_db.sql("SELECT count(*) FROM pg_stat_activity WHERE "
                                           "application_name = 'Simpul validator'") == [(0,)], 10000)


# -- topo.overlap narrowed by GEOS's coverage validator (PostGIS >= 3.4, GEOS >= 3.13) ------------
def _sq(x0, y0, x1, y1):
    return "POLYGON((%s %s,%s %s,%s %s,%s %s,%s %s))" % (x0, y0, x1, y0, x1, y1, x0, y1, x0, y0)


HOLED = "POLYGON((0 0,3 0,3 3,0 3,0 0),(1 1,1 2,2 2,2 1,1 1))"
# each case alone in its own place (unit squares, scaled to 10 m); what the overlap rule must find
# in the database is whatever the local engine finds, pair by pair
COVERAGE_CASES = (
    ("adjacent, edges matched", [_sq(0, 0, 1, 1), _sq(1, 0, 2, 1)]),
    ("duplicate (same WKB: geom.duplicate, not an overlap)", [_sq(0, 0, 1, 1), _sq(0, 0, 1, 1), _sq(1, 0, 2, 1)]),
    ("duplicate, ring reversed", [_sq(0, 0, 1, 1), "POLYGON((0 0,0 1,1 1,1 0,0 0))", _sq(1, 0, 2, 1)]),
    ("duplicate, ring starting elsewhere", [_sq(0, 0, 1, 1), "POLYGON((1 0,1 1,0 1,0 0,1 0))"]),
    ("duplicate with an extra vertex on an edge", [_sq(0, 0, 1, 1), "POLYGON((0 0,0.5 0,1 0,1 1,0 1,0 0))"]),
    ("duplicate with a repeated vertex", [_sq(0, 0, 1, 1), "POLYGON((0 0,1 0,1 0,1 1,0 1,0 0))"]),
    ("three identical", [_sq(0, 0, 1, 1), _sq(0, 0, 1, 1), _sq(0, 0, 1, 1)]),
    ("stacked on two, vertices matched", [_sq(0, 0, 1, 1), _sq(1, 0, 2, 1),
                                          "POLYGON((0 0,1 0,2 0,2 1,1 1,0 1,0 0))"]),
    ("stacked on two, all of whose edges are matched by neighbours",
     [_sq(0, 0, 1, 1), _sq(1, 0, 2, 1), _sq(0, -1, 1, 0), _sq(-1, 0, 0, 1), _sq(0, 1, 1, 2),
      "POLYGON((0 0,1 0,2 0,2 1,1 1,0 1,0 0))"]),
    ("stacked inside", [_sq(0, 0, 4, 4), _sq(1, 1, 2, 2)]),
    ("stacked inside, sharing a corner's edges", ["POLYGON((0 0,1 0,4 0,4 4,0 4,0 1,0 0))", _sq(0, 0, 1, 1)]),
    ("overlapping by a sliver", [_sq(0, 0, 1, 1), "POLYGON((0.99 0,2 0,2 1,0.99 1,0.99 0))"]),
    ("T-junction, no overlap", [_sq(0, 0, 2, 1), _sq(0, 1, 1, 2), _sq(1, 1, 2, 2)]),
    ("hole filled exactly", [HOLED, _sq(1, 1, 2, 2)]),
    ("in the hole, overlapping the ring", [HOLED, _sq(0.5, 1, 2, 2)]),
    ("in the hole, smaller", [HOLED, _sq(1.2, 1.2, 1.8, 1.8)]),
    ("the holed polygon's shell without the hole", [HOLED, _sq(1, 1, 2, 2), _sq(0, 0, 3, 3)]),
    ("multipolygon, one part overlapping", ["MULTIPOLYGON(((0 0,1 0,1 1,0 1,0 0)),((5 0,6 0,6 1,5 1,5 0)))",
                                            _sq(5.5, 0, 7, 1)]),
    ("multipolygon, one part stacked on two", ["MULTIPOLYGON(((8 0,9 0,9 1,8 1,8 0)),((0 0,1 0,2 0,2 1,1 1,0 1,0 0)))",
                                               _sq(0, 0, 1, 1), _sq(1, 0, 2, 1)]),
    ("invalid bow-tie over a neighbour", ["POLYGON((0 0,1 1,1 0,0 1,0 0))", _sq(0.5, 0, 2, 1)]),
    ("invalid bow-tie and two valid ones overlapping", ["POLYGON((0 0,1 1,1 0,0 1,0 0))", _sq(0, 0, 1, 1),
                                                         _sq(0.5, 0, 2, 1)]),
    ("touching at a point", [_sq(0, 0, 1, 1), _sq(1, 1, 2, 2)]),
    # geom.duplicate of polygons comes from topo.overlap's pairs: equal ones below the overlap
    # tolerance, and equal invalid ones (grouped among the invalid)
    ("duplicate smaller than the overlap tolerance", [_sq(0, 0, 0.01, 0.01), _sq(0, 0, 0.01, 0.01)]),
    ("invalid bow-tie twice", ["POLYGON((0 0,1 1,1 0,0 1,0 0))", "POLYGON((0 0,1 1,1 0,0 1,0 0))",
                               "POLYGON((0 0,1 1,1 0,0 1,0 0))"]),
    ("overlap smaller than the tolerance", [_sq(0, 0, 1, 1), "POLYGON((0.999 0,2 0,2 1,0.999 1,0.999 0))"]),
    # a place mapped twice (two surveys appended into one table): inside each tiling every edge is
    # matched by a neighbour, so only the rim of the overlap has an unmatched edge
    ("two tilings of the same place, offset by half a square",
     [_sq(i, j, i + 1, j + 1) for i in range(4) for j in range(4)]
     + [_sq(i + 0.5, j + 0.5, i + 1.5, j + 1.5) for i in range(4) for j in range(4)]),
    # the same tiling three times, each copy's rings starting at another corner (other WKB: not
    # geom.duplicate): every segment is had by three polygons in one direction (and three in the
    # other), so matching edges flags only the smallest and largest key of each side; the middle
    # copy is reached by the rounds alone
    ("one tiling three times over, rings starting elsewhere",
     [_sq(i, j, i + 1, j + 1) for i in range(3) for j in range(3)]
     + ["POLYGON((%s %s,%s %s,%s %s,%s %s,%s %s))" % (i + 1, j, i + 1, j + 1, i, j + 1, i, j, i + 1, j)
        for i in range(3) for j in range(3)]
     + ["POLYGON((%s %s,%s %s,%s %s,%s %s,%s %s))" % (i + 1, j + 1, i, j + 1, i, j, i + 1, j, i + 1, j + 1)
        for i in range(3) for j in range(3)]),
)


def _coverage_cases_table(db):
    """``coverage_cases."PERSIL_AR_1K"``: the cases side by side, 100 m apart, 10 m squares;
    the attributes of topo_overlap's first parcel."""
    schema, table = "coverage_cases", "PERSIL_AR_1K"
    wkts, where = [], []
    for i, (_name, geoms) in enumerate(COVERAGE_CASES):
        wkts += geoms
        where += [i] * len(geoms)
    db.owner_sql('CREATE SCHEMA IF NOT EXISTS "%s"' % schema)
    db.owner_sql('DROP TABLE IF EXISTS "%s"."%s"' % (schema, table))
    db.owner_sql('CREATE TABLE "%s"."%s" AS SELECT o.* FROM (SELECT * FROM topo_overlap."PERSIL_AR_1K" ORDER BY fid '
                 'LIMIT 1) o CROSS JOIN generate_series(1, %d)' % (schema, table, len(wkts)))
    db.owner_sql('UPDATE "{s}"."{t}" c SET fid = r.n FROM (SELECT ctid, row_number() OVER () AS n FROM "{s}"."{t}") r '
                 'WHERE c.ctid = r.ctid'.format(s=schema, t=table))
    srid = db.sql('SELECT Find_SRID(\'topo_overlap\', \'PERSIL_AR_1K\', \'geom\')')[0][0]
    db.owner_sql('UPDATE "{s}"."{t}" SET geom = ST_Multi(ST_SetSRID(ST_Translate(ST_Scale(ST_GeomFromText(u.w), 10, 10), '
                 '678000 + 100 * u.i, 9313000), %s)) FROM unnest(%s::text[], %s::int[]) WITH ORDINALITY u(w, i, k) '
                 'WHERE fid = u.k'.format(s=schema, t=table), (srid, wkts, where))
    db.owner_sql('ALTER TABLE "%s"."%s" ADD PRIMARY KEY (fid)' % (schema, table))
    db.owner_sql('CREATE INDEX ON "%s"."%s" USING gist (geom)' % (schema, table))
    return schema, table


def _coverage_expected(db):
    from sdi_plugin.core.validate.postgis_engine import geos_at_least
    has = db.sql("SELECT count(*) > 0 FROM pg_proc WHERE proname = 'st_coverageinvalidedges'")[0][0]
    return bool(has) and geos_at_least(db.sql("SELECT postgis_geos_version()")[0][0], (3, 13))


def _has_function(db, name):
    return bool(db.sql("SELECT count(*) > 0 FROM pg_proc WHERE proname = %s", (name,))[0][0])


FLAG_SQL = {"edges": "ST_DumpSegments", "coverage": "ST_CoverageInvalidEdges"}


@pytest.mark.parametrize("way", ["edges", "coverage"])
@pytest.mark.parametrize("per_cell, per_band", [(5000, 100000), (2, 100000), (0.02, 100000), (2, 3), (0.5, 1)])
def test_overlaps_of_crafted_cases_agree_with_the_local_engine(postgis_db, way, per_cell, per_band, monkeypatch):
    """Duplicates in any orientation, polygons stacked on others, holes, multipolygons, invalid
    rings, T-junctions, slivers, a place mapped twice: the database finds the local engine's
    overlaps pair by pair, with polygons flagged first by matching their edges (PostGIS >= 3.2)
    or by GEOS's coverage validator (Debian 13: PostGIS 3.5, GEOS 3.13; where the server lacks
    it, every candidate pair is asked). With cells of about 5000 polygons (all in one), of
    about 2 (pairs split over cells, polygons in several) and so small that polygons span more
    than MOST_CELLS cells; one statement for all, or a band of cell rows per statement."""
    from sdi_plugin.core.validate import postgis_engine as pg
    from sdi_plugin.core.validate import postgis_overlap as job
    monkeypatch.setattr(job, "PER_CELL", per_cell)
    monkeypatch.setattr(job, "PER_BAND", per_band)
    monkeypatch.setattr(pg.PostgisRun, "FLAGGINGS", (way,))
    schema, table = _coverage_cases_table(postgis_db)
    sent = []
    rows, job_rows = pg.PostgisRun._rows, job.OverlapJob._rows

    def spy(self, query, args=None):
        sent.append(query.as_string(self.conn) if hasattr(query, "as_string") else str(query))
        return rows(self, query, args)

    def job_spy(self, conn, query, args=None):
        sent.append(self.run._q(query).as_string(conn))
        return job_rows(self, conn, query, args)
    pg.PostgisRun._rows, job.OverlapJob._rows = spy, job_spy
    try:
        db = validate_layer(postgis_db.layer(schema, table))
    finally:
        pg.PostgisRun._rows, job.OverlapJob._rows = rows, job_rows
    local = validate_layer(postgis_db.layer(schema, table), engine="local")
    assert db.dataset["engine"] == "postgis", db.notes
    assert compare(local, db) == []
    pairs = sorted(tuple(f.details["pair"]) for f in db.findings if f.rule == "topo.overlap")
    # the cases do overlap (and the bow-ties are invalid, the WKB duplicates duplicates); the two
    # tilings alone overlap in 49 pairs, the tiling three times over in 27
    assert len(pairs) >= 15 + 49 + 27, pairs
    assert {f.rule for f in db.findings} >= {"geom.valid", "geom.duplicate", "topo.overlap"}
    available = _coverage_expected(postgis_db) if way == "coverage" else _has_function(postgis_db, "st_dumpsegments")
    assert any(FLAG_SQL[way] in q for q in sent) == available
    assert any("ST_Relate" in q for q in sent)


def test_matching_edges_flags_one_of_each_side_and_the_rounds_reach_the_rest(postgis_db, monkeypatch):
    """Matching edges flags, of the polygons having a segment out of place in one direction, the
    smallest and the largest key only: in the tiling three times over, the middle copy is never
    flagged, yet each of its polygons is found overlapping both others (the rounds)."""
    from sdi_plugin.core.validate import postgis_engine as pg
    from sdi_plugin.core.validate import postgis_overlap as job
    if not _has_function(postgis_db, "st_dumpsegments"):
        pytest.fail("PostGIS without ST_DumpSegments: this server cannot match edges")
    monkeypatch.setattr(pg.PostgisRun, "FLAGGINGS", ("edges",))
    schema, table = _coverage_cases_table(postgis_db)
    names = [name for name, _g in COVERAGE_CASES]
    case = names.index("one tiling three times over, rings starting elsewhere")
    first = 1 + sum(len(g) for _n, g in COVERAGE_CASES[:case])
    middle = set(range(first + 9, first + 18))
    flagged = []
    real = job.share

    def spy(askers, work, *a, **kw):
        out = real(askers, work, *a, **kw)
        if work and job.FLAG_BY_EDGES in work[0][0]:      # each band's keys come as one array
            flagged.extend(k for rows in out for (keys,) in rows for k in keys or ())
        return out
    monkeypatch.setattr(job, "share", spy)
    db = validate_layer(postgis_db.layer(schema, table))
    assert db.dataset["engine"] == "postgis", db.notes
    assert flagged and not middle & set(flagged)
    assert set(range(first, first + 9)) | set(range(first + 18, first + 27)) <= set(flagged)
    pairs = {tuple(f.details["pair"]) for f in db.findings if f.rule == "topo.overlap"}
    for m in sorted(middle):
        assert (m - 9, m) in pairs and (m, m + 9) in pairs, m


def test_the_database_counts_the_rows_in_its_one_scan(postgis_db):
    """The report's feature count comes from the engine's one scan of the table (the provider's
    own count would be another full scan); the overlap check's bands are sized by the planner's
    estimate meanwhile (ANALYZE's, else the planner's guess from the table's size)."""
    layer = postgis_db.layer("topo_overlap")
    table = 'topo_overlap."%s"' % postgis_db.datasets["topo_overlap"]
    rows = postgis_db.sql("SELECT count(*) FROM " + table, dbname=postgis_db.dbname)[0][0]
    asked, real = [], layer.featureCount
    layer.featureCount = lambda *a: asked.append(a) or real(*a)
    result = validate_layer(layer)
    assert result.dataset["engine"] == "postgis", result.notes
    assert result.dataset["feature_count"] == rows > 0
    assert asked == []
    local = validate_layer(postgis_db.layer("topo_overlap"), engine="local")
    assert local.dataset["feature_count"] == rows


def test_fields_computed_in_qgis_stay_out_of_the_sql(postgis_db):
    """A layer with a field QGIS computes (an expression field) and is not a column of the table:
    the one scan leaves it out, the rules still see it, and the database engine runs."""
    from qgis.core import QgsField
    from sdi_plugin.compat import FieldType
    layer = postgis_db.layer("topo_overlap")
    assert layer.addExpressionField("'  ' || \"fid\"", QgsField("padded", FieldType.String, "String", 20)) >= 0
    assert layer.addExpressionField('"fid" * 2', QgsField("dua", FieldType.Int)) >= 0
    result = validate_layer(layer)
    assert result.dataset["engine"] == "postgis", result.notes
    padded = [f for f in result.findings if f.rule == "text.encoding" and f.details.get("field") == "padded"]
    assert padded and padded[0].severity == "info"


def test_fields_joined_from_another_layer_stay_out_of_the_sql(postgis_db):
    """A field joined from another layer (here a memory layer, as a technician joins a
    spreadsheet of notes) is not a column of the table either: the one scan leaves it out, the
    rules still see it (its value with leading spaces is found), and the database engine runs."""
    from qgis.core import QgsFeature, QgsVectorLayer, QgsVectorLayerJoinInfo
    layer = postgis_db.layer("topo_overlap")
    fids = sorted(f["fid"] for f in layer.getFeatures())
    notes = QgsVectorLayer("None?field=fid_ref:integer&field=catatan:string(40)", "catatan", "memory")
    feats = []
    for fid in fids:
        feat = QgsFeature(notes.fields())
        feat.setAttributes([fid, "  kebun" if fid == fids[0] else "sawah"])
        feats.append(feat)
    assert notes.dataProvider().addFeatures(feats)[0]
    join = QgsVectorLayerJoinInfo()
    join.setJoinLayer(notes)
    join.setJoinFieldName("fid_ref")
    join.setTargetFieldName("fid")
    join.setPrefix("j_")
    join.setUsingMemoryCache(True)
    assert layer.addJoin(join)
    assert "j_catatan" in layer.fields().names()
    result = validate_layer(layer)
    assert result.dataset["engine"] == "postgis", result.notes
    joined = [f for f in result.findings if f.rule == "text.encoding" and f.details.get("field") == "j_catatan"]
    assert joined and joined[0].severity == "info", [f.to_dict() for f in result.findings if f.rule == "text.encoding"]


def test_the_coverage_prefilter_is_chosen_by_what_the_server_has(postgis_db):
    from sdi_plugin.core.validate import postgis_engine as pg
    from sdi_plugin.core.validate.context import Context
    from sdi_plugin.core.validate.sources import ref_of_layer
    layer = postgis_db.layer("topo_overlap")
    run = pg.plan(Context(layer, ref_of_layer(layer)))
    assert run is not None
    try:
        assert run.coverage == _coverage_expected(postgis_db)
        assert run.flagging == ("edges" if _has_function(postgis_db, "st_dumpsegments") else
                                "coverage" if run.coverage else None)
    finally:
        run.close()


@pytest.mark.parametrize("text, ok", [("3.13.1-CAPI-1.19.2", True), ("3.14.0dev-CAPI-1.20.0", True),
                                      ("3.12.2-CAPI-1.18.2", False), ("3.11.1-CAPI-1.17.1", False),
                                      ("4.0.0-CAPI-2.0.0", True), ("", False), (None, False), ("garbage", False)])
def test_geos_version_of_the_server(text, ok):
    from sdi_plugin.core.validate.postgis_engine import geos_at_least
    assert geos_at_least(text, (3, 13)) is ok


# -- the job: geom.valid and topo.overlap on connections of their own ---------------------------
def _planned(db, schema="topo_overlap", **kw):
    from sdi_plugin.core.validate import postgis_engine as pg
    from sdi_plugin.core.validate.context import Context
    from sdi_plugin.core.validate.sources import ref_of_layer
    layer = db.layer(schema, **kw)
    return pg.plan(Context(layer, ref_of_layer(layer)))


def _backends(db):
    return db.sql("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'Simpul validator'")[0][0]


def test_the_job_runs_on_connections_of_its_own_and_ends_them(postgis_db):
    run = _planned(postgis_db)
    try:
        assert run.job is not None and run.snapshot
        assert 1 <= len(run.job.conns) <= run.groups
        assert _backends(postgis_db) == 1 + len(run.job.conns)
        for conn in run.job.conns:      # read only, as the main connection
            assert not conn.closed and conn.readonly
        # the job's connections share the overlap check: no statement of the run gets workers
        assert run.job.shares
        assert run._rows("SHOW max_parallel_workers_per_gather") == [("0",)]
        with run.job._connect().cursor() as cur:
            cur.execute("SHOW max_parallel_workers_per_gather")
            assert cur.fetchall() == [("0",)]
        assert run.groups == int(postgis_db.sql("SHOW max_parallel_workers_per_gather")[0][0])
    finally:
        run.close()
    assert _backends(postgis_db) == 0


def test_the_jobs_connections_see_the_main_connections_snapshot(postgis_db):
    """A row added after the run began is in none of its answers (one snapshot for all)."""
    table = 'topo_overlap."%s"' % postgis_db.datasets["topo_overlap"]
    count = postgis_db.sql("SELECT count(*) FROM " + table, dbname=postgis_db.dbname)[0][0]
    run = _planned(postgis_db)
    try:
        postgis_db.owner_sql("INSERT INTO %s (fid, geom) SELECT 900001, geom FROM %s ORDER BY fid LIMIT 1"
                             % (table, table))
        assert postgis_db.sql("SELECT count(*) FROM " + table, dbname=postgis_db.dbname)[0][0] == count + 1
        conn = run.job._connect()
        with conn.cursor() as cur:
            cur.execute("SELECT count(*) FROM " + table)
            assert cur.fetchone()[0] == count
        assert run._rows("SELECT count(*) FROM " + table)[0][0] == count
    finally:
        run.close()
        postgis_db.owner_sql("DELETE FROM %s WHERE fid = 900001" % table)


def test_no_connection_to_spare_runs_the_rules_one_after_another(postgis_db):
    """A user allowed one connection besides QGIS's own: the job cannot start, the same
    findings come from the main connection alone."""
    from sdi_plugin.core.validate import postgis_engine as pg
    from sdi_plugin.core.validate.context import Context
    from sdi_plugin.core.validate.sources import ref_of_layer
    layer = postgis_db.layer("topo_overlap", user=postgis_db.reader)
    local = validate_layer(layer, engine="local")
    assert layer.featureCount() > 0           # QGIS's provider holds its connection(s) now
    held = postgis_db.sql("SELECT count(*) FROM pg_stat_activity WHERE usename = %s", (postgis_db.reader,))[0][0]
    postgis_db.sql("ALTER ROLE %s CONNECTION LIMIT %d" % (postgis_db.reader, held + 1))
    try:
        run = pg.plan(Context(layer, ref_of_layer(layer)))
        try:
            assert run.job is None
        finally:
            run.close()
        db = validate_layer(layer)
    finally:
        postgis_db.sql("ALTER ROLE %s CONNECTION LIMIT -1" % postgis_db.reader)
    assert db.dataset["engine"] == "postgis"
    assert compare(local, db) == []
    assert "topo.overlap" in {f.rule for f in db.findings}


def test_overlaps_spreading_far_are_asked_all_at_once(postgis_db, monkeypatch):
    """The two tilings need several rounds of spreading from their rim; past MOST_ROUNDS
    every candidate pair is asked in one statement instead (bounded work for a region mapped
    twice over); the same findings."""
    from sdi_plugin.core.validate import postgis_overlap as job
    schema, table = _coverage_cases_table(postgis_db)
    asked = []
    real = job.share

    def spy(askers, work, *a, **kw):
        asked.append(work[0][0] if work else None)    # one call: one band set, one round, or all pairs
        return real(askers, work, *a, **kw)
    monkeypatch.setattr(job, "share", spy)
    monkeypatch.setattr(job, "MOST_ROUNDS", 99)
    full = validate_layer(postgis_db.layer(schema, table))
    rounds = asked.count(job.PAIRS_OF)
    assert rounds >= 3 and job.OVERLAPS_ALL_PAIRS not in asked
    asked.clear()
    monkeypatch.setattr(job, "MOST_ROUNDS", 1)
    cut = validate_layer(postgis_db.layer(schema, table))
    assert asked.count(job.PAIRS_OF) == 1 and asked.count(job.OVERLAPS_ALL_PAIRS) == 1
    assert compare(full, cut) == []


@pytest.mark.parametrize("way", ["edges", "coverage"])
def test_a_flagging_the_server_refuses_falls_back_to_every_pair(postgis_db, way, monkeypatch):
    """Where flagging polygons fails (GEOS refuses a coverage; here: a statement the server
    refuses), every candidate pair is asked instead; same findings."""
    from sdi_plugin.core.validate import postgis_engine as pg
    from sdi_plugin.core.validate import postgis_overlap as job
    local = validate_layer(postgis_db.layer("topo_overlap"), engine="local")
    monkeypatch.setattr(pg.PostgisRun, "_has_coverage_validator", lambda self: True)
    monkeypatch.setattr(pg.PostgisRun, "FLAGGINGS", (way,))
    monkeypatch.setattr(job, "FLAGS", {way: "SELECT 1 / 0"})
    db = validate_layer(postgis_db.layer("topo_overlap"))
    assert db.dataset["engine"] == "postgis"
    assert compare(local, db) == []
    assert "topo.overlap" in {f.rule for f in db.findings}


@pytest.mark.parametrize("args, low, high", [
    ((1000.0, 1000.0, 100), 7071.0, 7072.0),      # 5000 per cell of 100: one cell bigger than the extent
    ((1e6, 1e6, 10 ** 8), 7071.0, 7072.0),        # sqrt(1e12 * 5000 / 1e8)
    ((0.0, 0.0, 10), 1.0, 1.0),                   # a single point: any side
    ((1000.0, 0.0, 1000), 2.23, 2.24),            # a line of features: a millionth of the length as height
    ((float("nan"), 5.0, 10), 1.0, 1.0),
])
def test_cell_side(args, low, high):
    """Cells of about PER_CELL features, whatever the extent's shape."""
    from sdi_plugin.core.validate.postgis_overlap import cell_side
    assert low <= cell_side(*args) <= high


def test_bands_cover_every_cell_row_once():
    """Bands of cell rows: the first and last open-ended, none overlapping, none empty, each
    with the y range the index fetches for it."""
    from sdi_plugin.core.validate.postgis_overlap import FAR, FAR_CELL, bands
    assert bands(0.0, 1000.0, 10.0, 50) == [(-FAR_CELL, FAR_CELL, -FAR, FAR, True)]
    out = bands(9300000.0, 9350000.0, 100.0, 1000000, per_band=100000)
    assert len(out) == 10 and out[0][4] and not any(b[4] for b in out[1:])
    assert out[0][0] == -FAR_CELL and out[-1][1] == FAR_CELL
    for (lo, hi, _ylo, yhi, _f), (lo2, _hi2, _y, _y2, _f2) in zip(out, out[1:]):
        assert lo < hi == lo2 and yhi == hi * 100.0
    assert out[1][2] == out[1][0] * 100.0
    # more bands asked than there are cell rows: one band per row at most
    assert len(bands(0.0, 250.0, 100.0, 10 ** 6, per_band=1)) == 3
    # an extent QGIS could not give
    assert bands(float("nan"), float("nan"), 1.0, 10) == [(-FAR_CELL, FAR_CELL, -FAR, FAR, True)]


def test_key_array_reaches_the_server_as_the_same_keys(postgis_db):
    """Keys travel as one array literal ('{1,2,3}'): the server reads back exactly the keys sent
    (empty, negative, the largest bigint; order kept), and anything but an integer is refused
    before it reaches the SQL."""
    from sdi_plugin.core.validate.postgis_overlap import key_array
    from array import array
    for keys in ([], [7], [3, -1, 2 ** 63 - 1, 0, 3], range(1, 20001),
                 # the rounds' sorted arrays, written a piece of 8,192 at a time
                 array("q"), array("q", [-2 ** 63, 2 ** 63 - 1]), array("q", range(-5, 8187)),
                 array("q", range(1, 8194)), array("q", range(0, 3 * 8192 * 7, 7))):
        assert postgis_db.sql("SELECT %s::bigint[]", (key_array(keys),))[0][0] == list(keys)
    assert key_array(k for k in (5, 4)) == "{5,4}"
    for bad in (["1},{2"], [1.5j], [None]):
        with pytest.raises((TypeError, ValueError)):
            key_array(bad)


def test_bytea_arrives_as_bytes_whatever_the_servers_output_format(postgis_db):
    """The engine's connections read bytea (an overlap's WKB) as bytes, not psycopg2's memoryview,
    in the server's default hex output and in the older escape output a server may be set to."""
    from sdi_plugin.core.validate.postgis_connection import PgSource, connect
    layer = postgis_db.layer(LATIHAN[0])
    conn = connect(PgSource(layer))
    try:
        with conn.cursor() as cur:
            wkb = bytes.fromhex("0101000000000000000000f03f0000000000000040")     # POINT(1 2)
            for output in ("hex", "escape"):
                cur.execute("SET LOCAL bytea_output = %s" % output)
                cur.execute("SELECT ST_AsBinary(ST_MakePoint(1, 2)), %s::bytea, NULL::bytea, ''::bytea",
                            (b"\x00\\'\xff",))
                row = cur.fetchone()
                assert row == (wkb, b"\x00\\'\xff", None, b""), output
                assert [type(v) for v in row] == [bytes, bytes, type(None), bytes], output   # a memoryview equals too
    finally:
        conn.close()

"""When no full ISO record can be generated for a dataset, Publish sends a minimal one: the
report says so plainly (not "the metadata package is not installed", which it never is now)
and the message log says why."""
import json
import logging


def test_the_report_says_why_the_record_is_minimal(qgis_app):
    from sdi_plugin.gui.publish_report import result_html
    text = result_html({"result": "published", "message": "", "metadata": {"source": "minimal"},
                        "record_id": "abc"})
    assert "no full record could be generated from the layer" in text
    assert "not installed" not in text
    assert "abc" in text


def test_a_failed_generation_is_logged_with_its_reason(qgis_app, tmp_path):
    from sdi_plugin.core.publish.prepare import generate_metadata
    data = tmp_path / "persil.geojson"
    data.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"NAMOBJ": "Persil 1"},
         "geometry": {"type": "Polygon", "coordinates": [[[106.6, -6.2], [106.61, -6.2], [106.61, -6.19],
                                                          [106.6, -6.2]]]}}]}), encoding="utf-8")
    broken = tmp_path / "defaults.json"
    broken.write_text("{ this is not JSON", encoding="utf-8")
    seen = []

    class Keep(logging.Handler):
        def emit(self, record):
            seen.append((record.levelno, record.getMessage()))
    handler = Keep()
    logging.getLogger("Simpul").addHandler(handler)
    try:
        out = generate_metadata(str(data), str(tmp_path / "metadata.xml"), str(broken))
    finally:
        logging.getLogger("Simpul").removeHandler(handler)
    assert out == ""
    assert not (tmp_path / "metadata.xml").exists()
    warnings = [m for level, m in seen if level == logging.WARNING]
    assert len(warnings) == 1 and "persil.geojson" in warnings[0] and "minimal record" in warnings[0], seen

"""One validation pipeline (issue 15.3): every caller — ``validate_path``, the Validate page's
task, ``sdi:validatedataset`` and the publish gate — gets the same findings from
``core.validate.pipeline.run_validation``; a canceled run writes nothing; the HTML report and
the severity colours do not depend on the GeoPackage writer."""
import json
import os
import subprocess
import sys

from qgis.core import QgsProcessingFeedback

from sdi_plugin.core.publish.gate import RAN, run_gate
from sdi_plugin.core.validate import validate_path
from sdi_plugin.core.validate.pipeline import ReportFiles, run_validation
from sdi_plugin.core.validate.sources import ref_for

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _rules(findings):
    return sorted((f["rule"], f["severity"], f.get("feature_id")) for f in findings)


def _overlap(sample_data_dir):
    return os.path.join(sample_data_dir, "latihan", "topo_overlap.gpkg")


def test_every_caller_gets_the_same_findings(sample_data_dir, tmp_path):
    from sdi_plugin.gui.validate_page import validate_job
    path = _overlap(sample_data_dir)
    expected = _rules(f.to_dict() for f in validate_path(path).findings)
    assert any(rule == "topo.overlap" for rule, _, _ in expected)

    report, written = run_validation([(ref_for(path), None)], ReportFiles(json=str(tmp_path / "a.json")),
                                     QgsProcessingFeedback())
    with open(written["json"], encoding="utf-8") as fh:
        assert _rules(json.load(fh)["findings"]) == expected

    page_report, outputs = validate_job(QgsProcessingFeedback(), [(ref_for(path), None)], out_dir=str(tmp_path))
    assert _rules(f.to_dict() for f in page_report.findings) == expected
    assert sorted(os.path.basename(p) for p in (outputs["json"], outputs["html"])) == ["report.html", "report.json"]

    gate = run_gate(path)
    assert gate.validator == RAN and _rules(gate.findings) == expected


def test_a_canceled_run_writes_nothing(sample_data_dir, tmp_path):
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    report, written = run_validation([(ref_for(_overlap(sample_data_dir)), None)], ReportFiles.in_folder(str(tmp_path)),
                                     feedback)
    assert written is None and report.canceled
    assert os.listdir(tmp_path) == []


def test_the_html_report_does_not_load_the_error_layer_writer():
    code = ("import sys; import sdi_plugin.core.validate.html_report; "
            "print('sdi_plugin.core.validate.errorlayer' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert proc.stdout.strip().splitlines()[-1] == "False", proc.stderr[-2000:]


def test_severity_names_stay_importable_from_the_error_layer_module():
    from sdi_plugin.core.validate import errorlayer, severity
    assert errorlayer.COLOURS is severity.COLOURS and errorlayer.severity_labels is severity.severity_labels

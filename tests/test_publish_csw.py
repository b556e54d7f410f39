"""CSW-T against the demo node's real pycsw: Insert, Update in place, Delete (unpublish); the
catalogue's own exception text when it refuses; and the GeoNetwork flavour's differences."""
import os

import pytest
from lxml import etree

from fixtures_publish import catalogue_records, restore_catalogue
from sdi_plugin.core.publish import isoxml
from sdi_plugin.core.publish.csw import CswTarget, flavour_of, transaction_url
from sdi_plugin.core.publish.dataset import describe
from sdi_plugin.core.publish.model import Endpoints, Job, PublishError
from sdi_plugin.core.publish.target import Journal


@pytest.fixture
def csw_demo(demo_node):
    before = catalogue_records(demo_node, canonical=False)
    yield demo_node
    restore_catalogue(demo_node, before)


def _job(sample_data_dir, record_id, title=None):
    ds = describe(os.path.join(sample_data_dir, "latihan", "srs_id_kosong.gpkg"))
    if title:
        ds.title = title
    job = Job(dataset=ds, endpoints=Endpoints(), record_id=record_id)
    job.iso_xml = isoxml.minimal_record(ds, record_id)
    return job


def test_insert_update_delete_with_pycsw(csw_demo, sample_data_dir):
    target = CswTarget(csw_demo.csw_url, "pycsw")
    job = _job(sample_data_dir, "simpul-uji-csw-1", "Sungai uji")
    changes = target.plan(job)
    assert [(c.resource, c.action) for c in changes] == [("record", "create")]
    target.apply(job, changes, Journal())
    assert isoxml.title(isoxml.load(target.get_record("simpul-uji-csw-1"))) == "Sungai uji"
    count = len(catalogue_records(csw_demo))
    job2 = _job(sample_data_dir, "simpul-uji-csw-1", "Sungai uji (revisi)")
    changes = target.plan(job2)
    assert [c.action for c in changes] == ["update"]
    journal = Journal()
    target.apply(job2, changes, journal)
    assert isoxml.title(isoxml.load(target.get_record("simpul-uji-csw-1"))) == "Sungai uji (revisi)"
    assert len(catalogue_records(csw_demo)) == count
    # rolling the update back puts the first version back
    assert [r["result"] for r in target.rollback(list(reversed(journal.entries)))] == ["done"]
    assert isoxml.title(isoxml.load(target.get_record("simpul-uji-csw-1"))) == "Sungai uji"
    assert target.delete("simpul-uji-csw-1") == 1
    assert target.get_record("simpul-uji-csw-1") is None
    assert target.delete("simpul-uji-csw-1") == 0     # unpublishing twice is fine


def test_the_catalogues_own_words_when_it_refuses(csw_demo, sample_data_dir):
    target = CswTarget(csw_demo.csw_url, "pycsw")
    job = _job(sample_data_dir, "simpul-uji-csw-2")
    changes = target.plan(job)
    target.apply(job, changes, Journal())
    journal = Journal()
    with pytest.raises(PublishError) as err:     # the same record inserted twice (the plan was stale)
        target.apply(job, changes, journal)
    assert err.value.message.startswith("Inserting record simpul-uji-csw-2: the catalogue said")
    assert err.value.server_text and err.value.server_text in err.value.message   # pycsw's own text
    assert journal.entries[-1].refused
    assert changes[0].result == "failed"


def test_geonetwork_flavour():
    assert flavour_of("https://geoportal.example.go.id/geonetwork/srv/eng/csw") == "geonetwork"
    assert flavour_of("http://x/csw", b"<!-- pycsw 2.6.2 --><csw:Capabilities/>") == "pycsw"
    assert flavour_of("http://x/csw", b"<csw:Capabilities/>") == ""
    url = "https://geoportal.example.go.id/geonetwork/srv/eng/csw"
    assert transaction_url(url, "geonetwork") == url + "-publication"
    assert transaction_url("http://x/csw", "pycsw") == "http://x/csw"
    gn = CswTarget(url + "-publication", "geonetwork")
    body = etree.fromstring(gn._delete("abc&1"))
    assert body.findtext(".//{*}PropertyName") == "Identifier" and body.findtext(".//{*}Literal") == "abc&1"
    py = etree.fromstring(CswTarget("http://x/csw", "pycsw")._delete("abc"))
    assert py.findtext(".//{*}PropertyName") == "apiso:Identifier"

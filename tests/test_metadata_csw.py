"""A record Simpul generates for a demo-node dataset is accepted by the node's real pycsw through
CSW-T Insert, comes back unchanged through GetRecordById, and is deleted again; the node's own
seeded ISO 19139 records, read through GetRecordById, are a second real-world input."""
import http.client as httpclient
import uuid
from urllib.parse import urlsplit

import pytest
import requests
from lxml import etree

from metadata_util import node_defaults, sample_layer

from sdi_plugin.core.metadata import check, iso_reader, iso_writer
from sdi_plugin.core.metadata.generate import generate

CSW = "http://www.opengis.net/cat/csw/2.0.2"
NS = {"csw": CSW, "gmd": "http://www.isotc211.org/2005/gmd", "dc": "http://purl.org/dc/elements/1.1/"}


def _post(node, body):
    parts = urlsplit(node.csw_url)
    conn = httpclient.HTTPConnection(parts.hostname, parts.port, source_address=("127.0.0.1", 0), timeout=60)
    try:
        conn.request("POST", parts.path, body, {"Content-Type": "application/xml"})
        resp = conn.getresponse()
        return resp.status, etree.fromstring(resp.read())
    finally:
        conn.close()


def _insert(node, record_xml):
    tx = etree.Element("{%s}Transaction" % CSW, nsmap={"csw": CSW}, service="CSW", version="2.0.2")
    etree.SubElement(tx, "{%s}Insert" % CSW).append(etree.fromstring(record_xml))
    return _post(node, etree.tostring(tx, xml_declaration=True, encoding="UTF-8"))


def _delete(node, identifier):
    ogc = "http://www.opengis.net/ogc"
    tx = etree.Element("{%s}Transaction" % CSW, nsmap={"csw": CSW, "ogc": ogc}, service="CSW", version="2.0.2")
    cons = etree.SubElement(etree.SubElement(tx, "{%s}Delete" % CSW), "{%s}Constraint" % CSW, version="1.1.0")
    eq = etree.SubElement(etree.SubElement(cons, "{%s}Filter" % ogc), "{%s}PropertyIsEqualTo" % ogc)
    etree.SubElement(eq, "{%s}PropertyName" % ogc).text = "apiso:Identifier"
    etree.SubElement(eq, "{%s}Literal" % ogc).text = identifier
    return _post(node, etree.tostring(tx, xml_declaration=True, encoding="UTF-8"))


def _get_by_id(node, identifier):
    s = requests.Session()
    s.trust_env = False
    resp = s.get(node.csw_url, params={"service": "CSW", "version": "2.0.2", "request": "GetRecordById",
                                       "id": identifier, "outputSchema": NS["gmd"], "elementSetName": "full"},
                 timeout=60)
    assert resp.status_code == 200, resp.text[:500]
    return resp.content


def _summary(doc, what):
    return int(doc.findtext("csw:TransactionSummary/csw:total%s" % what, namespaces=NS) or 0)


def test_generated_record_is_accepted_by_pycsw_csw_t_insert(qgis_app, demo_node):
    layer, ds = sample_layer(demo_node.sample_dir, "tangerang_jalan")
    ident = "simpul-uji-%s" % uuid.uuid4()
    record = generate(layer, node_defaults(ds, ows_url=demo_node.ows_url), values={"file_identifier": ident})
    data = iso_writer.to_bytes(record)
    assert not [f for f in check.check_metadata_bytes(data) if f.severity == "error"]
    assert check.record_completeness(record).complete
    try:
        status, doc = _insert(demo_node, data)
        assert status == 200 and _summary(doc, "Inserted") == 1, etree.tostring(doc)[:1000]

        answer = _get_by_id(demo_node, ident)
        back = iso_reader.read_bytes(answer)                   # the record inside the CSW answer
        assert back == record
        assert not [f for f in check.check_metadata_bytes(answer) if f.severity == "error"]
        links = {(l.protocol, l.url, l.name) for l in back.online_resources}
        assert {("OGC:WMS", demo_node.ows_url, ds["layer"]), ("OGC:WFS", demo_node.ows_url, ds["layer"])} <= links

        # pycsw indexed it: a GetRecords on the identifier finds it, with our title
        s = requests.Session()
        s.trust_env = False
        resp = s.get(demo_node.csw_url, params={"service": "CSW", "version": "2.0.2", "request": "GetRecords",
                                                "typeNames": "csw:Record", "resultType": "results",
                                                "elementSetName": "full", "constraintLanguage": "CQL_TEXT",
                                                "constraint_language_version": "1.1.0",
                                                "constraint": "dc:identifier = '%s'" % ident}, timeout=60)
        found = etree.fromstring(resp.content)
        assert [e.text for e in found.iterfind(".//csw:Record/dc:title", NS)] == [record.title]
    finally:
        status, doc = _delete(demo_node, ident)
    assert status == 200 and _summary(doc, "Deleted") == 1
    gone = etree.fromstring(_get_by_id(demo_node, ident))
    assert gone.find(".//gmd:MD_Metadata", NS) is None


def test_csw_t_insert_of_an_invalid_record_is_caught_before_sending(qgis_app, demo_node):
    """What pycsw would store from a hand-made record: Simpul's check says what is wrong first."""
    layer, ds = sample_layer(demo_node.sample_dir, "paser_sungai")
    record = generate(layer, node_defaults(ds), values={"abstract": "", "contacts": []})
    errors = {f.details.get("element") for f in check.check_record(record) if f.severity == "error"}
    assert {"abstract", "metadata_contact"} <= errors


@pytest.mark.parametrize("index", range(3))
def test_seeded_demo_records_read_through_get_record_by_id(qgis_app, demo_node, index):
    ds = demo_node.datasets[index * 5 % len(demo_node.datasets)]
    answer = _get_by_id(demo_node, ds["metadata_id"])
    record = iso_reader.read_bytes(answer)
    assert record.file_identifier == ds["metadata_id"] and record.title == ds["title"]
    assert record.dataset_language == "ind" and record.hierarchy_level == "dataset"
    w, s, e, n = record.bbox()
    assert (round(w, 6), round(s, 6), round(e, 6), round(n, 6)) == tuple(round(v, 6) for v in ds["bbox_4326"])
    assert ds["fcode"] in record.all_keywords()
    assert {"OGC:WMS", "OGC:WFS"} <= {l.protocol for l in record.online_resources}
    assert record.contacts[0].organisation == ds["organisation"]
    findings = check.check_metadata_bytes(answer)
    assert not [f for f in findings if f.rule == "meta.schema"], [f.message for f in findings][:3]
    assert not [f for f in findings if f.severity == "error"], [f.to_dict() for f in findings]
    # read, written by Simpul and read again: nothing of the seeded record is lost
    assert iso_reader.read_bytes(iso_writer.to_bytes(record)) == record

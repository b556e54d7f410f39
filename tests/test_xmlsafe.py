"""Hostile and broken XML is refused with a clear message; nothing is expanded or fetched."""
import pytest

from hostile import BILLION_LAUGHS, HTML_ERROR, MALFORMED, WMS_OK, xxe, xxe_parameter
from sdi_plugin.core.network.xmlsafe import XmlError, localname, parse_xml


def test_well_formed_document_parses():
    root = parse_xml(WMS_OK)
    assert localname(root) == "WMS_Capabilities"
    assert root.get("version") == "1.3.0"


def test_billion_laughs_is_refused_without_expansion():
    with pytest.raises(XmlError, match="entities"):
        parse_xml(BILLION_LAUGHS)


def test_external_entity_is_refused_and_file_not_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("kata-sandi-rahasia")
    with pytest.raises(XmlError) as err:
        parse_xml(xxe(str(secret)))
    assert "kata-sandi-rahasia" not in str(err.value)


def test_external_dtd_is_not_fetched(scripted_server):
    scripted_server.static("/evil.dtd", b'<!ENTITY x "y">', ctype="application/xml-dtd")
    root = parse_xml(xxe_parameter(scripted_server.url + "/evil.dtd"))
    assert localname(root) == "WMS_Capabilities"
    assert not [h for h in scripted_server.hits if "evil" in h]


def test_html_error_page_gets_a_plain_message():
    with pytest.raises(XmlError, match="HTML"):
        parse_xml(HTML_ERROR)


def test_malformed_xml_says_so():
    with pytest.raises(XmlError, match="not well-formed"):
        parse_xml(MALFORMED)


@pytest.mark.parametrize("data", [b"", b"   \n"])
def test_empty_document(data):
    with pytest.raises(XmlError, match="empty"):
        parse_xml(data)

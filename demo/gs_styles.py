"""Layers and styles of the GeoServer REST emulation's catalogue (see demo/gs_catalog.py):
``/layers/{layerName}`` and ``/workspaces/{workspace}/styles[/{style}]`` as GeoServer's
LayerController and StyleController answer them."""
import copy

from lxml import etree

from demo.gs_answers import Answer, not_found, rest_error, server_error


class LayersAndStyles:
    """Mixed into the catalogue: needs ``self.layers``, ``self.styles``, ``self.featuretypes``,
    ``self.workspaces``, ``self.href`` and ``self.changed``."""

    # --- layers -------------------------------------------------------------------------------
    def _layer(self, name):
        layer = self.layers.get(name)
        if layer is None:
            raise not_found("No such layer: %s" % name)
        return layer

    def layers_get(self, q):
        return 200, self.listing("layers", "layer", [{"name": n, "href": self.href("/layers/" + n)}
                                                     for n in sorted(self.layers)])

    def layer_get(self, q, name):
        layer = copy.deepcopy(self._layer(name))
        ws = name.split(":")[0]
        style = layer["defaultStyle"]
        if style.get("workspace"):
            style["href"] = self.href("/workspaces/%s/styles/%s" % (style["workspace"], style["name"]))
            style["name"] = "%s:%s" % (style["workspace"], style["name"])
        else:
            style["href"] = self.href("/styles/" + style["name"])
        layer["resource"] = {"@class": "featureType", "name": name,
                             "href": self.href("/workspaces/%s/datastores/%s/featuretypes/%s" % (
                                 ws, self.featuretypes[(ws, layer["name"])]["store"], layer["name"]))}
        return 200, {"layer": layer}

    def layer_put(self, q, body, name):
        layer = self._layer(name)
        new = (body or {}).get("layer") or {}
        if "defaultStyle" in new:
            ref = new["defaultStyle"] or {}
            sname, sws = ref.get("name", ""), ref.get("workspace")
            if ":" in sname:
                sws, sname = sname.split(":", 1)
            if (sws, sname) not in self.styles:
                raise server_error("Layer %s default style %s does not exist" % (name, sname))
            layer["defaultStyle"] = {"name": sname, "workspace": sws} if sws else {"name": sname}
        if "enabled" in new:
            layer["enabled"] = bool(new["enabled"])
        self.changed()
        return 200, None

    def layer_delete(self, q, name):
        self._layer(name)
        del self.layers[name]
        self.changed()
        return 200, None

    # --- styles -------------------------------------------------------------------------------
    def styles_get(self, q, ws):
        if ws not in self.workspaces:
            raise not_found("Workspace %s not found" % ws)
        return 200, self.listing("styles", "style", [
            {"name": k[1], "href": self.href("/workspaces/%s/styles/%s" % (ws, k[1]))} for k in sorted(self.styles, key=str)
            if k[0] == ws])

    def styles_post(self, q, raw, ctype, ws):
        if ws not in self.workspaces:
            raise not_found("Workspace %s not found" % ws)
        mime = ctype.split(";")[0].strip()
        if mime not in ("application/vnd.ogc.sld+xml", "application/vnd.ogc.se+xml"):
            raise rest_error(415, "Content type '%s' not supported" % mime)
        version = _sld_version(raw, mime)
        name = q.get("name") or _sld_name(raw)
        if (ws, name) in self.styles:
            raise rest_error(403, "Style %s already exists." % name)
        self.styles[(ws, name)] = {"name": name, "format": "sld", "version": version, "body": raw, "workspace": ws}
        self.changed()
        raise Answer(201, name, headers={"Location": "%s/workspaces/%s/styles/%s" % (self.rest_url, ws, name)})

    def _style(self, ws, name):
        style = self.styles.get((ws, name))
        if style is None:
            raise not_found("No such style %s in workspace %s" % (name, ws) if ws else "No such style: " + name)
        return style

    def style_get(self, q, ws, name, ext, accept):
        style = self._style(ws, name)
        if ext == "sld" or "sld+xml" in accept or "se+xml" in accept:
            mime = "application/vnd.ogc.se+xml" if style["version"] == "1.1.0" else "application/vnd.ogc.sld+xml"
            raise Answer(200, style["body"], mime)
        info = {"name": name, "format": "sld", "languageVersion": {"version": style["version"]},
                "filename": name + ".sld"}
        if ws:
            info["workspace"] = {"name": ws}
        return 200, {"style": info}

    def style_put(self, q, raw, ctype, ws, name):
        style = self._style(ws, name)
        mime = ctype.split(";")[0].strip()
        if mime in ("application/json", "application/xml", "text/xml"):
            return 200, None   # style info only: nothing this double keeps changes
        if q.get("raw") == "true":
            style["body"] = raw
        else:
            try:
                style["version"] = _sld_version(raw, mime)
            except Answer as exc:
                raise rest_error(400, "Invalid style:" + exc.body.decode("utf-8", "replace")) from None
            style["body"] = raw
        self.changed()
        return 200, None

    def style_delete(self, q, ws, name):
        self._style(ws, name)
        users = [n for n, l in self.layers.items() if (l["defaultStyle"].get("workspace"), l["defaultStyle"]["name"]) == (ws, name)]
        if users and q.get("recurse") != "true":
            raise rest_error(403, "Can't delete style referenced by existing layers.")
        for n in users:
            self.layers[n]["defaultStyle"] = {"name": "generic"}
        del self.styles[(ws, name)]
        self.changed()
        return 200, None


def _sld_root(raw):
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        return etree.fromstring(raw, parser)
    except etree.XMLSyntaxError as exc:
        raise server_error("Error parsing style: %s" % exc) from None


def _sld_version(raw, mime):
    root = _sld_root(raw)
    if etree.QName(root).localname != "StyledLayerDescriptor":
        raise server_error("Error parsing style: not a StyledLayerDescriptor")
    version = root.get("version", "1.0.0")
    expected = "1.1.0" if mime == "application/vnd.ogc.se+xml" else "1.0.0"
    if version != expected:
        raise server_error("Error parsing style: SLD version %s sent as %s (expects %s)" % (version, mime, expected))
    return version


def _sld_name(raw):
    root = _sld_root(raw)
    for el in root.iter():
        if etree.QName(el).localname == "UserStyle":
            for child in el:
                if etree.QName(child).localname == "Name" and child.text:
                    return child.text.strip()
    return "style"


def default_sld(name):
    return ('<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld"><NamedLayer><Name>%s</Name>'
            '<UserStyle><Name>%s</Name></UserStyle></NamedLayer></StyledLayerDescriptor>' % (name, name)).encode()

"""Catalogues of the network: records, links, clients (CSW, OGC API Records, CKAN), search."""

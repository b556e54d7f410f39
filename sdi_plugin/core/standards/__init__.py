"""The national standards pack (KUGI, SRGI2013 CRS list, metadata profile) and the KUGI web API."""

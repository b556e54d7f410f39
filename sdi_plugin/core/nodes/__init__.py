"""JIGN nodes: the user's registry, service detection, the national directory, health checks."""

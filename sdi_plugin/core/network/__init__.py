"""The network: every request through QGIS's network stack (http), worker threads, safe XML, secret redaction."""

#!/usr/bin/env bash
# pygeoapi (OGC API Records with the TinyDB provider) for the catalogue tests: a venv of its own
# made from Debian's interpreter (/usr/bin/python3; pyenv builds lack a loadable sqlite), served
# with gunicorn by tests/fixtures_pygeoapi.py. Idempotent: a second run installs nothing.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
venv="$here/build/venv/pygeoapi"
stamp="$venv/.simpul-ok-1"
[ -f "$stamp" ] && exit 0
echo "Simpul setup: pygeoapi venv in $venv"
rm -rf "$venv"
/usr/bin/python3 -m venv "$venv"
"$venv/bin/pip" install -q -r "$here/tools/requirements-pygeoapi.txt"
# The TinyDB records provider and the OpenAPI generator must import (the Flask app itself
# reads its configuration at import time, so it is not imported here).
"$venv/bin/python" -c "import pygeoapi.provider.tinydb_, pygeoapi.openapi, gunicorn"
touch "$stamp"

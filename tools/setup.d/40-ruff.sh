#!/usr/bin/env bash
# ruff (the linter `make test` runs first) in the test venv: a venv made before ruff joined
# tools/requirements-test.txt gets it here. Idempotent: nothing to do once the pinned version is there.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
py="$here/build/venv/test/bin/python"
want="$(grep -E '^ruff==' "$here/tools/requirements-test.txt")"
if ! "$py" -m ruff --version 2>/dev/null | grep -q "${want#ruff==}$"; then
  "$here/build/venv/test/bin/pip" install -q "$want"
fi

#!/usr/bin/env bash
# Installs everything Simpul's demo and tests need on Debian 12 (run as root).
# Idempotent: a second run installs nothing new.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
venvs="$here/build/venv"

# PostgreSQL's major version is the Debian release's own: 15 in Debian 12, 17 in Debian 13 (the
# QGIS 3.40 root of tools/test_qgis340.sh).
pgv=$( . /etc/os-release 2>/dev/null; case "${VERSION_CODENAME:-}" in trixie) echo 17 ;; *) echo 15 ;; esac )
apt_pkgs=(python3-qgis qgis-providers qgis qgis-server xvfb xauth python3-venv python3-pip
          python3-owslib python3-requests python3-lxml python3-yaml pyqt5-dev-tools qttools5-dev-tools
          zip unzip curl
          postgresql-$pgv postgresql-$pgv-postgis-3 gdal-bin python3-psycopg2)
missing=()
for p in "${apt_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "Simpul setup: these Debian packages are missing: ${missing[*]}" >&2
    echo "Run 'sudo make setup' (or install them with apt-get) and try again." >&2
    exit 1
  fi
  echo "Simpul setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# pycsw in a venv of its own: it pins SQLAlchemy < 1.4 and must not shadow QGIS's OWSLib.
stamp="$venvs/pycsw/.simpul-ok-1"
if [ ! -f "$stamp" ]; then
  rm -rf "$venvs/pycsw"
  /usr/bin/python3 -m venv "$venvs/pycsw"
  "$venvs/pycsw/bin/pip" install -q -r "$here/tools/requirements-pycsw.txt"
  touch "$stamp"
fi

# Test tools in a venv that sees Debian's PyQGIS (system site packages).
stamp="$venvs/test/.simpul-ok-1"
if [ ! -f "$stamp" ]; then
  rm -rf "$venvs/test"
  /usr/bin/python3 -m venv --system-site-packages "$venvs/test"
  "$venvs/test/bin/pip" install -q -r "$here/tools/requirements-test.txt"
  touch "$stamp"
fi

# Further set-up steps, one file per capability (e.g. a pygeoapi venv for the catalogue tests,
# the ISO 19139 schemas for metadata validation). Each must be idempotent, like this script.
for step in "$here"/tools/setup.d/*.sh; do
  [ -f "$step" ] && bash "$step"
done
exit 0

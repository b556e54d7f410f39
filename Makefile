# Simpul — the Indonesian SDI node toolkit for QGIS.
# `make demo` runs the main job on the embedded demo node; `make test` installs what tests need and runs them.
SHELL := /bin/bash
ROOT := $(CURDIR)
QGIS_PY := /usr/bin/python3
VENV := $(ROOT)/build/venv
TEST_PY := $(VENV)/test/bin/python
HOST ?= 127.0.0.1
PORT ?= 8765
PUBLIC_URL ?=
NODE_ARGS = --host $(HOST) --port $(PORT) $(if $(PUBLIC_URL),--public-url $(PUBLIC_URL))
export QT_QPA_PLATFORM ?= offscreen
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help setup sample-data demo demo-node test test-qgis340 i18n i18n-update i18n-check package clean bench docs

help:
	@echo "make demo       - start the embedded demo node and open QGIS with Simpul in a fresh profile"
	@echo "make demo-node  - run only the demo node (HOST=$(HOST) PORT=$(PORT) [PUBLIC_URL=...]); Ctrl-C stops it"
	@echo "make test       - install what the tests need and run them"
	@echo "make test-qgis340 - the same suite on QGIS 3.40 LTR, in a cached Debian 13 root (debootstrap, chroot)"
	@echo "make package    - build build/dist/sdi_plugin-<version>.zip for the QGIS plugin repository"
	@echo "make i18n       - compile i18n/*.ts into .qm (i18n-update refreshes the .ts from the sources)"
	@echo "make docs       - redraw the user guide's screenshots (real QGIS under Xvfb) and the quick-reference PDFs"
	@echo "make setup      - only install the Debian packages and venvs"

setup:
	@bash tools/setup.sh

sample-data: setup
	@$(QGIS_PY) -m demo.sample_data --out resources/sample_data --if-missing

demo-node: sample-data
	@$(QGIS_PY) -m demo.node $(NODE_ARGS)

demo: sample-data
	@$(QGIS_PY) tools/run_demo.py --host $(HOST) --port $(PORT)

test: sample-data
	@bash tools/run_tests.sh $(PYTEST_ARGS)

test-qgis340:
	@PYTEST_ARGS="$(PYTEST_ARGS)" bash tools/test_qgis340.sh

i18n-update:
	@$(QGIS_PY) tools/i18n.py update

i18n:
	@$(QGIS_PY) tools/i18n.py release

i18n-check:
	@$(QGIS_PY) tools/i18n.py check

package: sample-data i18n
	@$(QGIS_PY) tools/package.py --out build/dist

bench: sample-data
	@for b in bench/*.py; do [ -f "$$b" ] && $(QGIS_PY) "$$b"; done; true

docs: sample-data
	@$(QGIS_PY) tools/screenshots.py --lang id --out docs/img/id
	@$(QGIS_PY) tools/screenshots.py --lang en --out docs/img/en
	@$(QGIS_PY) tools/walk.py --shots docs/img/id
	@$(QGIS_PY) tools/quickref.py --png build/quickref

clean:
	rm -rf build/demo build/demo-node* build/dist build/test

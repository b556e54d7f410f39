#!/usr/bin/env bash
# Runs the test suite one test file per pytest process (a QGIS application per file), and
# prints one closing line "N passed, N failed". A file whose process is killed by a signal
# (a crash) counts as failed and its output is shown; nothing is ever re-run.
set -u
cd "$(dirname "$0")/.."
py=build/venv/test/bin/python
passed=0; failed=0; crashed=()
# the linter first (ruff.toml): a finding counts as one failure, and the tests still run
if out=$("$py" -m ruff check sdi_plugin tests tools bench demo 2>&1); then
  echo "ruff: $(echo "$out" | tail -1)"
else
  echo "$out" | tail -40; echo "ruff: failed"; failed=1
fi
for f in tests/test_*.py; do
  # pytest-timeout's alarm is Python code: a process deadlocked on the GIL never runs it, so a
  # file gets a hard limit from outside as well (rc 124 counts as failed; pytest.ini's
  # faulthandler_timeout has dumped every thread's stack by then)
  out=$(timeout -k 30 "${SIMPUL_FILE_TIMEOUT:-1800}" "$py" -m pytest -q -p no:cacheprovider "$f" "$@" 2>&1); rc=$?
  echo "$out" | tail -1 | sed "s#^#$f: #"
  p=$(echo "$out" | grep -oE "[0-9]+ passed" | tail -1 | grep -oE "[0-9]+"); passed=$((passed + ${p:-0}))
  if [ $rc -ge 128 ] || echo "$out" | grep -q "Fatal Python error"; then
    crashed+=("$f (exit $rc)")
  fi
  if [ $rc -ne 0 ]; then
    n=0
    for k in $(echo "$out" | tail -1 | grep -oE "[0-9]+ (failed|errors?)" | grep -oE "[0-9]+"); do n=$((n + k)); done
    [ "$n" -eq 0 ] && n=1
    failed=$((failed + n))
    echo "$out" | tail -40
  fi
done
if [ ${#crashed[@]} -gt 0 ]; then
  echo "CRASHED (process killed by a signal): ${crashed[*]}"
fi
echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]

#!/usr/bin/env bash
# Runs the test suite one test file per pytest process (a QGIS application per file), and
# prints one closing line "N passed, N failed". A file whose process is killed by a signal
# (a crash) counts as failed and its output is shown; nothing is ever re-run.
# Each file runs under coreutils `timeout` (SIMPUL_FILE_TIMEOUT seconds, default 1200): a hang that
# pytest-timeout cannot interrupt (a deadlock holding Python's GIL never lets its signal handler
# run) ends with the file's whole process group killed, a "TIMED OUT" line, and counts as failed.
# SIMPUL_TEST_FILES (space-separated paths) runs only those files instead of tests/test_*.py.
set -u
cd "$(dirname "$0")/.."
py=build/venv/test/bin/python
limit=${SIMPUL_FILE_TIMEOUT:-1200}
passed=0; failed=0; crashed=(); timedout=()
tmp=$(mktemp); pid=
trap 'rm -f "$tmp"' EXIT
# Ctrl-C / TERM reach the test process too (`timeout` runs it in a process group of its own)
trap '[ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null; exit 130' INT TERM
# the linter first (ruff.toml): a finding counts as one failure, and the tests still run
if out=$("$py" -m ruff check sdi_plugin tests tools bench demo 2>&1); then
  echo "ruff: $(echo "$out" | tail -1)"
else
  echo "$out" | tail -40; echo "ruff: failed"; failed=1
fi
for f in ${SIMPUL_TEST_FILES:-tests/test_*.py}; do
  timeout --kill-after=30 "$limit" "$py" -m pytest -q -p no:cacheprovider "$f" "$@" >"$tmp" 2>&1 &
  pid=$!; wait "$pid"; rc=$?; pid=
  out=$(cat "$tmp")
  if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
    timedout+=("$f")
    echo "$f: TIMED OUT after ${limit} s: its process group was killed (a test hung, e.g. a deadlock holding" \
         "Python's GIL, which pytest-timeout cannot interrupt); the end of its output:"
    echo "$out" | tail -40
    failed=$((failed + 1))
    continue
  fi
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
if [ ${#timedout[@]} -gt 0 ]; then
  echo "TIMED OUT (killed after ${limit} s): ${timedout[*]}"
fi
echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]

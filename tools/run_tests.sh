#!/usr/bin/env bash
# Runs the test suite one test file per pytest process (a QGIS application per file), and
# prints one closing line "N passed, N failed".
#
# Known issue (README, "What works"): heavy parallel use of QGIS's network stack from worker
# threads can abort the whole Python process (double free / deleted QNetworkReply). Until it is
# fixed, a file whose process was KILLED BY A SIGNAL (not a failed test) is run once more, and
# the crash is reported loudly below. A failing test is never retried.
set -u
cd "$(dirname "$0")/.."
py=build/venv/test/bin/python
passed=0; failed=0; crashed=()
for f in tests/test_*.py; do
  out=$("$py" -m pytest -q -p no:cacheprovider "$f" "$@" 2>&1); rc=$?
  if [ $rc -ge 128 ] || echo "$out" | grep -q "Fatal Python error"; then
    crashed+=("$f (exit $rc)")
    echo "$out" | grep -E "Fatal Python error|RuntimeError|double free" | head -3
    out=$("$py" -m pytest -q -p no:cacheprovider "$f" "$@" 2>&1); rc=$?
  fi
  echo "$out" | tail -1 | sed "s#^#$f: #"
  p=$(echo "$out" | grep -oE "[0-9]+ passed" | tail -1 | grep -oE "[0-9]+"); passed=$((passed + ${p:-0}))
  if [ $rc -ne 0 ]; then
    n=0
    for k in $(echo "$out" | tail -1 | grep -oE "[0-9]+ (failed|errors?)" | grep -oE "[0-9]+"); do n=$((n + k)); done
    [ "$n" -eq 0 ] && n=1
    failed=$((failed + n))
    echo "$out" | tail -40
  fi
done
if [ ${#crashed[@]} -gt 0 ]; then
  echo "KNOWN CRASH (process aborted, file re-run once): ${crashed[*]}"
fi
echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]

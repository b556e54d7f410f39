#!/usr/bin/env bash
# make test-qgis340: the whole test suite on QGIS 3.40 LTR (Debian 13 "trixie": QGIS 3.40, Qt 5.15,
# Python 3.13), beside `make test` on Debian 12's QGIS 3.22. Run as root.
#
# 1. Once, a Debian 13 root is built with debootstrap (--variant=minbase) from the Debian mirror into
#    SIMPUL_QGIS340_ROOT (default /var/cache/simpul/qgis340, outside the checkout), and the Debian
#    packages are installed into it: tools/setup.sh's list plus what the chroot itself needs (below).
#    A stamp of that package list is kept in the root: when the list changes, the packages are
#    installed again (the base system is kept).
# 2. Each run copies the checkout's files (tracked and untracked-not-ignored, i.e. what a fresh clone
#    plus your changes holds) to /srv/simpul inside the root, keeping only that copy's build/ (the
#    chroot's own venvs, made with Python 3.13), resources/sample_data/ and resources/schemas/ from
#    the previous run. The host's build/venv is never read nor written.
# 3. `make test` runs inside the root (chroot, a clean environment); its result is this script's.
# proc, /dev, /dev/pts and /dev/shm are mounted into the root for the run and always unmounted again
# (reverse order) when the script ends, also on failure or Ctrl-C; processes left inside the root are
# stopped first. One run at a time per root (flock).
# Options (environment): SIMPUL_QGIS340_ROOT, SIMPUL_DEBIAN_MIRROR, PYTEST_ARGS (as for make test),
# SIMPUL_FILE_TIMEOUT (seconds per test file) and SIMPUL_TEST_FILES (only these files; see tools/run_tests.sh).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
root=${SIMPUL_QGIS340_ROOT:-/var/cache/simpul/qgis340}
mirror=${SIMPUL_DEBIAN_MIRROR:-http://deb.debian.org/debian}
suite=trixie
STEP_VERSION=1

if [ "$(id -u)" != 0 ]; then
  echo "test-qgis340: needs root (debootstrap, chroot, mounts); run 'sudo make test-qgis340'." >&2
  exit 1
fi
if ! command -v debootstrap >/dev/null; then
  echo "test-qgis340: installing debootstrap"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null; }
fi

# tools/setup.sh's Debian packages (its apt_pkgs=( ... ) array), plus what only the chroot lacks.
pgv=17   # Debian 13's PostgreSQL (setup.sh picks it by the release it runs on)
eval "$(sed -n '/^apt_pkgs=(/,/)/p' "$here/tools/setup.sh")"
pkgs=("${apt_pkgs[@]}" ca-certificates make openssl procps git)
want=$(printf '%s\n' "$STEP_VERSION" "$suite" "${pkgs[@]}" | sha256sum | cut -d' ' -f1)

mkdir -p "$(dirname "$root")"
exec 9>"$root.lock"
if ! flock -n 9; then
  echo "test-qgis340: another run uses $root; waiting for it to end."
  flock 9
fi

if [ ! -f "$root/.simpul-base" ]; then
  echo "test-qgis340: building a Debian 13 root in $root (debootstrap, a few minutes)"
  rm -rf "$root.tmp"
  debootstrap --variant=minbase "$suite" "$root.tmp" "$mirror" >"$root.debootstrap.log" 2>&1 || {
    echo "test-qgis340: debootstrap failed; the end of $root.debootstrap.log:" >&2
    tail -20 "$root.debootstrap.log" >&2
    exit 1
  }
  touch "$root.tmp/.simpul-base"
  rm -rf "$root"
  mv "$root.tmp" "$root"
fi

mounted=()
cleanup() {
  local rc=$? pid link i left=()
  # processes still running inside the root (a server a crashed test left behind) hold the mounts
  for link in /proc/[0-9]*/root; do
    [ "$(readlink "$link" 2>/dev/null)" = "$root" ] || continue
    pid=${link#/proc/}; pid=${pid%/root}
    left+=("$pid:$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | cut -c1-80)")
    kill -KILL "$pid" 2>/dev/null || true
  done
  if [ ${#left[@]} -gt 0 ]; then
    echo "test-qgis340: stopped ${#left[@]} process(es) left running inside the root:" >&2
    printf '  %s\n' "${left[@]}" >&2
  fi
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
    umount "${mounted[i]}" 2>/dev/null || umount -l "${mounted[i]}" || true
  done
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mount_into() {  # mount_into TARGET mount-args...
  local target="$root$1"; shift
  mkdir -p "$target"
  mount "$@" "$target"
  mounted+=("$target")
}
mount_into /proc -t proc proc
mount_into /dev --bind /dev
mount_into /dev/pts --bind /dev/pts
mount_into /dev/shm --bind /dev/shm

in_root() {
  chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=dumb DEBIAN_FRONTEND=noninteractive "$@"
}

cp /etc/resolv.conf "$root/etc/resolv.conf"
if [ "$(cat "$root/.simpul-packages" 2>/dev/null)" != "$want" ]; then
  echo "test-qgis340: installing QGIS 3.40 and the suite's Debian packages into $root"
  # the machine's own CA certificates (a proxy's), so pip inside reaches PyPI
  mkdir -p "$root/usr/local/share/ca-certificates"
  cp -r /usr/local/share/ca-certificates/. "$root/usr/local/share/ca-certificates/" 2>/dev/null || true
  in_root apt-get update -qq
  in_root apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >"$root.apt.log" 2>&1 || {
    echo "test-qgis340: apt-get install failed; the end of $root.apt.log:" >&2
    tail -20 "$root.apt.log" >&2
    exit 1
  }
  in_root update-ca-certificates >/dev/null
  in_root apt-get clean
  echo "$want" >"$root/.simpul-packages"
fi

# The checkout's files into /srv/simpul (the previous copy's build/ and generated resources kept).
src=$root/srv/simpul
rm -rf "$src.new"
mkdir -p "$src.new" "$src"
(cd "$here" && git ls-files -z -co --exclude-standard \
   | while IFS= read -r -d '' f; do if [ -e "$f" ] || [ -L "$f" ]; then printf '%s\0' "$f"; fi; done \
   | tar --null -T - -cf -) | tar -xf - -C "$src.new"
for keep in build resources/sample_data resources/schemas; do
  if [ -e "$src/$keep" ]; then
    mkdir -p "$(dirname "$src.new/$keep")"
    rm -rf "$src.new/$keep"
    mv "$src/$keep" "$src.new/$keep"
  fi
done
rm -rf "$src"
mv "$src.new" "$src"

# The GeoServer REST specification the double is checked against lives outside the checkout
# (tests/test_geoserver_double_spec.py: SIMPUL_GEOSERVER_SPEC): a copy goes into the root.
spec=${SIMPUL_GEOSERVER_SPEC:-/work/shared/geoserver-rest-api}
spec_env=()
if [ -d "$spec" ]; then
  rm -rf "$root/srv/geoserver-rest-api"
  cp -r "$spec" "$root/srv/geoserver-rest-api"
  spec_env=(SIMPUL_GEOSERVER_SPEC=/srv/geoserver-rest-api)
fi

qgis_version=$(in_root /usr/bin/python3 -c "from qgis.core import Qgis; print(Qgis.QGIS_VERSION)" 2>/dev/null || true)
echo "test-qgis340: running the suite on QGIS ${qgis_version:-?} in $root"
# In the background and waited for, so that a TERM or Ctrl-C reaches the traps at once (bash runs
# them only after a foreground command ends); the cleanup then stops what runs inside the root.
in_root ${SIMPUL_FILE_TIMEOUT:+SIMPUL_FILE_TIMEOUT=$SIMPUL_FILE_TIMEOUT} \
  ${SIMPUL_TEST_FILES:+"SIMPUL_TEST_FILES=$SIMPUL_TEST_FILES"} "${spec_env[@]}" \
  bash -c 'cd /srv/simpul && make test PYTEST_ARGS="$1"' _ "${PYTEST_ARGS:-}" &
wait $!

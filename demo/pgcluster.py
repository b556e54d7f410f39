"""One way to start a throw-away PostgreSQL + PostGIS cluster on 127.0.0.1, shared by the demo node
(``demo/postgis.py``) and the tests (``tests/fixtures_postgis.py``, ``tests/pgserver.py``).

    cluster = PgCluster(folder, password="…", remove=folder).start()   # initdb, watchdog, pg_ctl start
    cluster.port                                                        # a free port, TCP on 127.0.0.1
    cluster.stop()                                                      # pg_ctl stop, folder removed

PostgreSQL refuses to run as root: ``initdb`` and ``pg_ctl`` run as the ``postgres`` user
(``runuser``) on a data folder that user owns; the superuser logs in with a SCRAM password (given,
or a random one kept in memory only; the password file ``initdb`` reads exists only while it runs).
The server listens on 127.0.0.1 only (TCP, no Unix socket), without fsync (the data
is thrown away). A watchdog in its own session holds the read end of a pipe only this process
holds: when this process ends without :meth:`PgCluster.stop` (a crash, SIGKILL), the watchdog
stops the server (``pg_ctl stop -m immediate``) and removes the folder ``remove``.
Needs Debian's ``postgresql-<version>`` and ``postgresql-<version>-postgis-3`` (tools/setup.sh).
"""
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import sys

# the Debian release's PostgreSQL (15 in Debian 12, 17 in Debian 13), the newest when several
PG_VERSION = max((d for d in os.listdir("/usr/lib/postgresql") if d.isdigit()), key=int, default="15") \
    if os.path.isdir("/usr/lib/postgresql") else "15"
PG_BIN = "/usr/lib/postgresql/%s/bin" % PG_VERSION
POSTGIS_CONTROL = "/usr/share/postgresql/%s/extension/postgis.control" % PG_VERSION

# Stops the server once its stdin reaches EOF (the process that started it closed it, or died).
_WATCHDOG = r"""
import shutil, subprocess, sys
sys.stdin.buffer.read()
subprocess.run(["runuser", "-u", "postgres", "--", sys.argv[1] + "/pg_ctl", "stop", "-m", "immediate",
                "-D", sys.argv[2]], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
if sys.argv[3]:
    shutil.rmtree(sys.argv[3], ignore_errors=True)
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def missing(pg_bin=PG_BIN):
    """'' when a cluster can be started here, else why not (a sentence)."""
    if not os.path.exists(os.path.join(pg_bin, "postgres")):
        return "PostgreSQL %s is not installed (make setup installs postgresql-%s-postgis-3)" % (
            PG_VERSION, PG_VERSION)
    if not os.path.exists(POSTGIS_CONTROL):
        return "PostGIS is not installed (make setup installs postgresql-%s-postgis-3)" % PG_VERSION
    if os.geteuid() != 0 or not shutil.which("runuser"):
        return "this process does not run as root, so it cannot start PostgreSQL as the postgres user"
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        return "there is no postgres user"
    return ""


def run_sql(conn, text, args=None):
    """One statement on ``conn`` (a psycopg2 connection), which is closed after it: the rows when the
    statement returns some, else None."""
    try:
        with conn.cursor() as cur:
            cur.execute(text, args)
            return cur.fetchall() if cur.description else None
    finally:
        conn.close()


def tail(path, lines=15):
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            return "".join(fh.readlines()[-lines:])
    except OSError:
        return ""


class PgCluster:
    """A cluster in ``folder``/data. Attributes: ``host``, ``port`` (after :meth:`start`),
    ``superuser``, ``password`` (the superuser's), ``data``."""

    host = "127.0.0.1"

    def __init__(self, folder, superuser="postgres", password=None, remove="",
                 write_log=None, pg_bin=PG_BIN):
        self.folder, self.superuser = folder, superuser
        self.password = password or secrets.token_urlsafe(24)
        self.data = os.path.join(folder, "data")
        self.remove, self.pg_bin = remove, pg_bin
        self.write_log = write_log or (lambda text: None)
        self.port = None
        self._watchdog = None

    def as_postgres(self, *cmd, timeout=120):
        return subprocess.run(["runuser", "-u", "postgres", "--"] + list(cmd), stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, timeout=timeout)

    def _pg(self, tool, *args, timeout=120):
        done = self.as_postgres(os.path.join(self.pg_bin, tool), *args, timeout=timeout)
        self.write_log(done.stdout.decode("utf-8", "replace"))
        return done

    def start(self, attempts=3):
        """initdb, the watchdog, then ``pg_ctl start`` on a free port (tried ``attempts`` times: a
        free port can be taken between the check and the start). Raises RuntimeError."""
        pg = pwd.getpwnam("postgres")
        os.makedirs(self.data, exist_ok=True)
        os.chown(self.data, pg.pw_uid, pg.pw_gid)
        pwfile = os.path.join(self.folder, "pw")
        fd = os.open(pwfile, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(self.password + "\n")
        os.chown(pwfile, pg.pw_uid, pg.pw_gid)
        try:
            done = self._pg("initdb", "-D", self.data, "-U", self.superuser, "--pwfile", pwfile,
                            "-A", "scram-sha-256", "-E", "UTF8", "--no-locale")
        finally:
            os.unlink(pwfile)
        if done.returncode != 0:
            raise RuntimeError("initdb failed: %s" % done.stdout.decode("utf-8", "replace")[-2000:])
        # The watchdog first: from here on, the server dies with this process at the latest.
        self._watchdog = subprocess.Popen([sys.executable, "-c", _WATCHDOG, self.pg_bin, self.data, self.remove],
                                          stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                          stderr=subprocess.DEVNULL, start_new_session=True)
        for _attempt in range(attempts):
            self.port = free_port()
            done = self._pg("pg_ctl", "start", "-w", "-t", "60", "-D", self.data,
                            "-l", os.path.join(self.data, "server.log"),
                            "-o", "-p %d -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off "
                                  "-c full_page_writes=off -c synchronous_commit=off" % self.port)
            if done.returncode == 0:
                return self
        raise RuntimeError("pg_ctl start failed: %s" % tail(os.path.join(self.data, "server.log")))

    def stop(self):
        """Stop the server (fast: clients are disconnected; immediate if that fails), end the
        watchdog and remove ``remove`` (idempotent)."""
        if os.path.exists(os.path.join(self.data, "postmaster.pid")):
            done = self._pg("pg_ctl", "stop", "-m", "fast", "-w", "-t", "30", "-D", self.data, timeout=60)
            if done.returncode != 0:
                self._pg("pg_ctl", "stop", "-m", "immediate", "-D", self.data, timeout=60)
        if self._watchdog is not None:
            try:
                self._watchdog.stdin.close()
                self._watchdog.wait(timeout=120)
            except (OSError, subprocess.TimeoutExpired):
                pass
            self._watchdog = None
        if self.remove:
            shutil.rmtree(self.remove, ignore_errors=True)

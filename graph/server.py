"""The project's own Neo4j Community server, run from Maven-resolved jars without Docker.

Layout under ``settings.home`` (git-ignored)::

    lib/                      server jars (Maven copies them here once)
    instances/<name>/conf/    neo4j.conf, rewritten at every start
    instances/<name>/data/    databases
    instances/<name>/logs/    neo4j.log, console.log (the JVM's stdout/stderr)
    instances/<name>/run/     neo4j.pid
    instances/<name>/password generated once, mode 0600

With ``GUANXI_NEO4J_URI`` set, nothing here runs: :func:`connection_settings` and
:func:`open_driver` point at that external server instead.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import neo4j
from neo4j.exceptions import AuthError, ClientError, DatabaseUnavailable, ServiceUnavailable

from guanxi.settings import Settings

# Package data, so that an installed guanxi can fetch and name the jars as a clone does.
POM_PATH = Path(__file__).resolve().parent / "neo4j-server.pom.xml"
ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
# neo4j-admin, from the same jars: dump and load of a stopped database.
ADMIN_ENTRY_POINT = "org.neo4j.cli.AdminTool"
DEFAULT_USER = "neo4j"
# The password every fresh Neo4j ships with; it is marked expired and must be changed first.
FACTORY_PASSWORD = "neo4j"

START_TIMEOUT_S = 120.0
LIVENESS_CHECK_AFTER_S = 1.0
STOP_TIMEOUT_S = 60.0
_POLL_S = 0.5

# Neo4j's own launcher passes these; without the opens the JVM refuses Neo4j's off-heap I/O.
_JVM_FLAGS = (
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-XX:+ExitOnOutOfMemoryError",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
)


class Neo4jServerError(RuntimeError):
    """A problem the user must fix (missing tool, failed start, wrong password); the message says how."""


@dataclass(frozen=True)
class ServerStatus:
    instance: str
    running: bool
    pid: int | None
    bolt_uri: str
    data_dir: Path
    log_file: Path


@dataclass(frozen=True)
class StartOutcome:
    status: ServerStatus
    already_running: bool


# --- jars -----------------------------------------------------------------------------------


def neo4j_version(pom: Path = POM_PATH) -> str:
    """The Neo4j version pinned in the runtime pom."""
    ns = {"m": "http://maven.apache.org/POM/4.0.0"}
    node = ET.parse(pom).getroot().find("m:properties/m:neo4j.version", ns)
    if node is None or not (node.text or "").strip():
        raise Neo4jServerError(f"{pom} has no <neo4j.version> property")
    return (node.text or "").strip()


def lib_dir(settings: Settings) -> Path:
    return Path(settings.home) / "lib"


def server_jar(settings: Settings, pom: Path = POM_PATH) -> Path:
    return lib_dir(settings) / f"neo4j-server-{neo4j_version(pom)}.jar"


def jars_present(settings: Settings, pom: Path = POM_PATH) -> bool:
    return server_jar(settings, pom).is_file()


def ensure_jars(settings: Settings, pom: Path = POM_PATH) -> bool:
    """Resolve the server jars with Maven unless they are already there. True if it downloaded."""
    if jars_present(settings, pom):
        return False
    home = Path(settings.home)
    home.mkdir(parents=True, exist_ok=True)
    with _file_lock(home / ".lib.lock"):
        if jars_present(settings, pom):  # another process finished while we waited
            return False
        mvn = shutil.which("mvn")
        if mvn is None:
            raise Neo4jServerError(
                "Maven (mvn) is not on PATH; it is needed once to fetch the Neo4j server jars. "
                "Install Maven 3 (e.g. apt-get install maven) or set GUANXI_NEO4J_URI to an existing server."
            )
        if not pom.is_file():
            raise Neo4jServerError(f"{pom} is missing; it pins the Neo4j server version")
        # Into a side folder first, so a failed or interrupted download never looks complete,
        # and a version bump never leaves two server versions on the classpath.
        partial = home / "lib.partial"
        shutil.rmtree(partial, ignore_errors=True)
        cmd = [
            mvn,
            "-B",
            "-q",
            "-f",
            str(pom),
            "dependency:copy-dependencies",
            f"-DoutputDirectory={partial}",
            "-DincludeScope=runtime",
        ]
        done = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            shutil.rmtree(partial, ignore_errors=True)
            tail = _tail_text((done.stdout + done.stderr).strip(), 20)
            raise Neo4jServerError(f"Maven failed to fetch the Neo4j jars (exit {done.returncode}):\n{tail}")
        if not (partial / server_jar(settings, pom).name).is_file():
            raise Neo4jServerError(f"Maven finished but {server_jar(settings, pom).name} is not in {partial}")
        shutil.rmtree(lib_dir(settings), ignore_errors=True)
        partial.rename(lib_dir(settings))
        return True


# --- the local instance ---------------------------------------------------------------------


class LocalNeo4j:
    """One named server instance under ``settings.home/instances/<name>``."""

    def __init__(self, settings: Settings, pom: Path = POM_PATH) -> None:
        self.settings = settings
        self.pom = pom
        self.name = settings.instance
        if not _plain_name(self.name):
            raise Neo4jServerError(f"instance name {self.name!r} must be letters, digits, '.', '_' or '-'")
        self.root = Path(settings.home).resolve() / "instances" / self.name
        self.conf_dir = self.root / "conf"
        self.data_dir = self.root / "data"
        self.logs_dir = self.root / "logs"
        self.run_dir = self.root / "run"
        self.conf_file = self.conf_dir / "neo4j.conf"
        self.password_file = self.root / "password"
        self.pid_file = self.run_dir / "neo4j.pid"
        self.console_log = self.logs_dir / "console.log"
        self.neo4j_log = self.logs_dir / "neo4j.log"

    # configuration

    def render_conf(self) -> str:
        s = self.settings
        lines = [
            "# Written by guanxi (graph/server.py) at every start; edits here are overwritten.",
            f"server.directories.data={self.data_dir}",
            f"server.directories.logs={self.logs_dir}",
            f"server.directories.run={self.run_dir}",
            f"server.directories.import={self.root / 'import'}",
            f"server.directories.plugins={self.root / 'plugins'}",
            "server.default_listen_address=127.0.0.1",
            f"server.bolt.listen_address=127.0.0.1:{s.bolt_port}",
            f"server.bolt.advertised_address=127.0.0.1:{s.bolt_port}",
            "server.http.enabled=false",
            "server.https.enabled=false",
            f"server.memory.heap.initial_size={s.heap_size}",
            f"server.memory.heap.max_size={s.heap_size}",
            f"server.memory.pagecache.size={s.pagecache_size}",
            "dbms.security.auth_enabled=true",
            "dbms.usage_report.enabled=false",
            # A laptop keeps a little transaction history, not the default two days of it.
            "db.tx_log.rotation.retention_policy=256M size",
        ]
        return "\n".join(lines) + "\n"

    def write_conf(self) -> None:
        for folder in (self.conf_dir, self.data_dir, self.logs_dir, self.run_dir):
            folder.mkdir(parents=True, exist_ok=True)
        self.conf_file.write_text(self.render_conf(), encoding="utf-8")

    def configured_bolt_port(self) -> int:
        """The port of the last start (from its conf), else the one in settings."""
        with contextlib.suppress(OSError):
            text = self.conf_file.read_text(encoding="utf-8")
            found = re.search(r"^server\.bolt\.listen_address=.*:(\d+)\s*$", text, re.MULTILINE)
            if found:
                return int(found.group(1))
        return self.settings.bolt_port

    @property
    def bolt_uri(self) -> str:
        return f"bolt://127.0.0.1:{self.configured_bolt_port()}"

    # password

    def read_password(self) -> str | None:
        try:
            return self.password_file.read_text(encoding="utf-8").strip() or None
        except FileNotFoundError:
            return None

    def ensure_password_file(self) -> str:
        """The instance's password, generated on first use and readable only by its owner."""
        existing = self.read_password()
        if existing:
            return existing
        self.root.mkdir(parents=True, exist_ok=True)
        password = secrets.token_urlsafe(24)
        with contextlib.suppress(FileNotFoundError):
            self.password_file.unlink()  # an empty leftover
        fd = os.open(self.password_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(password + "\n")
        return password

    # process

    def pid(self) -> int | None:
        """The server's pid if it is running, else None (a stale pid file is removed)."""
        try:
            pid = int(self.pid_file.read_text().strip())
        except (FileNotFoundError, ValueError):
            return None
        if _alive(pid) and self._is_ours(pid):
            return pid
        with contextlib.suppress(FileNotFoundError):
            self.pid_file.unlink()
        return None

    def _is_ours(self, pid: int) -> bool:
        # Guards against a recycled pid: the process must be Neo4j with this instance's conf.
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
        except FileNotFoundError:
            return False
        except OSError:
            return True  # no /proc to check against; trust the pid file
        return ENTRY_POINT in cmdline and str(self.conf_dir) in cmdline

    def status(self) -> ServerStatus:
        pid = self.pid()
        return ServerStatus(
            instance=self.name,
            running=pid is not None,
            pid=pid,
            bolt_uri=self.bolt_uri,
            data_dir=self.data_dir,
            log_file=self.neo4j_log,
        )

    def java_command(self) -> list[str]:
        java = _find_java()
        heap = self.settings.heap_size
        return [
            java,
            f"-Xms{heap}",
            f"-Xmx{heap}",
            *_JVM_FLAGS,
            "-cp",
            f"{lib_dir(self.settings).resolve()}/*",
            ENTRY_POINT,
            f"--home-dir={self.root}",
            f"--config-dir={self.conf_dir}",
        ]

    def start(self, timeout_s: float = START_TIMEOUT_S) -> StartOutcome:
        """Start the server (or find it running), wait until Bolt answers, set its password once."""
        self.root.mkdir(parents=True, exist_ok=True)
        with _file_lock(self.root / ".lock"):
            if self.pid() is not None:
                return StartOutcome(self.status(), already_running=True)
            ensure_jars(self.settings, self.pom)
            command = self.java_command()
            _check_java_version(command[0])
            port = self.settings.bolt_port
            if _port_answers(port):
                raise Neo4jServerError(
                    f"port {port} on 127.0.0.1 is already taken by another program; "
                    f"stop it or choose another port (--port / GUANXI_BOLT_PORT)"
                )
            self.write_conf()
            password = self.ensure_password_file()
            console_offset = self.console_log.stat().st_size if self.console_log.exists() else 0
            with open(self.console_log, "ab") as console:
                process = subprocess.Popen(
                    command,
                    cwd=self.root,
                    stdin=subprocess.DEVNULL,
                    stdout=console,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,  # outlives the shell, the CLI and pytest
                )
            self.pid_file.write_text(f"{process.pid}\n")
            try:
                self._wait_for_bolt(process, port, console_offset, timeout_s)
                self._set_initial_password(port, password, timeout_s)
            except BaseException:
                self._terminate(process.pid, STOP_TIMEOUT_S)
                with contextlib.suppress(FileNotFoundError):
                    self.pid_file.unlink()
                raise
            return StartOutcome(self.status(), already_running=False)

    def _wait_for_bolt(
        self, process: subprocess.Popen[bytes], port: int, offset: int, timeout_s: float
    ) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            code = process.poll()
            if code is not None:
                raise Neo4jServerError(
                    f"Neo4j exited with code {code} while starting. Last lines of {self.console_log}:\n"
                    f"{_tail_file(self.console_log, offset, 20)}\nSee also {self.neo4j_log}"
                )
            if _port_answers(port):
                return
            time.sleep(_POLL_S)
        raise Neo4jServerError(
            f"Neo4j did not open Bolt on port {port} within {timeout_s:.0f} s; see {self.neo4j_log} "
            f"and {self.console_log}"
        )

    def _set_initial_password(self, port: int, password: str, timeout_s: float) -> None:
        """Log in with the stored password; on a fresh store, change the expired factory one to it."""
        uri = f"bolt://127.0.0.1:{port}"
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                if _can_log_in(uri, password):
                    return
                _change_factory_password(uri, password)
                if _can_log_in(uri, password):
                    return
                raise Neo4jServerError(f"the password change on {uri} did not take effect")
            except (ServiceUnavailable, DatabaseUnavailable):
                # Bolt opens a moment before the system database accepts logins.
                if time.monotonic() >= deadline:
                    raise Neo4jServerError(
                        f"Neo4j opened Bolt but never accepted logins; see {self.neo4j_log}"
                    ) from None
                time.sleep(_POLL_S)

    def stop(self, timeout_s: float = STOP_TIMEOUT_S) -> bool:
        """Stop the server cleanly (SIGKILL only after timeout_s). True if it was running."""
        self.root.mkdir(parents=True, exist_ok=True)
        with _file_lock(self.root / ".lock"):
            pid = self.pid()
            if pid is None:
                return False
            self._terminate(pid, timeout_s)
            with contextlib.suppress(FileNotFoundError):
                self.pid_file.unlink()
            return True

    def delete_database(self, database: str) -> None:
        """Remove one database's store and transaction logs; it starts empty at the next start.

        Only while the server is stopped. Neo4j recreates a missing store, with new id files: a
        graph emptied by deleting its nodes keeps their ids on a free list, which the server then
        scans while it loads (bench/README.md).
        """
        if self.pid() is not None:
            raise Neo4jServerError(f"stop Neo4j instance {self.name!r} before deleting its database {database!r}")
        if not _plain_name(database) or database == "system":
            raise Neo4jServerError(f"will not delete database {database!r}")
        for folder in (self.data_dir / "databases" / database, self.data_dir / "transactions" / database):
            shutil.rmtree(folder, ignore_errors=True)

    # backups

    def dump(self, database: str, path: Path) -> int:
        """Neo4j's own ``neo4j-admin database dump`` of one database into ``path``; returns its size.

        Only while the server is stopped. Written beside ``path`` first and renamed when complete,
        so an interrupted dump never looks like a backup.
        """
        self._check_stopped(database, "dumping")
        path = Path(path)
        partial = path.with_name(path.name + ".partial")
        try:
            with open(partial, "wb") as out:
                self._admin(["database", "dump", database, "--to-stdout"], stdout=out)
            partial.replace(path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                partial.unlink()
        return path.stat().st_size

    def restore(self, database: str, path: Path) -> None:
        """``neo4j-admin database load`` of a dump over one database (its graph is replaced)."""
        self._check_stopped(database, "restoring")
        if not Path(path).is_file():
            raise Neo4jServerError(f"no dump at {path}")
        with open(path, "rb") as source:
            self._admin(["database", "load", database, "--from-stdin", "--overwrite-destination=true"],
                        stdin=source)

    def _check_stopped(self, database: str, doing: str) -> None:
        if self.pid() is not None:
            raise Neo4jServerError(f"stop Neo4j instance {self.name!r} before {doing} its database {database!r}")
        if not _plain_name(database) or database == "system":
            raise Neo4jServerError(f"will not touch database {database!r}")

    def _admin(self, args: list[str], stdin: IO[bytes] | None = None, stdout: IO[bytes] | None = None) -> None:
        """Runs Neo4j's admin tool from the project's jars on this instance's configuration."""
        ensure_jars(self.settings, self.pom)
        self.write_conf()
        command = [_find_java(), "-Xmx512m", *_JVM_FLAGS, "-cp", f"{lib_dir(self.settings).resolve()}/*",
                   ADMIN_ENTRY_POINT, *args]
        env = {**os.environ, "NEO4J_HOME": str(self.root), "NEO4J_CONF": str(self.conf_dir)}
        done = subprocess.run(command, stdin=stdin if stdin is not None else subprocess.DEVNULL,
                              stdout=stdout if stdout is not None else subprocess.PIPE, stderr=subprocess.PIPE,
                              env=env, cwd=self.root, check=False)
        if done.returncode != 0:
            tail = _tail_text(done.stderr.decode("utf-8", errors="replace").strip(), 15)
            raise Neo4jServerError(f"neo4j-admin {' '.join(args[:2])} failed (exit {done.returncode}):\n{tail}")

    @staticmethod
    def _terminate(pid: int, timeout_s: float) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if not _alive(pid):
                return
            time.sleep(0.2)
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        while _alive(pid):
            time.sleep(0.1)


# --- what the rest of the project calls ------------------------------------------------------


def local_server(settings: Settings) -> LocalNeo4j:
    return LocalNeo4j(settings)


def uses_external_server(settings: Settings) -> bool:
    return bool(settings.neo4j_uri)


def connection_settings(settings: Settings) -> tuple[str, str, str, str]:
    """(uri, user, password, database): the external server if GUANXI_NEO4J_URI is set, else the local one."""
    if settings.neo4j_uri:
        if settings.neo4j_password is None:
            raise Neo4jServerError("GUANXI_NEO4J_URI is set but GUANXI_NEO4J_PASSWORD is not")
        return settings.neo4j_uri, settings.neo4j_user, settings.neo4j_password, settings.neo4j_database
    server = LocalNeo4j(settings)
    password = server.read_password()
    if password is None:
        raise Neo4jServerError(
            f"the local Neo4j instance {server.name!r} has never been started "
            f"(no {server.password_file}); run `guanxi neo4j start` or `make neo4j`"
        )
    return server.bolt_uri, DEFAULT_USER, password, settings.neo4j_database


def open_driver(settings: Settings) -> neo4j.Driver:
    """A driver for the configured server. Per-query limits: wrap Cypher with :func:`timed_query`."""
    uri, user, password, _database = connection_settings(settings)
    return neo4j.GraphDatabase.driver(
        uri,
        auth=(user, password),
        connection_timeout=settings.connection_timeout_s,
        connection_acquisition_timeout=settings.connection_timeout_s + settings.query_timeout_s,
        # An API read while Neo4j is down should turn into a 503 within seconds; loads have their
        # own longer retry around each article (graph/retry.py).
        max_transaction_retry_time=min(settings.query_timeout_s, 5.0),
        # A pooled connection idle for a moment is checked (one RESET) before it is used: after a
        # restart the dead ones are dropped at once instead of failing a query and waiting for a retry.
        liveness_check_timeout=LIVENESS_CHECK_AFTER_S,
    )


def timed_query(text: str, settings: Settings) -> neo4j.Query:
    """Cypher with the server-side transaction timeout from settings (the driver has no global one)."""
    return neo4j.Query(text, timeout=settings.query_timeout_s)


def ensure_running(settings: Settings) -> ServerStatus | None:
    """Start the local server if needed; None when an external server is configured."""
    if uses_external_server(settings):
        return None
    return LocalNeo4j(settings).start().status


# --- helpers --------------------------------------------------------------------------------


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    # Two `make` targets or a CLI and pytest may start the same instance at once.
    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _alive(pid: int) -> bool:
    with contextlib.suppress(ChildProcessError):
        reaped, _ = os.waitpid(pid, os.WNOHANG)  # our own child: collect it so it is not a zombie
        if reaped == pid:
            return False
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        if state == "Z":
            return False
    except (OSError, IndexError):
        pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _port_answers(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _plain_name(name: str) -> bool:
    """A name that is one folder under ours, never a path out of it (instances, databases)."""
    return bool(re.fullmatch(r"[A-Za-z0-9_.-]+", name)) and name not in {".", ".."}


def _find_java() -> str:
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / "java").is_file():
        return str(Path(java_home) / "bin" / "java")
    java = shutil.which("java")
    if java is None:
        raise Neo4jServerError(
            "Java is not on PATH (and JAVA_HOME is unset); Neo4j 5 needs Java 17 or 21 "
            "(e.g. apt-get install openjdk-17-jre-headless)"
        )
    return java


def _check_java_version(java: str) -> None:
    done = subprocess.run(
        [java, "-version"], stdin=subprocess.DEVNULL, capture_output=True, text=True, check=False
    )
    found = re.search(r'version "(\d+)(?:\.(\d+))?', done.stderr + done.stdout)
    if done.returncode != 0 or found is None:
        raise Neo4jServerError(f"could not run `{java} -version`: {(done.stderr or done.stdout).strip()}")
    major = int(found.group(1))
    if major == 1 and found.group(2):  # "1.8" style
        major = int(found.group(2))
    if major < 17:
        raise Neo4jServerError(f"{java} is Java {major}; Neo4j 5 needs Java 17 or 21")


def _can_log_in(uri: str, password: str) -> bool:
    with neo4j.GraphDatabase.driver(uri, auth=(DEFAULT_USER, password), connection_timeout=5.0) as driver:
        try:
            driver.verify_connectivity()
        except AuthError:
            return False
        except ClientError as error:
            # Still the factory password: logged in, but only allowed to change it.
            if "CredentialsExpired" in (error.code or ""):
                return False
            raise
    return True


def _change_factory_password(uri: str, password: str) -> None:
    with neo4j.GraphDatabase.driver(
        uri, auth=(DEFAULT_USER, FACTORY_PASSWORD), connection_timeout=5.0
    ) as driver:
        try:
            with driver.session(database="system") as session:
                session.run(
                    "ALTER CURRENT USER SET PASSWORD FROM $old TO $new",
                    old=FACTORY_PASSWORD,
                    new=password,
                ).consume()
        except AuthError:
            raise Neo4jServerError(
                "Neo4j rejects both the stored password and the factory one. The data folder belongs to "
                "another password; delete the instance folder to start over (its data is lost)."
            ) from None


def _tail_text(text: str, lines: int) -> str:
    return "\n".join(text.splitlines()[-lines:])


def _tail_file(path: Path, offset: int, lines: int) -> str:
    try:
        with open(path, "rb") as handle:
            handle.seek(offset)
            return _tail_text(handle.read().decode("utf-8", errors="replace"), lines)
    except OSError:
        return "(no output)"

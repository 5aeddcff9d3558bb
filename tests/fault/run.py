"""`make fault-test`: the production set-up under faults, from the outside.

Starts gunicorn with the production settings against PostgreSQL and checks what a visitor
gets (status codes and content) in three situations:

1. Redis unreachable (a port where nothing listens): every page is built from the database.
2. Redis up, pages warmed: other ports in the Host header and unknown query parameters make
   no new cache entries. Then the database is cut off: cached pages are still served
   fresh, and once their few seconds are over, as the last good copy with a notice and an
   ``Age`` header; a page that was never cached gets the translated 500 page. When the
   database is back, pages are fresh again.

Redis is a redis-server of the script's own on a free port, started as docs/betrieb.md asks
(``maxmemory`` with ``maxmemory-policy allkeys-lru``, no persistence): the machine's Redis,
which others use, is neither reconfigured nor flushed.

The database is cut off without touching the machine's PostgreSQL server, which the rest of
CI needs: gunicorn reaches it through a small TCP proxy on loopback that this script closes
and reopens. The script prints a summary and stops by itself (every wait has a deadline);
it exits non-zero when any check fails.

Environment: FAULT_DB (database name, default buero_fault; created and filled with the demo
content when missing), FAULT_PORT (gunicorn, default 8011), FAULT_REDIS_MAXMEMORY (the own
Redis' maxmemory, default 64mb), PYTHON (the virtual environment's interpreter),
FIELD_ENCRYPTION_KEYS (default: the key `make serve-prod` keeps in .prod-field-encryption-key,
generated when missing).
"""

import contextlib
import os
import re
import secrets
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = os.environ.get("PYTHON", str(ROOT / ".venv" / "bin" / "python"))
DATABASE = os.environ.get("FAULT_DB", "buero_fault")
PORT = int(os.environ.get("FAULT_PORT", "8011"))
REDIS_MAXMEMORY = os.environ.get("FAULT_REDIS_MAXMEMORY", "64mb")
POSTGRES = ("127.0.0.1", 5432)
BASE = f"http://127.0.0.1:{PORT}"
#: Seconds a fresh copy lives in this test (production: 300), so that it expires quickly.
FRESH_SECONDS = 3
START_TIMEOUT = 180
#: A search: cached fresh for a few minutes, but never kept as a stale copy (personal words).
SEARCH = "/de/suche/?q=Kinderzuschlag"
REQUEST_TIMEOUT = 30

results = []  # (phase, check, ok, detail)


def check(phase, name, ok, detail=""):
    results.append((phase, name, bool(ok), detail))
    print(f"  [{'ok' if ok else 'FAIL'}] {name}{f' ({detail})' if detail else ''}", flush=True)
    return ok


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class CuttableProxy:
    """A TCP proxy on loopback to PostgreSQL that can be cut off and restored."""

    def __init__(self, upstream):
        self.upstream = upstream
        self.port = free_port()
        self.listener = None
        self.sockets = set()
        self.lock = threading.Lock()

    def start(self):
        self.open = True
        self.listener = socket.create_server(("127.0.0.1", self.port))
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def _accept(self, listener):
        while True:
            try:
                client, _address = listener.accept()
            except OSError:
                return  # shut down by cut()
            if not self.open:
                client.close()
                return
            try:
                server = socket.create_connection(self.upstream, timeout=5)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.sockets.update({client, server})
            for source, target in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(source, target), daemon=True).start()

    def _pump(self, source, target):
        # A socket closed by cut() or by either peer ends the copying; then both close.
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                target.sendall(data)
        for sock in (source, target):
            _close(sock)

    def cut(self):
        """The database is gone: no new connections, and the open ones drop."""
        self.open = False
        # shutdown() wakes the thread blocked in accept(); close() alone would not.
        _close(self.listener)
        with self.lock:
            for sock in self.sockets:
                _close(sock)
            self.sockets.clear()

    def restore(self):
        self.start()


def _close(sock):
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    sock.close()


def get(path, host=None):
    """(status, headers, body) of a GET without cookies; never raises for a status."""
    headers = {"Accept-Language": "de", **({"Host": host} if host else {})}
    request = urllib.request.Request(BASE + path, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()
    except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
        return None, {}, str(error)


def field_encryption_key():
    """The key of the encrypted fields, kept like `make serve-prod` keeps it: the fault
    database outlives a run, and what one run encrypts the next must still read."""
    path = ROOT / ".prod-field-encryption-key"
    if not path.exists() or not path.read_text().strip():
        from cryptography.fernet import Fernet

        path.touch(mode=0o600)
        path.write_text(Fernet.generate_key().decode() + "\n")
    return path.read_text().strip()


def environment(database_port, redis_url, **extra):
    secret = secrets.token_urlsafe(50)
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "buero_site.settings.production",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{database_port}/{DATABASE}",
        "REDIS_URL": redis_url,
        "SECRET_KEY": secret,
        "FIELD_ENCRYPTION_KEYS": os.environ.get("FIELD_ENCRYPTION_KEYS") or field_encryption_key(),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "GUNICORN_BIND": f"127.0.0.1:{PORT}",
        "GUNICORN_WORKERS": "2",
        "WAGTAIL_2FA_REQUIRED": "0",
        **extra,
    }


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, timeout=900)


def prepare():
    """The database with the demo content, and the static files, as `make serve-prod` does."""
    exists = subprocess.run(
        [
            "psql",
            "-h",
            "127.0.0.1",
            "-U",
            "postgres",
            "-tAc",
            f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE}'",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout.strip()
    if exists != "1":
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", DATABASE], check=True)
    env = environment(POSTGRES[1], f"redis://127.0.0.1:{free_port()}/0")
    for command in (
        ["migrate", "--no-input"],
        ["buero_sync_locales", "--no-input"],
        ["load_demo_content"],
        ["collectstatic", "--no-input", "--verbosity", "0"],
    ):
        manage(env, *command)


class Gunicorn:
    def __init__(self, env, log):
        self.env, self.log = env, log
        self.process = None

    def __enter__(self):
        self.process = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "-c", "gunicorn.conf.py", "buero_site.wsgi"],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}")
            if get("/de/")[0] is not None:
                return self
            time.sleep(0.5)
        raise RuntimeError("gunicorn did not answer in time")

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=30)


class RedisServer:
    """A redis-server of this script's own, bounded as in production (docs/betrieb.md)."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def __enter__(self):
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--bind",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--save",
                "",
                "--appendonly",
                "no",
                "--maxmemory",
                REDIS_MAXMEMORY,
                "--maxmemory-policy",
                "allkeys-lru",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"redis-server exited with {self.process.returncode}")
            if self.cli("PING") == "PONG":
                return self
            time.sleep(0.2)
        raise RuntimeError("redis-server did not answer in time")

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=30)

    def cli(self, *args):
        result = subprocess.run(
            ["redis-cli", "-p", str(self.port), *args],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        return result.stdout.strip()

    def config(self, name):
        return self.cli("CONFIG", "GET", name).splitlines()[-1]

    def page_cache_keys(self):
        return set(self.cli("--scan", "--pattern", "*page-cache:*").splitlines())

    def used_memory(self):
        info = dict(
            line.split(":", 1) for line in self.cli("INFO", "memory").splitlines() if ":" in line
        )
        return int(info["used_memory"])


def check_bounded_cache(phase, redis):
    """Ports and made-up parameters are a visitor's choice: none of them makes an entry."""
    check(
        phase,
        "Redis bounded: maxmemory with allkeys-lru",
        redis.config("maxmemory") != "0" and redis.config("maxmemory-policy") == "allkeys-lru",
        f"maxmemory {redis.config('maxmemory')}, {redis.config('maxmemory-policy')}",
    )
    get("/de/")
    keys, memory = redis.page_cache_keys(), redis.used_memory()
    statuses = {get("/de/", host=f"127.0.0.1:{20000 + number}")[0] for number in range(200)}
    statuses |= {get(f"/de/?utm_source=x{number}&fbclid={number}")[0] for number in range(50)}
    new = redis.page_cache_keys() - keys
    check(
        phase,
        "200 other ports and 50 unknown parameters -> 200, no new cache entries",
        statuses == {200} and not new,
        f"statuses {sorted(statuses, key=str)}, {len(new)} new keys, "
        f"used memory {memory} -> {redis.used_memory()} bytes",
    )


def discover_pages():
    """Public pages of the demo: fixed addresses plus the first offer and partner."""
    pages = [
        "/de/",
        "/ar/",
        "/de/hilfsangebote/",
        "/de/termine/",
        "/de/netzwerk/",
    ]
    for listing in ("/de/hilfsangebote/", "/de/netzwerk/"):
        status, _headers, body = get(listing)
        if status == 200:
            links = re.findall(rf'href="({re.escape(listing)}[\w-]+/)"', body)
            pages.extend(links[:1])
    return list(dict.fromkeys(pages))


def main():
    os.chdir(ROOT)
    log_path = ROOT / "build" / "fault-test.log"
    log_path.parent.mkdir(exist_ok=True)
    print(f"Preparing the database {DATABASE} (demo content) ...", flush=True)
    prepare()
    proxy = CuttableProxy(POSTGRES)
    proxy.start()
    with log_path.open("w") as log:
        phase = "Redis unreachable"
        print(f"\n== {phase}", flush=True)
        dead_redis = f"redis://127.0.0.1:{free_port()}/0"
        with Gunicorn(environment(proxy.port, dead_redis), log):
            pages = discover_pages()
            for path in [*pages, SEARCH, "/admin/login/"]:
                status, _headers, body = get(path)
                check(phase, f"GET {path} -> 200", status == 200, f"status {status}")
            status, _headers, body = get("/de/")
            check(phase, "home page shows its content", "Offenes Büro" in body)

        phase = "Redis up, database cut off after warming"
        print(f"\n== {phase}", flush=True)
        with (
            RedisServer() as redis,
            Gunicorn(
                environment(proxy.port, redis.url, PAGE_CACHE_SECONDS=str(FRESH_SECONDS)), log
            ),
        ):
            warmed = {}
            get(SEARCH)
            for path in pages:
                get(path)
                status, _headers, body = get(path)
                warmed[path] = body
                check(phase, f"warm {path} -> 200", status == 200, f"status {status}")
            never_cached = "/de/ueber-uns/"
            warmed.pop(never_cached, None)
            check_bounded_cache(phase, redis)

            proxy.cut()
            for path in pages:
                status, _headers, body = get(path)
                check(
                    phase,
                    f"database down, fresh copy of {path} -> 200",
                    status == 200,
                    f"status {status}",
                )
            time.sleep(FRESH_SECONDS + 1)
            for path in pages:
                status, headers, body = get(path)
                notice = "Diese Seite konnte gerade nicht aktualisiert werden" in body
                if path.startswith("/ar/"):
                    notice = "تعذّر تحديث هذه الصفحة الآن" in body
                check(
                    phase,
                    f"database down, last good copy of {path} -> 200 with notice",
                    status == 200 and notice and headers.get("Age") is not None,
                    f"status {status}, Age {headers.get('Age')}",
                )
            status, _headers, body = get(SEARCH)
            check(
                phase,
                f"database down, search {SEARCH} never kept for days -> 500 page",
                status == 500 and "Kinderzuschlag" not in body,
                f"status {status}",
            )
            status, _headers, body = get(never_cached)
            check(
                phase,
                f"database down, never cached {never_cached} -> 500 page",
                status == 500 and "Etwas ist schiefgegangen" in body,
                f"status {status}",
            )

            proxy.restore()
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                status, _headers, body = get("/de/termine/")
                if status == 200 and "Diese Seite konnte gerade nicht" not in body:
                    break
                time.sleep(1)
            check(
                phase,
                "database back: fresh pages again",
                status == 200 and "Diese Seite konnte gerade nicht" not in body,
                f"status {status}",
            )

    failed = [result for result in results if not result[2]]
    print(
        f"\nFault test: {len(results) - len(failed)} passed, {len(failed)} failed"
        f" (gunicorn's log: {log_path.relative_to(ROOT)})"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

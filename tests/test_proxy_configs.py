"""The reverse proxy configurations in deploy/, as docs/betrieb.md shows them: checked line by
line, and where nginx or Caddy is installed (CI installs both), run in front of a stand-in
for gunicorn to see what the site gets and what the access log keeps.

What must hold: X-Forwarded-For is set by the proxy, never appended to what a visitor sent
(the site's limits count by it, AXES_PROXY_COUNT=1); X-Forwarded-Proto is passed on; HTML and
JSON are compressed; /media/ comes from MEDIA_ROOT, its documents only through Wagtail; no
query string, referrer or address in the access log.
"""

import datetime
import gzip
import http.client
import json
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from django.conf import settings

DEPLOY = Path(settings.BASE_DIR) / "deploy"
NGINX = DEPLOY / "nginx.conf"
CADDY = DEPLOY / "Caddyfile"
BETRIEB = Path(settings.BASE_DIR) / "docs" / "betrieb.md"
HOST = "offenes-buero.example.org"
#: CI installs nginx and Caddy; there a missing one fails instead of skipping.
REQUIRED = os.environ.get("BUERO_PROXY_TESTS_REQUIRED") == "1"
FORGED = "203.0.113.66"


def code_blocks(markdown):
    return [block for _language, block in re.findall(r"```(\w*)\n(.*?)```", markdown, re.S)]


def test_the_operations_guide_shows_exactly_the_shipped_configurations():
    blocks = code_blocks(BETRIEB.read_text())
    assert NGINX.read_text() in blocks
    assert CADDY.read_text() in blocks


def test_the_operations_guide_says_what_axes_proxy_count_must_be():
    guide = BETRIEB.read_text()
    assert "AXES_PROXY_COUNT=1" in guide
    assert "X-Forwarded-For" in guide


def test_nginx_sets_the_forwarded_headers_itself():
    config = NGINX.read_text()
    assert "proxy_set_header X-Forwarded-For $remote_addr;" in config
    assert "$proxy_add_x_forwarded_for" not in config
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in config


def test_nginx_logs_no_query_referrer_or_address():
    config = NGINX.read_text()
    [log_format] = re.findall(r"^log_format buero (.*);$", config, re.M)
    for variable in (
        "$request ",
        "$request_uri",
        "$args",
        "$arg_",
        "$query_string",
        "$is_args",
        "$http_referer",
        "$remote_addr",
        "$http_x_forwarded_for",
    ):
        assert variable not in log_format
    assert "$uri" in log_format
    access_logs = re.findall(r"^\s*access_log (.*);$", config, re.M)
    assert access_logs
    assert all(line.endswith(" buero") for line in access_logs)


def test_nginx_compresses_html_and_json_and_serves_media():
    config = NGINX.read_text()
    assert re.search(r"^\s*gzip on;$", config, re.M)
    assert "application/json" in re.search(r"gzip_types (.*);", config)[1]
    assert re.search(r"location /media/ \{\s*alias /var/lib/offenes-buero/media/;", config)
    assert re.search(r"location /media/documents/ \{\s*return 404;", config)


def test_caddy_keeps_its_forwarded_for_default_and_filters_its_logs():
    config = "\n".join(
        line for line in CADDY.read_text().splitlines() if not line.strip().startswith("#")
    )
    assert "encode zstd gzip" in config
    # trusted_proxies or a header_up would let a visitor's X-Forwarded-For through.
    assert "trusted_proxies" not in config
    assert "header_up" not in config
    assert r'request>uri regexp \?.*$ ""' in config
    assert "request>headers delete" in config
    assert "request>remote_ip delete" in config
    # The access log and Caddy's own log both go through the filter.
    assert config.count("import no_personal_data") == 2
    assert re.search(r"log default \{\s*import no_personal_data", config)
    assert "handle_path /media/*" in config
    assert "root * /var/lib/offenes-buero/media" in config


# --- the configurations at work -------------------------------------------------------------


def binary(name):
    found = shutil.which(name) or shutil.which(name, path="/usr/sbin:/sbin")
    if found is None:
        if REQUIRED:
            pytest.fail(f"{name} is not installed (BUERO_PROXY_TESTS_REQUIRED=1)")
        pytest.skip(f"{name} is not installed")
    return found


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(port, process, log):
    deadline = time.monotonic() + 20
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            assert process.poll() is None, log.read_text() if log.exists() else "exited"
            assert time.monotonic() < deadline, "the proxy did not start"
            time.sleep(0.1)


def replaced(text, replacements):
    for old, new in replacements.items():
        assert old in text, f"{old!r} is no longer in the shipped configuration"
        text = text.replace(old, new)
    return text


@pytest.fixture
def upstream():
    """A stand-in for gunicorn: notes each request's forwarded headers, answers with a page
    or, under /api/, with JSON, both long enough to be compressed."""
    seen = []

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            seen.append(
                {
                    "path": self.path,
                    "host": self.headers.get("Host"),
                    "forwarded_for": self.headers.get_all("X-Forwarded-For"),
                    "forwarded_proto": self.headers.get_all("X-Forwarded-Proto"),
                }
            )
            if self.path.startswith("/api/"):
                body, kind = json.dumps({"dates": ["Sprechstunde"] * 100}), "application/json"
            else:
                body, kind = "<!DOCTYPE html><p>" + "Offenes Büro " * 100, "text/html"
            data = body.encode()
            self.send_response(200)
            self.send_header("Content-Type", f"{kind}; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1], seen
    server.shutdown()
    server.server_close()


@pytest.fixture
def media(tmp_path):
    root = tmp_path / "media"
    (root / "images").mkdir(parents=True)
    (root / "documents").mkdir()
    (root / "images" / "bild.txt").write_text("ein Bild")
    (root / "documents" / "geheim.txt").write_text("nur über Wagtail")
    return root


def certificate(folder):
    folder.mkdir()
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, HOST)])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    (folder / "fullchain.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (folder / "privkey.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )


def get(connection, path, host=HOST, **headers):
    connection.request("GET", path, headers={"Host": host, **headers})
    response = connection.getresponse()
    return response, response.read()


def check_the_proxy(connection, seen, proto, host=HOST):
    """What every configuration must do, through ``connection`` to the proxy."""
    response, body = get(
        connection,
        "/de/suche/?q=Schulden",
        host,
        **{"X-Forwarded-For": FORGED, "Accept-Encoding": "gzip"},
    )
    assert response.status == 200
    assert response.getheader("Content-Encoding") == "gzip"
    assert "Offenes Büro" in gzip.decompress(body).decode()
    [request] = seen
    assert request["path"] == "/de/suche/?q=Schulden"
    assert request["forwarded_for"] == ["127.0.0.1"]  # the proxy's view, nothing forged
    assert request["forwarded_proto"] == [proto]

    response, body = get(connection, "/api/termine.json", host, **{"Accept-Encoding": "gzip"})
    assert response.getheader("Content-Encoding") == "gzip"
    assert json.loads(gzip.decompress(body))["dates"]

    response, body = get(connection, "/media/images/bild.txt", host)
    assert (response.status, body) == (200, b"ein Bild")
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    response, body = get(connection, "/media/documents/geheim.txt", host)
    assert response.status == 404
    assert len(seen) == 2  # media never reach the site


def test_nginx_at_work(tmp_path, upstream, media):
    nginx = binary("nginx")
    port, seen = upstream
    http_port, https_port = free_port(), free_port()
    (tmp_path / "log").mkdir()
    certificate(tmp_path / "tls")
    site = replaced(
        NGINX.read_text(),
        {
            "    listen [::]:80;\n": "",
            "    listen [::]:443 ssl http2;\n": "",
            "listen 80;": f"listen 127.0.0.1:{http_port};",
            "listen 443 ssl http2;": f"listen 127.0.0.1:{https_port} ssl http2;",
            "server 127.0.0.1:8000;": f"server 127.0.0.1:{port};",
            f"/etc/letsencrypt/live/{HOST}/": f"{tmp_path}/tls/",
            "/var/log/nginx/": f"{tmp_path}/log/",
            "/var/lib/offenes-buero/media/": f"{media}/",
        },
    )
    (tmp_path / "site.conf").write_text(site)
    temp = " ".join(
        f"{kind}_temp_path {tmp_path}/{kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    main = tmp_path / "nginx.conf"
    main.write_text(
        f"{'user root;' if os.geteuid() == 0 else ''}\n"
        f"worker_processes 1;\npid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/log/main.log;\n"
        "events { worker_connections 64; }\n"
        f"http {{\ninclude /etc/nginx/mime.types;\n{temp}\ninclude {tmp_path}/site.conf;\n}}\n"
    )
    command = [nginx, "-p", str(tmp_path), "-e", f"{tmp_path}/log/main.log", "-c", str(main)]
    checked = subprocess.run([*command, "-t"], capture_output=True, text=True, check=False)  # noqa: S603
    assert checked.returncode == 0, checked.stderr

    server = subprocess.Popen([*command, "-g", "daemon off;"])  # noqa: S603
    try:
        wait_for(https_port, server, tmp_path / "log" / "main.log")
        context = ssl.create_default_context()
        context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
        check_the_proxy(
            http.client.HTTPSConnection("127.0.0.1", https_port, context=context, timeout=10),
            seen,
            "https",
        )
        response, _body = get(
            http.client.HTTPConnection("127.0.0.1", http_port, timeout=10), "/de/?q=Schulden"
        )
        assert response.status == 301
        assert response.getheader("Location") == f"https://{HOST}/de/?q=Schulden"
    finally:
        server.send_signal(signal.SIGQUIT)
        server.wait(timeout=20)
    log = (tmp_path / "log" / "offenes-buero.access.log").read_text()
    assert '"GET /de/suche/ HTTP/1.1" 200' in log
    assert "?" not in log
    assert "Schulden" not in log
    assert FORGED not in log
    assert "127.0.0.1" not in log


def test_caddy_at_work(tmp_path, upstream, media):
    caddy = binary("caddy")
    port, seen = upstream
    caddy_port = free_port()
    (tmp_path / "log").mkdir()
    site = replaced(
        CADDY.read_text(),
        {
            # No admin endpoint and no certificates; nothing kept outside the test's folder.
            "{\n\t# Caddy's own log": "{\n\tadmin off\n\tauto_https off\n\t# Caddy's own log",
            f"{HOST} {{": f"http://{HOST}:{caddy_port} {{",
            "reverse_proxy 127.0.0.1:8000": f"reverse_proxy 127.0.0.1:{port}",
            "/var/log/caddy/": f"{tmp_path}/log/",
            "root * /var/lib/offenes-buero/media": f"root * {media}",
        },
    )
    config = tmp_path / "Caddyfile"
    config.write_text(site)
    environment = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path)}
    environment["XDG_CONFIG_HOME"] = str(tmp_path)
    command = [caddy, "validate", "--config", str(config), "--adapter", "caddyfile"]
    checked = subprocess.run(command, capture_output=True, text=True, env=environment, check=False)  # noqa: S603
    assert checked.returncode == 0, checked.stderr

    caddy_log = tmp_path / "caddy.log"
    with caddy_log.open("w") as output:
        server = subprocess.Popen(  # noqa: S603
            [caddy, "run", "--config", str(config), "--adapter", "caddyfile"],
            env=environment,
            stdout=output,
            stderr=output,
        )
    try:
        wait_for(caddy_port, server, caddy_log)
        connection = http.client.HTTPConnection("127.0.0.1", caddy_port, timeout=10)
        host = f"{HOST}:{caddy_port}"  # as a browser names a site on another port
        check_the_proxy(connection, seen, "http", host)
        response, _body = get(connection, "/de/", host, **{"Accept-Encoding": "zstd"})
        assert response.getheader("Content-Encoding") == "zstd"
        # Another host name: not the site, and logged in Caddy's own log.
        get(connection, "/?q=Schulden", "127.0.0.1", **{"X-Forwarded-For": FORGED})
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=20)
    log = (tmp_path / "log" / "offenes-buero.access.log").read_text()
    assert '"uri":"/de/suche/"' in log
    own_log = caddy_log.read_text()
    assert '"uri":"/"' in own_log
    for text in (log, own_log):
        assert "?q" not in text
        assert "Schulden" not in text
        assert FORGED not in text
    assert "127.0.0.1" not in log

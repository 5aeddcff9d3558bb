"""gunicorn's logs never hold what a visitor searched for: not in the access log, and not in
the error log's lines about malformed requests, which would quote the whole request line."""

import logging
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings

from buero_site.log_filters import RedactRequestLines

APP = """
def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"ok"]
"""

MALFORMED = [
    # Unencoded letters in the query: "Invalid HTTP request line: 'GET /?q=Schülden …'"
    "GET /?q=Schülden HTTP/1.1\r\nHost: x\r\n\r\n".encode(),
    b"GET /?q=Schulden HTTP/1.1 und mehr\r\nHost: x\r\n\r\n",
    b"GET /?q=Schulden HTTP/1.1\r\nHost: x\r\nX-Kaputt\x01: Schulden\r\n\r\n",
    b"G\x01T /?q=Schulden HTTP/1.1\r\nHost: x\r\n\r\n",
]


def record(message, *args):
    return logging.LogRecord("gunicorn.error", logging.WARNING, "", 0, message, args, None)


@pytest.mark.parametrize(
    ("message", "kept"),
    [
        (
            "Invalid request from ip=127.0.0.1: Invalid HTTP request line: 'GET /?q=Schulden HTTP/1.1'",
            "Invalid request from ip=127.0.0.1: Invalid HTTP request line",
        ),
        (
            "Invalid request from ip=::1: Invalid HTTP Header: 'Referer: https://x/?q=Schulden'",
            "Invalid request from ip=::1: Invalid HTTP Header",
        ),
        (
            "Invalid request from ip=127.0.0.1: Request Line is too large (9000 > 4094)",
            "Invalid request from ip=127.0.0.1: Request Line is too large (9000 > 4094)",
        ),
    ],
)
def test_malformed_requests_are_logged_by_their_kind_only(message, kept):
    entry = record(message)
    assert RedactRequestLines().filter(entry)
    assert entry.getMessage() == kept


def test_other_lines_lose_their_query_strings():
    entry = record("Error handling request %s %s", "GET", "/de/suche/?q=Schulden")
    RedactRequestLines().filter(entry)
    assert entry.getMessage() == "Error handling request GET /de/suche/"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def send(port, raw):
    with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
        connection.sendall(raw)
        return connection.recv(100)


def test_gunicorn_with_the_projects_settings_logs_no_request_line(tmp_path):
    (tmp_path / "plain_app.py").write_text(APP)
    port = free_port()
    gunicorn = Path(sys.executable).with_name("gunicorn")
    out, err = tmp_path / "stdout", tmp_path / "stderr"
    command = [gunicorn, "-c", "gunicorn.conf.py", "--no-control-socket", "--chdir", tmp_path]
    with out.open("w") as stdout, err.open("w") as stderr:
        server = subprocess.Popen(  # noqa: S603
            [*command, "plain_app"],
            cwd=settings.BASE_DIR,
            env={**os.environ, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": "1"},
            stdout=stdout,
            stderr=stderr,
        )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                assert send(port, b"GET /ok?q=Schulden HTTP/1.1\r\nHost: x\r\n\r\n").startswith(
                    b"HTTP/1.1 200"
                )
                break
            except OSError:
                assert server.poll() is None, err.read_text()
                assert time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.2)
        for raw in MALFORMED:
            assert send(port, raw).startswith(b"HTTP/1.1 400")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    errors, access = err.read_text(), out.read_text()
    assert errors.count("Invalid request from ip=") == len(MALFORMED), errors
    assert "Invalid HTTP request line" in errors
    assert '"GET /ok HTTP/1.1" 200' in access
    assert "Schulden" not in errors + access
    assert "Schülden" not in errors + access
    assert "?q" not in errors + access

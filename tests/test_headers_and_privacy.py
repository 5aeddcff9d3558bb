"""Security headers and privacy on real responses."""

import logging

import pytest
from django.conf import settings

from buero_site.log_filters import StripQueryStrings

pytestmark = pytest.mark.django_db


def test_public_pages_send_security_headers(client, home, office):
    response = client.get("/de/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    policy = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()"):
        assert feature in policy


def test_pages_load_nothing_from_other_hosts(client, home, office):
    content = client.get("/de/").content.decode()
    for attribute in ('src="http', 'src="//', 'href="//'):
        assert attribute not in content
    assert 'rel="stylesheet" href="/static/' in content


def test_logs_hold_no_query_strings():
    record = logging.LogRecord(
        "django.server",
        logging.INFO,
        __file__,
        1,
        '"GET %s HTTP/1.1" 200 512',
        ("/de/suche/?q=Schulden",),
        None,
    )
    assert StripQueryStrings().filter(record)
    assert record.getMessage() == '"GET /de/suche/ HTTP/1.1" 200 512'


def test_gunicorn_access_log_leaves_out_query_strings():
    config = (settings.BASE_DIR / "gunicorn.conf.py").read_text()
    assert "%(U)s" in config
    assert "%(q)s" not in config
    assert "%(r)s" not in config

"""The test suite: SQLite in memory unless DATABASE_URL names another database (CI: PostgreSQL)."""

import os

from .base import *  # noqa: F403
from .base import DATABASES

SECRET_KEY = "test-only-key"  # noqa: S105
# A fixed key for the encrypted fields; the rotation tests override it with their own.
BUERO_FIELD_ENCRYPTION_KEYS = ["T38bgypqu15V5rbW9hNmlGy-oCapvpqkJdTxELI0yIE="]
if not os.environ.get("DATABASE_URL"):
    DATABASES["default"] = {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
DEMO_ADMIN_PASSWORD_FILE = "/nonexistent/set-by-the-test"  # noqa: S105
DEMO_PARTNER_PASSWORD_FILE = "/nonexistent/set-by-the-test"  # noqa: S105
# Tests log in with force_login; the login rate limit has its own test that switches it on.
AXES_ENABLED = False
# Tests render fresh pages; the page cache has its own tests that switch it on.
PAGE_CACHE_SECONDS = 0
# The figures are written when a test calls impact.counting.flush(), never by a thread of
# their own inside a test's transaction, nor at exit into a database that is gone.
BUERO_FIGURES_FLUSH_SECONDS = 0

"""Local development: `make run` serves this on SQLite."""

import os

from cryptography.fernet import Fernet

from .base import *  # noqa: F403
from .base import BASE_DIR, BUERO_FIELD_ENCRYPTION_KEYS

DEBUG = os.environ.get("DEBUG", "1") == "1"
# A throwaway key for this machine only; production refuses to start without its own.
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-never-used-in-production")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Template changes show at once while developing; production caches pages (base.py).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0"))


def _field_encryption_key(path):
    """This machine's key for the encrypted fields, generated once into a git-ignored file."""
    if not path.exists() or not path.read_text().strip():
        path.touch(mode=0o600)
        path.write_text(Fernet.generate_key().decode() + "\n")
    return path.read_text().strip()


# BUERO_FIELD_ENCRYPTION_KEYS from the environment wins; otherwise the key in .field-encryption-key
# (deleting that file makes the encrypted fields of db.sqlite3 unreadable).
BUERO_FIELD_ENCRYPTION_KEYS = BUERO_FIELD_ENCRYPTION_KEYS or [
    _field_encryption_key(BASE_DIR / ".field-encryption-key")
]

"""Production: PostgreSQL, Redis, WhiteNoise behind a TLS-terminating reverse proxy."""

import os

from cryptography.fernet import Fernet, MultiFernet
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_count, env_list


def required(name):
    """Fail loudly at start-up instead of running with a guessed value."""
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} must be set in production.")
    return value


DEBUG = False
SECRET_KEY = required("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", required("ALLOWED_HOSTS"))
# Without its keys the encrypted contact data can be neither written nor read: checked at
# start-up, not when the first appointment request arrives.
BUERO_FIELD_ENCRYPTION_KEYS = env_list("FIELD_ENCRYPTION_KEYS", required("FIELD_ENCRYPTION_KEYS"))
try:
    MultiFernet([Fernet(key) for key in BUERO_FIELD_ENCRYPTION_KEYS])
except (TypeError, ValueError):
    raise ImproperlyConfigured(
        "FIELD_ENCRYPTION_KEYS must hold Fernet keys, comma-separated, newest first "
        "(see .env.example)."
    ) from None

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Media (uploaded images and documents) on an S3-compatible store instead of MEDIA_ROOT; needs
# `pip install "offenes-buero[s3]"`. Visitors must never fetch from another host: the reverse
# proxy forwards /media/ to the bucket and AWS_S3_CUSTOM_DOMAIN names that path on the site.
if S3_BUCKET := os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": required("AWS_S3_CUSTOM_DOMAIN"),
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")

# Two-factor login is in force in production (see base.py). One reverse proxy, which sets
# X-Forwarded-For to the visitor's address: every limit counts per visitor, not per proxy.
WAGTAIL_2FA_REQUIRED = os.environ.get("WAGTAIL_2FA_REQUIRED", "1") == "1"
BUERO_REVERSE_PROXY_COUNT = env_count("AXES_PROXY_COUNT", 1)

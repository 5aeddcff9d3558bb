"""A minimal existing Wagtail site that installs the three apps, and nothing of buero_site.

It proves what the README's "Add to an existing Wagtail site" promises: migrations run and
every page type renders inside the host's own base template.
"""

from pathlib import Path

import dj_database_url

HERE = Path(__file__).resolve().parent

SECRET_KEY = "host-site-test-key"
DEBUG = False
ALLOWED_HOSTS = ["testserver", ".localhost"]
ROOT_URLCONF = "tests.host_site.urls"
# CI runs this suite on SQLite and on PostgreSQL, like the main suite.
DATABASES = {"default": dj_database_url.config(default="sqlite://:memory:")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

INSTALLED_APPS = [
    # The Offenes Büro apps ...
    "home",
    "angebote",
    "events",
    "opendata",
    "wagtail_localize",
    "wagtail_localize.locales",
    # ... and what any Wagtail site already has.
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [HERE / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]
STATIC_URL = "/static/"

LANGUAGE_CODE = "de"
LANGUAGES = [("de", "Deutsch"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Berlin"
WAGTAIL_SITE_NAME = "Digitales Rathaus Tangerhütte"
WAGTAILADMIN_BASE_URL = "http://testserver"

# What the apps ask of their host:
BUERO_BASE_TEMPLATE = "rathaus_base.html"
BUERO_OFFICE_NAME = "Offenes Büro (im Digitalen Rathaus)"
FIELD_ENCRYPTION_KEYS = ["u5Y0c9Qy3oXr2kB7nV4mT1sZ8wE6aD0fG3hJ5lP7qRk="]

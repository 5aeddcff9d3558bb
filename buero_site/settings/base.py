"""Settings shared by every environment; all deployment facts come from the environment."""

import os
import re
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "buero_site"


def git_commit(checkout):
    """The commit a git checkout is at, read from .git without running git; "" elsewhere."""
    git = checkout / ".git"
    try:
        head = (git / "HEAD").read_text().strip()
        if not head.startswith("ref: "):
            return head
        ref = head.removeprefix("ref: ")
        if (git / ref).is_file():
            return (git / ref).read_text().strip()
        packed = (git / "packed-refs").read_text().splitlines()
    except OSError:  # no checkout (an installed package) or a worktree's .git file
        return ""
    return next((line.split()[0] for line in packed if line.endswith(f" {ref}")), "")


def env_list(name, default=""):
    """A comma-separated environment variable as a list without blanks."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_count(name, default):
    """A whole number of 0 or more from the environment; anything else stops the start."""
    value = os.environ.get(name, str(default)).strip()
    if not value.isdigit():
        raise ImproperlyConfigured(f"{name} must be a whole number of 0 or more, not {value!r}.")
    return int(value)


DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# The appointment request form is the one public page with a cookie: the CSRF cookie, and
# only for the browser session.
CSRF_COOKIE_AGE = None
# A mail server that hangs must not hold a worker (the note to the counsellors, reminders).
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))

INSTALLED_APPS = [
    "buero_site",
    "home",
    "buero",
    "angebote",
    "events",
    "opendata",
    "impact",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
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
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Admin login: rate limit and optional two-factor authentication (see README, "Admin login").
    "axes",
    "wagtail_2fa",
    "django_otp",
    "django_otp.plugins.otp_totp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language lives in the URL (/de/, /ar/ ...), never in a cookie.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Page views, searches and downloads as daily totals, also the page cache's hits
    # (impact.middleware): above the cache, so that its hits pass through.
    "impact.middleware.CountingMiddleware",
    # Anonymous visitors get public pages from the cache; any content change purges it.
    "buero_site.page_cache.PageCacheMiddleware",
    # Whoever can read personal data, and every editor with a device, logs in with a code.
    "buero_site.two_factor.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: answers a locked-out login with a page, not an error.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five failed logins for one user name from one address lock that pair for an hour.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin_locked_out.html"
# The reverse proxies in front of gunicorn, each writing one X-Forwarded-For entry (the
# outermost sets it to the visitor's address: docs/betrieb.md). 0 here and in development:
# the connection's address. The login limit and the site's own limits use the same function.
BUERO_REVERSE_PROXY_COUNT = env_count("AXES_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "buero.visitors.client_address"

# What the site accepts in one clock hour from all visitors together (buero.limits), beyond the
# limits per visitor: stored appointment requests, stored feedback answers, and e-mails that
# visitors cause (notes to the counsellors, password reset links). Beyond a cap a visitor is
# asked to try again later, the log has one warning and the admin start page a notice.
BUERO_APPOINTMENT_REQUESTS_PER_HOUR = env_count("APPOINTMENT_REQUESTS_PER_HOUR", 20)
BUERO_FEEDBACK_PER_HOUR = env_count("FEEDBACK_PER_HOUR", 100)
BUERO_NOTIFICATION_EMAILS_PER_HOUR = env_count("NOTIFICATION_EMAILS_PER_HOUR", 30)

# Two-factor login (wagtail-2fa, TOTP apps): in force where WAGTAIL_2FA_REQUIRED is on
# (production by default; off for `make run`'s demo, the documented demo switch). Then every
# editor who has added a device enters a code, and superusers, the group "Beratung" and groups
# with "enable_2fa" must have one, set up by an office administrator
# (buero_site/two_factor.py, `manage.py add_second_factor` for the first one).
WAGTAIL_2FA_REQUIRED = os.environ.get("WAGTAIL_2FA_REQUIRED", "0") == "1"
WAGTAIL_2FA_OTP_TOTP_NAME = "Offenes Büro Tangerhütte"

ROOT_URLCONF = "buero_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "buero_site.wsgi.application"

# SQLite is the embedded default so that `make run` works on a fresh machine;
# production sets DATABASE_URL=postgres://...
# Each worker keeps its connection (checked before each request): reconnecting after a quiet
# spell cost the first visitor more than the page (docs/betrieb.md). CONN_MAX_AGE=60 closes
# a connection after 60 seconds, 0 after each request (behind PgBouncer's transaction mode).
_conn_max_age = os.environ.get("CONN_MAX_AGE", "none").strip().lower()
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=None if _conn_max_age in ("", "none") else int(_conn_max_age),
        conn_health_checks=True,
    )
}
IS_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"

# Redis, wrapped so that a cache that fails makes pages slower, never broken
# (buero_site/cache.py): short socket timeouts, then the cache is skipped for a few seconds.
if REDIS_URL := os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "buero_site.cache.FailSafeCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "buero",
            "OPTIONS": {
                "BACKEND": "django_redis.cache.RedisCache",
                "RETRY_AFTER": int(os.environ.get("CACHE_RETRY_AFTER", "5")),
                "OPTIONS": {
                    "CLIENT_CLASS": "django_redis.client.DefaultClient",
                    "SOCKET_CONNECT_TIMEOUT": 0.5,
                    "SOCKET_TIMEOUT": 0.5,
                },
            },
        }
    }

# Whole public pages for anonymous visitors (buero_site/page_cache.py); 0 switches it off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
# The last good copy of each cached page, served when a page cannot be built (database
# down): three days by default; 0 switches it off.
PAGE_CACHE_STALE_SECONDS = int(os.environ.get("PAGE_CACHE_STALE_SECONDS", str(3 * 24 * 3600)))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Keys of the encrypted model fields (events/encryption.py: contact data of appointment
# requests), comma-separated, newest first: the first encrypts, every one decrypts. Required
# in production; dev.py keeps a generated one, see .env.example for generating and rotating.
BUERO_FIELD_ENCRYPTION_KEYS = env_list("FIELD_ENCRYPTION_KEYS")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: German is the source; the list can be changed per site.
LANGUAGE_CODE = "de"
LANGUAGES = [
    ("de", "Deutsch"),
    ("en", "English"),
    ("ar", "العربية"),
    ("fa", "فارسی"),
    ("uk", "Українська"),
    ("ru", "Русский"),
    ("pl", "Polski"),
    ("ro", "Română"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# The site's own catalogue first (makemessages writes there), then German for admin add-ons
# that ship without it (wagtail-2fa), which makemessages leaves alone.
LOCALE_PATHS = [PROJECT_DIR / "locale", PROJECT_DIR / "locale_vendor"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Wagtail
WAGTAIL_SITE_NAME = "Offenes Büro Tangerhütte"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch"), ("en", "English")]
# A new translation starts as a draft: visitors keep seeing the German page with a notice
# until a translator publishes it, never a half-translated page.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# No requests to another host, also in the admin (avatars would come from gravatar.com).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Machine translation is optional. With a DeepL key the translation editor offers it; without
# one the button is absent. Editors still review every machine-translated string.
if DEEPL_API_KEY := os.environ.get("DEEPL_API_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": DEEPL_API_KEY, "FORMALITY": "prefer_more"},
    }
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "ods", "txt"]
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        # PostgreSQL uses one text-search configuration; German is the source language.
        **({"SEARCH_CONFIG": "german"} if IS_POSTGRES else {}),
    }
}

# What the installable apps ask of their host (see README, "Add to an existing Wagtail site").
BUERO_BASE_TEMPLATE = "base.html"
BUERO_OFFICE_NAME = "Offenes Büro im Jugendclub Tangerhütte"
# The deployment's name (commit or number): a new one clears the visitors' offline stores
# (buero.offline). Without it, the commit of a git checkout; failing that, the stores are
# cleared when the worker, script or stylesheet change.
BUERO_RELEASE = os.environ.get("RELEASE") or git_commit(BASE_DIR)

# Privacy and security headers on every public response (the admin keeps Wagtail's own needs).
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# The sites that may frame the dates widget (/de/einbetten/termine/), e.g. the municipal
# portal: origins "https://host[:port]", comma-separated. Every other page refuses framing.
BUERO_EMBED_ALLOWED_ORIGINS = env_list("EMBED_ALLOWED_ORIGINS")
for _origin in BUERO_EMBED_ALLOWED_ORIGINS:
    if not re.fullmatch(r"https://[a-z0-9.-]+(:\d{1,5})?", _origin):
        raise ImproperlyConfigured(
            f"EMBED_ALLOWED_ORIGINS: {_origin!r} is not an origin like https://host[:port]."
        )
PERMISSIONS_POLICY = {
    "camera": [],
    "microphone": [],
    "geolocation": [],
    "payment": [],
    "usb": [],
    "interest-cohort": [],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"strip_query_strings": {"()": "buero_site.log_filters.StripQueryStrings"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["strip_query_strings"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        # runserver's access log: without query strings, like gunicorn.conf.py in production.
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}

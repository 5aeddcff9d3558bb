"""What the apps ask of their host, each with a default, so no app imports buero_site."""

from django.conf import settings


def base_template():
    """The template every app page extends; a host site names its own."""
    return getattr(settings, "BUERO_BASE_TEMPLATE", "base.html")


def office_name():
    """The office's name until an editor sets it in the site settings."""
    return getattr(settings, "BUERO_OFFICE_NAME", "Offenes Büro")


def release():
    """The deployment's name (a commit, a number): part of the service worker's version, so
    that every deployment clears the visitors' offline stores (buero.offline)."""
    return getattr(settings, "BUERO_RELEASE", "")


def app_short_name():
    """The name under the icon on a phone's home screen: short, about 12 characters."""
    return getattr(settings, "BUERO_APP_SHORT_NAME", "Offenes Büro")


def proxy_count():
    """How many reverse proxies stand in front of the site, each setting or appending one
    X-Forwarded-For entry: 0 takes the connection's address (development, tests)."""
    return getattr(settings, "BUERO_REVERSE_PROXY_COUNT", 0)

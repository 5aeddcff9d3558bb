"""The dates widget inside another site's page: shown where its origin is allowed, refused
everywhere else, and every other page of the site refuses to be framed; no axe violation.

The portal is a page that Playwright answers itself at https://portal.localhost/ (no request
leaves the machine); it frames the live server's widget and home page.
"""

import pytest

from .conftest import LANGUAGES
from .test_accessibility import axe_failures

PORTAL = "https://portal.localhost"
WIDGET = "/{language}/einbetten/termine/"


def portal_page(new_context, base_url, language):
    # Chromium keeps a page of the internet from reaching a local server unless allowed;
    # the portal stands for one, the live server is on this machine.
    page = new_context(locale=language, permissions=["local-network-access"]).new_page()
    html = f"""<!doctype html><html lang="de"><head><title>Portal</title></head><body>
        <iframe id="widget" title="Termine" src="{base_url}{WIDGET.format(language=language)}"></iframe>
        <iframe id="home" title="Startseite" src="{base_url}/{language}/"></iframe>
        </body></html>"""
    page.route(f"{PORTAL}/", lambda route: route.fulfill(body=html, content_type="text/html"))
    return page


def refused(page, frame_id):
    """Whether the browser refused to show the frame (it then shows its own error page)."""
    page.wait_for_load_state("load")
    return (
        page.locator(f"#{frame_id}")
        .element_handle()
        .content_frame()
        .url.startswith("chrome-error:")
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_portal_shows_the_widget_but_not_the_site(site, new_context, settings, language):
    base_url, _pages = site
    settings.BUERO_EMBED_ALLOWED_ORIGINS = [PORTAL]
    page = portal_page(new_context, base_url, language)
    page.goto(f"{PORTAL}/")
    widget = page.frame_locator("#widget")
    widget.locator("li").first.wait_for()
    assert widget.locator("html").get_attribute("lang") == language
    assert widget.locator("a[target='_top']").count() >= 2
    assert not refused(page, "widget")
    assert refused(page, "home")


def test_without_the_setting_the_portal_gets_nothing(site, new_context, settings):
    base_url, _pages = site
    settings.BUERO_EMBED_ALLOWED_ORIGINS = []
    page = portal_page(new_context, base_url, "de")
    page.goto(f"{PORTAL}/")
    assert refused(page, "widget")
    assert refused(page, "home")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_widget_has_no_accessibility_violations(site, new_context, axe_script, language):
    base_url, _pages = site
    page = new_context(locale=language, bypass_csp=True).new_page()
    response = page.goto(base_url + WIDGET.format(language=language))
    assert response.status == 200
    assert page.evaluate("document.documentElement.dir") == ("rtl" if language == "ar" else "ltr")
    failures = axe_failures(page, axe_script)
    assert not failures, "\n".join(failures)

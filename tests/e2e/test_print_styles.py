"""Printed pages and the share box in the browser, in German and Arabic.

A printed page keeps the content and the office's contact and leaves out what only works
on a screen; links to other sites print their address. "Copy link" shows and copies with
JavaScript, and stays hidden without it.
"""

import pytest
from playwright.sync_api import expect

from .conftest import LANGUAGES

#: What a printout leaves out: navigation, search, languages, skip link, share, feedback.
SCREEN_ONLY = (
    ".main-nav",
    ".header-search",
    ".language-switcher",
    ".share",
    ".feedback",
    ".legal-nav",
)
COPIED = {"de": "Link kopiert", "ar": "تم نسخ الرابط"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_printed_page_keeps_the_content_and_prints_link_targets(site, new_context, language):
    base_url, all_pages = site
    page = new_context(locale=language).new_page()
    page.goto(base_url + all_pages[language]["partner"])
    for selector in SCREEN_ONLY:
        assert page.locator(selector).first.is_visible(), f"{selector} is missing on screen"

    page.emulate_media(media="print")
    for selector in SCREEN_ONLY:
        assert not page.locator(selector).first.is_visible(), f"{selector} is printed"
    assert not page.locator(".skip-link").is_visible()
    assert page.locator("main h1").is_visible()
    assert page.locator(".site-footer .contact-block").is_visible()

    # A link to another site prints its address after the text ...
    external = page.locator('main a[href^="http"]').first
    href = external.get_attribute("href")
    after = external.evaluate("(link) => getComputedStyle(link, '::after').content")
    assert href in after
    # ... a phone link shows its number already, an internal link nothing more.
    for selector in ('a[href^="tel:"]', 'main a[href^="/"]'):
        link = page.locator(selector).first
        assert link.evaluate("(link) => getComputedStyle(link, '::after').content") == "none"


@pytest.mark.parametrize("language", LANGUAGES)
def test_copy_link_copies_the_address_with_javascript(site, new_context, language):
    base_url, all_pages = site
    context = new_context(locale=language, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    path = all_pages[language]["offer"]
    page.goto(base_url + path)

    button = page.locator(".share [data-copy-link]")
    expect(button).to_be_visible()
    url = button.get_attribute("data-copy-link")
    assert url.startswith("http")
    assert url.endswith(path)
    status = page.locator(".share [role=status]")
    expect(status).to_have_text("")
    button.click()
    expect(status).to_have_text(COPIED[language])
    assert page.evaluate("navigator.clipboard.readText()") == url


def test_copy_link_is_hidden_without_javascript(site, new_context):
    base_url, all_pages = site
    page = new_context(java_script_enabled=False).new_page()
    page.goto(base_url + all_pages["de"]["offer"])
    share = page.locator(".share")
    assert share.is_visible()
    # The plain links work without a script: four to share, one to the take-away sheet.
    assert share.locator("a").count() == 5
    assert not share.locator("[data-copy-link]").is_visible()

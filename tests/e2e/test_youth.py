"""The page for young people is one tap from the first screen of a phone, in German and
Arabic: the link sits under the welcome, above the fold, and leads there."""

import pytest

from .conftest import LANGUAGES, SCREENSHOTS, VIEWPORTS


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_youth_page_is_one_tap_from_the_phones_first_screen(site, new_context, language):
    base_url, all_pages = site
    pages = all_pages[language]
    viewport = VIEWPORTS["phone"]
    page = new_context(viewport=viewport, locale=language).new_page()
    assert page.goto(base_url + pages["home"]).status == 200
    link = page.locator(f'.top-entry-points a[href="{pages["youth"]}"]')
    assert link.count() == 1
    box = link.bounding_box()
    # Inside the first screen without scrolling, and big enough to hit with a thumb.
    assert box["y"] >= 0
    assert box["y"] + box["height"] <= viewport["height"]
    assert box["height"] >= 24
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{language}-home-first-screen.png")

    link.click()
    page.wait_for_url(base_url + pages["youth"])
    assert page.evaluate("document.documentElement.lang") == language
    assert page.locator(".card").count() >= 8
    page.screenshot(path=SCREENSHOTS / f"{language}-youth-phone.png", full_page=True)
    # Nothing wider than the phone's screen.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

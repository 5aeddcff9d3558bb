"""Arabic pages mirror, German pages do not: on a phone and on a desktop screen.

Each run leaves a full-page screenshot per page, language and viewport in
tests/e2e/screenshots/ (git-ignored) for a person to look at.
"""

import pytest

from .conftest import LANGUAGES, SCREENSHOTS, VIEWPORTS

PAGES = ("home", "offer", "events")
DIRECTION = {"ar": "rtl", "de": "ltr"}
# Sub-pixel layout and rounding: edges count as equal within this many CSS pixels.
TOLERANCE = 3

LAYOUT = """() => {
    const box = (element) => element && element.getBoundingClientRect().toJSON();
    const inner = document.querySelector(".site-header__inner");
    const style = getComputedStyle(inner);
    const items = [...document.querySelectorAll(".main-nav li")];
    return {
        htmlDir: document.documentElement.dir,
        navDirection: getComputedStyle(document.querySelector(".main-nav")).direction,
        navItems: items.slice(0, 2).map(box),
        siteName: box(document.querySelector(".site-header .site-name")),
        headerContent: {
            left: inner.getBoundingClientRect().left + parseFloat(style.paddingLeft),
            right: inner.getBoundingClientRect().right - parseFloat(style.paddingRight),
        },
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
    };
}"""

# For every tel: link, the direction of the element that holds the number's digits.
PHONE_DIRECTIONS = """() => [...document.querySelectorAll('a[href^="tel:"]')].map((link) => {
    const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode()) && !/[0-9]/.test(node.data)) {}
    const holder = node ? node.parentElement : link;
    return {text: link.textContent.trim(), direction: getComputedStyle(holder).direction};
})"""


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("page_name", PAGES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_layout_direction(site, new_context, language, page_name, viewport):
    base_url, pages = site
    page = new_context(viewport=VIEWPORTS[viewport], locale=language).new_page()
    response = page.goto(base_url + pages[language][page_name])
    assert response.status == 200
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{language}-{page_name}-{viewport}.png", full_page=True)

    layout = page.evaluate(LAYOUT)
    direction = DIRECTION[language]
    assert layout["htmlDir"] == direction
    assert layout["navDirection"] == direction

    # The main navigation starts at the right in Arabic, at the left in German.
    first, second = layout["navItems"]
    if abs(first["top"] - second["top"]) < TOLERANCE:
        if direction == "rtl":
            assert first["left"] > second["left"]
        else:
            assert first["left"] < second["left"]
    # So does the header with the office's name, on the inner edge of the header's padding.
    name, content = layout["siteName"], layout["headerContent"]
    if direction == "rtl":
        assert abs(name["right"] - content["right"]) <= TOLERANCE, layout
    else:
        assert abs(name["left"] - content["left"]) <= TOLERANCE, layout

    # Phone numbers keep their digit order in a right-to-left page.
    phones = page.evaluate(PHONE_DIRECTIONS)
    if language == "ar":
        assert phones, "the Arabic page shows no phone number (tel: link)"
    for phone in phones:
        assert phone["direction"] == "ltr", phone

    if viewport == "phone":
        assert layout["scrollWidth"] <= layout["innerWidth"], "the page scrolls sideways"

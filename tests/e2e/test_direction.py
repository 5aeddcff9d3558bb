"""Arabic pages mirror, German pages do not: on a phone and on a desktop screen. In Arabic and
Persian, numbers and addresses keep their order and the interface stays right to left.

Each run leaves a full-page screenshot per page, language and viewport in
tests/e2e/screenshots/ (git-ignored) for a person to look at.
"""

import pytest

from .conftest import LANGUAGES, SCREENSHOTS, VIEWPORTS
from .walk import walk

PAGES = ("home", "offer", "events")
DIRECTION = {"ar": "rtl", "de": "ltr"}
RIGHT_TO_LEFT = ("ar", "fa")
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


# In a right-to-left page: what must be isolated left to right, and the interface, which must
# never sit in a left-to-right region. Every interface string of ar and fa is in Arabic script
# (the catalogues are complete: tests/home/test_translations.py) and German content never is,
# so text in Arabic script is the interface (or translated content): its nearest `dir` must
# be rtl and its nearest `lang` an Arabic-script language.
ISOLATION = """() => {
    const problems = [];
    const arabicScript = /[\\u0600-\\u06FF\\u0750-\\u077F\\u08A0-\\u08FF\\uFB50-\\uFDFF\\uFE70-\\uFEFF]/;
    const patterns = [
        ["e-mail", /[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+/g],
        ["URL", /\\bhttps?:\\/\\/[^\\s<>"]+|\\bwww\\.[^\\s<>"]+/g],
        ["phone number", /\\+?\\d[\\d ()\\/-]{4,}\\d/g],
        ["postcode", /\\b\\d{5}\\b/g],
        ["time", /\\b\\d{1,2}:\\d{2}\\b/g],
        ["date", /\\b\\d{1,2}\\.\\s?\\d{1,2}\\.(?:\\s?\\d{2,4})?|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}\\/\\d{1,2}\\/\\d{2,4}\\b/g],
    ];
    const digits = (text) => (text.match(/\\d/g) || []).length;
    const isolated = (element) => element.closest('bdi, [dir="ltr" i]') !== null;
    const describe = (element) => {
        const classes = (element.getAttribute("class") || "").trim().split(/\\s+/).filter(Boolean);
        const marks = ["lang", "dir"].filter((name) => element.hasAttribute(name))
            .map((name) => ` ${name}="${element.getAttribute(name)}"`).join("");
        return `<${element.tagName.toLowerCase()}${classes.map((c) => "." + c).join("")}${marks}>`;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        const text = node.data.replace(/\\s+/g, " ").trim();
        if (!text || parent.closest("script, style, template")) continue;
        if (!isolated(parent)) {
            for (const [kind, pattern] of patterns) {
                for (const match of text.matchAll(pattern)) {
                    if (kind === "phone number" && digits(match[0]) < 6) continue;
                    problems.push(`${kind} "${match[0]}" not isolated in ${describe(parent)} "${text.slice(0, 60)}"`);
                }
            }
        }
        if (arabicScript.test(text)) {
            const direction = parent.closest("[dir]");
            const language = parent.closest("[lang]");
            if (direction.getAttribute("dir").toLowerCase() !== "rtl"
                || !/^(ar|fa)\\b/i.test(language.getAttribute("lang"))) {
                problems.push(`interface text "${text.slice(0, 60)}" in ${describe(parent)} inside `
                    + `${describe(direction)} and ${describe(language)}`);
            }
        }
    }
    // Dates: the text of every <time> is isolated as a whole (a <bdi> finds its direction).
    for (const time of document.querySelectorAll("body time")) {
        if (!isolated(time) && !time.querySelector("bdi")) {
            problems.push(`date "${time.textContent.trim()}" not isolated in ${describe(time.parentElement)}`);
        }
    }
    return problems;
}"""


@pytest.mark.parametrize("language", RIGHT_TO_LEFT)
def test_numbers_are_isolated_and_the_interface_stays_right_to_left(site, new_context, language):
    """Every view in Arabic and Persian, translated pages and German ones with a notice:
    phone numbers, postcodes, e-mail addresses, URLs, dates and times in <bdi> or dir="ltr";
    the interface (labels, buttons, notices, questions) never inside a left-to-right region."""
    base_url, all_pages = site
    page = new_context(viewport=VIEWPORTS["phone"], service_workers="block").new_page()
    failures = []

    def check(name):
        failures.extend(f"{language}, {name} ({page.url}): {p}" for p in page.evaluate(ISOLATION))

    walk(page, base_url, all_pages[language], language, check)
    assert not failures, f"{len(failures)} problems:\n" + "\n".join(failures[:150])

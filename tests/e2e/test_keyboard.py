"""The offers listing works with the keyboard alone, and every focused element shows it.

From a fresh German offers listing: the first Tab reaches the skip link, Enter on it moves to
the main content; Tab leads through the header to the filter form, Space ticks a topic, Enter
sends the form.
"""

from urllib.parse import parse_qs, urlsplit

from .test_no_javascript import result_count

# Longer than the header, the topic links and the filter form together: a loop guard.
MAX_TABS = 80

# The focused element and whether it shows a focus indicator (an outline or a box-shadow).
FOCUSED = """() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return {
        tag: element.tagName.toLowerCase(),
        id: element.id,
        classes: element.className,
        name: element.getAttribute("name"),
        value: element.getAttribute("value"),
        type: element.getAttribute("type"),
        text: (element.innerText || element.value || "").trim().slice(0, 60),
        inHeader: Boolean(element.closest("header.site-header")),
        inFilters: Boolean(element.closest("form.filters")),
        outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
        boxShadow: style.boxShadow !== "none",
        visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight,
    };
}"""


def focused(page):
    element = page.evaluate(FOCUSED)
    assert element["outline"] or element["boxShadow"], f"no visible focus indicator: {element}"
    assert element["visible"], f"the focused element is not on the screen: {element}"
    return element


def tab_until(page, predicate, visited):
    """Press Tab until the focused element matches; check every element on the way."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        element = focused(page)
        visited.append(element)
        if predicate(element):
            return element
    raise AssertionError(f"not reached in {MAX_TABS} Tabs; focus went through {visited}")


def test_skip_link_leads_to_the_main_content(site, new_context):
    base_url, pages = site
    page = new_context(locale="de").new_page()
    page.goto(base_url + pages["de"]["offers"])

    page.keyboard.press("Tab")
    skip = focused(page)
    assert skip["classes"] == "skip-link"
    assert skip["text"] == "Zum Inhalt springen"

    page.keyboard.press("Enter")
    # The fragment navigation is queued as a task after the key event: wait for it.
    page.wait_for_url(lambda url: urlsplit(url).fragment == "main")
    assert page.evaluate("document.activeElement.id") == "main"
    # The main content starts at the top of the screen: the header scrolled away.
    assert abs(page.evaluate("document.querySelector('main').getBoundingClientRect().top")) <= 1

    # The next Tab starts in the main content, not in the header again.
    page.keyboard.press("Tab")
    after = focused(page)
    assert not after["inHeader"], after
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")


def test_filter_offers_with_the_keyboard(site, new_context):
    base_url, pages = site
    topic = pages["de"]["topic"]
    page = new_context(locale="de").new_page()
    page.goto(base_url + pages["de"]["offers"])
    total = result_count(page)

    visited = []
    page.keyboard.press("Tab")
    visited.append(focused(page))
    assert visited[0]["classes"] == "skip-link"
    # Through the header (office name, language, search, main navigation) to the form.
    summary = tab_until(page, lambda element: element["inFilters"], visited)
    header = [element for element in visited if element["inHeader"]]
    assert {"site-name"} <= {element["classes"] for element in header}, header
    assert any(element["id"] == "header-search" for element in header), header
    assert sum(element["tag"] == "a" for element in header) >= 3, header
    # The first stop in the form opens the topic facet (a native <details>).
    assert summary["tag"] == "summary"
    assert summary["text"].startswith("Thema"), summary
    page.keyboard.press("Enter")
    assert page.locator("details.filters__facet").first.evaluate("(details) => details.open")

    checkbox = tab_until(
        page, lambda element: element["name"] == "topic" and element["value"] == topic, visited
    )
    assert checkbox["type"] == "checkbox"
    page.keyboard.press("Space")
    assert page.locator(f'form.filters input[name="topic"][value="{topic}"]').is_checked()

    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert parse_qs(urlsplit(page.url).query) == {"topic": [topic]}
    assert 0 < result_count(page) < total

"""The offer filters work without JavaScript: a plain GET form, in German and in Arabic."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from .conftest import LANGUAGES


def result_count(page):
    """The number in "22 Angebote gefunden" (\\d and int() read Arabic-Indic digits too)."""
    return int(re.search(r"\d+", page.locator(".results-summary__count").inner_text()).group())


@pytest.mark.parametrize("language", LANGUAGES)
def test_filter_offers_without_javascript(site, new_context, language):
    base_url, pages = site
    topic = pages[language]["topic"]
    page = new_context(java_script_enabled=False, locale=language).new_page()
    page.goto(base_url + pages[language]["offers"])
    assert page.evaluate("document.documentElement.lang") == language
    total = result_count(page)

    form = page.locator("form.filters")
    option = f'input[name="topic"][value="{topic}"]'
    # The facets are native <details>: they open without JavaScript.
    form.locator("details.filters__facet", has=page.locator(option)).locator("summary").click()
    form.locator(option).check()
    label = form.locator("label", has=page.locator(option)).inner_text().strip()
    submit = form.locator('button[type="submit"]')
    with page.expect_navigation():
        if language == "de":
            submit.click()
        else:  # the keyboard way
            submit.focus()
            page.keyboard.press("Enter")

    assert parse_qs(urlsplit(page.url).query) == {"topic": [topic]}
    assert 0 < result_count(page) < total
    assert label in page.locator(".active-filters").inner_text()
    assert page.locator(f"form.filters {option}").is_checked()

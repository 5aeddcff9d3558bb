"""The help check in the browser: from the home page to the result in three page loads, in
German and Arabic, with no accessibility violation, with and without JavaScript."""

import pytest

from .conftest import LANGUAGES
from .test_accessibility import axe_failures


def answer_questions(page):
    """A single mother of two (7 at school, 3 in Kita), 1,400 € gross, 650 € rent."""
    page.locator('input[name="adults"][value="1"]').check()
    page.locator('input[name="single_parent"]').check()
    page.locator('input[name="child_1_age"]').fill("7")
    page.locator('select[name="child_1_care"]').select_option("school")
    page.locator('input[name="child_2_age"]').fill("3")
    page.locator('select[name="child_2_care"]').select_option("kita")
    page.locator('input[name="income"]').fill("1400")
    page.locator('input[name="rent"]').fill("650")
    page.locator('input[name="receives"][value="kindergeld"]').check()


@pytest.mark.parametrize("language", LANGUAGES)
def test_from_home_to_result_in_three_page_loads(site, new_context, axe_script, language):
    base_url, all_pages = site
    pages = all_pages[language]
    # bypass_csp only so that axe (an inline script) can run, as in test_accessibility.
    context = new_context(locale=language, bypass_csp=True)
    page = context.new_page()
    loads = []
    page.on("load", lambda: loads.append(page.url))

    page.goto(base_url + pages["home"])
    teaser = page.locator(".help-check-teaser a")
    assert teaser.count() == 1
    teaser.click()
    page.wait_for_url(f"**{pages['help_check']}")
    assert page.evaluate("document.documentElement.dir") == ("rtl" if language == "ar" else "ltr")
    failures = axe_failures(page, axe_script)
    assert not failures, "\n".join(failures)

    page.goto(base_url + pages["help_check"])  # the form again, without axe's script
    loads.clear()
    answer_questions(page)
    page.locator(".help-check button[type=submit]").first.click()
    page.wait_for_selector(".help-result")
    assert len(loads) == 1  # home → check → result: the result is one page load
    assert page.locator(".help-result__item").count() == 8
    assert page.locator(".help-result__item--likely").count() >= 1
    # With JavaScript the print button shows; it prints the list.
    assert page.locator("[data-print]").is_visible()
    failures = axe_failures(page, axe_script)
    assert not failures, "\n".join(failures)


def test_the_check_works_without_javascript(site, new_context):
    base_url, all_pages = site
    page = new_context(java_script_enabled=False).new_page()
    page.goto(base_url + all_pages["de"]["help_check"])
    answer_questions(page)
    page.locator(".help-check button[type=submit]").first.click()
    page.wait_for_selector(".help-result")
    assert page.locator(".help-result__item").count() == 8
    # Without a script there is nothing to print with: the button stays hidden.
    assert not page.locator("[data-print]").is_visible()
    cookies = page.context.cookies()
    assert cookies == []


def test_an_appointment_request_without_javascript_in_arabic(site, new_context):
    """The form works without a script, right to left; its one cookie lives for the session."""
    base_url, all_pages = site
    page = new_context(java_script_enabled=False, locale="ar").new_page()
    page.goto(base_url + all_pages["ar"]["appointment"])
    assert page.evaluate("document.documentElement.dir") == "rtl"
    page.locator('input[name="contact_method"][value="phone"]').check()
    page.locator('input[name="contact"]').fill("0170 5550123")
    page.locator('input[name="consent"]').check()
    page.wait_for_timeout(3500)  # a person takes a few seconds; the form refuses less
    page.locator(".request-form button[type=submit]").click()
    page.wait_for_selector("a[href*='zurueckziehen/']")
    [cookie] = page.context.cookies()
    assert cookie["name"] == "csrftoken"
    assert cookie["expires"] == -1  # a session cookie

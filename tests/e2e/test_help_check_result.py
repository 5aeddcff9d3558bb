"""The help check's result as a family takes it along: printed to PDF by Chromium on at most two
A4 pages, without buttons, the likely benefits opened; read aloud like the dates list."""

import io
import json

import pypdfium2
import pytest

from .test_help_check import answer_questions
from .test_read_aloud import STUB

PHONE = {"width": 360, "height": 640}


def result_page(site, new_context, language, init_script=None, **options):
    base_url, pages = site
    context = new_context(locale=language, viewport=PHONE, **options)
    if init_script:
        context.add_init_script(init_script)
    page = context.new_page()
    page.goto(base_url + pages[language]["help_check"])
    answer_questions(page)
    page.locator(".help-check button[type=submit]").first.click()
    page.wait_for_selector(".help-result")
    return page


def pdf_pages(page):
    pdf = pypdfium2.PdfDocument(io.BytesIO(page.pdf(format="A4")))
    return [pdf[index].get_textpage().get_text_range() for index in range(len(pdf))]


@pytest.mark.parametrize("language", ["de", "ar"])
def test_the_result_prints_on_two_pages_without_buttons(site, new_context, language):
    page = result_page(site, new_context, language)
    # On the phone: the summary first, the benefits closed below it.
    assert page.locator(".help-result__summary").is_visible()
    assert page.locator(".help-result__item details[open]").count() == 0
    buttons = [
        page.locator("[data-print]").text_content().strip(),
        page.locator(".help-result__actions a").text_content().strip(),
    ]
    texts = pdf_pages(page)
    assert len(texts) <= 2
    # After printing the disclosures are as the family left them.
    assert page.locator(".help-result__item details[open]").count() == 0
    if language != "de":
        return  # pdfium gives right-to-left text in visual order: compared in German only
    printed = " ".join(" ".join(texts).split())
    for text in buttons:
        assert text not in printed
    # The summary and the likely benefits' essentials (where to apply), each once.
    likely = page.locator(".help-result__item--likely h3").all_text_contents()
    assert likely
    for name in likely:
        assert name in printed
    where = page.locator(".help-result__item--likely .help-result__contact").first
    assert " ".join(where.text_content().split()) in printed
    assert printed.count(" ".join(page.locator(".contact-block h2").text_content().split())) == 1


def test_without_a_script_the_print_still_names_the_likely_benefits(site, new_context):
    page = result_page(site, new_context, "de", java_script_enabled=False)
    texts = pdf_pages(page)
    assert len(texts) <= 2
    printed = " ".join(" ".join(texts).split())
    assert "Neu beginnen" not in printed
    for name in page.locator(".help-result__short a").all_text_contents():
        assert name in printed


@pytest.mark.parametrize("page_name", ["result", "events"])
def test_the_result_and_the_dates_list_can_be_read_aloud(site, new_context, page_name):
    base_url, pages = site
    stub = f"({STUB})({json.dumps(['de-DE'])})"
    if page_name == "result":
        page = result_page(site, new_context, "de", init_script=stub)
    else:
        context = new_context(locale="de")
        context.add_init_script(stub)
        page = context.new_page()
        page.goto(base_url + pages["de"]["events"])
    start = page.locator("[data-read-aloud-action=start]")
    start.wait_for(state="visible")
    start.click()
    page.wait_for_function("() => window.__speech.spoken.length > 2")
    spoken = " ".join(entry["text"] for entry in page.evaluate("() => window.__speech.spoken"))
    assert page.locator("h1").text_content().strip() in spoken
    assert "Vorlesen" not in spoken

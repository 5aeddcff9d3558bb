"""Print material, printed by Chromium to PDF as an office computer would: one A4 sheet each,
the QR codes on it decode to the right page, Arabic right to left, no accessibility violation.

The PDFs are read with pypdfium2 (page count, size, text) and the QR codes decoded with
zxing-cpp from the rendered page, so the test sees what a phone's camera sees.
"""

import re

import pypdfium2
import pytest
import zxingcpp
from wagtail.models import Site

from .conftest import LANGUAGES
from .test_accessibility import axe_failures

#: A4 in PostScript points, and how far a printed page may be off.
A4 = (595.28, 841.89)
TOLERANCE = 2
ARABIC = re.compile(r"[\u0600-\u06ff]")


@pytest.fixture(scope="module")
def demo_print_pages(demo_pages, django_db_blocker):
    """The demo pages' print material per language, and every offer and partner sheet."""
    from angebote.models import OfferPage, PartnerPage
    from events.models import ConsultationPage

    with django_db_blocker.unblock():
        root_url = Site.objects.get(is_default_site=True).root_url
        sheets = {
            code: [
                (page.url, page.title)
                for model in (OfferPage, PartnerPage)
                for page in model.objects.live().filter(locale__language_code=code)
            ]
            for code in LANGUAGES
        }
        hours = {
            code: ConsultationPage.objects.live()
            .filter(locale__language_code=code, host__isnull=True)
            .first()
            .url
            for code in LANGUAGES
        }
    return root_url, sheets, hours


def print_urls(pages, hours, code):
    """Every kind of print material in language ``code``: {name: (URL, the pages it shows)}."""
    other = "ar" if code == "de" else "de"
    hour = hours[code]
    return {
        "office poster": (f"{pages['home']}plakat/", [pages["home"]]),
        "poster": (f"{hour}plakat/", [hour]),
        "bilingual poster": (f"{hour}plakat/{other}/", [hour, hours[other]]),
        "flyer sheet": (f"{hour}flyer/", [hour] * 4),
        "office flyer sheet": (f"{pages['home']}flyer/", [pages["home"]] * 4),
        "offer sheet": (f"{pages['offer']}infoblatt/", [pages["offer"]]),
        "partner sheet": (f"{pages['partner']}infoblatt/", [pages["partner"]]),
    }


def printed(page, url):
    """The page at ``url`` printed to PDF with its own @page size."""
    response = page.goto(url)
    assert response.status == 200, url
    return pypdfium2.PdfDocument(page.pdf(prefer_css_page_size=True, print_background=True))


def assert_one_a4_sheet(pdf, url):
    assert len(pdf) == 1, f"{url}: {len(pdf)} pages instead of one"
    width, height = pdf[0].get_size()
    assert abs(width - A4[0]) <= TOLERANCE, f"{url}: {width} pt wide"
    assert abs(height - A4[1]) <= TOLERANCE, f"{url}: {height} pt high"


def decoded(pdf):
    """The texts of the QR codes on the first page, as a phone would read them."""
    image = pdf[0].render(scale=3).to_pil()
    results = zxingcpp.read_barcodes(image)
    assert all(result.format == zxingcpp.BarcodeFormat.QRCode for result in results)
    return sorted(result.text for result in results)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_kind_prints_on_one_a4_sheet_with_codes_that_open_the_page(
    site, new_context, demo_print_pages, language
):
    base_url, all_pages = site
    root_url, _sheets, hours = demo_print_pages
    page = new_context().new_page()
    for name, (path, shown) in print_urls(all_pages[language], hours, language).items():
        pdf = printed(page, base_url + path)
        assert_one_a4_sheet(pdf, f"{language} {name}")
        assert decoded(pdf) == sorted(root_url + url for url in shown), f"{language} {name}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_demo_offer_and_partner_fits_one_take_away_sheet(
    site, new_context, demo_print_pages, language
):
    base_url, _pages = site
    _root, sheets, _hours = demo_print_pages
    page = new_context().new_page()
    too_long = {}
    for url, _title in sheets[language]:
        pdf = printed(page, f"{base_url}{url}infoblatt/")
        if len(pdf) != 1:
            too_long[url] = len(pdf)
    assert not too_long, f"sheets over one page: {too_long}"


def test_flyers_fit_their_a6_cells(site, new_context, demo_print_pages):
    base_url, all_pages = site
    _root, _sheets, hours = demo_print_pages
    page = new_context().new_page()
    page.emulate_media(media="print")
    for language in LANGUAGES:
        for url in (f"{hours[language]}flyer/", f"{all_pages[language]['home']}flyer/"):
            page.goto(base_url + url)
            cells = page.evaluate(
                """() => [...document.querySelectorAll('.flyer')].map((cell) => ({
                    overflow: cell.scrollHeight - cell.clientHeight,
                    width: cell.getBoundingClientRect().width * 25.4 / 96,
                    height: cell.getBoundingClientRect().height * 25.4 / 96,
                }))"""
            )
            assert len(cells) == 4
            for cell in cells:
                assert cell["overflow"] <= 1, f"{url}: the flyer's text overflows its cell"
                assert abs(cell["width"] - 105) < 1, f"{url}: {cell['width']} mm wide"
                assert abs(cell["height"] - 148) < 1, f"{url}: {cell['height']} mm high"


def test_the_arabic_sheet_is_right_to_left_and_its_pdf_has_the_arabic_title(
    site, new_context, demo_print_pages
):
    base_url, all_pages = site
    _root, sheets, _hours = demo_print_pages
    url = all_pages["ar"]["offer"]
    title = dict(sheets["ar"])[url]
    page = new_context().new_page()
    pdf = printed(page, f"{base_url}{url}infoblatt/")
    sheet = page.locator("article.info-sheet")
    assert sheet.get_attribute("dir") == "rtl"
    assert sheet.evaluate("(element) => getComputedStyle(element).direction") == "rtl"
    # Logical CSS: the QR code sits at the start of its line, which is the right in Arabic.
    qr = page.locator(".print-qr .qr").bounding_box()
    text = page.locator(".print-qr p").bounding_box()
    assert qr["x"] > text["x"]
    # PDFium gives some right-to-left runs in visual order (each word's letters reversed):
    # every Arabic word of the title must be there, in either order.
    extracted = pdf[0].get_textpage().get_text_bounded()
    words = [word.strip("():،") for word in title.split() if ARABIC.search(word)]
    assert words, title
    missing = [word for word in words if word not in extracted and word[::-1] not in extracted]
    assert not missing, f"not in the PDF's text: {missing}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_print_pages_and_the_qr_code_view_have_no_accessibility_violations(
    site, new_context, axe_script, demo_print_pages, language
):
    base_url, all_pages = site
    _root, _sheets, hours = demo_print_pages
    pages = all_pages[language]
    urls = [path for path, _shown in print_urls(pages, hours, language).values()]
    urls += [f"{pages['offer']}qr-code/", f"{pages['consultation']}qr-code/"]
    page = new_context(locale=language, bypass_csp=True).new_page()
    failures = {}
    for url in urls:
        assert page.goto(base_url + url).status == 200, url
        # The print button appears with the script; axe checks the page as a visitor sees it.
        assert (
            page.locator("[data-print]").count() == 0 or page.locator("[data-print]").is_visible()
        )
        found = axe_failures(page, axe_script)
        if found:
            failures[url] = "\n".join(found)
    assert not failures, "\n\n".join(f"{url}:\n{text}" for url, text in failures.items())

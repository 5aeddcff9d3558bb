"""The walk over every view of the demo site in one language: every page type, the print
material, the QR code view, the dates widget, and the states reached by filling in forms
(the help check's result, the appointment request's thank-you page).

Used by test_phone_layout (every language, two phone widths) and test_direction (the
right-to-left languages).
"""

import time

from django.core import signing
from django.core.cache import cache
from django.test import RequestFactory

from buero.visitors import client_key
from events.requests import MIN_FILL_SECONDS, SIGNING_SALT

from .test_help_check import answer_questions

#: The demo pages of conftest.demo_pages, each a page type (or the search, 404 and offline views).
PAGE_TYPES = (
    "home",
    "offers",
    "offer",
    "partners",
    "partner",
    "events",
    "consultation",
    "courses",
    "course",
    "standard",
    "help_check",
    "appointment",
    "search",
    "not_found",
    "offline",
)
STATUS = {"not_found": 404}
#: The states reached by filling in a form, after the views above.
FORM_STATES = ("help check result", "appointment request sent")


def views(pages, code):
    """Every view to load in language ``code``: {name: URL}, ``pages`` as in demo_pages."""
    other = "de" if code == "ar" else "ar"
    hour, home = pages["consultation"], pages["home"]
    return {
        **{name: pages[name] for name in PAGE_TYPES},
        "offers filtered": f"{pages['offers']}?topic={pages['topic']}",
        "office poster": f"{home}plakat/",
        "office flyers": f"{home}flyer/",
        "poster": f"{hour}plakat/",
        "bilingual poster": f"{hour}plakat/{other}/",
        "flyers": f"{hour}flyer/",
        "offer sheet": f"{pages['offer']}infoblatt/",
        "partner sheet": f"{pages['partner']}infoblatt/",
        "QR code": f"{pages['offer']}qr-code/",
        "dates widget": f"/{code}/einbetten/termine/",
    }


def started_long_enough_ago():
    """The appointment form's signed start time, as if a person had taken a few seconds."""
    stamp = str(int(time.time()) - MIN_FILL_SECONDS - 5)
    return signing.TimestampSigner(salt=SIGNING_SALT).sign(stamp)


def send_appointment_request(page):
    """Fill in the appointment request on ``page`` (loaded) and send it: the thank-you page."""
    page.locator('input[name="contact_method"][value="phone"]').check()
    page.locator('input[name="contact"]').fill("0170 5550123")
    page.locator('input[name="consent"]').check()
    page.locator('input[name="started"]').evaluate(
        "(input, value) => { input.value = value; }", started_long_enough_ago()
    )
    page.locator(".request-form button[type=submit]").click()
    page.wait_for_selector("a[href*='zurueckziehen/']")
    forget_request_count()


def forget_request_count():
    """The site takes five requests an hour from one address (events.requests.RATE_LIMIT);
    the walks send one per language. The live server shares the test's cache: forget them."""
    for address in ("127.0.0.1", "::1"):
        request = RequestFactory().get("/", REMOTE_ADDR=address)
        cache.delete(client_key(request, "events:appointment-requests"))


def walk(page, base_url, pages, code, check):
    """Load every view of language ``code`` in ``page`` and call ``check(name)`` on each;
    then fill in the help check and the appointment request and check what they show."""
    for name, url in views(pages, code).items():
        response = page.goto(base_url + url)
        assert response.status == STATUS.get(name, 200), f"{code} {name}: {url}"
        check(name)

    page.goto(base_url + pages["help_check"])
    answer_questions(page)
    page.locator(".help-check button[type=submit]").first.click()
    page.wait_for_selector(".help-result")
    check(FORM_STATES[0])

    page.goto(base_url + pages["appointment"])
    send_appointment_request(page)
    check(FORM_STATES[1])

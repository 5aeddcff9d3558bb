"""Post/Redirect/Get for the appointment request in a real browser: after sending, reload and
Back are harmless; the request is stored once and the thank-you address holds no answer."""

from events.models import AppointmentRequest

PHONE = "0170 5550199"


def test_send_reload_and_go_back_store_one_request(site, new_context):
    base_url, all_pages = site
    form_url = base_url + all_pages["de"]["appointment"]
    before = AppointmentRequest.objects.count()
    page = new_context(locale="de").new_page()
    page.goto(form_url)
    page.locator('input[name="contact_method"][value="phone"]').check()
    page.locator('input[name="contact"]').fill(PHONE)
    page.locator('input[name="name"]').fill("Mira Kaya")
    page.locator('input[name="consent"]').check()
    page.wait_for_timeout(3500)  # a person takes a few seconds; the form refuses less
    page.locator(".request-form button[type=submit]").click()
    page.wait_for_selector("a[href*='zurueckziehen/']")
    thanks = page.url
    assert "/danke/" in thanks
    for value in ("0170", "5550199", "Mira", "Kaya"):
        assert value not in thanks

    # A reload is a GET of the thank-you page: no "resend the form?" and nothing stored.
    response = page.reload()
    assert response.status == 200
    assert page.locator("a[href*='zurueckziehen/']").count() == 1
    # Back leads to the form (a GET), not to an expired POST answer.
    response = page.go_back()
    assert response is not None
    assert response.status == 200
    assert page.url == form_url
    assert page.locator(".request-form").count() == 1
    page.go_forward()
    assert page.url == thanks
    assert AppointmentRequest.objects.count() == before + 1

"""Every view fits a phone: nothing wider than the screen, nothing cut off, fields a thumb
can hit and a person can read, tap targets of 24 x 24 px (phone_checks).

The walk (walk.py) covers every page type of the demo site, the print material, the QR code
view, the dates widget, the help check's result and the appointment request's thank-you
page, in all eight languages, at 320 and 360 px wide: one browser context per width, one
evaluation per view. A failure names the language, the view, the width and the element
with its box; screenshots of the failing views are left in tests/e2e/screenshots/.
"""

import pytest

from .conftest import ALL_LANGUAGES, SCREENSHOTS
from .phone_checks import phone_problems
from .walk import FORM_STATES, views, walk

WIDTHS = (320, 360)
HEIGHT = 740
#: A failure report names at most this many problems.
REPORTED = 150


@pytest.mark.parametrize("width", WIDTHS)
def test_every_view_fits_a_phone(site, new_context, width):
    base_url, all_pages = site
    # No service worker: it would store pages for offline reading while the walk goes on.
    context = new_context(viewport={"width": width, "height": HEIGHT}, service_workers="block")
    page = context.new_page()
    failures = []
    walked = []

    for code in ALL_LANGUAGES:

        def check(name, code=code):
            walked.append(name)
            problems = phone_problems(page)
            if problems:
                SCREENSHOTS.mkdir(exist_ok=True)
                shot = f"phone-{width}-{code}-{name.replace(' ', '-')}.png"
                page.screenshot(path=SCREENSHOTS / shot, full_page=True)
            failures.extend(f"{code}, {name}, {width} px ({page.url}): {p}" for p in problems)

        walk(page, base_url, all_pages[code], code, check)

    expected = len(ALL_LANGUAGES) * (len(views(all_pages["de"], "de")) + len(FORM_STATES))
    assert len(walked) == expected
    assert not failures, (
        f"{len(failures)} problems in {len(walked)} views at {width} px:\n"
        + "\n".join(failures[:REPORTED])
    )

"""A visit leaves no trace elsewhere: every request goes to the site itself, no cookie is set.

Nothing is loaded from another host (fonts, scripts, images, analytics), so no third party
learns who reads which help offer; the pages set no cookie (the language is in the URL).
"""

from urllib.parse import urlsplit

import pytest

from .conftest import LANGUAGES

PAGES = ("home", "offer", "events", "search")


def origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@pytest.mark.parametrize("page_name", PAGES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_third_party_requests_and_no_cookies(site, new_context, language, page_name):
    base_url, pages = site
    context = new_context(locale=language)
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))

    response = page.goto(base_url + pages[language][page_name], wait_until="networkidle")
    assert response.status == 200

    assert requests, "no request was recorded"
    assert requests[0] == response.url
    foreign = [url for url in requests if origin(url) != origin(base_url)]
    assert not foreign, f"requests to other hosts: {foreign}"
    assert "set-cookie" not in response.all_headers(), response.all_headers()
    assert context.cookies() == []

"""Search engines find every language: hreflang alternates and a sitemap of all locales."""

import pytest

from buero.factories import OfficeInfoPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(home, translate):
    page = OfficeInfoPageFactory(parent=home, title="Über uns", slug="ueber-uns")
    translate(home, "en")
    translate(home, "ar")
    english = translate(page, "en", title="About us", slug="about-us")
    return page, english


def test_every_page_names_its_translations(client, about):
    german, english = about
    content = client.get(english.url).content.decode()
    assert f'<link rel="alternate" hreflang="de" href="http://localhost{german.url}">' in content
    assert f'<link rel="alternate" hreflang="en" href="http://localhost{english.url}">' in content
    assert (
        f'<link rel="alternate" hreflang="x-default" href="http://localhost{german.url}">'
        in content
    )
    assert 'hreflang="ar" href="http://localhost/ar/ueber-uns/"' not in content  # not translated


def test_sitemap_lists_every_locale_with_alternates(client, about):
    german, english = about
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    content = response.content.decode()
    for url in ("/de/", "/en/", "/ar/", german.url, english.url):
        assert f"<loc>http://localhost{url}</loc>" in content
    assert (
        f'<xhtml:link rel="alternate" hreflang="en" href="http://localhost{english.url}"/>'
        in content
    )
    assert "Set-Cookie" not in response.headers

"""Share links under content pages: plain links that load nothing from another host.

WhatsApp, Telegram and e-mail get the page's absolute address, URL-encoded; the QR code is
the page's own route; "copy link" is hidden until the site's script shows it.
"""

from html.parser import HTMLParser
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from buero.factories import OfficeInfoPageFactory

pytestmark = pytest.mark.django_db

#: offer, partner, consultation hour, course and standard page, German and Arabic.
CONTENT_PAGES = [2, 4, 6, 8, 9, 12, 14, 16, 18, 19]
#: The home page and the index pages show no share box.
OTHER_PAGES = [0, 1, 3, 5, 7, 10, 11, 13, 15, 17]


class Elements(HTMLParser):
    """Every start tag of a page as (tag, attributes), and the share box's elements."""

    def __init__(self, html):
        super().__init__()
        self.all, self.share, self._depth = [], [], 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.all.append((tag, attrs))
        if tag == "section" and "share" in (attrs.get("class") or "").split():
            self._depth = 1
        elif self._depth and tag == "section":
            self._depth += 1
        if self._depth:
            self.share.append((tag, attrs))

    def handle_endtag(self, tag):
        if self._depth and tag == "section":
            self._depth -= 1


def share_box(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return Elements(response.content.decode())


def links(elements):
    return [attrs for tag, attrs in elements.share if tag == "a"]


@pytest.mark.usefixtures("office")
def test_content_pages_share_their_absolute_address(client, public_pages):
    for index in CONTENT_PAGES:
        page = public_pages[index]
        full_url = page.full_url
        assert full_url.startswith("http://localhost/")
        elements = share_box(client, page.url)
        hrefs = [attrs["href"] for attrs in links(elements)]
        printed = [url for _kind, _name, url in page.specific.print_links()]
        assert len(hrefs) == 4 + len(printed), page.url

        whatsapp, telegram, email, qr_code, *print_material = hrefs
        assert print_material == printed
        encoded = quote(full_url, safe="")
        assert whatsapp == f"https://wa.me/?text={quote(page.title, safe='')}%20{encoded}"
        assert telegram.startswith("https://t.me/share/url?")
        assert parse_qs(urlsplit(telegram).query) == {"url": [full_url], "text": [page.title]}
        assert f"url={encoded}" in telegram
        assert email.startswith("mailto:?")
        assert f"body={encoded}" in email
        assert parse_qs(urlsplit(email).query)["subject"] == [page.title]
        assert qr_code == f"{page.url}qr-code/"

        for attrs in links(elements)[:3]:
            assert attrs["rel"] == "noopener noreferrer"
            assert "target" not in attrs  # no new window the visitor did not ask for

        buttons = [attrs for tag, attrs in elements.share if tag == "button"]
        assert len(buttons) == 1
        assert "hidden" in buttons[0]  # shown by the script only
        assert buttons[0]["type"] == "button"
        assert buttons[0]["data-copy-link"] == full_url
        assert any(attrs.get("role") == "status" for _tag, attrs in elements.share)


@pytest.mark.usefixtures("office")
def test_the_box_speaks_the_visitors_language(client, public_pages):
    german = client.get(public_pages[2].url).content.decode()
    assert '<h2 id="share-heading">Teilen</h2>' in german
    assert ">QR-Code zeigen</a>" in german
    assert 'data-copied="Link kopiert"' in german
    assert ">Link kopieren</button>" in german

    arabic = client.get(public_pages[12].url).content.decode()
    assert '<section class="share" aria-labelledby="share-heading" lang="ar" dir="rtl">' in arabic
    assert "شارك هذه الصفحة" in arabic
    assert 'data-copied="تم نسخ الرابط"' in arabic


@pytest.mark.usefixtures("office")
def test_only_content_pages_have_a_share_box(client, public_pages):
    for index in OTHER_PAGES:
        page = public_pages[index]
        assert not share_box(client, page.url).share, page.url


def test_titles_and_addresses_are_encoded(client, home, office):
    page = OfficeInfoPageFactory(parent=home, title="Schulden & Geld: Hilfe für Familien?")
    whatsapp, telegram, email, _qr = (attrs["href"] for attrs in links(share_box(client, page.url)))
    assert whatsapp.startswith("https://wa.me/?text=Schulden%20%26%20Geld%3A%20Hilfe%20f%C3%BCr")
    assert parse_qs(urlsplit(telegram).query)["text"] == [page.title]
    # In a mailto: URI a "+" is a plus: spaces must be %20.
    assert "+" not in email
    assert parse_qs(urlsplit(email).query)["subject"] == [page.title]


@pytest.mark.usefixtures("office")
def test_no_page_loads_anything_from_another_host(client, public_pages):
    urls = [page.url for page in public_pages] + ["/de/suche/?q=Beratung", "/de/gibt-es-nicht/"]
    for url in urls:
        response = client.get(url)
        for tag, attrs in Elements(response.content.decode()).all:
            addresses = [attrs.get("src"), attrs.get("srcset")]
            if tag == "link":
                addresses.append(attrs.get("href"))
            if tag in ("iframe", "object", "embed"):
                addresses.append(attrs.get("data") or attrs.get("src") or "")
            for address in filter(None, addresses):
                host = urlsplit(address.split()[0]).netloc
                assert host in ("", "localhost"), f"{url}: <{tag}> loads {address}"

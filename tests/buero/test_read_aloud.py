""" "Vorlesen" on content pages: the controls, hidden until the site's script finds a voice, and
the marks that say what is read (title, summary, content) and how times are spoken."""

import datetime
from html.parser import HTMLParser

import pytest

from angebote.factories import OpeningHoursFactory

pytestmark = pytest.mark.django_db

#: home, offer, partner, consultation hour, course and standard page, German and Arabic.
CONTENT_PAGES = [0, 2, 4, 6, 8, 9, 10, 12, 14, 16, 18, 19]
#: The listings read nothing aloud.
INDEX_PAGES = [1, 3, 5, 7, 11, 13, 15, 17]


class Elements(HTMLParser):
    """Every start tag as (tag, attributes), and the read-aloud group's elements."""

    def __init__(self, html):
        super().__init__()
        self.all, self.controls, self._depth = [], [], 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.all.append((tag, attrs))
        if "data-read-aloud-controls" in attrs:
            self._depth = 1
        elif self._depth and tag == "div":
            self._depth += 1
        if self._depth:
            self.controls.append((tag, attrs))

    def handle_endtag(self, tag):
        if self._depth and tag == "div":
            self._depth -= 1

    def marked(self, part):
        return [tag for tag, attrs in self.all if attrs.get("data-read-aloud") == part]


def elements(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return Elements(response.content.decode())


@pytest.mark.usefixtures("office")
def test_content_pages_mark_what_is_read_and_hide_the_controls(client, public_pages):
    for index in CONTENT_PAGES:
        page = public_pages[index]
        found = elements(client, page.url)
        assert found.marked("title") == ["h1"], page.url
        assert found.marked("summary"), page.url
        assert found.marked("content"), page.url

        group, *inside = found.controls
        assert group[1]["role"] == "group", page.url
        assert "hidden" in group[1]  # shown by the script, where a voice exists
        assert "data-read-aloud-skip" in group[1]  # never read itself
        buttons = [attrs for tag, attrs in inside if tag == "button"]
        assert [b["data-read-aloud-action"] for b in buttons] == ["start", "pause", "stop"]
        assert all(b["type"] == "button" for b in buttons)
        assert buttons[0]["aria-pressed"] == "false"
        assert "hidden" in buttons[1]
        assert "hidden" in buttons[2]
        assert [attrs for tag, attrs in inside if attrs.get("role") == "status"], page.url


@pytest.mark.usefixtures("office")
def test_the_controls_speak_the_visitors_language(client, public_pages):
    german = client.get(public_pages[2].url).content.decode()
    assert 'aria-pressed="false">Vorlesen</button>' in german
    for attribute in (
        'data-reading="Wird vorgelesen"',
        'data-paused="Angehalten"',
        'data-stopped="Beendet"',
        'data-pause="Pause"',
        'data-resume="Weiter"',
    ):
        assert attribute in german

    arabic = client.get(public_pages[12].url).content.decode()
    group = Elements(arabic).controls[0][1]
    assert (group["lang"], group["dir"]) == ("ar", "rtl")
    assert ">قراءة بصوت عالٍ</button>" in arabic
    assert 'data-paused="متوقفة مؤقتًا"' in arabic


@pytest.mark.usefixtures("office")
def test_listings_read_nothing_aloud_but_the_dates_list(client, public_pages):
    """The dates list is read aloud (families ask "when is the next hour?"); others are not."""
    from events.models import DateIndexPage

    for index in INDEX_PAGES:
        page = public_pages[index]
        found = elements(client, page.url)
        if isinstance(page.specific, DateIndexPage):
            assert found.controls, page.url
            continue
        assert not found.controls, page.url
        assert not any("data-read-aloud" in attrs for _tag, attrs in found.all), page.url


@pytest.mark.usefixtures("office")
def test_times_carry_their_words(client, public_pages):
    """Dates of a consultation hour and a course, and a partner's opening hours."""
    hour, course, partner = public_pages[6], public_pages[8], public_pages[4]
    OpeningHoursFactory(page=partner.specific, opens=datetime.time(9), closes=datetime.time(12, 30))
    for page in (hour, course, partner):
        spoken = [
            attrs["data-spoken"]
            for _tag, attrs in elements(client, page.url).all
            if "data-spoken" in attrs
        ]
        assert spoken, page.url
        assert all(" bis " in words and "Uhr" in words for words in spoken), spoken
    assert "9 Uhr bis 12 Uhr 30" in spoken

    arabic = elements(client, public_pages[16].url).all
    assert any("حتى" in attrs.get("data-spoken", "") for _tag, attrs in arabic)

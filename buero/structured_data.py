"""schema.org JSON-LD: the parts that every page type's structured data shares.

Each page type describes itself in ``structured_data(request, context)`` (see
``buero.models.BasePage``); the base template's ``{% structured_data %}`` tag renders the
blocks once in the head, each with ``@context`` and the language of the page's text. Blocks
name each other by ``@id``: a page by its full URL, the office by its home page's URL with
``#office``, the website with ``#website``, a partner's organisation and an offer's service
by their page's URL with ``#organization`` and ``#service``, so that an offer's provider is
the partner page's organisation and every page is part of its language's website.

schema.org gives the language (``inLanguage``) to creative works and events only: a block of
another type (the office, a service, an organisation) names the page it is described on as
its ``mainEntityOfPage``, a WebPage in the page's language.
"""

from wagtail.models import Page

from . import page_tree
from .office_settings import OfficeSettings

SCHEMA = "https://schema.org"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
EMPTY = (None, "", [], {})
#: The types of the blocks here that schema.org gives an ``inLanguage`` (CreativeWork, Event).
IN_LANGUAGE_TYPES = frozenset({"WebPage", "CollectionPage", "WebSite", "Course", "Event"})


def weekday(number):
    """schema.org's day of the week for Python's weekday number (Monday is 0)."""
    return f"{SCHEMA}/{WEEKDAYS[int(number)]}"


def compact(data):
    """``data`` without empty values, at every level: schema.org readers take a missing
    property for unknown, an empty one for wrong."""
    if isinstance(data, dict):
        cleaned = {key: compact(value) for key, value in data.items()}
        return {key: value for key, value in cleaned.items() if value not in EMPTY}
    if isinstance(data, list | tuple):
        return [item for item in (compact(value) for value in data) if item not in EMPTY]
    return data


def blocks(data, language, page_url):
    """The page's structured data (a dict, a list of dicts or None) as complete blocks, each
    in ``language``: its own, or its page's (at ``page_url``) where schema.org has none."""
    if data is None:
        return []
    found = [data] if isinstance(data, dict) else list(data)
    return [
        {"@context": SCHEMA, **compact(block), **in_language(block, language, page_url)}
        for block in found
        if block
    ]


def in_language(block, language, page_url):
    if block["@type"] in IN_LANGUAGE_TYPES:
        return {"inLanguage": language}
    return {"mainEntityOfPage": {"@type": "WebPage", "@id": page_url, "inLanguage": language}}


def postal_address(street, postcode, town):
    """A German PostalAddress, None where there is neither a street nor a town."""
    if not (street or town):
        return None
    return {
        "@type": "PostalAddress",
        "streetAddress": street,
        "postalCode": postcode,
        "addressLocality": town,
        "addressCountry": "DE",
    }


def home_url(page, request):
    """The full URL of the home page above ``page`` (the page itself, if it is one): the
    page knows it (``BasePage.home_page_url``)."""
    return page.home_page_url(request)


def office_id(url):
    return f"{url}#office"


def website_id(url):
    return f"{url}#website"


def office_reference(page, request):
    """The office (the home page's GovernmentOffice) by its @id, with its name."""
    url = home_url(page, request)
    if url is None:
        return None
    return {"@type": "GovernmentOffice", "@id": office_id(url), "name": office_name(request)}


def office_name(request):
    """The office's name from the site settings, else the site's."""
    site = page_tree.current().find_site(request)
    name = OfficeSettings.for_request(request).name if site is not None else ""
    return name or (site.site_name if site is not None else "")


def website(page, request):
    """The website of the page's language, by @id and with its name and address."""
    url = home_url(page, request)
    if url is None:
        return None
    return {"@type": "WebSite", "@id": website_id(url), "name": office_name(request), "url": url}


def full_url(page, request):
    """The full URL of a page, or of a page tree node (``BasePage.linked_page``)."""
    return page.get_full_url(request) if isinstance(page, Page) else page.full_url


def organization(page, request, telephone=""):
    """A partner page's organisation by its @id, with what a reader needs to get in touch."""
    url = full_url(page, request)
    return {
        "@type": "Organization",
        "@id": f"{url}#organization",
        "name": page.title,
        "url": url,
        "telephone": telephone,
    }


def web_page(page, request, schema_type="WebPage", **properties):
    """A WebPage (or a subtype) for pages that are about themselves."""
    url = page.get_full_url(request)
    return {
        "@type": schema_type,
        "@id": url,
        "name": page.seo_title or page.title,
        "description": page.link_preview_description(),
        "url": url,
        "isPartOf": website(page, request),
        **properties,
    }


def item_list(pages, request):
    """An ItemList of the pages' addresses, in the order shown, each page once."""
    urls = list(dict.fromkeys(full_url(page, request) for page in pages))
    return {
        "@type": "ItemList",
        "numberOfItems": len(urls),
        "itemListElement": [
            {"@type": "ListItem", "position": position, "url": url}
            for position, url in enumerate(urls, start=1)
        ],
    }

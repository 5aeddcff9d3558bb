"""schema.org JSON-LD: the parts that every page type's structured data shares.

Each page type describes itself in ``structured_data(request, context)`` (see
``home.models.BasePage``); the base template's ``{% structured_data %}`` tag renders the
blocks once in the head, each with ``@context`` and the language of the page's text. Blocks
name each other by ``@id``: a page by its full URL, the office by its home page's URL with
``#office``, the website with ``#website``, so that an offer's provider is the partner
page's organisation and every page is part of its language's website.
"""

from wagtail.models import Page

from . import page_tree

SCHEMA = "https://schema.org"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
EMPTY = (None, "", [], {})


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


def blocks(data, language):
    """The page's structured data (a dict, a list of dicts or None) as complete blocks."""
    if data is None:
        return []
    found = [data] if isinstance(data, dict) else list(data)
    return [
        {"@context": SCHEMA, **compact(block), "inLanguage": language} for block in found if block
    ]


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
    """The full URL of the home page above ``page`` (the page itself, if it is one), from
    the page tree snapshot: no query for the pages it knows."""
    from .models import HomePage

    tree = page_tree.current()
    node = tree.get(page.pk)
    while node is not None:
        if node.specific_class is not None and issubclass(node.specific_class, HomePage):
            return node.full_url
        node = tree.parent(node)
    home = Page.objects.ancestor_of(page, inclusive=True).type(HomePage).last()
    return home.get_full_url(request) if home is not None else None


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
    from .models import OfficeSettings

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
        "@id": url,
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

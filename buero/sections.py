"""Slots that other apps fill without the page importing them.

An app registers a Wagtail hook under one of these names; the hook gets the page and the
request and returns rendered HTML, or an empty value to show nothing. The events app uses
them for "next open consultation hour" boxes, and to name the office's opening hours in the
home page's structured data and to name the dates page that is stored for offline
reading (those hooks return a list).
"""

from wagtail import hooks

#: On the home page, below the welcome.
HOME_SECTIONS = "buero_home_sections"
#: On an offer page, after "whom do I call".
OFFER_SECTIONS = "buero_offer_sections"
#: On a partner page, after its offers: the consultation hours it holds.
PARTNER_SECTIONS = "buero_partner_sections"
#: On the page for young people ("Für Jugendliche"): the next consultation hour.
YOUTH_SECTIONS = "buero_youth_sections"
#: On the help check's result: the next consultation hour, with an interpreter if offered.
HELP_CHECK_SECTIONS = "buero_help_check_sections"
#: On print material: the office's hours on its poster, the next hour on a take-away sheet.
PRINT_SECTIONS = "buero_print_sections"
#: On a listing or search page that found nothing.
EMPTY_RESULTS_SECTIONS = "buero_empty_results_sections"
#: Under the notice of a page shown in German to a visitor of another language: the next
#: consultation hour with an interpreter for the visitor's language.
INTERPRETER_SECTIONS = "buero_interpreter_sections"
#: In the home page's JSON-LD: the office's opening hours, a list of schema.org
#: OpeningHoursSpecification dicts.
STRUCTURED_DATA_HOURS = "buero_structured_data_hours"
#: The page types that go directly below the office's entry page (OfficePage), beside its
#: info pages: hooks return "app_label.ModelName" strings.
OFFICE_PAGE_TYPES = "buero_office_page_types"
#: The plugin's own addresses (buero.urls): hooks return lists of URL patterns, below the
#: site's root (the APIs) or below a language (/de/feeds/…).
URLS = "register_buero_urls"
LANGUAGE_URLS = "register_buero_language_urls"
#: What the service worker of a language's home page stores on the first visit, beside the
#: home page itself (buero.offline): a list of URLs, such as the dates page.
OFFLINE_PAGES = "buero_offline_pages"
#: In every page's <head>: <link rel="alternate"> to feeds. Hooks take no arguments and
#: return (URL name, title) pairs; a name the host site does not route to is left out.
FEED_LINKS = "buero_feed_links"


def collect_sections(hook_name, page, request):
    """The non-empty HTML fragments that hooks registered under ``hook_name`` return."""
    return [section for hook in hooks.get_hooks(hook_name) if (section := hook(page, request))]


def collect_items(hook_name, page, request):
    """The entries of the lists that hooks registered under ``hook_name`` return."""
    return [item for hook in hooks.get_hooks(hook_name) for item in hook(page, request) or ()]


class OfficePageTypes:
    """``subpage_types`` of the office's entry page: its own types and those the apps register
    under ``OFFICE_PAGE_TYPES``, read when Wagtail first asks (after every app is loaded)."""

    def __init__(self, *own):
        self.own = own

    def __iter__(self):
        yield from self.own
        for hook in hooks.get_hooks(OFFICE_PAGE_TYPES):
            yield from hook()

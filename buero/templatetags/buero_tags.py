"""Template tags for the site chrome: navigation, language switcher, legal links, phone links,
link previews, share links and structured data."""

import datetime
import json
import re
from urllib.parse import quote, urlencode

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime
from wagtail import hooks
from wagtail.models import Page

from buero import facts, formats, offline, page_tree
from buero import spoken as words
from buero import structured_data as schema
from buero.models import SEARCH_PATH, BasePage, FeedbackReason, OfficePage, OfficeSettings
from buero.sections import FEED_LINKS, INTERPRETER_SECTIONS, collect_sections

register = template.Library()


class PageLanguages:
    """Everything the site chrome needs to know about languages, from the page tree snapshot.

    For the current page, the home page and the footer's legal pages it looks up the
    translations, and with them the menu pages (children of a home page, shown in menus).
    The header, footer and content language all use it; it costs no query (buero.page_tree).
    """

    def __init__(self, request, page):
        current = translation.get_language()
        tree = page_tree.current()
        site = tree.find_site(request) if request is not None else None
        root = tree.get(site.root_page_id) if site else None
        legal = OfficeSettings.for_request(request).legal_pages if request is not None else []

        # Aliases and unpublished translations show German text: not (yet) translations.
        self.page = tree.live_translations(page) if page is not None else {}
        self.translated = {
            code: node
            for code, node in self.page.items()
            if not node.shows_source_text or code == settings.LANGUAGE_CODE
        }
        self.home = tree.live_translations(root) if root is not None else {}
        self.active_home = self.home.get(current, root)
        self.menu = tree.menu(self.active_home) if self.active_home is not None else []
        legal = [tree.live_translations(source).get(current, source) for source in legal]
        self.legal = [entry for entry in legal if entry.live]
        if page is None:
            self.page_language = current
        elif source_language(page):
            self.page_language = source_language(page)
        else:
            node = tree.get(page.id)
            self.page_language = node.language if node else page.locale.language_code

    @classmethod
    def for_context(cls, context):
        request = context.get("request")
        page = context.get("page")
        page = page if isinstance(page, Page) else None
        if request is None:
            return cls(None, page)
        cached = getattr(request, "_buero_page_languages", None)
        if cached is None or cached[0] != (page.id if page else None):
            cached = (page.id if page else None, cls(request, page))
            request._buero_page_languages = cached
        return cached[1]


def _language_root(code):
    """The root URL of a language (/en/), where the host's page URLs carry the language."""
    with translation.override(code):
        try:
            return reverse("wagtail_serve", args=[""])
        except NoReverseMatch:
            return "/"


@register.simple_tag(takes_context=True)
def offline_addresses(context):
    """The manifest and service worker of the active language's home page (buero.offline),
    for the head; None where that page is no OfficePage (a host site's own root)."""
    home = PageLanguages.for_context(context).active_home
    if home is None or home.url is None or not issubclass(home.specific_class, OfficePage):
        return None
    return {**offline.addresses(home.url), "theme_color": offline.THEME_COLOR}


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page's children that editors marked "show in menus", in the active language."""
    return PageLanguages.for_context(context).menu


@register.inclusion_tag("buero/components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """The language switcher, for a host site's header or the office's own section."""
    return {"languages": language_links(context)}


@register.simple_tag(name="language_attributes")
def visitor_language_attributes():
    """``lang`` and ``dir`` of the visitor's language, for ``<html>`` or a section's element."""
    code = translation.get_language() or settings.LANGUAGE_CODE
    direction = "rtl" if translation.get_language_bidi() else "ltr"
    return format_html(' lang="{}" dir="{}"', code, direction)


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language, each named in itself.

    It leads to the same page in that language where a live translation exists, otherwise
    to that language's home page, so the switcher never leads to a 404.
    """
    languages = PageLanguages.for_context(context)
    current = translation.get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        info = translation.get_language_info(code)
        target = languages.page.get(code)
        url = target.url if target else None
        if url is None and code in languages.home:
            url = languages.home[code].url
        if url is None:
            url = _language_root(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": url,
                "bidi": info["bidi"],
                "is_current": code == current,
                "is_translated": code in languages.translated,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def site_chrome(context, part):
    """The site's header or footer, rendered once per site, page, language and snapshot.

    Both show published content only (menus, language links, legal pages, the office's
    contact), the same for every visitor of a page, and every page renders both: built
    from the page tree snapshot like the menus, they are kept with it (buero.page_tree)
    and rebuilt when content changes.
    """
    request = context.get("request")
    page = context.get("page")
    page_id = page.pk if isinstance(page, Page) else None
    tree = page_tree.current()
    site = tree.find_site(request) if request is not None else None
    key = ("chrome", part, site.pk if site else None, page_id, translation.get_language())
    template = context.template.engine.get_template(f"includes/{part}.html")

    def build():
        return mark_safe(template.render(context))  # noqa: S308

    def refresh(html, changed):
        """Rendered anew where a changed page can show in it: the page or one of its
        translations, a home page or a page below one (the menu), a legal page."""
        root = tree.get(site.root_page_id) if site else None
        sources = [page, root]
        if request is not None:
            sources += OfficeSettings.for_request(request).legal_pages
        keys = {getattr(source, "translation_key", None) for source in sources} - {None}
        homes = {
            node.path for node in tree.translations.get(getattr(root, "translation_key", None), ())
        }
        for page_id in changed:
            node = tree.get(page_id)
            if (
                node is None
                or node.translation_key in keys
                or node.path[: -Page.steplen] in homes
                or node.depth <= 2
            ):
                return build()
        return html

    return tree.memo(key, build, refresh=refresh)


@register.inclusion_tag("buero/components/feedback.html", takes_context=True)
def feedback_form(context):
    """ "Hat Ihnen diese Seite geholfen?" under the content of the page types that ask it."""
    return {
        "page": context.get("page"),
        "request": context.get("request"),
        "feedback_reasons": FeedbackReason.choices,
    }


#: Open Graph names a language with its main country; a language missing here is named
#: the way Django names its locale (pt-br: pt_BR).
OPEN_GRAPH_LOCALES = {
    "de": "de_DE",
    "en": "en_GB",
    "ar": "ar_AR",
    "fa": "fa_IR",
    "uk": "uk_UA",
    "ru": "ru_RU",
    "pl": "pl_PL",
    "ro": "ro_RO",
}


def open_graph_locale(code):
    return OPEN_GRAPH_LOCALES.get(code) or translation.to_locale(code)


def _absolute_url(request, url):
    """``url`` on the site the request is for, as the page's own absolute URL is."""
    if url.startswith(("http://", "https://")):
        return url
    site = page_tree.current().find_site(request)
    return site.root_url + url if site is not None else request.build_absolute_uri(url)


@register.inclusion_tag("buero/components/link_preview.html", takes_context=True)
def link_preview(context, title=None, path=None):
    """Open Graph and Twitter card tags and the description, for link previews in
    messengers and social networks and for search engines.

    ``title`` names a view that is not the page itself (the search, "page not found") and
    ``path`` its address. Built from the page tree snapshot and the cached office settings:
    no query.
    """
    request = context.get("request")
    page = context.get("page")
    page = page if isinstance(page, Page) else None
    languages = PageLanguages.for_context(context)
    office = OfficeSettings.for_request(request) if request is not None else OfficeSettings()
    url = None
    if request is not None and path is not None:
        url = _absolute_url(request, path)
    elif page is not None:
        url = page.get_full_url(request)
    description = ""
    if page is not None:
        # In the language of the text: an untranslated page describes itself in German.
        with translation.override(languages.page_language):
            if hasattr(page, "link_preview_description"):
                description = page.link_preview_description()
            else:
                description = page.search_description
    image = office.share_image_preview() if request is not None and office.pk else None
    if image is not None:
        image = {**image, "url": _absolute_url(request, image["url"])}
    return {
        "site_name": office.name,
        "title": title or ((page.seo_title or page.title) if page is not None else office.name),
        "description": description,
        "url": url,
        "locale": open_graph_locale(languages.page_language),
        "alternate_locales": [
            open_graph_locale(code)
            for code in sorted(languages.translated)
            if code != languages.page_language
        ],
        "image": image,
    }


@register.inclusion_tag("buero/components/share.html", takes_context=True)
def share_links(context):
    """ "Teilen" under a page's content: plain links that load nothing from another host
    until they are clicked, the page's QR code, and "copy link" where a script runs."""
    page = context["page"]
    url = page.get_full_url(context.get("request"))
    title = page.title
    return {
        "url": url,
        "qr_code_url": f"{page.url}qr-code/",
        "whatsapp": "https://wa.me/?" + urlencode({"text": f"{title} {url}"}, quote_via=quote),
        "telegram": "https://t.me/share/url?"
        + urlencode({"url": url, "text": title}, quote_via=quote),
        "email": "mailto:?" + urlencode({"subject": title, "body": url}, quote_via=quote),
        "print_links": page.print_links() if hasattr(page, "print_links") else [],
    }


@register.simple_tag(takes_context=True)
def legal_links(context):
    """The legal pages chosen in the office settings, each in the active language if translated."""
    return PageLanguages.for_context(context).legal


@register.simple_tag(takes_context=True)
def content_language(context):
    """The language of the page's content, and whether it differs from the visitor's.

    A page that is not translated yet is shown in its source language, with a notice in the
    visitor's language; the text itself is marked with `lang`/`dir` (``text_language``) so
    that screen readers pronounce it right.
    """
    current = translation.get_language()
    code = PageLanguages.for_context(context).page_language
    info = translation.get_language_info(code)
    return {
        "code": code,
        "bidi": info["bidi"],
        "differs": code != current,
        "name": info["name_translated"],
    }


@register.filter
def source_language(page):
    """The language of a page's text where it is the source's (German), "" otherwise.

    Untranslated pages appear in every language's tree as aliases of the German page (see
    buero_sync_locales), and a translation that was started but never published keeps showing
    the German text until a translator publishes it: both must be marked German.
    """
    return page_tree.source_language() if page_tree.shows_source_text(page) else ""


def language_attributes(code):
    """` lang="de" dir="ltr"` for text in language ``code`` inside a page in the visitor's
    language; nothing where the text is in the visitor's language."""
    if not code or code == translation.get_language():
        return ""
    direction = "rtl" if translation.get_language_info(code)["bidi"] else "ltr"
    return format_html(' lang="{}" dir="{}"', code, direction)


@register.filter
def text_language(page):
    """The `lang`/`dir` attributes for the text editors wrote on ``page`` (its title, intro,
    body) where it is not in the visitor's language: German on a page not translated yet.

    Only that text is marked, element by element: the interface around it (labels, buttons,
    notices, questions) is always in the visitor's language and direction.
    """
    if page is None:
        return ""
    # The snapshot knows every live page without a query (pages may come with deferred fields).
    node = page if isinstance(page, page_tree.PageNode) else page_tree.current().get(page.pk)
    if node is not None:
        code = source_language(node) or node.language
    else:
        code = source_language(page) or page.locale.language_code
    return language_attributes(code)


@register.filter
def marked(text):
    """Text with its language marked where it is German inside another language's page: a
    cancellation's reason added since the page was translated, a holiday's German name."""
    if facts.is_foreign(text):
        return format_html('<span lang="{}" dir="ltr">{}</span>', text.language, text)
    return text


@register.filter
def text_of(row, field_name):
    """A translated child row's text (a contact's role, a note), marked where it is German."""
    return marked(facts.text_of(row, field_name))


list_separator = register.simple_tag(formats.list_separator)


@register.filter
def join_list(items):
    """Labels joined with the active language's list separator."""
    return list_separator().join(str(item) for item in items)


@register.simple_tag
def filter_checkbox(name, option):
    """One choice of a filter form: a listing's form has some 60 of them."""
    return format_html(
        '<label><input type="checkbox" name="{}" value="{}"{}> {}</label>',
        name,
        option["value"],
        mark_safe(" checked") if option["checked"] else "",
        option["label"],
    )


@register.filter
def tel_href(number):
    """A phone number as a `tel:` URI: digits and a leading plus only."""
    number = str(number or "").strip()
    digits = re.sub(r"[^\d+]", "", number)
    return f"tel:{digits}" if digits else ""


@register.simple_tag
def home_url():
    """The home page in the active language: it serves the translated home page where one
    exists, the source home page (with a notice) otherwise."""
    return _language_root(translation.get_language())


@register.simple_tag(takes_context=True)
def office_settings(context):
    """The office's settings for this site; needs only the request context processor."""
    request = context.get("request")
    return OfficeSettings.for_request(request) if request is not None else OfficeSettings()


#: Formats that show the day only, not the time: the same text for every time of a day.
DAY_FORMATS = {"DATE_FORMAT", "SHORT_DATE_FORMAT", "l"}


@register.simple_tag
def display_date(value, fmt="DATE_FORMAT"):
    """The one date format of the site: localized text inside a machine-readable <time>,
    isolated in right-to-left pages (<bdi>), so that its digits keep their order."""
    if not value:
        return ""
    value = template_localtime(value)
    if not isinstance(value, datetime.datetime):
        text = formats.day_text(value, fmt)
    elif fmt in DAY_FORMATS:
        text = formats.day_text(value.date(), fmt)
    else:
        text = date_format(value, fmt, use_l10n=True)
    return isolated(format_html('<time datetime="{}">{}</time>', value.isoformat(), text))


def isolated(html):
    """``html`` in a <bdi> in a right-to-left page: it finds its own direction there (an
    Arabic date stays right to left) and does not reorder the text around it."""
    if translation.get_language_bidi():
        return format_html("<bdi>{}</bdi>", html)
    return html


@register.simple_tag
def when(start, end, spoken=True):
    """Weekday, date and time of a date, e.g. "Mittwoch, 2. Dezember 2026, 17:00–19:00";
    ``spoken=False`` where nothing is read aloud (see ``time_range``)."""
    start = template_localtime(start)
    day, separator = start.date(), list_separator()
    return format_html(
        "{}{}{}{}{}",
        formats.day_text(day, "l"),
        separator,
        display_date(day),
        separator,
        time_range(start, end, spoken),
    )


JSON_LD_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data):
    """schema.org data as a JSON-LD script, escaped so that no text can close the element."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(JSON_LD_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308


@register.simple_tag(takes_context=True)
def structured_data(context):
    """The page's schema.org data (``BasePage.structured_data``), one JSON-LD script per block.

    Only on the page's own view: its QR code, search or archive views are not what the data
    describes. The data is in the language of the page's text, as its link preview is.
    """
    request = context.get("request")
    page = context.get("page")
    if request is None or not isinstance(page, BasePage):
        return ""
    match = getattr(request, "routable_resolver_match", None)
    if match is not None and match.route:
        return ""
    language = PageLanguages.for_context(context).page_language
    with translation.override(language):
        data = page.structured_data(request, context)
        found = schema.blocks(data, language, page.get_full_url(request))
        return mark_safe("".join(json_ld(block) for block in found))  # noqa: S308


@register.inclusion_tag("buero/components/feed_links.html")
def feed_links():
    """<link rel="alternate"> to the feeds that the apps register (``FEED_LINKS``), in the
    active language; none where a host site installs no such app or does not route to it."""
    feeds = []
    for hook in hooks.get_hooks(FEED_LINKS):
        for name, title in hook():
            try:
                feeds.append({"url": reverse(name), "title": title})
            except NoReverseMatch:
                continue
    return {"feeds": feeds}


@register.simple_tag
def search_url():
    """The search below the home page of the active language."""
    return f"{_language_root(translation.get_language())}{SEARCH_PATH}"


@register.simple_tag
def time_range(start, end, spoken=True):
    """Start and end time of a date or of opening hours, e.g. 17:00–19:00, always left to
    right; ``data-spoken`` has the words that "Vorlesen" says instead ("17 bis 19 Uhr"),
    left out where nothing is read aloud (the embedded dates widget)."""
    start, end = template_localtime(start), template_localtime(end)
    # Hours and minutes read the same in every language: no localized format to look up.
    text = f"{start.strftime('%H:%M')}–{end.strftime('%H:%M')}"
    if not spoken:
        return format_html('<bdi dir="ltr">{}</bdi>', text)
    return format_html('<bdi dir="ltr" data-spoken="{}">{}</bdi>', words.hours(start, end), text)


@register.simple_tag(takes_context=True)
def hreflang_links(context):
    """Absolute URLs of the live translations of the current page, for <link rel=alternate>."""
    languages = PageLanguages.for_context(context)
    links = [
        {"code": code, "url": translated.full_url}
        for code, translated in sorted(languages.translated.items())
        if translated.url is not None
    ]
    default = languages.translated.get(settings.LANGUAGE_CODE)
    if default is not None and default.url is not None:
        links.append({"code": "x-default", "url": default.full_url})
    return links


@register.simple_tag(takes_context=True)
def interpreter_sections(context):
    """Under the notice of a page shown in German: what the apps add for the visitor's
    language (the next consultation hour with an interpreter for it, from the events app)."""
    page, request = context.get("page"), context.get("request")
    if not isinstance(page, Page) or request is None:
        return ""
    return mark_safe("".join(collect_sections(INTERPRETER_SECTIONS, page, request)))  # noqa: S308

"""Template tags for the site chrome: navigation, language switcher, legal links, phone links."""

import json
import re

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site

from home.models import SEARCH_PATH, OfficeSettings

register = template.Library()


def _site_home(request):
    """The site's home page in the active language (the source page where none exists)."""
    if not hasattr(request, "_buero_home"):
        site = Site.find_for_request(request)
        request._buero_home = site.root_page.localized if site else None
    return request._buero_home


def _language_root(code):
    """The root URL of a language (/en/), where the host's page URLs carry the language."""
    with translation.override(code):
        try:
            return reverse("wagtail_serve", args=[""])
        except NoReverseMatch:
            return "/"


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page's children that editors marked "show in menus", in the active language."""
    request = context.get("request")
    home = _site_home(request) if request else None
    if home is None:
        return []
    return home.get_children().live().in_menu().public().specific(defer=True)


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language, each named in itself.

    It leads to the same page in that language where a live translation exists, otherwise
    to that language's home page, so the switcher never leads to a 404.
    """
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    translations = {}
    if isinstance(page, Page) and request is not None:
        for translated in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[translated.locale.language_code] = translated
    homes = {}
    if request is not None and (home := _site_home(request)) is not None:
        for translated in home.get_translations(inclusive=True).live().select_related("locale"):
            homes[translated.locale.language_code] = translated
    links = []
    for code, _name in settings.LANGUAGES:
        info = translation.get_language_info(code)
        target = translations.get(code)
        url = target.get_url(request) if target else None
        if url is None and code in homes:
            url = homes[code].get_url(request)
        if url is None:
            url = _language_root(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": url,
                "bidi": info["bidi"],
                "is_current": code == current,
                "is_translated": target is not None,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def legal_links(context):
    """The legal pages chosen in the office settings, each in the active language if translated."""
    request = context.get("request")
    if request is None:
        return []
    ids = OfficeSettings.for_request(request).legal_page_ids
    if not ids:
        return []
    candidates = (
        Page.objects.live()
        .filter(translation_key__in=Page.objects.filter(id__in=ids).values("translation_key"))
        .select_related("locale")
    )
    current = translation.get_language()
    sources, translated = {}, {}
    for candidate in candidates:
        if candidate.id in ids:
            sources[candidate.id] = candidate
        if candidate.locale.language_code == current:
            translated[candidate.translation_key] = candidate
    return [
        translated.get(sources[page_id].translation_key, sources[page_id])
        for page_id in ids
        if page_id in sources
    ]


@register.simple_tag(takes_context=True)
def content_language(context):
    """The language of the page's content, and whether it differs from the visitor's.

    A page that is not translated yet is shown in its source language, marked with
    `lang`/`dir` so screen readers pronounce it right, and with a notice in the
    visitor's language.
    """
    page = context.get("page")
    current = translation.get_language()
    if not isinstance(page, Page):
        return {"code": current, "bidi": translation.get_language_bidi(), "differs": False}
    code = page.locale.language_code
    info = translation.get_language_info(code)
    return {
        "code": code,
        "bidi": info["bidi"],
        "differs": code != current,
        "name": translation.gettext(info["name"]),
    }


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


@register.simple_tag
def display_date(value, fmt="DATE_FORMAT"):
    """The one date format of the site: localized text inside a machine-readable <time>."""
    if not value:
        return ""
    return format_html(
        '<time datetime="{}">{}</time>', value.isoformat(), date_format(value, fmt, use_l10n=True)
    )


JSON_LD_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data):
    """schema.org data as a JSON-LD script, escaped so that no text can close the element."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(JSON_LD_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308


@register.simple_tag
def search_url():
    """The search below the home page of the active language."""
    return f"{_language_root(translation.get_language())}{SEARCH_PATH}"

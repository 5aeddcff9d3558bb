"""Print material made from the live pages: posters, flyers, take-away sheets, QR codes.

Browsers shape Arabic and Persian text correctly and save any page as PDF; server-side PDF
exports get exactly that wrong. So print material is HTML with ``@page`` rules in
millimetres (buero/static/buero/css/print.css), printed or saved as PDF from any browser,
always from the published content, in the page's language, and for posters bilingual.

A page type offers print material by naming its kinds in ``print_kinds`` and the template
of its content in ``print_template``; the routes are on every page (buero.models.BasePage).
"""

from dataclasses import dataclass
from functools import lru_cache

import segno
from django.conf import settings
from django.http import Http404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from . import figures, page_tree

POSTER, FLYER, SHEET = "poster", "flyer", "sheet"
#: What each kind is called (admin buttons, the report) and the route it is served at.
KINDS = {
    POSTER: (_("Poster"), "plakat/"),
    FLYER: (_("Flyer"), "flyer/"),
    SHEET: (_("Information sheet"), "infoblatt/"),
}
#: How many copies of a flyer (A6) fit on one A4 sheet.
FLYERS_PER_SHEET = 4


@lru_cache(maxsize=1024)
def qr_svg(url, label=""):
    """The QR code of ``url`` as inline SVG, sized by CSS.

    Error correction M or better (a code taped to a door survives some dirt) and never
    Micro QR, which phones' camera apps do not read. The light quiet zone is part of the
    image, so the code reads on a coloured background too.
    """
    code = segno.make_qr(url, error="m")
    svg = code.svg_inline(
        scale=1, border=4, omitsize=True, svgclass="qr", lineclass=None, light="#fff", title=label
    )
    return mark_safe(svg.replace("<svg ", '<svg role="img" ', 1))  # noqa: S308 (segno escapes)


def languages():
    """Every shipped language: (code, name in itself, right to left)."""
    infos = [translation.get_language_info(code) for code, _name in settings.LANGUAGES]
    return [(info["code"], info["name_local"], info["bidi"]) for info in infos]


def language_of(page):
    """The language of the page's tree (the snapshot knows it without a query)."""
    node = page_tree.current().get(page.pk)
    return node.language if node is not None else page.locale.language_code


def in_language(page, code):
    """The page as a visitor of ``code`` sees it: its live translation, else the alias that
    shows the German text (with a notice), else the page itself."""
    tree = page_tree.current()
    node = tree.get(page.pk)
    if node is not None and node.language == code:
        return page
    translated = tree.live_translations(node).get(code) if node is not None else None
    if translated is None:
        return page
    return type(page)._default_manager.get(pk=translated.id)


@dataclass
class Part:
    """One language's part of a print: a bilingual poster has two."""

    html: str
    language: str
    bidi: bool


def render_part(page, request, kind, language, compact):
    """The page's print content in ``language``, with the QR code of the page in it."""
    with translation.override(language):
        url = page.get_full_url(request)
        # German where the page shows the source text (as the filter source_language marks it).
        content_language = (
            page_tree.source_language() if page_tree.shows_source_text(page) else language_of(page)
        )
        context = {
            **page.get_context(request),
            **page.print_context(request),
            "kind": kind,
            "compact": compact,
            "url": url,
            "qr": qr_svg(url, str(_("QR code: %(title)s") % {"title": page.title})),
            "content_language": content_language,
            "content_bidi": translation.get_language_info(content_language)["bidi"],
            "differs": content_language != language,
            "language_name": translation.get_language_info(language)["name_translated"],
            "source_name": translation.get_language_info(content_language)["name_translated"],
        }
        html = render_to_string(page.print_template, context, request=request)
    return Part(mark_safe(html), language, translation.get_language_info(language)["bidi"])  # noqa: S308


def serve(page, request, kind, second=None):
    """A poster, flyer sheet or take-away sheet of ``page``; ``second`` adds a language."""
    if kind not in page.print_kinds or (second is not None and kind != POSTER):
        raise Http404
    language = language_of(page)
    codes = [code for code, _name, _bidi in languages()]
    if second is not None and (second not in codes or second == language):
        raise Http404
    compact = kind == FLYER or second is not None
    parts = [render_part(page, request, kind, language, compact)]
    if second is not None:
        parts.append(render_part(in_language(page, second), request, kind, second, compact))
    context = {
        "page": page,
        "kind": kind,
        "parts": parts,
        "copies": range(FLYERS_PER_SHEET),
        "page_language": language,
        "second": second,
        "second_languages": [
            (code, name, bidi) for code, name, bidi in languages() if code != language
        ],
    }
    response = TemplateResponse(request, f"buero/print/{kind}.html", context)
    return figures.mark(response, figures.DOWNLOAD, language, kind)


def route(kind, second=None):
    """The path below a page's URL at which ``kind`` is printed."""
    path = KINDS[kind][1]
    return f"{path}{second}/" if second else path

"""The dates for other sites: a widget to frame (the municipal portal, partners) and
``termine.json`` for portals that show the dates in their own layout.

Only the widget may be framed, and only by the origins in ``BUERO_EMBED_ALLOWED_ORIGINS``: every
other page keeps refusing (CSP ``frame-ancestors 'none'``, ``X-Frame-Options: DENY``).
"""

import re
from functools import wraps

from csp.constants import SELF
from csp.decorators import csp_replace
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_http_methods
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from buero import page_tree
from buero.models import OfficeSettings
from events.models import DateIndexPage

from . import api, dates

#: What an allowed origin looks like: https, a host name, an optional port; nothing else.
ORIGIN = re.compile(
    r"https://[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?"
)
#: Seconds a browser or proxy may keep the widget and the list; the site's own page cache
#: drops them at once when content changes.
MAX_AGE = 300


def allowed_origins():
    """The origins that may frame the widget (setting ``BUERO_EMBED_ALLOWED_ORIGINS``), those that
    do not look like ``https://host[:port]`` left out (the settings refuse them at start-up)."""
    origins = getattr(settings, "BUERO_EMBED_ALLOWED_ORIGINS", ())
    return [origin for origin in origins if ORIGIN.fullmatch(origin)]


def frameable(view):
    """Let the allowed origins (and the site itself) frame the view's responses."""

    @xframe_options_exempt
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        policy = {"frame-ancestors": [SELF, *allowed_origins()]}
        return csp_replace(policy)(view)(request, *args, **kwargs)

    return wrapped


def public(response):
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response


class BadRequest(Exception):
    """A query parameter a visitor or a partner's code got wrong."""


def count_from(request, default, most):
    """``anzahl`` in decimal digits of any script (int() reads "٣"; isdigit() would let "²"
    through, which int() refuses)."""
    value = request.GET.get("anzahl", "").strip()
    if not value:
        return default
    if not (value.isdecimal() and len(value) <= len(str(most)) and 1 <= int(value) <= most):
        raise BadRequest(_("“anzahl” must be a whole number from 1 to %(most)s.") % {"most": most})
    return int(value)


def chosen_series(request, series, slug=None):
    """All series, or the one named by the path or ``?sprechstunde=``; Http404 if unknown."""
    key = slug if slug is not None else request.GET.get("sprechstunde", "").strip()
    if not key:
        return series
    page = dates.find_series(series, key)
    if page is None:
        raise Http404
    return [page]


@frameable
@require_http_methods(["GET", "HEAD"])
def widget(request, slug=None):
    """Nächste Termine: the next dates of every series of this language, or of one."""
    language = translation.get_language()
    every_series = dates.language_series(language)
    try:
        count = count_from(request, dates.WIDGET_DATES, dates.WIDGET_MAX)
        series = chosen_series(request, every_series, slug)
    except BadRequest as error:
        return public(message(request, str(error), status=400))
    except Http404:
        return public(
            message(request, _("This consultation hour does not exist (any more)."), status=404)
        )
    upcoming = dates.upcoming_dates(series, count)
    context = {
        "dates": upcoming,
        "interpreters": dates.interpreters(upcoming),
        "several": len(series) > 1,
        "dates_url": dates.dates_page_url(every_series, language),
    }
    return public(render(request, "buero_opendata/embed/dates.html", context))


# What the views read of the query string: the page cache keeps a copy per value of these
# and hands the views no other parameter (buero_site.page_cache).
widget.query_parameters = ("anzahl", "sprechstunde")


def message(request, text, status):
    """A short page inside the frame instead of the site's error page with its chrome."""
    return render(request, "buero_opendata/embed/message.html", {"message": text}, status=status)


class JSONEncoder(DjangoJSONEncoder):
    """ISO 8601 with the offset of Europe/Berlin ("2026-12-02T17:00:00+01:00")."""

    def default(self, o):
        if hasattr(o, "isoformat"):
            return o.isoformat()
        return super().default(o)


def json_error(text, status):
    return api.json_response({"error": text}, status=status)


@api.public_api
def dates_json(request):
    """termine.json: the upcoming dates of one language, for portals that render their own."""
    languages = dict(settings.LANGUAGES)
    language = request.GET.get("lang", "").strip() or dates.source_language()
    if language not in languages:
        return json_error(f"Unknown language; one of: {', '.join(languages)}.", status=400)
    with translation.override(language):
        every_series = dates.language_series(language)
        try:
            count = count_from(request, dates.JSON_DATES, dates.JSON_MAX)
            series = chosen_series(request, every_series)
        except BadRequest as error:
            return json_error(str(error), status=400)
        except Http404:
            return json_error("Unknown consultation hour (sprechstunde).", status=404)
        payload = {
            "language": language,
            "generated": timezone.localtime().replace(microsecond=0),
            "dates": dates.upcoming_dates(series, count),
        }
    return public(api.json_response(payload, encoder=JSONEncoder))


dates_json.query_parameters = ("lang", "anzahl", "sprechstunde")


# The admin page "Einbetten" ----------------------------------------------------------------

#: The permission of the office's settings ("Büro und Kontakt"): who may change how the site
#: presents itself may hand out the code that shows it elsewhere.
ADMIN_PERMISSION = "buero.change_officesettings"
#: The frame's height in pixels for the default number of dates.
FRAME_HEIGHT = 520


def may_embed(user):
    return user.is_superuser or user.has_perm(ADMIN_PERMISSION)


def iframe_code(url, title):
    """The HTML to paste (the admin page shows it with ``force_escape``, as it is copied)."""
    return format_html(
        '<iframe src="{}" title="{}" width="100%" height="{}" loading="lazy"></iframe>',
        url,
        title,
        FRAME_HEIGHT,
    )


def embed_codes(request):
    """Per shipped language that has a dates page: the code of the widget with all series,
    of each series, and the address of termine.json."""
    office = OfficeSettings.for_request(request).name
    tree = page_tree.current()
    indexes = {
        index.locale.language_code: index
        for index in DateIndexPage.objects.live().select_related("locale").order_by("path")
    }
    languages = []
    for code, name in settings.LANGUAGES:
        index = indexes.get(code)
        node = tree.get(index.pk) if index is not None else None
        if node is None or node.root_url is None:
            continue
        with translation.override(code):
            title = f"{_('Next dates')} – {office}"
            series = [
                {
                    "title": page.title,
                    "code": iframe_code(
                        node.root_url + reverse("opendata_embed_series", args=[page.slug]), title
                    ),
                }
                for page in index_series(index)
            ]
            languages.append(
                {
                    "code": code,
                    "name": name,
                    "all": iframe_code(node.root_url + reverse("opendata_embed_dates"), title),
                    "series": series,
                    "json": f"{node.root_url}{reverse('opendata:dates_json')}?lang={code}",
                }
            )
    return languages


def index_series(index):
    return index.consultations().only("title", "slug")


class EmbedCodeView(WagtailAdminTemplateMixin, TemplateView):
    """Einbetten: the code that shows the dates on the municipal portal or a partner's site."""

    template_name = "buero_opendata/admin/embed.html"
    page_title = "Einbetten"
    header_icon = "code"
    breadcrumbs_items = [
        *WagtailAdminTemplateMixin.breadcrumbs_items,
        {"url": "", "label": "Einbetten"},
    ]

    def dispatch(self, request, *args, **kwargs):
        if not may_embed(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(languages=embed_codes(self.request), origins=allowed_origins())
        return context

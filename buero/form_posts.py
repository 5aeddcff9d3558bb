"""The forms that send no CSRF token, answered outside Wagtail's page view.

"Hat Ihnen diese Seite geholfen?" and the help check set no cookie, so they carry no token:
the first only adds a count, the second stores and changes nothing. A host site serves its
pages with Wagtail's own view, which Django's CSRF middleware protects; these forms post
here instead (``buero.urls``), and the page answers as if it had been asked itself.
"""

from django.http import Http404
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page

from . import feedback


def not_found(request):
    # LocaleMiddleware would answer a 404 outside the language prefixes with a redirect to
    # /de/…; a form's "not found" is final.
    request.urlconf = "buero.urls"
    return Http404()


@csrf_exempt
@require_POST
def receive(request, page_id):
    page = Page.objects.live().filter(pk=page_id).specific().first()
    if page is None or page.get_view_restrictions():
        raise not_found(request)
    with translation.override(page.locale.language_code):
        request.LANGUAGE_CODE = translation.get_language()
        if "helpful" in request.POST and getattr(page, "collects_feedback", False):
            return feedback.receive(request, page)
        if not getattr(page, "accepts_post_without_csrf_token", False):
            raise not_found(request)
        view, args, kwargs = page.resolve_subpage("/")
        response = page.serve(request, view, args, kwargs)
        # Rendered here, while the page's language is active.
        return response.render() if hasattr(response, "render") else response

"""What every API of the app shares: open to every origin, for reading, in JSON.

Only what a browser needs for a cross-origin GET: ``Access-Control-Allow-Origin: *`` on the
answer and a preflight answer for OPTIONS. Nothing else is allowed, and no credentials are
involved (the APIs set no cookies and read none).
"""

from functools import wraps

from django.core.exceptions import TooManyFieldsSent
from django.http import HttpResponse, HttpResponseNotAllowed, JsonResponse

METHODS = ("GET", "HEAD", "OPTIONS")


def json_response(data, status=200, **kwargs):
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False}, **kwargs)


def public_api(view):
    """Reading from any origin; a 404 of the API stays a 404, and a query Django refuses to
    read is the API's own 400."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = ", ".join(METHODS)
            response["Access-Control-Max-Age"] = "86400"
        elif request.method not in METHODS:
            response = HttpResponseNotAllowed(METHODS)
        else:
            try:
                response = view(request, *args, **kwargs)
            except TooManyFieldsSent:
                # Django refuses a query of more than DATA_UPLOAD_MAX_NUMBER_FIELDS parameters
                # when the view reads it; its own 400 is an HTML page that no origin may read.
                response = json_response({"error": "Too many parameters."}, status=400)
        response["Access-Control-Allow-Origin"] = "*"
        if response.status_code == 404:
            # LocaleMiddleware answers a 404 outside i18n_patterns with a redirect to the
            # same path below /de/, where the catch-all page route makes any path look
            # valid. An API's "not found" is final: let it read the app's own URLconf.
            request.urlconf = "opendata.urls"
        return response

    return wrapper

"""Open to every origin, for reading: the APIs that other sites and portals fetch.

Only what a browser needs for a cross-origin GET: ``Access-Control-Allow-Origin: *`` on the
answer and a preflight answer for OPTIONS. Nothing else is allowed, and no credentials are
involved (the APIs set no cookies and read none).
"""

from functools import wraps

from django.http import HttpResponse, HttpResponseNotAllowed

METHODS = ("GET", "HEAD", "OPTIONS")


def allow_any_origin(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = ", ".join(METHODS)
            response["Access-Control-Max-Age"] = "86400"
        elif request.method not in METHODS:
            response = HttpResponseNotAllowed(METHODS)
        else:
            response = view(request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response

    return wrapper

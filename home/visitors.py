"""What limits need to know about a visitor, and no more: a keyed hash of the address.

Behind the reverse proxy the address is the one the proxy appends to X-Forwarded-For (the
same number of trusted proxies as the login rate limit, ``AXES_PROXY_COUNT``); the hash is
keyed with the secret key, so the cache holds nothing that names anyone.
"""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache


def client_address(request):
    proxies = getattr(settings, "AXES_IPWARE_PROXY_COUNT", None) or 0
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def client_key(request, scope):
    digest = hmac.new(
        settings.SECRET_KEY.encode(), client_address(request).encode(), hashlib.sha256
    )
    return f"{scope}:{digest.hexdigest()[:32]}"


def over_limit(request, scope, limit, window):
    """Count one more attempt of this client; True once it is over ``limit`` in ``window``
    seconds. A cache that cannot count (Redis down) limits nobody."""
    key = client_key(request, scope)
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        count = 1
    return count is not None and count > limit

"""What limits need to know about a visitor, and no more: a keyed hash of the address.

``client_address`` is the one answer to "who is this?" for every limit of the site: the
appointment requests, the feedback, the password reset and, as ``AXES_CLIENT_IP_CALLABLE``,
the admin login. Behind ``BUERO_REVERSE_PROXY_COUNT`` proxies it is the entry that the outermost
proxy wrote into X-Forwarded-For, counted from the right; whatever a visitor sent in that
header stands further left and is never read. The hash is keyed with the secret key, so the
cache holds nothing that names anyone.
"""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache
from ipware.ip import get_client_ip

from .conf import proxy_count


def client_address(request):
    """The visitor's address: the connection's without proxies, else the X-Forwarded-For
    entry written by the outermost of the trusted proxies."""
    proxies = proxy_count()
    if proxies:
        # Each proxy writes the address it was reached from, so the visitor stands
        # ``proxies`` entries from the right; ipware counts the entries right of it.
        address, _routable = get_client_ip(
            request,
            proxy_order="left-most",
            proxy_count=proxies - 1,
            request_header_order=["HTTP_X_FORWARDED_FOR"],
            strict=False,
        )
        if address:
            return address
    # No proxy, or a request that did not come through them all: the connection is all we
    # know, and every such request shares one count.
    return request.META.get("REMOTE_ADDR", "")


def hashed_key(scope, value):
    """A cache key for ``value`` (an address, an account) that does not name it."""
    digest = hmac.new(settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256)
    return f"{scope}:{digest.hexdigest()[:32]}"


def client_key(request, scope):
    return hashed_key(scope, client_address(request))


def count_over(key, limit, window):
    """Count one more attempt under ``key``; True once it is over ``limit`` in ``window``
    seconds. A cache that cannot count (Redis down) limits nobody."""
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        count = 1
    return count is not None and count > limit


def over_limit(request, scope, limit, window, *, account=None):
    """Count one more attempt of this client, or for ``account`` (an e-mail address, a user
    name) wherever it comes from; True once it is over ``limit`` in ``window`` seconds."""
    if account is None:
        return count_over(client_key(request, scope), limit, window)
    return count_over(hashed_key(f"{scope}:account", account.strip().lower()), limit, window)

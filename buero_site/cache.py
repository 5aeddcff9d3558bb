"""A cache backend that keeps the site up when the real cache fails.

The cache (Redis in production) only makes pages faster: the page cache, the office
settings, Wagtail's site root paths, the content generation. Without this wrapper, a Redis
that is down or restarting turns every public page into a 500, because Django's cache
backends raise on a lost connection. Wrapped, every call that fails answers as a cache that
holds nothing: reads miss, writes are dropped, and the page is built from the database.

After a failure the backend is left alone for ``RETRY_AFTER`` seconds, so a page does not
wait for a dozen connection attempts, and is then tried again: the site recovers by itself
when the cache is back. A warning is logged at most once per ``WARN_EVERY`` seconds, with
the number of failed calls since the last one, never once per request.

Configuration (see settings/base.py)::

    "default": {
        "BACKEND": "buero_site.cache.FailSafeCache",
        "LOCATION": "redis://127.0.0.1:6379/1",
        "OPTIONS": {"BACKEND": "django_redis.cache.RedisCache", "OPTIONS": {...}},
    }
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

#: Seconds the backend is skipped after a failure before it is tried again.
RETRY_AFTER = 5
#: Seconds between two warnings about failures.
WARN_EVERY = 60


class FailSafeCache(BaseCache):
    def __init__(self, location, params):
        options = dict(params.get("OPTIONS", {}))
        backend = options.pop("BACKEND")
        self.retry_after = options.pop("RETRY_AFTER", RETRY_AFTER)
        self.warn_every = options.pop("WARN_EVERY", WARN_EVERY)
        # Timeout, key prefix and version are the wrapped backend's business.
        inner_params = {**params, "OPTIONS": options.pop("OPTIONS", {})}
        super().__init__({**params, "OPTIONS": {}})
        self.backend = import_string(backend)(location, inner_params)
        self._lock = threading.Lock()
        self._skip_until = 0.0
        self._last_warning = None
        self._failures = 0

    def _call(self, method, default, *args, **kwargs):
        if time.monotonic() < self._skip_until:
            return default
        try:
            return getattr(self.backend, method)(*args, **kwargs)
        except Exception as error:  # any failure of the cache is one
            self._failed(method, error)
            return default

    def _failed(self, method, error):
        now = time.monotonic()
        with self._lock:
            self._skip_until = now + self.retry_after
            self._failures += 1
            if self._last_warning is not None and now - self._last_warning < self.warn_every:
                return
            failures, self._failures, self._last_warning = self._failures, 0, now
        logger.warning(
            "Cache unavailable (%s failed: %s: %s); %d failed call(s) since the last warning. "
            "Pages are built from the database; retrying every %s s.",
            method,
            type(error).__name__,
            error,
            failures,
            self.retry_after,
        )

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", False, key, value, timeout, version=version)

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version=version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._call("set", None, key, value, timeout, version=version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout, version=version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version=version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version=version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version=version)

    def incr(self, key, delta=1, version=None):
        # A missing key is the caller's ValueError, not a failure of the cache.
        if time.monotonic() < self._skip_until:
            return None
        try:
            return self.backend.incr(key, delta, version=version)
        except ValueError:
            raise
        except Exception as error:
            self._failed("incr", error)
            return None

    def decr(self, key, delta=1, version=None):
        return self.incr(key, -delta, version=version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", list(data), data, timeout, version=version)

    def delete_many(self, keys, version=None):
        self._call("delete_many", None, keys, version=version)

    def clear(self):
        self._call("clear", None)

    def close(self, **kwargs):
        self._call("close", None, **kwargs)

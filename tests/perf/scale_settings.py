"""Settings of the scale benchmark (``make bench-scale``): the test settings on PostgreSQL
(``DATABASE_URL``) with Redis as the shared cache (``REDIS_URL``, under the key prefix
``SCALE_KEY_PREFIX``) as in production; the page cache off, so that pages are rendered."""

import os

from buero_site.settings.test import *  # noqa: F403

CACHES = {
    "default": {
        "BACKEND": "buero_site.cache.FailSafeCache",
        "LOCATION": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/7"),
        "KEY_PREFIX": os.environ.get("SCALE_KEY_PREFIX", "buero-scale"),
        "OPTIONS": {
            "BACKEND": "django_redis.cache.RedisCache",
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        },
    }
}
PAGE_CACHE_SECONDS = 0

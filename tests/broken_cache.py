"""A cache backend that fails like a Redis that is down, and can be switched back on."""

from django.core.cache.backends.locmem import LocMemCache


def _failing(method):
    def call(self, *args, **kwargs):
        type(self).calls += 1
        if type(self).broken:
            raise ConnectionError("Error 111 connecting to 127.0.0.1:6390. Connection refused.")
        return method(self, *args, **kwargs)

    return call


class SwitchableCache(LocMemCache):
    #: While True every call raises, as django-redis does on a refused connection.
    broken = True
    calls = 0

    add = _failing(LocMemCache.add)
    get = _failing(LocMemCache.get)
    set = _failing(LocMemCache.set)
    touch = _failing(LocMemCache.touch)
    delete = _failing(LocMemCache.delete)
    has_key = _failing(LocMemCache.has_key)
    incr = _failing(LocMemCache.incr)
    clear = _failing(LocMemCache.clear)

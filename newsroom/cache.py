"""Django's Redis cache, with an unreachable Redis treated as an empty cache.

Everything Newsroom caches can be rebuilt from the database: the site
settings row, whole feeds and sitemaps (``cache_page``), the republication
repeat window. So a Redis outage should make pages slower, never fail them.
Catching connection errors here, once, covers every caller, Django's own
``cache_page`` included, where a ``try`` in each caller would miss some.

Reads answer "not cached", writes are dropped and ``add`` reports that it
stored nothing. ``incr`` is left alone: a counter has no honest default, and
the limits that count readers keep their counts in the database.
"""

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError, TimeoutError

logger = logging.getLogger(__name__)

# After a failure Redis is not asked again for this long, so an outage costs
# each process one failed connection every few seconds, not several a page.
RETRY_SECONDS = 5


def tolerant(fallback):
    """Run the cache method, or answer ``fallback(*its arguments)`` without Redis."""

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            if time.monotonic() < self.unavailable_until:
                return fallback(*args, **kwargs)
            try:
                return method(self, *args, **kwargs)
            except (ConnectionError, TimeoutError) as error:
                self.unavailable_until = time.monotonic() + RETRY_SECONDS
                logger.warning("Cache unavailable, serving without it: %s", error)
                return fallback(*args, **kwargs)

        return wrapper

    return decorate


def nothing(*args, **kwargs) -> None:
    return None


def refused(*args, **kwargs) -> bool:
    return False


def callers_default(key, default=None, version=None):
    return default


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's client builds a redis-py client for every cache operation,
    which costs redis-py 8 about as much as a page served from the cache.
    A client holds only its connection pool and is thread-safe, so one per
    pool is kept."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, object] = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        if index not in self._clients:
            pool = self._get_connection_pool(index)
            self._clients[index] = self._client(connection_pool=pool)
        return self._clients[index]


class ResilientRedisCache(RedisCache):
    unavailable_until = 0.0

    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient

    @tolerant(refused)
    def add(self, *args, **kwargs):
        return super().add(*args, **kwargs)

    @tolerant(callers_default)
    def get(self, *args, **kwargs):
        return super().get(*args, **kwargs)

    @tolerant(nothing)
    def set(self, *args, **kwargs):
        return super().set(*args, **kwargs)

    @tolerant(refused)
    def touch(self, *args, **kwargs):
        return super().touch(*args, **kwargs)

    @tolerant(refused)
    def delete(self, *args, **kwargs):
        return super().delete(*args, **kwargs)

    @tolerant(lambda *args, **kwargs: {})
    def get_many(self, *args, **kwargs):
        return super().get_many(*args, **kwargs)

    @tolerant(refused)
    def has_key(self, *args, **kwargs):
        return super().has_key(*args, **kwargs)

    @tolerant(lambda data, *args, **kwargs: list(data))
    def set_many(self, *args, **kwargs):
        return super().set_many(*args, **kwargs)

    @tolerant(nothing)
    def delete_many(self, *args, **kwargs):
        return super().delete_many(*args, **kwargs)

    @tolerant(refused)
    def clear(self, *args, **kwargs):
        return super().clear(*args, **kwargs)

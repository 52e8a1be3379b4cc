"""The anonymous readers' page cache, and what it tells the caches in front.

Every public response an anonymous reader gets (pages, feeds, sitemaps) is
stored finished (security headers, compression) under the version of the
public content it was rendered from (``articles.public_cache``), and served
only while that version is current.

Stored pages are served at two points, both through ``cached_page()``:

- ``PageCacheApplication`` wraps the WSGI application and answers a plain
  GET before Django's handler runs, since a stored page needs none of it. This
  is the path a widely shared story takes, and what lets one app server hold
  it (`make bench`).
- ``PublicPageCacheMiddleware`` stores what Django renders, and serves what
  the WSGI layer leaves to it: conditional requests (a CDN revalidating gets
  its 304 here), HEAD, and servers that do not go through WSGI.
"""

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from hashlib import sha256
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIRequest
from django.http import HttpRequest, HttpResponse
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    set_response_etag,
)
from django.utils.http import http_date, parse_http_date_safe

from articles.compression import accepted_encoding
from articles.public_cache import (
    PUBLIC_KEY,
    RESPONSE_SECONDS,
    VERSION_KEY,
    Version,
    current_version_record,
)

# The surrogate key of every page that lists articles.
LISTINGS_KEY = "listings"
MESSAGES_COOKIE = "messages"
ADMIN_PREFIX = "/admin/"
# The request headers get_conditional_response() reads (RFC 9110, 13.1).
CONDITIONS = frozenset(
    {
        "HTTP_IF_MATCH",
        "HTTP_IF_NONE_MATCH",
        "HTTP_IF_MODIFIED_SINCE",
        "HTTP_IF_UNMODIFIED_SINCE",
    }
)


class StoredPage(NamedTuple):
    """A finished 200 response as the cache holds it: plain values, which
    load several times faster than a pickled HttpResponse."""

    version: str
    headers: tuple[tuple[str, str], ...]
    body: bytes

    def response(self) -> HttpResponse:
        return HttpResponse(self.body, headers=dict(self.headers))


class Lookup(NamedTuple):
    key: str
    version: Version
    page: StoredPage | None
    """The stored page, if it was rendered from the current version."""


class RecentPages:
    """The pages this process served lately, each with the version it was
    stored under. While that version is current, a page's bytes need not be
    read (from Redis: fetched) and unpickled again: only the version is, on
    every request, so a change still shows on every server at once."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.pages: OrderedDict[str, StoredPage] = OrderedDict()
        # Threaded servers share it between requests.
        self.lock = threading.Lock()

    def get(self, key: str) -> StoredPage | None:
        with self.lock:
            page = self.pages.get(key)
            if page is not None:
                self.pages.move_to_end(key)
            return page

    def remember(self, key: str, page: StoredPage) -> None:
        with self.lock:
            self.pages[key] = page
            self.pages.move_to_end(key)
            if len(self.pages) > self.size:
                self.pages.popitem(last=False)


# A story that goes viral is one page, and its readers' few variants.
recent_pages = RecentPages(size=32)


def cached_page(request: HttpRequest) -> Lookup:
    """The version, and the page if it was stored under that version: a page
    stored under any other is not served. One round trip to the cache, for
    the version alone when this process has the page already."""
    key = f"public-page:{variant(request)}"
    recent = recent_pages.get(key)
    if recent is None:
        found = cache.get_many([VERSION_KEY, key])
        version = current_version_record(found.get(VERSION_KEY))
        page = found.get(key)
    else:
        version = current_version_record()
        page = recent if recent.version == version.token else cache.get(key)
    if page is None or page.version != version.token:
        return Lookup(key, version, None)
    if page is not recent:
        recent_pages.remember(key, page)
    return Lookup(key, version, page)


def variant(request: HttpRequest) -> str:
    """What a stored response depends on: the address, the scheme (plain
    HTTP is redirected below the middleware) and how it is compressed."""
    encoding = accepted_encoding(request)
    address = f"{request.scheme}:{encoding}:{request.get_full_path()}"
    return sha256(address.encode()).hexdigest()


def is_anonymous_read(request: HttpRequest) -> bool:
    """A session or a message waiting (staff, a reader who just voted) means
    the page may be that person's own."""
    return (
        settings.NEWSROOM_PAGE_CACHE
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and MESSAGES_COOKIE not in request.COOKIES
        and not request.path.startswith(
            (ADMIN_PREFIX, settings.MEDIA_URL, settings.STATIC_URL)
        )
    )


class PageCacheApplication:
    """Serves stored pages to plain GET requests in front of Django.

    A hit needs only the request's address, cookies and accepted encodings,
    and the cache: no middleware, no database connection check, no signals.
    Everything else, and every miss, goes to Django, whose middleware stores
    what it renders.
    """

    def __init__(self, application: Callable) -> None:
        self.application = application

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        if environ.get("REQUEST_METHOD") == "GET" and not CONDITIONS.intersection(
            environ
        ):
            # A copy: building a request decodes PATH_INFO in its environ,
            # which Django's own request would then decode again.
            request = WSGIRequest(environ.copy())
            if is_anonymous_read(request) and (page := cached_page(request).page):
                start_response("200 OK", list(page.headers))
                return [page.body]
        return self.application(environ, start_response)


class PublicPageCacheMiddleware:
    """Store what anonymous readers are sent, serve it while it is current,
    and tell the caches in front (a CDN, a proxy) how long they may keep it.

    A response that sets a cookie, varies by cookie or already says how to
    cache it (a preview, the counting image) is never stored.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_anonymous_read(request):
            response = self.get_response(request)
            if settings.SESSION_COOKIE_NAME in request.COOKIES:
                # What a signed-in person sees is theirs: no cache in front
                # may keep it for anyone else.
                patch_cache_control(response, private=True)
            return response
        key, version, page = cached_page(request)
        if page is None:
            response = self.get_response(request)
            if not is_storable(response):
                return response
            describe_for_shared_caches(response, version)
            # Stored in one piece: a feed or sitemap is written in thousands
            # of small ones, which the server would send one by one each time.
            page = StoredPage(version.token, tuple(response.items()), response.content)
            cache.set(key, page, RESPONSE_SECONDS)
        # The stored response is the finished one (security headers, gzip),
        # so a hit skips the middleware below; it still answers 304 itself.
        response = page.response()
        if not CONDITIONS.intersection(request.META):
            return response
        return get_conditional_response(
            request,
            etag=response["ETag"],
            last_modified=parse_http_date_safe(response["Last-Modified"]),
            response=response,
        )


def is_storable(response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not response.has_header("Cache-Control")
        and "cookie" not in response.get("Vary", "").lower()
    )


def describe_for_shared_caches(response: HttpResponse, version: Version) -> None:
    """Cache-Control, validators and surrogate keys for what sits in front."""
    timing = settings.NEWSROOM_HTTP_CACHE
    response["Cache-Control"] = (
        f"public, max-age={timing['max_age']}, s-maxage={timing['s_maxage']}, "
        f"stale-while-revalidate={timing['stale_while_revalidate']}"
    )
    response["Last-Modified"] = http_date(version.created.timestamp())
    set_response_etag(response)
    keys = [PUBLIC_KEY, *getattr(response, "surrogate_keys", [])]
    response["Surrogate-Key"] = " ".join(keys)


def add_surrogate_keys(response: HttpResponse, *keys: str) -> HttpResponse:
    """Name what a response shows, so a CDN can purge it by name."""
    response.surrogate_keys = [*getattr(response, "surrogate_keys", []), *keys]
    return response


class ListingSurrogateKeysMixin:
    """For a view listing articles: its response is named ``listings`` (what
    a new article changes) and by ``listing_surrogate_keys()``."""

    def listing_surrogate_keys(self) -> list[str]:
        return []

    def render_to_response(self, context, **response_kwargs) -> HttpResponse:
        response = super().render_to_response(context, **response_kwargs)
        return add_surrogate_keys(
            response, LISTINGS_KEY, *self.listing_surrogate_keys()
        )

"""Cached public responses that are never stale.

Every public response an anonymous reader gets (pages, feeds, sitemaps) is
stored under the current *version* of the public content. Any change that
can alter what readers see retires the version, so the next request renders
afresh; a timeout alone would leave an unpublished article (a legal takedown,
a retraction) in feeds and sitemaps until it expired.

This module is the one place that says what a change invalidates:
``INVALIDATING_MODELS``. A scheduled item needs no job to appear: the
version remembers the next scheduled publication time and retires itself
when that time has passed.
"""

import hashlib
import logging
import uuid
from dataclasses import dataclass
from datetime import datetime
from urllib.request import Request, urlopen

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Min
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    set_response_etag,
)
from django.utils.http import http_date, parse_http_date_safe
from taggit.models import Tag

from articles.compression import accepted_encoding
from articles.models import (
    AnalysisSection,
    Article,
    ArticleAuthor,
    Author,
    Correction,
    Country,
    FormerSlug,
    Image,
    Licence,
    OrganizationNewsItem,
    Outlet,
    RelatedArticle,
    SiteSettings,
    SiteText,
    TaggedArticle,
    Topic,
)
from articles.navigation import forget_navigation

logger = logging.getLogger(__name__)

VERSION_KEY = "public-content:version"
# How long a cached response may live even when nothing changes: a bound on
# memory, not on staleness.
RESPONSE_SECONDS = 60 * 60
PUBLIC_KEY = "public"
PURGE_TIMEOUT = 2
MESSAGES_COOKIE = "messages"
ADMIN_PREFIX = "/admin/"

# Everything a reader can see on a public page, feed or sitemap comes from
# these models; saving or deleting any of them retires cached responses.
INVALIDATING_MODELS = [
    Article,
    AnalysisSection,
    ArticleAuthor,
    RelatedArticle,
    FormerSlug,
    TaggedArticle,
    Tag,
    Author,
    Country,
    Topic,
    Image,
    OrganizationNewsItem,
    SiteSettings,
    SiteText,
    Correction,
    Licence,
    Outlet,
]
INVALIDATING_RELATIONS = [
    Article.countries.through,
    Article.topics.through,
    Article.partners.through,
    SiteSettings.no_republish_topics.through,
    SiteSettings.menu_countries.through,
    SiteSettings.menu_topics.through,
]


@dataclass(frozen=True)
class Version:
    token: str
    created: datetime
    expires: datetime | None
    """The next scheduled publication: this version is stale from then on."""

    @property
    def is_current(self) -> bool:
        return self.expires is None or timezone.now() < self.expires


def current_version() -> str:
    """The token of the public content as it is now."""
    return current_version_record().token


def current_version_record(version: Version | None = None) -> Version:
    """The version now; ``version`` is the one just read from the cache."""
    version = version or cache.get(VERSION_KEY)
    if version is None or not version.is_current:
        version = new_version()
    return version


def new_version() -> Version:
    """Retire every cached public response.

    The token is random rather than a counter, so a version evicted from the
    cache can never come back and revive responses stored under it.
    """
    version = Version(uuid.uuid4().hex, timezone.now(), next_scheduled_publication())
    cache.set(VERSION_KEY, version, timeout=None)
    # Derived from the public content too: the subjects in the menu.
    forget_navigation()
    return version


def next_scheduled_publication() -> datetime | None:
    times = [
        model.objects.scheduled().aggregate(next=Min("published_at"))["next"]
        for model in (Article, OrganizationNewsItem)
    ]
    return min((time for time in times if time), default=None)


def content_changed(action: str = "post_save", **kwargs) -> None:
    if not action.startswith("post_"):
        return
    # After the commit: a request that reads the database before the change
    # is committed must not store its response under the new version.
    transaction.on_commit(retire_cached_responses)


def retire_cached_responses() -> None:
    new_version()
    purge_shared_caches()


def connect() -> None:
    for model in INVALIDATING_MODELS:
        post_save.connect(content_changed, sender=model, dispatch_uid=f"pc-{model}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"pd-{model}")
    for through in [*INVALIDATING_RELATIONS, TaggedArticle]:
        m2m_changed.connect(
            content_changed, sender=through, dispatch_uid=f"m-{through}"
        )


# The request headers get_conditional_response() reads (RFC 9110, 13.1).
CONDITIONS = frozenset(
    {
        "HTTP_IF_MATCH",
        "HTTP_IF_NONE_MATCH",
        "HTTP_IF_MODIFIED_SINCE",
        "HTTP_IF_UNMODIFIED_SINCE",
    }
)


class PublicPageCacheMiddleware:
    """Serve anonymous readers' GET requests from the cache, and tell the
    caches in front (a CDN, a proxy) how long they may keep each response.

    A request with a session or a message waiting (staff, a reader who just
    voted) is never served from the cache; a response that sets a cookie,
    varies by cookie or already says how to cache it (a preview, the
    counting image) is never stored.
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
        # One round trip to the cache for the version and the page: each
        # page is stored with the version it was rendered under, and one
        # stored under any other is not served.
        key = f"public-page:{variant(request)}"
        found = cache.get_many([VERSION_KEY, key])
        version = current_version_record(found.get(VERSION_KEY))
        stored_under, response = found.get(key, (None, None))
        if stored_under != version.token:
            response = self.get_response(request)
            if not is_storable(response):
                return response
            describe_for_shared_caches(response, version)
            # Stored in one piece: a feed or sitemap is written in thousands
            # of small ones, which the server would send one by one each time.
            response.content = response.content
            cache.set(key, (version.token, response), RESPONSE_SECONDS)
        # The stored response is the finished one (security headers, gzip),
        # so a hit skips the middleware below; it still answers 304 itself,
        # and reads its validators only when the request carries a condition.
        if not CONDITIONS.intersection(request.META):
            return response
        return get_conditional_response(
            request,
            etag=response["ETag"],
            last_modified=parse_http_date_safe(response["Last-Modified"]),
            response=response,
        )


def variant(request: HttpRequest) -> str:
    """What a stored response depends on: the address, the scheme (plain
    HTTP is redirected below this middleware) and how it is compressed."""
    encoding = accepted_encoding(request)
    address = f"{request.scheme}:{encoding}:{request.get_full_path()}"
    return hashlib.sha256(address.encode()).hexdigest()


def is_anonymous_read(request: HttpRequest) -> bool:
    return (
        settings.NEWSROOM_PAGE_CACHE
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and MESSAGES_COOKIE not in request.COOKIES
        and not request.path.startswith(
            (ADMIN_PREFIX, settings.MEDIA_URL, settings.STATIC_URL)
        )
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


def purge_shared_caches() -> None:
    """Ask the caches in front to drop every public response (off unless
    PURGE_URLS names them). Every public page lists other content, so any
    change may show on any page. A failed purge is logged: the responses
    then expire by their s-maxage."""
    for url in settings.NEWSROOM_PURGE_URLS:
        request = Request(url, method="PURGE", headers={"Surrogate-Key": PUBLIC_KEY})
        try:
            with urlopen(request, timeout=PURGE_TIMEOUT):
                pass
        except OSError:
            logger.exception("Could not purge %s", url)

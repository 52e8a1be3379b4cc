"""Cached public responses that are never stale.

Every cached public response (feeds, sitemaps, the news sitemap, robots.txt)
is stored under the current *version* of the public content. Any change that
can alter what readers see retires the version, so the next request renders
afresh; a timeout alone would leave an unpublished article (a legal takedown,
a retraction) in feeds and sitemaps until it expired.

This module is the one place that says what a change invalidates:
``INVALIDATING_MODELS``. A scheduled item needs no job to appear: the
version remembers the next scheduled publication time and retires itself
when that time has passed.
"""

import hashlib
import uuid
from dataclasses import dataclass
from datetime import datetime
from functools import wraps

from django.core.cache import cache
from django.db import transaction
from django.db.models import Min
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import get_language
from taggit.models import Tag

from articles.models import (
    AnalysisSection,
    Article,
    ArticleAuthor,
    Author,
    Country,
    FormerSlug,
    OrganizationNewsItem,
    RelatedArticle,
    SiteSettings,
    SiteText,
    TaggedArticle,
    Topic,
)
from articles.navigation import forget_navigation

VERSION_KEY = "public-content:version"
# How long a cached response may live even when nothing changes: a bound on
# memory, not on staleness.
RESPONSE_SECONDS = 60 * 60

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
    OrganizationNewsItem,
    SiteSettings,
    SiteText,
]
INVALIDATING_RELATIONS = [
    Article.topics.through,
    SiteSettings.no_republish_topics.through,
    SiteSettings.menu_countries.through,
    SiteSettings.menu_topics.through,
]


@dataclass(frozen=True)
class Version:
    token: str
    expires: datetime | None
    """The next scheduled publication: this version is stale from then on."""

    @property
    def is_current(self) -> bool:
        return self.expires is None or timezone.now() < self.expires


def current_version() -> str:
    """The token of the public content as it is now."""
    version = cache.get(VERSION_KEY)
    if version is None or not version.is_current:
        version = new_version()
    return version.token


def new_version() -> Version:
    """Retire every cached public response.

    The token is random rather than a counter, so a version evicted from the
    cache can never come back and revive responses stored under it.
    """
    version = Version(uuid.uuid4().hex, next_scheduled_publication())
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
    transaction.on_commit(new_version)


def connect() -> None:
    for model in INVALIDATING_MODELS:
        post_save.connect(content_changed, sender=model, dispatch_uid=f"pc-{model}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"pd-{model}")
    for through in [*INVALIDATING_RELATIONS, TaggedArticle]:
        m2m_changed.connect(
            content_changed, sender=through, dispatch_uid=f"m-{through}"
        )


def cache_public_response(view):
    """Cache a public GET response per address and language, under the
    current version of the public content."""

    @wraps(view)
    def cached_view(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        address = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        key = f"public-response:{current_version()}:{get_language()}:{address}"
        response = cache.get(key)
        if response is not None:
            return response
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.cookies:
            if hasattr(response, "render") and callable(response.render):
                response.add_post_render_callback(
                    lambda rendered: cache.set(key, rendered, RESPONSE_SECONDS)
                )
            else:
                cache.set(key, response, RESPONSE_SECONDS)
        return response

    return cached_view

"""Cached public responses that are never stale.

Every public response an anonymous reader gets (pages, feeds, sitemaps) is
stored under the current *version* of the public content. Any change that
can alter what readers see retires the version, so the next request renders
afresh; a timeout alone would leave an unpublished article (a legal takedown,
a retraction) in feeds and sitemaps until it expired. ``articles.page_cache``
stores and serves the responses; fragments and query results cached under the
version (``current_version()``) follow the same rule.

This module is the one place that says what a change invalidates:
``INVALIDATING_MODELS``. A scheduled item needs no job to appear: the
version remembers the next scheduled publication time and retires itself
when that time has passed.
"""

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
from django.utils import timezone
from taggit.models import Tag

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
# The surrogate key every public response carries.
PUBLIC_KEY = "public"
PURGE_TIMEOUT = 2

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

"""Sitemaps: every public page, with lastmod and hreflang alternates, on the
configured public origin (not whatever Host header a request carried)."""

from functools import partial
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.cache import cache
from django.db.models import Max
from django.urls import reverse
from django.utils.translation import get_language

from articles.models import Article, OrganizationNewsItem
from articles.pagination import ArchivePaginator
from articles.public_cache import RESPONSE_SECONDS, current_version
from articles.subjects import SUBJECT_KINDS, PublishedSubject, SubjectKind

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
URL_FIELDS = ["slug", "language", "status", "published_at", "updated_at", "trashed_at"]


class PublicSitemap(Sitemap):
    # Far below the protocol's 50,000: a file is rebuilt whenever the content
    # changes, and 1,000 addresses (what WordPress's sitemap plugins write)
    # keep each build short; the index names every file.
    limit = 1000

    def get_domain(self, site=None) -> str:
        return urlsplit(settings.SITE_URL).netloc

    def get_protocol(self, protocol=None) -> str:
        return urlsplit(settings.SITE_URL).scheme


class ArticleSitemap(PublicSitemap):
    changefreq = "weekly"

    def items(self):
        return (
            Article.objects.published()
            .canonical_here()
            .select_related("translation")
            # Addresses and dates only: 5,000 bodies per file would be most
            # of its cost.
            .only(*URL_FIELDS, *(f"translation__{name}" for name in URL_FIELDS))
            .order_by("-published_at", "-pk")
        )

    def lastmod(self, article: Article):
        return article.updated_at

    @property
    def paginator(self) -> ArchivePaginator:
        # Ids first through the index, then 5,000 rows by id: a late page
        # does not read every article before it.
        return ArchivePaginator(self._items(), self.limit, count_key="sitemap-articles")

    def get_latest_lastmod(self):
        # No index orders edits: read once per version of the content.
        return cache.get_or_set(
            f"sitemap-articles-lastmod:{current_version()}",
            lambda: self.items().aggregate(latest=Max("updated_at"))["latest"],
            RESPONSE_SECONDS,
        )

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            url["alternates"] = hreflang_alternates(url["item"])
        return urls


def hreflang_alternates(article: Article) -> list[dict]:
    """The article and its published translation, each naming the other, with
    the English one as x-default; empty when there is no translation."""
    translation = article.translation
    if translation is None or not translation.is_published:
        return []
    pair = sorted([article, translation], key=lambda a: a.language)
    alternates = [{"lang_code": a.language, "location": a.get_full_url()} for a in pair]
    default = next((a for a in pair if a.language == settings.LANGUAGE_CODE), pair[0])
    return [*alternates, {"lang_code": "x-default", "location": default.get_full_url()}]


class BilingualSitemap(PublicSitemap):
    """Pages that exist in every language, each listed with its alternates."""

    i18n = True
    alternates = True
    x_default = True


class SubjectSitemap(BilingualSitemap):
    """Listing pages of public subjects, each in the languages it has
    published articles in."""

    def __init__(self, subject_kind: SubjectKind):
        self.subject_kind = subject_kind
        # Each address is asked for up to four times (its entry, and as an
        # alternate of each language's entry): reversed once. This object
        # lives for one request (see SITEMAPS).
        self.addresses: dict[tuple[int, str], str] = {}

    def items(self) -> list[PublishedSubject]:
        # One grouped query over every article's subjects, read once per
        # version of the public content: the index and every page of the
        # section share it.
        kind = self.subject_kind
        key = f"published-subjects:{current_version()}:{kind.name}"
        return cache.get_or_set(key, kind.published_subjects, RESPONSE_SECONDS)

    def get_languages_for_item(self, subject: PublishedSubject) -> list[str]:
        return [code for code in LANGUAGE_CODES if code in subject.latest]

    def location(self, subject: PublishedSubject) -> str:
        key = (subject.pk, get_language())
        if key not in self.addresses:
            self.addresses[key] = self.subject_kind.url(subject)
        return self.addresses[key]

    def lastmod(self, subject: PublishedSubject):
        return subject.last_published

    def get_latest_lastmod(self):
        # The newest article of any subject: one aggregate, not one per row.
        return latest_publication()


class OrganizationNewsSitemap(PublicSitemap):
    changefreq = "monthly"

    def items(self):
        return OrganizationNewsItem.objects.published().order_by("-published_at", "pk")

    def lastmod(self, item: OrganizationNewsItem):
        return item.updated_at

    def get_latest_lastmod(self):
        return self.items().aggregate(latest=Max("updated_at"))["latest"]


class StaticPagesSitemap(BilingualSitemap):
    changefreq = "daily"

    def items(self) -> list[str]:
        return [
            "articles:home",
            "articles:article-list",
            "articles:organization-news-list",
            "articles:corrections",
            "articles:donate",
        ]

    def location(self, name: str) -> str:
        return reverse(name)

    def lastmod(self, name: str):
        if not hasattr(self, "_latest"):
            self._latest = latest_publication()
        return self._latest

    def get_latest_lastmod(self):
        return latest_publication()


def latest_publication():
    return Article.objects.published().aggregate(latest=Max("published_at"))["latest"]


SITEMAPS = {
    "articles": ArticleSitemap,
    # A new sitemap object per request (the view calls each), so nothing one
    # request computes is kept for the next.
    **{kind.segment: partial(SubjectSitemap, kind) for kind in SUBJECT_KINDS.values()},
    "organization": OrganizationNewsSitemap,
    "pages": StaticPagesSitemap,
}

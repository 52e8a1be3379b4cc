"""Sitemaps: every public page, with lastmod and hreflang alternates, on the
configured public origin (not whatever Host header a request carried)."""

import re
from datetime import date, datetime, tzinfo
from functools import partial
from html import escape
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property

from articles.models import Article, OrganizationNewsItem
from articles.pagination import NewestFirstPaginator, PagedList
from articles.public_cache import RESPONSE_SECONDS, current_version
from articles.subjects import SUBJECT_KINDS, PublishedSubject, SubjectKind

# What Django's <slug:…> converter matches: any other slug is reversed, as
# reverse() alone knows how to quote it or refuse it.
SLUG = re.compile(r"[-a-zA-Z0-9_]+")
PLACEHOLDER = "sitemap-slug-placeholder"


class SlugRoute:
    """The addresses of a route with one slug, reversed once per language: a
    sitemap file names thousands of them, and reverse() for each (under the
    language of each) was most of its cost."""

    def __init__(self, name: str):
        self.name = name
        self.ends: dict[str, tuple[str, str]] = {}

    def path(self, slug: str, language: str) -> str:
        if not SLUG.fullmatch(slug):
            with translation.override(language):
                return reverse(self.name, kwargs={"slug": slug})
        if language not in self.ends:
            with translation.override(language):
                address = reverse(self.name, kwargs={"slug": PLACEHOLDER})
            head, _placeholder, tail = address.partition(PLACEHOLDER)
            self.ends[language] = (head, tail)
        head, tail = self.ends[language]
        return f"{head}{slug}{tail}"


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

    def __init__(self):
        # This object lives for one request (see SITEMAPS).
        self.route = SlugRoute("articles:article-detail")

    def items(self):
        return (
            Article.objects.published()
            .canonical_here()
            .order_by("-published_at", "-pk")
        )

    def rows(self):
        """Addresses and dates as plain values: model instances of a
        thousand articles and their translations would be most of a file's
        cost."""
        return self.items().values(
            "pk", "slug", "language", "updated_at", "translation_id"
        )

    def published_translations(self, rows: list[dict]) -> dict[int, tuple[str, str]]:
        """The slug and language of each published translation of ``rows``,
        by id: one query by their ids (none when no row has a translation).
        Asked as a condition of the rows' query instead, PostgreSQL tested
        it against every published article."""
        ids = [row["translation_id"] for row in rows if row["translation_id"]]
        translations = Article.objects.published().filter(pk__in=ids)
        return {
            pk: (slug, language)
            for pk, slug, language in translations.values_list("pk", "slug", "language")
        }

    def location(self, row: dict) -> str:
        return self.route.path(row["slug"], row["language"])

    def lastmod(self, row: dict):
        return row["updated_at"]

    @cached_property
    def paginator(self) -> NewestFirstPaginator:
        # Each file read from where it starts (found once per version): a
        # late file does not step over every article before it.
        return NewestFirstPaginator(
            self.items(), self.limit, name="sitemap-articles", rows=self.rows()
        )

    def get_latest_lastmod(self):
        # No index orders edits: read once per version of the content.
        return cache.get_or_set(
            f"sitemap-articles-lastmod:{current_version()}",
            lambda: self.items().aggregate(latest=Max("updated_at"))["latest"],
            RESPONSE_SECONDS,
        )

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        translations = self.published_translations([url["item"] for url in urls])
        origin = settings.SITE_URL
        for url in urls:
            row = url["item"]
            if translated := translations.get(row["translation_id"]):
                url["alternates"] = paired_alternates(
                    {
                        row["language"]: origin + self.location(row),
                        translated[1]: origin + self.route.path(*translated),
                    }
                )
        return urls


def hreflang_alternates(article: Article) -> list[dict]:
    """The article and its published translation, each naming the other, with
    the English one as x-default; empty when there is no translation."""
    translation = article.translation
    if translation is None or not translation.is_published:
        return []
    return paired_alternates(
        {a.language: a.get_full_url() for a in (article, translation)}
    )


def paired_alternates(addresses: dict[str, str]) -> list[dict]:
    """Alternates of a page, from its full addresses by language: each, then
    the one in the default language again as x-default (``with_x_default``)."""
    pairs = sorted(addresses.items())
    return with_x_default([{"lang_code": c, "location": url} for c, url in pairs])


def with_x_default(alternates: list[dict]) -> list[dict]:
    """``alternates``, and the page in the default language again as
    x-default when there is one, as for articles. Not Django's x-default, the
    address without its language prefix: a reader whose browser prefers
    Spanish is not redirected from it but finds nothing, since a Spanish
    address has words of its own (/tags/… is /es/etiquetas/…)."""
    default = next(
        (a["location"] for a in alternates if a["lang_code"] == settings.LANGUAGE_CODE),
        None,
    )
    if default is None:
        return alternates
    return [*alternates, {"location": default, "lang_code": "x-default"}]


class BilingualSitemap(PublicSitemap):
    """Pages that exist in every language, each listed with its alternates."""

    i18n = True
    alternates = True

    def get_urls(self, page=1, site=None, protocol=None) -> list[dict]:
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            url["alternates"] = with_x_default(url["alternates"])
        return urls


class SubjectSitemap(BilingualSitemap):
    """Listing pages of public subjects, each in the languages it has
    published articles in."""

    def __init__(self, subject_kind: SubjectKind):
        self.subject_kind = subject_kind
        # This object lives for one request (see SITEMAPS).
        self.route = SlugRoute(f"articles:{subject_kind.name}")

    def items(self) -> list[PublishedSubject]:
        return self.subject_kind.published_subjects()

    @cached_property
    def paginator(self) -> Paginator:
        # The (subject, language) pairs that Django's _items() makes of every
        # subject, computed once per version of the public content (one
        # grouped query over every article's subjects) and cached by file:
        # a file reads its own page of them, the index only how many there are.
        pairs = PagedList(f"sitemap-{self.subject_kind.name}", self.limit, self._items)
        return Paginator(pairs, self.limit)

    def get_languages_for_item(self, subject: PublishedSubject) -> tuple[str, ...]:
        return subject.languages

    def location(self, subject: PublishedSubject) -> str:
        # Called by Django's get_urls() in each address's language; ours
        # below asks the route for every language at once.
        return self.route.path(subject.slug, translation.get_language())

    def lastmod(self, subject: PublishedSubject):
        return subject.last_published

    def get_urls(self, page=1, site=None, protocol=None) -> list[dict]:
        """What ``BilingualSitemap.get_urls()`` returns for a page of
        (subject, language) pairs, found once per subject: its entries in
        each language share their date and their alternates. Django's loop
        asks each pair for each through several calls, and the objects it
        makes for a thousand pairs were most of a file's cost and woke the
        collector."""
        origin = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        urls = []
        subject = latest = None
        for item in self.paginator.page(page).object_list:
            # A subject's pairs are neighbours; should two of them not be
            # one object, the second is found again, the same.
            if item[0] is not subject:
                subject = item[0]
                lastmod = self.lastmod(subject)
                latest = lastmod if latest is None else max(latest, lastmod)
                locations = {
                    code: origin + self.route.path(subject.slug, code)
                    for code in subject.languages
                }
                alternates = paired_alternates(locations)
            urls.append(
                {
                    "item": item,
                    "location": locations[item[1]],
                    "lastmod": lastmod,
                    # What Django's loop writes for a sitemap declaring neither.
                    "changefreq": None,
                    "priority": "",
                    "alternates": alternates,
                }
            )
        if latest:
            # For Django's view: the file's Last-Modified header.
            self.latest_lastmod = latest
        return urls

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


def urlset_xml(urls: list[dict]) -> str:
    """A section's file from its sitemap's ``get_urls()``: what Django's
    ``sitemap.xml`` template writes, byte for byte (its ``spaceless`` output),
    written directly: a template's loop over a thousand addresses, each with
    its alternates, cost more than finding them."""
    zone = display_zone()
    parts = []
    # A page's entries in each of its languages, one after the other, share
    # their date and their list of alternates: each is written once.
    lastmod = day = alternates = links = None
    for url in urls:
        parts.append(f"<url><loc>{escape(url['location'])}</loc>")
        if url["lastmod"]:
            if url["lastmod"] is not lastmod:
                lastmod = url["lastmod"]
                day = calendar_date(lastmod, zone)
            parts.append(f"<lastmod>{day}</lastmod>")
        if url["changefreq"]:
            parts.append(f"<changefreq>{escape(url['changefreq'])}</changefreq>")
        if url["priority"]:
            parts.append(f"<priority>{escape(url['priority'])}</priority>")
        if url["alternates"] is not alternates:
            alternates = url["alternates"]
            links = "".join(
                f'<xhtml:link rel="alternate" hreflang="{escape(a["lang_code"])}"'
                f' href="{escape(a["location"])}"/>'
                for a in alternates
            )
        parts.append(f"{links}</url>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
        f"{''.join(parts)}\n</urlset>\n"
    )


def display_zone() -> tzinfo | None:
    """The time zone templates show aware times in, if they convert them."""
    return timezone.get_current_timezone() if settings.USE_TZ else None


def sitemapindex_xml(sitemaps: list[SitemapIndexItem]) -> str:
    """The index: what Django's ``sitemap_index.xml`` template writes, byte
    for byte (its ``spaceless`` output), written directly (the template's
    loop and ``date`` filter over a hundred files were most of its cost)."""
    zone = display_zone()
    entries = []
    for sitemap in sitemaps:
        entry = [f"<sitemap><loc>{escape(sitemap.location)}</loc>"]
        if sitemap.last_mod:
            stamp = local_time(sitemap.last_mod, zone).isoformat()
            entry.append(f"<lastmod>{stamp}</lastmod>")
        entry.append("</sitemap>")
        entries.append("".join(entry))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{''.join(entries)}\n</sitemapindex>\n"
    )


def calendar_date(value: date, zone: tzinfo | None) -> str:
    """The day of ``value`` in ``zone``, as the template's ``date:"Y-m-d"``
    writes it."""
    value = local_time(value, zone)
    if isinstance(value, datetime):
        value = value.date()
    return value.isoformat()


def local_time(value: date, zone: tzinfo | None) -> date:
    """``value`` as a template's ``date`` filter sees it, in ``zone`` from
    ``display_zone()``: looked up once for a whole file, where
    ``template_localtime()`` looks it up for each of a thousand values."""
    if zone is not None and isinstance(value, datetime) and timezone.is_aware(value):
        return value.astimezone(zone)
    return value


def latest_publication() -> datetime | None:
    """When the newest article was published: the index asks for it for
    several sections, and it changes only with the public content."""
    published = Article.objects.published()
    return cache.get_or_set(
        f"latest-publication:{current_version()}",
        lambda: published.aggregate(latest=Max("published_at"))["latest"],
        RESPONSE_SECONDS,
    )


SITEMAPS = {
    "articles": ArticleSitemap,
    # A new sitemap object per request (the view calls each), so nothing one
    # request computes is kept for the next.
    **{kind.segment: partial(SubjectSitemap, kind) for kind in SUBJECT_KINDS.values()},
    "organization": OrganizationNewsSitemap,
    "pages": StaticPagesSitemap,
}

"""What search engines read: robots.txt and the Google News sitemap."""

from datetime import timedelta

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.contrib.sitemaps.views import SitemapIndexItem
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.cache import cache_page
from django.views.decorators.http import require_GET

from articles.models import Article, SiteSettings
from articles.sitemaps import SITEMAPS, sitemapindex_xml, urlset_xml

NEWS_SITEMAP_DAYS = 2
NEWS_SITEMAP_LIMIT = 1000


# Pages that are for people, not for search engines, in every language.
UNINDEXED_PAGES = ["articles:search", "articles:donate-go"]
UNINDEXED_ARTICLE_PAGES = [
    "articles:article-republish",
    "articles:article-comment",
    "articles:article-untranslated",
]


def unindexed_paths() -> list[str]:
    """The addresses robots should skip, in each language's URL words."""
    paths = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths += [reverse(name) for name in UNINDEXED_PAGES]
            paths += [
                reverse(name, args=["slug"]).replace("/slug/", "/*/")
                for name in UNINDEXED_ARTICLE_PAGES
            ]
            paths.append(reverse("articles:article-preview", args=[0])[:-2])
    return paths


@require_GET
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico whatever the page's head names. Not a
    permanent redirect: a new logo draws a new icon."""
    return HttpResponseRedirect(SiteSettings.load().icon_urls["favicon"])


@require_GET
@cache_page(60 * 60)
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /republished/",
        *(f"Disallow: {path}" for path in unindexed_paths()),
        "",
        f"Sitemap: {settings.SITE_URL}{reverse('sitemap-index')}",
        f"Sitemap: {settings.SITE_URL}{reverse('sitemap-news')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@require_GET
def sitemap_index(request: HttpRequest) -> HttpResponse:
    """The sitemap index, naming each section (and each page of a long one)
    on the configured public origin rather than the request's host."""
    entries = []
    for section, sitemap_class in SITEMAPS.items():
        sitemap = sitemap_class()
        location = settings.SITE_URL + reverse("sitemap-section", args=[section])
        last_mod = sitemap.get_latest_lastmod()
        entries.append(SitemapIndexItem(location, last_mod))
        entries.extend(
            SitemapIndexItem(f"{location}?p={page}", last_mod)
            for page in range(2, sitemap.paginator.num_pages + 1)
        )
    return HttpResponse(sitemapindex_xml(entries), content_type="application/xml")


@require_GET
def sitemap_section(request: HttpRequest, section: str) -> HttpResponse:
    """One file of a section: Django's view (its 404s for an unknown section
    or page, its Last-Modified and X-Robots-Tag headers), with the addresses
    written by ``urlset_xml`` instead of its template."""
    response = sitemap_views.sitemap(request, SITEMAPS, section)
    # A response of its own, without the thousand addresses of the context:
    # they are freed with the view rather than by a pass of the collector.
    return HttpResponse(
        urlset_xml(response.context_data["urlset"]), headers=response.headers
    )


@require_GET
def news_sitemap(request: HttpRequest) -> HttpResponse:
    """Articles published in the last two days, for Google News."""
    since = timezone.now() - timedelta(days=NEWS_SITEMAP_DAYS)
    articles = (
        Article.objects.published()
        .canonical_here()
        .filter(published_at__gte=since)
        .order_by("-published_at")[:NEWS_SITEMAP_LIMIT]
    )
    return TemplateResponse(
        request,
        "sitemaps/news.xml",
        {"articles": articles, "publication": SiteSettings.load().organization_name},
        content_type="application/xml",
    )

"""schema.org JSON-LD for search engines: the article, its publisher, its place
in the site. Built from what the page already loaded: no query of its own."""

from urllib.parse import urljoin

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext

from articles.models import Article, Image, Kind, SiteSettings

ARTICLE_TYPES = {
    Kind.BRIEF: "NewsArticle",
    Kind.NEWS: "NewsArticle",
    Kind.ANALYSIS: "AnalysisNewsArticle",
    Kind.INVESTIGATION: "ReportageNewsArticle",
    Kind.PROFILE: "BackgroundNewsArticle",
}


def absolute(url: str) -> str:
    return urljoin(settings.SITE_URL + "/", url)


def logo_url(site: SiteSettings) -> str:
    return absolute(site.logo.url if site.logo else static("img/logo.png"))


def organization(site: SiteSettings) -> dict:
    return {
        "@type": "NewsMediaOrganization",
        "@id": absolute("/#organization"),
        "name": site.organization_name,
        "url": absolute("/"),
        "logo": {"@type": "ImageObject", "url": logo_url(site)},
        "publishingPrinciples": absolute(reverse("articles:organization-news-list")),
    }


def organization_json_ld(site: SiteSettings) -> dict:
    return {"@context": "https://schema.org", **organization(site)}


def article_json_ld(article: Article, site: SiteSettings) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": ARTICLE_TYPES[article.kind],
        "headline": article.title[:110],
        "description": article.dek,
        "url": article.get_full_url(),
        "mainEntityOfPage": {"@type": "WebPage", "@id": article.get_full_url()},
        "inLanguage": article.language,
        "articleSection": article.get_kind_display(),
        "keywords": [tag.name for tag in article.tags.all()],
        "isAccessibleForFree": True,
        "license": site.licence_url,
        "author": [
            {
                "@type": "Person",
                "name": author.name,
                "url": absolute(author.get_absolute_url()),
            }
            for author in article.ordered_authors
        ],
        "publisher": organization(site),
    }
    if article.published_at:
        # A draft being previewed has no publication time yet.
        data["datePublished"] = article.published_at.isoformat()
    data["dateModified"] = max(
        filter(None, [article.updated_at, article.published_at])
    ).isoformat()
    if article.country:
        data["contentLocation"] = {"@type": "Place", "name": article.country.name}
    if article.featured_image:
        data["image"] = image_objects(article.featured_image)
    translation = article.translation
    if translation is not None and translation.is_published:
        other = {
            "@type": "CreativeWork",
            "@id": translation.get_full_url(),
            "inLanguage": translation.language,
        }
        key = (
            "workTranslation"
            if article.language == settings.LANGUAGE_CODE
            else "translationOfWork"
        )
        data[key] = other
    return data


def image_objects(image: Image) -> list[dict]:
    """A library image as search engines ask for it: its crops around the
    focal point (the original until they are made), with caption and credit."""
    described = {
        key: value
        for key, value in [("caption", image.caption), ("creditText", image.credit)]
        if value
    }
    return [
        {
            "@type": "ImageObject",
            "url": absolute(crop.url),
            "width": crop.width,
            "height": crop.height,
            **described,
        }
        for crop in image.crops
    ]


def breadcrumb_json_ld(article: Article) -> dict:
    """The same three steps as the page's visible breadcrumb."""
    steps = [
        (gettext("Home"), absolute(reverse("articles:home"))),
        (gettext("News"), absolute(reverse("articles:article-list"))),
        (
            article.get_kind_display(),
            absolute(f"{reverse('articles:article-list')}?kind={article.kind}"),
        ),
    ]
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": number, "name": name, "item": url}
            for number, (name, url) in enumerate(steps, start=1)
        ],
    }

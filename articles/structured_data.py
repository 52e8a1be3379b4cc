"""schema.org JSON-LD for search engines: the article, its publisher, its place
in the site. Built from what the page already loaded: no query of its own."""

from urllib.parse import urljoin

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext

from articles.models import Article, Author, Kind, Outlet, SiteSettings
from articles.sharing import ShareImage, share_images_for

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
    return absolute(site.logo_path)


def byline(author: Author) -> dict:
    """A person, or a team as an Organization, with its author page."""
    return {
        "@type": author.schema_type,
        "name": author.display_name,
        "url": absolute(author.get_absolute_url()),
    }


def image_object(image: ShareImage) -> dict:
    """An image as search engines ask for it, with its caption and credit."""
    size = {"width": image.width, "height": image.height} if image.width else {}
    described = {
        key: value
        for key, value in [("caption", image.caption), ("creditText", image.credit)]
        if value
    }
    return {"@type": "ImageObject", "url": absolute(image.path), **size, **described}


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
        # Topics first: the newsroom's own coverage areas, then free tags.
        "keywords": [topic.display_name for topic in article.topics.all()]
        + [tag.name for tag in article.tags.all()],
        "isAccessibleForFree": True,
        "author": [byline(author) for author in article.ordered_authors],
        "publisher": organization(site),
    }
    if article.published_at:
        # A draft being previewed has no publication time yet.
        data["datePublished"] = article.published_at.isoformat()
    data["dateModified"] = max(
        filter(None, [article.updated_at, article.published_at])
    ).isoformat()
    if countries := article.all_countries:
        data["contentLocation"] = [
            {"@type": "Place", "name": country.display_name} for country in countries
        ]
    if topics := article.topics.all():
        data["about"] = [
            {
                "@type": "Thing",
                "name": topic.display_name,
                "url": absolute(topic.get_absolute_url()),
            }
            for topic in topics
        ]
    data["image"] = [image_object(image) for image in share_images_for(article, site)]
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
    data.update(record_json_ld(article))
    return data


def record_json_ld(article: Article) -> dict:
    """The article's licence, its corrections, the outlet that first
    published it and its partners, from what ``with_page_data()`` loaded."""
    data = {}
    licence = article.licence_terms
    if licence.url:
        data["license"] = licence.url
    corrections = [
        {
            "@type": "CorrectionComment",
            "text": correction.text,
            "datePublished": correction.published_at.isoformat(),
        }
        for correction in article.corrections.all()
        if correction.amends
    ]
    if corrections:
        data["correction"] = corrections
    outlet = article.original_outlet
    if outlet is not None:
        original = {
            "@type": "NewsArticle",
            "publisher": outlet_json_ld(outlet),
        }
        if article.original_url:
            original["url"] = article.original_url
        data["isBasedOn"] = original
    partners = [outlet_json_ld(partner) for partner in article.partners.all()]
    if partners:
        data["contributor"] = partners
    return data


def outlet_json_ld(outlet: Outlet) -> dict:
    data = {"@type": "NewsMediaOrganization", "name": outlet.name}
    if outlet.url:
        data["url"] = outlet.url
    return data


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

"""Head metadata: JSON-LD, Open Graph, Twitter card, licence and hreflang."""

import json
import re
from datetime import UTC, datetime

import pytest
from django.utils.dateparse import parse_datetime

from articles.models import SiteSettings
from tests.factories import (
    make_article,
    make_author,
    make_correction,
    make_country,
    make_image,
    make_outlet,
)

pytestmark = pytest.mark.django_db

SITE = "https://news.example.org"


def json_ld(html: str) -> list[dict]:
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S
    )
    return [json.loads(block) for block in blocks]


def meta(html: str, name: str) -> list[str]:
    return re.findall(
        rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)">', html
    )


@pytest.fixture
def pair(settings):
    settings.SITE_URL = SITE
    site = SiteSettings.load()
    site.organization_name = "Harbour Watch"
    site.save()
    english = make_article(
        slug="port",
        kind="analysis",
        title="Port </script><script>alert(1)</script>",
        dek="Why the port matters.",
        authors=[make_author(name="Ana Ríos"), make_author(name="Luis Vega")],
        country=make_country(name="Peru"),
        tags=["ports", "cocaine"],
        published_at=datetime(2016, 5, 11, 12, tzinfo=UTC),
    )
    english.featured_image = make_image(size=(2000, 1500), alt="The port at dusk")
    english.save()
    spanish = make_article(slug="puerto", language="es", translation=english)
    return english, spanish


def test_article_json_ld_carries_every_property(client, pair):
    english, _spanish = pair
    html = client.get(english.get_absolute_url()).text
    article, breadcrumb = json_ld(html)

    assert article["@type"] == "AnalysisNewsArticle"
    assert article["headline"] == english.title
    assert article["description"] == "Why the port matters."
    assert [a["name"] for a in article["author"]] == ["Ana Ríos", "Luis Vega"]
    assert all(
        a["@type"] == "Person" and a["url"].startswith(SITE) for a in article["author"]
    )
    assert parse_datetime(article["datePublished"]).tzinfo is not None
    assert parse_datetime(article["dateModified"]) >= parse_datetime(
        article["datePublished"]
    )
    ratios = {round(image["width"] / image["height"], 2) for image in article["image"]}
    assert ratios == {1.78, 1.33, 1.0}
    assert all(image["width"] >= 1200 for image in article["image"])
    assert article["publisher"]["@type"] == "NewsMediaOrganization"
    assert article["publisher"]["name"] == "Harbour Watch"
    assert article["publisher"]["logo"]["url"].startswith(SITE)
    assert article["mainEntityOfPage"]["@id"] == f"{SITE}/en/news/port/"
    assert article["inLanguage"] == "en"
    assert article["articleSection"] == "Analysis"
    assert article["keywords"] == ["ports", "cocaine"]
    assert article["isAccessibleForFree"] is True
    assert article["license"] == "https://creativecommons.org/licenses/by-nc/4.0/"
    assert article["workTranslation"]["@id"] == f"{SITE}/es/noticias/puerto/"
    assert breadcrumb["@type"] == "BreadcrumbList"
    assert [step["name"] for step in breadcrumb["itemListElement"]] == [
        "Home",
        "News",
        "Analysis",
    ]


def test_the_translation_points_back_to_its_original(client, pair):
    _english, spanish = pair
    article = json_ld(client.get(spanish.get_absolute_url()).text)[0]
    assert article["translationOfWork"]["@id"] == f"{SITE}/en/news/port/"


@pytest.mark.parametrize(
    ("kind", "schema_type"),
    [
        ("brief", "NewsArticle"),
        ("news", "NewsArticle"),
        ("investigation", "ReportageNewsArticle"),
        ("profile", "BackgroundNewsArticle"),
    ],
)
def test_each_kind_has_its_schema_type(client, kind, schema_type):
    article = make_article(kind=kind)
    assert (
        json_ld(client.get(article.get_absolute_url()).text)[0]["@type"] == schema_type
    )


def test_json_ld_cannot_close_its_script_element(client, pair):
    english, _spanish = pair
    html = client.get(english.get_absolute_url()).text
    assert "</script><script>alert(1)" not in html
    assert "\\u003C/script\\u003E" in html


def test_open_graph_and_twitter_tags(client, pair):
    english, _spanish = pair
    html = client.get(english.get_absolute_url()).text
    assert meta(html, "og:type") == ["article"]
    assert meta(html, "og:url") == [f"{SITE}/en/news/port/"]
    assert meta(html, "og:site_name") == ["Harbour Watch"]
    assert meta(html, "og:locale") == ["en_US"]
    assert meta(html, "og:locale:alternate") == ["es_LA"]
    assert meta(html, "og:image")[0].startswith(f"{SITE}/media/renditions/")
    assert meta(html, "og:image:width") == ["1600"]
    assert meta(html, "og:image:height") == ["900"]
    assert meta(html, "article:published_time") == ["2016-05-11T12:00:00+00:00"]
    assert meta(html, "article:modified_time")
    assert len(meta(html, "article:author")) == 2
    assert meta(html, "article:section") == ["Analysis"]
    assert meta(html, "article:tag") == ["ports", "cocaine"]
    assert meta(html, "twitter:card") == ["summary_large_image"]
    assert (
        '<link rel="license" href="https://creativecommons.org/licenses/by-nc/4.0/">'
        in html
    )
    assert f'<link rel="canonical" href="{SITE}/en/news/port/">' in html


def test_head_hreflang_matches_the_sitemap_and_is_reciprocal(client, pair):
    english, spanish = pair

    def head_alternates(article):
        html = client.get(article.get_absolute_url()).text
        return dict(
            re.findall(
                r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html
            )
        )

    expected = {
        "en": f"{SITE}/en/news/port/",
        "es": f"{SITE}/es/noticias/puerto/",
        "x-default": f"{SITE}/en/news/port/",
    }
    assert head_alternates(english) == expected
    assert head_alternates(spanish) == expected
    sitemap = client.get("/sitemap-articles.xml").text
    for lang, href in expected.items():
        assert f'hreflang="{lang}" href="{href}"' in sitemap


def test_home_describes_the_organization(client, settings):
    settings.SITE_URL = SITE
    organization = json_ld(client.get("/en/").text)[0]
    assert organization["@type"] == "NewsMediaOrganization"
    assert organization["url"] == f"{SITE}/"
    assert organization["logo"]["url"] == f"{SITE}/static/img/logo.png"


def test_a_corrected_co_published_team_piece_about_two_countries(client, settings):
    """What the newsroom's real articles carry at once: corrections, several
    countries, a team byline, a partner outlet, and no image of their own."""
    settings.SITE_URL = SITE
    article = make_article(
        country=make_country(name="Venezuela"),
        countries=[make_country(name="Colombia")],
        authors=[
            make_author(name="Venezuela Investigative Unit", kind="team"),
            make_author(name="Ana Ríos"),
        ],
    )
    article.partners.add(make_outlet(name="Armando.info"))
    make_correction(article, kind="correction", text="The mine is in Bolívar.")
    make_correction(article, kind="update", text="The ministry answered.")

    data, _breadcrumb = json_ld(client.get(article.get_absolute_url()).text)

    assert [author["@type"] for author in data["author"]] == ["Organization", "Person"]
    assert data["contentLocation"] == [
        {"@type": "Place", "name": "Venezuela"},
        {"@type": "Place", "name": "Colombia"},
    ]
    # Google asks for an image: the site's stands in for the article's.
    assert data["image"][0]["@type"] == "ImageObject"
    assert data["image"][0]["url"].startswith(SITE)
    # An update adds to the article; only a correction amends it.
    assert [entry["@type"] for entry in data["correction"]] == ["CorrectionComment"]
    assert data["correction"][0]["text"] == "The mine is in Bolívar."
    assert [partner["name"] for partner in data["contributor"]] == ["Armando.info"]

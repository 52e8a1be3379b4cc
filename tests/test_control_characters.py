"""Characters XML 1.0 forbids, pasted from a word processor, never reach a
feed or a sitemap: they are stripped when any text is saved, and feeds and
sitemaps strip any that reached the database some other way."""

import pytest
from django.urls import reverse
from lxml import etree
from taggit.models import Tag

from articles.models import AnalysisSection, Article, Author, Country, SiteSettings
from articles.xml_characters import xml_safe
from tests.admin_forms import article_form_data
from tests.factories import make_article, make_author, make_country, make_user

pytestmark = pytest.mark.django_db

# Vertical tab, form feed, NUL, escape, a lone surrogate and U+FFFF.
PASTED = "\x0b\x0c\x00\x1b\ud800\uffff"
# What a database accepts of them: PostgreSQL refuses NUL, UTF-8 surrogates.
STORABLE = "\x0b\x0c\x1b\uffff"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_tab_newline_and_ordinary_text_are_kept():
    assert xml_safe("Año\tuno\r\ndos — «tres» 😀") == "Año\tuno\r\ndos — «tres» 😀"


def test_every_text_field_is_stripped_when_saved():
    article = make_article(
        title=f"Port{PASTED} report",
        dek=f"Summary{PASTED}.",
        body=f"<p>Body{PASTED}.</p>",
        country=make_country(name=f"Per{PASTED}u"),
        authors=[make_author(name=f"Ana{PASTED} Ríos")],
        sections=[{"heading": f"Why{PASTED}", "body": "<p>Because.</p>"}],
        tags=[f"ports{STORABLE}"],  # taggit looks the name up first
    )
    article.refresh_from_db()
    assert (article.title, article.dek) == ("Port report", "Summary.")
    assert (article.body, article.body_html) == ("<p>Body.</p>", "<p>Body.</p>")
    assert AnalysisSection.objects.get().heading == "Why"
    assert Country.objects.get().name == "Peru"
    assert Author.objects.get().name == "Ana Ríos"
    assert Tag.objects.get().name == "ports"


def test_an_admin_save_strips_them(client):
    client.force_login(make_user("Editors"))
    response = client.post(
        reverse("admin:articles_article_add"),
        article_form_data(title="Vertical\x0btab", dek="Form\x0cfeed"),
    )
    assert response.status_code == 302
    assert Article.objects.values_list("title", "dek").get() == (
        "Verticaltab",
        "Formfeed",
    )


@pytest.fixture
def stored_around_save(settings):
    """An article whose texts reached the database without save(), as an
    ``update()`` or raw SQL would write them."""
    settings.SITE_URL = "https://news.example.org"
    article = make_article(
        slug="port",
        country=make_country(slug="peru"),
        authors=[make_author(slug="ana")],
        tags=["ports"],
    )
    Article.objects.filter(pk=article.pk).update(
        title=f"Port{STORABLE} report",
        dek=f"Summary{STORABLE}.",
        body_html=f"<p>Body{STORABLE}.</p>",
    )
    Author.objects.update(name=f"Ana{STORABLE}")
    Tag.objects.update(name=f"ports{STORABLE}")
    SiteSettings.objects.update(organization_name=f"Newsroom{STORABLE}")
    return article


FEEDS = [
    "/en/feeds/{fmt}/",
    "/en/feeds/{fmt}/kind/brief/",
    "/en/feeds/{fmt}/country/peru/",
    "/en/feeds/{fmt}/tag/ports/",
    "/en/feeds/{fmt}/author/ana/",
    "/en/feeds/{fmt}/language/en/",
]


@pytest.mark.parametrize("fmt", ["rss", "atom"])
@pytest.mark.parametrize("url", FEEDS)
def test_every_feed_stays_well_formed(client, stored_around_save, fmt, url):
    response = client.get(url.format(fmt=fmt))
    assert response.status_code == 200
    document = etree.fromstring(response.content)
    assert "Port report" in etree.tostring(document, encoding="unicode")


def test_the_partner_feed_stays_well_formed(client, stored_around_save):
    response = client.get("/en/feeds/partner/")
    assert response.status_code == 200
    etree.fromstring(response.content)


def test_the_news_sitemap_stays_well_formed(client, stored_around_save):
    response = client.get("/sitemap-news.xml")
    assert response.status_code == 200
    document = etree.fromstring(response.content)
    titles = document.xpath("//*[local-name()='title']/text()")
    assert titles == ["Port report"]


def test_every_sitemap_section_stays_well_formed(client, stored_around_save):
    index = etree.fromstring(client.get("/sitemap.xml").content)
    for location in index.findall("s:sitemap/s:loc", NS):
        response = client.get(location.text.removeprefix("https://news.example.org"))
        assert response.status_code == 200
        etree.fromstring(response.content)

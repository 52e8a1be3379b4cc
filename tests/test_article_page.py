"""The article page carries every element of the reference page, in order."""

from datetime import UTC, datetime, timedelta
from itertools import pairwise
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone

from articles.models import SiteSettings, Status
from tests.factories import (
    make_article,
    make_author,
    make_country,
    make_news_item,
)

pytestmark = pytest.mark.django_db


def days_ago(days: int):
    return timezone.now() - timedelta(days=days)


@pytest.fixture
def brief():
    country = make_country(name="Peru")
    spanish = make_article(language="es", title="¿Qué sigue para el Callao?")
    article = make_article(
        kind="brief",
        title="What next for Callao",
        dek="The heirs have taken over.",
        body=(
            "<p>Police say the network is intact.</p>"
            '<aside class="see-also"><a href="/countries/peru/">Peru news</a></aside>'
        ),
        country=country,
        authors=[make_author(name="Ana Ríos"), make_author(name="Luis Vega")],
        sections=[{"heading": "", "body": "<p>Ports draw crime.</p>"}],
        tags=["ports", "cocaine"],
        translation=spanish,
        published_at=datetime(2016, 5, 11, 12, tzinfo=UTC),
    )
    make_news_item(title="Our team wins an award")
    return article


def test_every_reference_element_appears_in_order(client, brief):
    settings = SiteSettings.load()
    settings.organization_name = "Harbour Watch"
    settings.donation_appeal = "Help us keep reporting."
    settings.comment_invitation = "Tell the editors what you think."
    settings.save()
    pick = make_article(title="Earlier on Callao")
    brief.related_links.create(related=pick)

    html = client.get(brief.get_absolute_url()).text
    page = html[html.index('<main id="main"') :]

    markers = [
        'aria-label="Breadcrumb"',  # 1 breadcrumb
        '<p class="kind">Brief</p>',  # 2 kind label
        "<h1>What next for Callao</h1>",  # 3 title
        ">Peru</a>",  # 4 country, date, byline, language
        "11 May 2016",
        ">Ana Ríos</a> and <a",
        'hreflang="es"',
        "The heirs have taken over.",  # 5 dek
        "Police say the network is intact.",  # 6 body
        "See also:",  # 8 see-also callout, inside the body
        ">Harbour Watch Analysis</h2>",  # 7 analysis section
        "Share on X",  # 9 share links
        "Was this content helpful?",  # 10 feedback
        "Help us keep reporting.",  # 11 donation appeal
        "Tell the editors what you think.",  # 12 comment invitation
        'rel="license"',  # 13 licensing notice
        ">Tags</h2>",  # 14 tags
        ">Related content</h2>",  # 15 related content
        ">About Harbour Watch</h2>",  # 16 organization news
        "Our team wins an award",
    ]
    positions = [page.find(marker) for marker in markers]
    missing = [m for m, p in zip(markers, positions, strict=True) if p < 0]
    assert not missing
    found = list(zip(markers, positions, strict=True))
    out_of_order = [
        (before, after) for (before, p1), (after, p2) in pairwise(found) if p1 > p2
    ]
    assert not out_of_order


def test_see_also_box_is_labelled_in_the_article_language(client):
    article = make_article(
        language="es",
        body='<aside class="see-also"><a href="/countries/peru/">Perú</a></aside>',
    )
    assert article.body_html.startswith(
        '<aside class="see-also"><strong class="see-also-label">'
    )
    assert "Perú</a></aside>" in client.get(article.get_absolute_url()).text


def test_share_links_are_plain_links_with_the_article_address(client, settings, brief):
    settings.SITE_URL = "https://news.example.org"
    page = client.get(brief.get_absolute_url())
    links = {link.network: link.url for link in page.context["share_links"]}

    assert set(links) == {"x", "facebook", "linkedin", "whatsapp", "email"}
    full_url = "https://news.example.org" + brief.get_absolute_url()
    assert parse_qs(urlsplit(links["x"]).query)["url"] == [full_url]
    assert parse_qs(urlsplit(links["facebook"]).query)["u"] == [full_url]
    assert links["email"].startswith("mailto:?subject=What%20next")
    assert "<script" not in page.text.split("</head>")[1]


def test_language_marker_links_the_published_translation(client, brief):
    page = client.get(brief.get_absolute_url()).text
    assert f'href="{brief.translation.get_absolute_url()}" hreflang="es"' in page


def test_unpublished_translation_is_not_linked(client, brief):
    translation = brief.translation
    translation.status = Status.DRAFT
    translation.save()
    page = client.get(brief.get_absolute_url()).text
    assert translation.get_absolute_url() not in page


def test_tags_link_to_their_listing(client, brief):
    page = client.get(brief.get_absolute_url()).text
    assert 'href="/en/tags/ports/" rel="tag">ports</a>' in page


def test_canonical_link_uses_the_public_origin(client, settings, brief):
    settings.SITE_URL = "https://news.example.org"
    page = client.get(brief.get_absolute_url()).text
    assert (
        f'<link rel="canonical" href="https://news.example.org{brief.get_absolute_url()}">'
        in page
    )

"""Pieces first published by another outlet, or published with partners:
credited on the page, the original named as canonical, and the republished
copy attributed to the outlet that published it first."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from articles.models import Article, Revision, SiteSettings
from articles.republish import republish_html
from tests.admin_forms import article_form_data
from tests.factories import make_article, make_outlet
from tests.test_query_counts import queries_for
from tests.test_structured_data import json_ld

pytestmark = pytest.mark.django_db

SITE = "https://news.example.org"
ORIGINAL = "https://elfaro.example.net/2026/11/mining-permits/"


@pytest.fixture(autouse=True)
def site(settings):
    settings.SITE_URL = SITE
    site = SiteSettings.load()
    site.organization_name = "Harbour Watch"
    site.save()
    return site


@pytest.fixture
def outlets():
    return (
        make_outlet(name="El Faro", url="https://elfaro.example.net/"),
        make_outlet(name="Radio Ambulante", url="https://radio.example.org/"),
        make_outlet(name="Plaza Pública", url=""),
    )


@pytest.fixture
def syndicated(outlets):
    faro, radio, plaza = outlets
    article = make_article(
        slug="mining-permits", original_outlet=faro, original_url=ORIGINAL
    )
    article.partners.set([radio, plaza])
    return article


def test_the_byline_area_credits_the_original_and_the_partners(client, syndicated):
    html = client.get(syndicated.get_absolute_url()).text
    credit = html[html.index('class="source-credit"') : html.index('class="dek"')]
    assert f'Originally published by <a href="{ORIGINAL}">El Faro</a>' in credit
    # Partners in the order of their names.
    assert (
        'In partnership with Plaza Pública and <a href="https://radio.example.org/">'
        "Radio Ambulante</a>" in credit
    )
    assert html.index('class="byline"') < html.index('class="source-credit"')


def test_the_credit_reads_in_spanish(client, outlets):
    article = make_article(language="es", slug="permisos")
    article.partners.set(outlets[:1])
    html = client.get(article.get_absolute_url()).text
    assert "En alianza con" in html


def test_a_syndicated_piece_names_the_original_as_canonical(client, syndicated):
    html = client.get(syndicated.get_absolute_url()).text
    assert f'<link rel="canonical" href="{ORIGINAL}">' in html
    republish = client.get(
        reverse("articles:article-republish", args=[syndicated.slug])
    ).text
    assert f'<link rel="canonical" href="{ORIGINAL}">' in republish


def test_a_copublished_piece_stays_canonical_here(client, outlets):
    article = make_article(slug="together")
    article.partners.set(outlets[:2])
    html = client.get(article.get_absolute_url()).text
    assert f'<link rel="canonical" href="{SITE}/en/news/together/">' in html


def test_json_ld_says_the_piece_is_based_on_the_original(client, syndicated):
    data = json_ld(client.get(syndicated.get_absolute_url()).text)[0]
    assert data["isBasedOn"] == {
        "@type": "NewsArticle",
        "url": ORIGINAL,
        "publisher": {
            "@type": "NewsMediaOrganization",
            "name": "El Faro",
            "url": "https://elfaro.example.net/",
        },
    }
    # This page is still published by the newsroom; the original's publisher
    # is named on the original.
    assert data["publisher"]["name"] == "Harbour Watch"
    assert data["contributor"] == [
        {
            "@type": "NewsMediaOrganization",
            "name": "Plaza Pública",
        },
        {
            "@type": "NewsMediaOrganization",
            "name": "Radio Ambulante",
            "url": "https://radio.example.org/",
        },
    ]


def test_an_article_of_our_own_has_no_source_in_json_ld(client):
    data = json_ld(client.get(make_article().get_absolute_url()).text)[0]
    assert "isBasedOn" not in data
    assert "contributor" not in data


def test_the_republished_copy_attributes_the_original_publisher(syndicated):
    copy = republish_html(Article.objects.get(pk=syndicated.pk))
    assert copy.startswith(
        "<p>This article was originally published by El Faro at "
        f'<a href="{ORIGINAL}">{ORIGINAL}</a></p>'
    )
    assert ", El Faro — <time" in copy
    assert "This article was first published by El Faro and is republished" in copy
    assert f'Read the original: <a href="{ORIGINAL}">' in copy
    assert "published by Harbour Watch" not in copy


def test_the_partner_feed_copy_attributes_the_original_publisher(client, syndicated):
    feed = client.get("/en/feeds/partner/").text
    assert "first published by El Faro" in feed
    assert "first published by Harbour Watch" not in feed


def test_a_syndicated_piece_is_left_out_of_the_sitemaps(client, syndicated):
    ours = make_article(slug="ours")
    sitemap = client.get("/sitemap-articles.xml").text
    assert ours.get_full_url() in sitemap
    assert "mining-permits" not in sitemap
    assert "mining-permits" not in client.get("/sitemap-news.xml").text


def test_an_original_address_needs_its_outlet():
    article = make_article()
    article.original_url = ORIGINAL
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "original_outlet" in error.value.message_dict


def test_an_editor_sets_the_source_from_the_article_form(client, editor, outlets):
    faro, radio, _plaza = outlets
    article = make_article()
    response = client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        article_form_data(
            existing=article,
            title=article.title,
            slug=article.slug,
            dek=article.dek,
            body=article.body,
            status=article.status,
            original_outlet=faro.pk,
            original_url=ORIGINAL,
            partners=[radio.pk],
        ),
    )
    assert response.status_code == 302
    article = Article.objects.get(pk=article.pk)
    assert (article.original_outlet, article.original_url) == (faro, ORIGINAL)
    assert list(article.partners.all()) == [radio]
    snapshot = Revision.objects.filter(article=article).latest().data
    assert snapshot["original_outlet"] == [[faro.pk, "El Faro"]]
    assert snapshot["partners"] == [[radio.pk, "Radio Ambulante"]]


def test_restoring_a_revision_brings_back_the_source(syndicated):
    revision = Revision.objects.record(syndicated)
    Article.objects.filter(pk=syndicated.pk).update(
        original_outlet=None, original_url=""
    )
    syndicated.partners.clear()
    revision.restore()
    article = Article.objects.get(pk=syndicated.pk)
    assert article.original_url == ORIGINAL
    assert article.original_outlet.name == "El Faro"
    assert article.partners.count() == 2


def test_a_translation_draft_keeps_the_source(syndicated):
    draft = syndicated.make_translation_draft("es")
    assert draft.original_outlet == syndicated.original_outlet
    assert draft.original_url == ORIGINAL
    assert draft.partners.count() == 2


def test_the_article_page_costs_the_same_with_or_without_partners(client, syndicated):
    plain = make_article()
    assert queries_for(client, syndicated.get_absolute_url()) == queries_for(
        client, plain.get_absolute_url()
    )

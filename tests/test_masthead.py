"""The masthead: the logo or the name, and the navigation editors choose."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles import navigation
from articles.models import SiteSettings, Status
from articles.navigation import primary_navigation
from articles.public_cache import new_version
from tests.factories import image_upload, make_article, make_country, make_topic

pytestmark = pytest.mark.django_db

HOME = reverse("articles:home")


def test_the_masthead_shows_the_name_when_there_is_no_logo(client):
    page = client.get(HOME).text
    assert '<a class="brand" href="/en/">Newsroom</a>' in page


def test_the_masthead_shows_the_logo_named_after_the_organization(client):
    site = SiteSettings.load()
    site.organization_name = "Harbour Watch"
    site.logo = image_upload("logo.png", size=(600, 60))
    site.save()
    page = client.get(HOME).text
    assert f'src="{SiteSettings.load().logo.url}" alt="Harbour Watch"' in page


def test_without_a_choice_the_most_written_about_subjects_are_listed(client):
    peru, chile, cuba = (make_country(name=n) for n in ["Peru", "Chile", "Cuba"])
    for country in [peru, peru, chile]:
        make_article(country=country)
    make_article(country=cuba, language="es")

    countries = primary_navigation("en").countries

    assert countries == [peru, chile]


def test_the_subjects_listed_are_those_of_the_latest_articles(monkeypatch):
    """Counted over the latest articles, not the archive: what readers look
    for now, and a cost that does not grow with the archive."""
    monkeypatch.setattr(navigation, "LATEST_ARTICLES_COUNTED", 2)
    peru, chile, cuba = (make_country(name=n) for n in ["Peru", "Chile", "Cuba"])
    for days in [30, 20, 10]:
        make_article(country=peru, published_at=timezone.now() - timedelta(days=days))
    make_article(country=cuba, published_at=timezone.now() - timedelta(days=2))
    make_article(country=chile, published_at=timezone.now() - timedelta(days=1))
    make_article(country=peru, status=Status.DRAFT, published_at=None)

    assert primary_navigation("en").countries == [chile, cuba]


def test_editors_choose_the_subjects_and_only_public_ones_show(client):
    peru, chile = make_country(name="Peru"), make_country(name="Chile")
    mining, unused = make_topic(name="Mining"), make_topic(name="Unused")
    make_article(country=peru, topics=[mining])
    make_article(country=chile)
    site = SiteSettings.load()
    site.menu_countries.set([peru])
    site.menu_topics.set([mining, unused])
    new_version()

    navigation = primary_navigation("en")

    assert navigation.countries == [peru]
    assert navigation.topics == [mining]
    page = client.get(HOME).text
    assert '<a href="/en/countries/peru/">Peru</a>' in page
    assert "/en/countries/chile/" not in page


def test_the_menu_links_every_kind_in_the_page_language(client):
    page = client.get("/es/").text
    assert '<a href="/es/noticias/?kind=investigation">Investigaciones</a>' in page


def test_the_navigation_costs_no_query_once_cached(django_assert_num_queries):
    primary_navigation("en")
    with django_assert_num_queries(0):
        primary_navigation("en")


def test_a_change_to_the_public_content_refreshes_the_navigation():
    assert primary_navigation("en").countries == []
    make_article(country=make_country(name="Peru"))
    new_version()
    assert [c.name for c in primary_navigation("en").countries] == ["Peru"]

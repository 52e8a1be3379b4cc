"""Slugs: made from the title when left empty, ASCII, unique, stable."""

import pytest

from articles.models import Author, Country
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_slug_is_made_from_the_title_with_accents_folded():
    article = make_article(title="¿Qué pasa en Perú? Callao's port")
    assert article.slug == "que-pasa-en-peru-callaos-port"


def test_a_taken_slug_gets_a_number():
    first = make_article(title="Port report")
    second = make_article(title="Port report")
    third = make_article(title="Port report")
    assert [first.slug, second.slug, third.slug] == [
        "port-report",
        "port-report-2",
        "port-report-3",
    ]


def test_a_slug_an_editor_typed_is_kept():
    article = make_article(title="Long headline here", slug="short")
    assert article.slug == "short"


def test_slug_does_not_change_when_the_title_is_edited():
    article = make_article(title="First headline")
    article.title = "Better headline"
    article.save()
    article.refresh_from_db()
    assert article.slug == "first-headline"


def test_title_with_nothing_sluggable_still_gets_a_slug():
    article = make_article(title="¿¡…!?")
    assert article.slug == "item"


def test_long_titles_give_slugs_that_fit_the_field():
    article = make_article(title=("word " * 51).strip())
    assert 0 < len(article.slug) <= 255


def test_names_of_countries_and_authors_get_slugs_too():
    assert Country.objects.create(name="República Dominicana").slug == (
        "republica-dominicana"
    )
    assert Author.objects.create(name="Ana Núñez").slug == "ana-nunez"
    assert Author.objects.create(name="Ana Núñez").slug == "ana-nunez-2"


def test_a_renamed_article_redirects_from_its_old_address(client):
    article = make_article(title="Port report")
    old_url = article.get_absolute_url()
    article.slug = "port-report-callao"
    article.save()

    response = client.get(old_url)

    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()


def test_renaming_back_and_forth_keeps_every_old_address_working(client):
    article = make_article(title="First")
    for slug in ["second", "third", "first"]:
        article.slug = slug
        article.save()
    assert client.get("/en/news/second/")["Location"] == "/en/news/first/"
    assert client.get("/en/news/third/")["Location"] == "/en/news/first/"
    assert client.get("/en/news/first/").status_code == 200


def test_old_addresses_of_unpublished_articles_stay_404(client):
    article = make_article(title="Gone")
    article.slug = "gone-renamed"
    article.status = "draft"
    article.save()
    assert client.get("/en/news/gone/").status_code == 404

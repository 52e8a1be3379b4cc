"""Search finds what a reader means: bylines, names however they are
punctuated, other forms of a word in the page's language, with or without
accents; the admin's search box reads the same index."""

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import translation

from tests.factories import make_article, make_author

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="Spanish stemming is PostgreSQL's"
)


def found(client, query: str, language: str = "en") -> list[str]:
    with translation.override(language):
        response = client.get(reverse("articles:search"), {"q": query})
    assert response.status_code == 200
    return [article.title for article, _snippet in response.context["results"]]


def test_an_authors_name_finds_their_articles(client):
    make_article(title="Port brief", authors=[make_author(name="Parker Asmann")])
    make_article(title="Other brief")
    assert found(client, "Parker Asmann") == ["Port brief"]
    assert found(client, "asmann") == ["Port brief"]


def test_a_renamed_author_is_found_by_the_new_name_only(client):
    reporter = make_author(name="Zelda Quintero")
    make_article(title="Port brief", authors=[reporter])
    reporter.name = "Zelda Ramírez"
    reporter.save()
    assert found(client, "ramirez") == ["Port brief"]
    assert found(client, "quintero") == []


def test_a_removed_byline_is_no_longer_found(client):
    article = make_article(title="Port brief", authors=[make_author(name="Ana Ortiz")])
    article.article_authors.all().delete()
    assert found(client, "ortiz") == []


@pytest.mark.parametrize(
    ("written", "searched"),
    [
        ("MS13", "MS-13"),
        ("MS-13", "MS13"),
        ("MS-13", "ms 13"),
        ("O’Brien", "O'Brien"),
        ("Barrio 18", "Barrio-18"),
    ],
)
def test_punctuation_in_a_name_does_not_matter(client, written, searched):
    make_article(title=f"Gangs: {written} in the capital")
    make_article(title="Gangs elsewhere")
    assert found(client, searched) == [f"Gangs: {written} in the capital"]


def test_other_forms_of_an_english_word_are_found(client):
    make_article(title="Kidnappings rise in the north")
    assert found(client, "kidnapping") == ["Kidnappings rise in the north"]


@on_postgresql
def test_other_forms_of_a_spanish_word_are_found_on_a_spanish_page(client):
    make_article(title="Suben los secuestros en el norte", language="es")
    assert found(client, "secuestro", "es") == ["Suben los secuestros en el norte"]


@pytest.mark.parametrize(
    ("written", "searched"),
    [("Informe de Ramírez", "ramirez"), ("Informe de Ramirez", "Ramírez")],
)
def test_accents_are_ignored_both_ways(client, written, searched):
    make_article(title=written, language="es")
    assert found(client, searched, "es") == [written]


def test_the_admin_search_box_finds_bylines_and_names(client, editor):
    make_article(title="Port brief", authors=[make_author(name="Parker Asmann")])
    make_article(title="Gangs: MS13 in the capital")
    client.force_login(editor)
    admin = reverse("admin:articles_article_changelist")
    assert "Port brief" in client.get(admin, {"q": "asmann"}).text
    assert "Gangs: MS13" in client.get(admin, {"q": "MS-13"}).text

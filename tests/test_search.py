"""Ranked full-text search over published articles, with highlighted snippets."""

from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from articles.models import Status
from tests.factories import make_article, make_author

pytestmark = pytest.mark.django_db

SEARCH = reverse("articles:search")


def result_titles(response) -> list[str]:
    return [article.title for article, _snippet in response.context["results"]]


def test_title_matches_rank_above_body_matches(client):
    make_article(title="Budget debate", body="<p>A note on dredges in passing.</p>")
    make_article(title="Dredges return to the river", body="<p>Miners are back.</p>")
    assert result_titles(client.get(SEARCH, {"q": "dredges"})) == [
        "Dredges return to the river",
        "Budget debate",
    ]


def test_analysis_sections_are_searched(client):
    make_article(
        title="Port brief",
        sections=[{"heading": "", "body": "<p>Scanners were broken for months.</p>"}],
    )
    assert result_titles(client.get(SEARCH, {"q": "scanners"})) == ["Port brief"]


def test_section_edits_reach_the_index(client):
    article = make_article(title="Port brief")
    section = article.sections.create(body="<p>first words</p>")
    section.body = "<p>replacement vocabulary</p>"
    section.save()
    assert result_titles(client.get(SEARCH, {"q": "vocabulary"})) == ["Port brief"]
    assert result_titles(client.get(SEARCH, {"q": "first"})) == []


def test_all_words_must_match(client):
    make_article(title="Gold dredges", body="<p>Madre de Dios</p>")
    make_article(title="Gold prices")
    assert result_titles(client.get(SEARCH, {"q": "gold dredges"})) == ["Gold dredges"]


def test_matched_words_are_highlighted_in_the_snippet(client):
    make_article(
        title="Ports",
        body="<p>Inspectors opened few containers at the terminal this year.</p>",
    )
    page = client.get(SEARCH, {"q": "containers"}).text
    assert "<mark>containers</mark>" in page


def test_a_word_deep_in_a_long_article_is_shown_where_it_is(client):
    filler = "<p>Inspectors opened few boxes at the terminal this year.</p>" * 60
    make_article(
        title="Long report",
        dek="A summary that does not name it.",
        body=f"{filler}<p>Far down, the word sawmill appears once.</p>",
    )
    make_article(title="Short note", body="<p>A sawmill by the river.</p>")

    page = client.get(SEARCH, {"q": "sawmill"}).text

    assert page.count("<mark>sawmill</mark>") == 2


def test_unpublished_and_scheduled_articles_are_never_found(client):
    make_article(title="Secret dredges draft", status=Status.DRAFT)
    make_article(
        title="Future dredges", published_at=timezone.now() + timedelta(days=1)
    )
    make_article(title="Public dredges")
    assert result_titles(client.get(SEARCH, {"q": "dredges"})) == ["Public dredges"]


def test_results_are_in_the_readers_language(client):
    make_article(title="Dredges report", language="en")
    make_article(title="Dredges informe", language="es")
    assert result_titles(client.get(SEARCH, {"q": "dredges"})) == ["Dredges report"]


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "!!!???...",
        "' OR 1=1; DROP TABLE articles_article; --",
        '"unbalanced quote',
        "NEAR(a b) AND OR NOT *",
        "<script>alert('x')</script>",
        "dredges " * 500,
        "\x00\x01",
    ],
)
def test_absurd_queries_return_a_normal_page(client, query):
    make_article(title="Dredges")
    response = client.get(SEARCH, {"q": query})
    assert response.status_code == 200
    assert "<script>alert" not in response.text


def test_search_results_are_paginated(client):
    for n in range(23):
        make_article(title=f"Harbour {n}")
    first = client.get(SEARCH, {"q": "harbour"})
    assert len(first.context["results"]) == 20
    assert first.context["result_count"] == 23
    assert 'href="?q=harbour&amp;page=2"' in first.text


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the stored vector is PostgreSQL's"
)
def test_bylines_are_searched_and_follow_renamed_authors(client):
    reporter = make_author(name="Zelda Quintero")
    make_article(title="Port brief", authors=[reporter])
    assert result_titles(client.get(SEARCH, {"q": "quintero"})) == ["Port brief"]
    reporter.name = "Zelda Ramírez"
    reporter.save()
    assert result_titles(client.get(SEARCH, {"q": "ramirez"})) == ["Port brief"]
    assert result_titles(client.get(SEARCH, {"q": "quintero"})) == []

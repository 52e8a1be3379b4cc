"""A page costs a fixed number of queries, however much it shows."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article, SiteSettings
from articles.navigation import primary_navigation
from articles.public_cache import current_version
from tests.factories import make_article, make_author, make_country, make_topic

pytestmark = pytest.mark.django_db

# Two of them fetch the corrections and the partner outlets, one the
# several countries (their prefetch).
ARTICLE_PAGE_BUDGET = 15


def queries_for(client, url: str) -> int:
    # Cached once, as on a running site: the version of the public content
    # first, as making one forgets the navigation.
    current_version()
    SiteSettings.load()
    for code, _name in settings.LANGUAGES:
        primary_navigation(code)
    # Tag frequencies of related content, cached for minutes on a running site.
    for article in Article.objects.with_page_data():
        article.related_cards(1)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def rich_article(*, tags: int, related: int, authors: int, sections: int):
    country, topic = make_country(), make_topic()
    picks = [make_article(tags=["shared"]) for _ in range(related)]
    return make_article(
        tags=[f"tag-{n}" for n in range(tags)] + ["shared"],
        related=picks,
        authors=[make_author() for _ in range(authors)],
        sections=[{"heading": "", "body": f"<p>{n}</p>"} for n in range(sections)],
        country=country,
        topics=[topic],
    )


def test_article_page_costs_the_same_with_few_or_many_related_things(client):
    small = rich_article(tags=1, related=0, authors=1, sections=1)
    large = rich_article(tags=20, related=10, authors=4, sections=5)
    for _ in range(3):
        make_article(tags=["shared"], authors=[make_author(), make_author()])

    small_cost = queries_for(client, small.get_absolute_url())
    large_cost = queries_for(client, large.get_absolute_url())

    assert small_cost <= ARTICLE_PAGE_BUDGET
    assert large_cost <= small_cost


@pytest.mark.parametrize(
    ("small", "large"),
    [
        ({"tags": 1}, {"tags": 20}),
        ({"authors": 1}, {"authors": 4}),
        ({"sections": 1}, {"sections": 5}),
        ({"related": 0}, {"related": 10}),
    ],
    ids=["tags", "authors", "sections", "related"],
)
def test_each_dimension_alone_adds_no_query(client, small, large):
    base = {"tags": 1, "related": 0, "authors": 1, "sections": 1}
    first = rich_article(**(base | small))
    second = rich_article(**(base | large))
    assert queries_for(client, second.get_absolute_url()) <= queries_for(
        client, first.get_absolute_url()
    )


@pytest.mark.parametrize(
    "url",
    [
        reverse("articles:home"),
        reverse("articles:article-list"),
        reverse("articles:article-list") + "?kind=brief&language=en",
        reverse("articles:search") + "?q=harbour",
    ],
)
def test_listing_pages_cost_the_same_for_2_or_12_articles(client, url):
    def add_articles(count):
        for n in range(count):
            make_article(
                kind=["brief", "news", "analysis"][n % 3],
                title=f"Harbour report {n}",
                authors=[make_author(), make_author()],
                tags=["ports", f"t{n}"],
                country=make_country(),
            )

    add_articles(2)
    few = queries_for(client, url)
    add_articles(10)
    many = queries_for(client, url)
    # A listing's total is cached for a few minutes: the second view may
    # skip its count, never add a query.
    assert many <= few
    assert few <= 12

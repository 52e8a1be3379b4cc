"""A deep page of a listing costs what the first one does: its ids come from
the public articles' index alone, and the total behind "Page 3 of 5" is
counted once per listing and version of the content, not on every view."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.views.reading import ARTICLES_PER_PAGE
from tests.factories import make_article

pytestmark = pytest.mark.django_db

INDEX = reverse("articles:article-list")
PAGES = 3


@pytest.fixture
def archive():
    return [make_article(title=f"Story {n}") for n in range(PAGES * ARTICLES_PER_PAGE)]


def counts(queries) -> list[str]:
    return [q["sql"] for q in queries.captured_queries if "COUNT(" in q["sql"]]


def test_the_last_page_shows_the_oldest_articles(client, archive):
    page = client.get(INDEX, {"page": "last"})
    titles = [article.title for article in page.context["articles"]]
    assert titles[-1] == "Story 0"
    assert f"Page {PAGES} of {PAGES}" in page.text


def test_every_page_after_the_first_costs_no_count(client, archive):
    client.get(INDEX)
    for number in range(1, PAGES + 1):
        with CaptureQueriesContext(connection) as queries:
            client.get(INDEX, {"page": number})
        assert counts(queries) == [], number


def test_deep_and_first_pages_cost_the_same_queries(client, archive):
    client.get(INDEX)
    with CaptureQueriesContext(connection) as first:
        client.get(INDEX, {"page": 1})
    with CaptureQueriesContext(connection) as deep:
        client.get(INDEX, {"page": PAGES})
    assert len(deep) == len(first)


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="query plans of PostgreSQL"
)
def test_a_deep_page_skips_through_the_index_alone(client, archive):
    client.get(INDEX)
    with CaptureQueriesContext(connection) as queries:
        client.get(INDEX, {"page": PAGES})
    skipping = next(q["sql"] for q in queries.captured_queries if "OFFSET" in q["sql"])
    with connection.cursor() as cursor:
        # At a few dozen rows any plan is cheap: ask for the one a large
        # archive gets (an index walked in order), which must exist.
        for method in ("seqscan", "bitmapscan", "sort", "incremental_sort"):
            cursor.execute(f"SET LOCAL enable_{method} = off")
        cursor.execute(f"EXPLAIN {skipping}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Index Only Scan Backward" in plan or "Index Scan Backward" in plan, plan
    assert "Seq Scan" not in plan and "Sort" not in plan, plan

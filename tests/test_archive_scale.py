"""At archive scale, public pages read articles through indexes: no query of
the article page, the home page, the news index or search scans the whole
articles table. PostgreSQL only: SQLite's planner is not what production runs.
"""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article, Country
from articles.subjects import TAG

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="query plans of PostgreSQL"
    ),
]

ARTICLES = 5000
ARTICLE_TABLE = Article._meta.db_table


def sequential_scans(sql: str) -> list[str]:
    """Scans of the whole articles table left in ``sql``'s plan when the
    planner is told to avoid them: those that no index can replace.

    At 5,000 rows the planner may rightly read the table for a count or a
    deep page; what must hold is that an index path exists, which it takes
    as the archive grows (see ``make benchmark SCALE=100000``)."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}")
        plan = [row[0] for row in cursor.fetchall()]
    return [line.strip() for line in plan if f"Seq Scan on {ARTICLE_TABLE}" in line]


def archive_pages() -> dict[str, str]:
    published = Article.objects.published()
    article = published.for_language("en").filter(tags__isnull=False).first()
    country = Country.objects.filter(articles__in=published.for_language("en")).first()
    tag = TAG.public("en").first()
    index = reverse("articles:article-list")
    search = reverse("articles:search")
    dates = "published_from=2020-01-01&published_until=2021-06-30"
    return {
        "article page": article.get_absolute_url(),
        "home": reverse("articles:home"),
        "news index": index,
        "news index, page 100": f"{index}?page=100",
        "news index, country and tag": f"{index}?country={country.slug}&tag={tag.slug}",
        "country page": country.get_absolute_url(),
        "country feed": reverse("articles:feed-rss-country", args=[country.slug]),
        "news index, one kind": f"{index}?kind=analysis",
        "news index, dates": f"{index}?{dates}",
        "search, common word": f"{search}?q=port",
        "search, rare word": f"{search}?q={article.title.split()[4]}",
    }


def test_public_pages_never_scan_the_articles_table(client):
    call_command("generate_articles", ARTICLES, drafts=50, verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    scans = {}
    for page, url in archive_pages().items():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, page
        for query in queries.captured_queries:
            if ARTICLE_TABLE not in query["sql"]:
                continue
            if found := sequential_scans(query["sql"]):
                scans[f"{page}: {query['sql'][:300]}"] = found
    assert scans == {}, "\n".join(scans)


def test_search_vectors_are_kept_in_their_articles_rows():
    """A common word's search reads a thousand vectors: out of line, each
    would be several pages of the TOAST table, read to match and to rank."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attstorage FROM pg_attribute WHERE attrelid = "
            "'articles_article'::regclass AND attname = 'search_vector'"
        )
        assert cursor.fetchone() == ("m",)

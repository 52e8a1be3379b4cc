"""Subject sitemaps and the sitemap index cost the same for five subjects or
fifty: one grouped query per kind of subject, not one per subject; and
the article sitemap reads its last file from where it starts, through an
index, not by skipping every article before it."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from lxml import etree

from articles.models import SiteSettings
from articles.sitemaps import ArticleSitemap
from articles.subjects import SUBJECT_KINDS
from tests.factories import make_article, make_author, make_country, make_topic

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
SUBJECT_SECTIONS = [kind.segment for kind in SUBJECT_KINDS.values()]


def publish_about(subjects: int, offset: int = 0) -> None:
    """``subjects`` of each kind, each on an English and a Spanish article."""
    for n in range(offset, offset + subjects):
        country, topic, author = make_country(), make_topic(), make_author()
        for language in ("en", "es"):
            make_article(
                language=language,
                country=country,
                topics=[topic],
                tags=[f"tag-{n}"],
                authors=[author],
            )


def queries_for(client, url: str) -> int:
    cache.clear()  # what the first request after a change pays
    SiteSettings.load()  # created on first use, once
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def sitemap_costs(client) -> dict[str, int]:
    urls = ["/sitemap.xml", *(f"/sitemap-{name}.xml" for name in SUBJECT_SECTIONS)]
    return {url: queries_for(client, url) for url in urls}


def test_subject_sitemaps_and_the_index_cost_the_same_for_5_or_50_subjects(client):
    publish_about(5)
    few = sitemap_costs(client)
    publish_about(45, offset=5)
    many = sitemap_costs(client)
    assert many == few
    document = etree.fromstring(client.get("/sitemap-tags.xml").content)
    # 51 tags (the demo's "tag-0" … "tag-49"), each in both languages.
    assert len(document.findall("s:url", NS)) == 2 * 50


def test_the_index_and_every_subject_section_share_one_grouped_read(client):
    """After the first request, the sections' subjects come from the cache
    until the public content changes."""
    publish_about(3)
    cache.clear()
    client.get("/sitemap.xml")
    for name in SUBJECT_SECTIONS:
        with CaptureQueriesContext(connection) as queries:
            client.get(f"/sitemap-{name}.xml")
        assert not [
            query
            for query in queries.captured_queries
            if "GROUP BY" in query["sql"].upper()
        ], name


def test_a_subject_is_listed_in_the_languages_it_was_published_in_only(client):
    spanish_only = make_country(name="Bolivia")
    make_article(language="es", country=spanish_only, tags=["coca"])
    make_article(language="en", country=make_country(name="Peru"), tags=["coca"])
    document = etree.fromstring(client.get("/sitemap-countries.xml").content)
    locations = {
        loc.text.split("//", 1)[1].split("/", 1)[1]
        for loc in document.iterfind("s:url/s:loc", NS)
    }
    assert "es/paises/bolivia/" in locations
    assert "en/countries/bolivia/" not in locations
    assert "en/countries/peru/" in locations
    assert "es/paises/peru/" not in locations


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="query plans of PostgreSQL"
)
def test_the_last_article_sitemap_file_is_read_from_where_it_starts():
    for _ in range(12):
        make_article()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    sitemap = ArticleSitemap()
    sitemap.limit = 5
    paginator = sitemap.paginator
    last = paginator.num_pages
    with CaptureQueriesContext(connection) as queries:
        assert len(paginator.page(last).object_list) == 2
    # Where each file starts is found once per version (with the count), so
    # a file is read from its start, not by stepping over the files before.
    skipping = queries.captured_queries[0]["sql"]
    assert "OFFSET" not in skipping and "LIMIT 5" in skipping
    with connection.cursor() as cursor:
        # At a dozen rows any plan is cheap: ask for the one that large
        # archives get (an index walked in order), which must exist.
        for method in ("seqscan", "bitmapscan", "sort", "incremental_sort"):
            cursor.execute(f"SET LOCAL enable_{method} = off")
        cursor.execute(f"EXPLAIN {skipping}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    # Either public index backward, or the admin's newest-first one forward:
    # at a dozen rows the planner may take either; both are walked in order.
    assert re.search(r"Index (Only )?Scan", plan), plan
    assert "Seq Scan" not in plan and "Sort" not in plan, plan

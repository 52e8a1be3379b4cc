"""The admin's article list costs the same queries for 5 rows as for 50, in
each way editors open it, and `make benchmark` times it."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from taggit.models import Tag

from articles.models import Status
from tests.factories import make_article, make_author, make_country, make_user

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:articles_article_changelist")


def add_articles(count: int, writer, author, country) -> None:
    for number in range(count):
        make_article(
            title=f"Port story {number}",
            body="<p>Containers at the port.</p>",
            authors=[author, make_author()],
            country=country,
            tags=["ports", f"tag-{number}"],
            created_by=writer,
            status=Status.IN_REVIEW if number % 2 else Status.PUBLISHED,
        )


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"q": "port"},
        {"tags__id__exact": "TAG"},
        {"work": "mine"},
        {"work": "review"},
    ],
    ids=["default", "search", "tag", "my work", "review queue"],
)
def test_the_article_list_costs_the_same_queries_for_5_and_50_rows(client, query):
    writer, country = make_user("Writers"), make_country()
    author = make_author(user=writer)
    editor = make_user("Editors")

    def queries() -> tuple[int, int]:
        params = dict(query)
        if "tags__id__exact" in params:
            params["tags__id__exact"] = Tag.objects.get(name="ports").pk
        client.force_login(writer if query.get("work") == "mine" else editor)
        client.get(CHANGELIST, params)  # the first request counts the rows
        with CaptureQueriesContext(connection) as captured:
            response = client.get(CHANGELIST, params)
        assert response.status_code == 200
        return len(captured), len(response.context["cl"].result_list)

    add_articles(5, writer, author, country)
    few, shown = queries()
    assert shown >= 2
    add_articles(45, writer, author, country)
    many, shown_many = queries()

    assert shown_many > shown
    assert many == few


def test_benchmark_reports_the_article_list_time_and_queries():
    make_article(title="Port story", country=make_country(), tags=["ports"])
    out = StringIO()

    call_command(
        "benchmark_pages",
        only="admin",
        requests=2,
        seconds=5,
        no_plans=True,
        stdout=out,
    )

    lines = [line for line in out.getvalue().splitlines() if "admin article" in line]
    names = [line[:58].strip() for line in lines]
    assert names == [
        "admin article list",
        "admin article list, page 200",
        "admin article list, search",
        "admin article list, tag filter",
        "admin article list, my work",
        "admin article list, review queue",
    ]
    for line in lines:
        median, p95, cpu, queries, size = line[58:].split()[:5]
        assert float(median) > 0 and int(queries) > 0


def article_page_queries(**options) -> int:
    out = StringIO()
    call_command(
        "benchmark_pages",
        only="article page",
        requests=2,
        no_plans=True,
        stdout=out,
        **options,
    )
    line = next(line for line in out.getvalue().splitlines() if "article page" in line)
    return int(line[58:].split()[3])


def test_the_benchmark_measures_the_first_render_after_a_change_on_request():
    """What a reader waits for right after an editor's change, when nothing
    is cached under the new version yet."""
    make_article(title="Port story", country=make_country(), tags=["ports"])
    assert article_page_queries() == 0
    assert article_page_queries(after_change=True) > 0

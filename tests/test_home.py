"""The home page: a lead story, secondary stories, a row per kind and per
region, our news."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_article, make_country, make_image, make_news_item

pytestmark = pytest.mark.django_db

HOME = reverse("articles:home")


def ago(days: int):
    return timezone.now() - timedelta(days=days)


def test_the_newest_article_leads_and_the_next_ones_follow(client):
    for n in range(6):
        make_article(kind="news", title=f"News {n}", published_at=ago(n))

    page = client.get(HOME).context["page"].front_page

    assert page.lead.title == "News 0"
    assert [a.title for a in page.secondary] == [f"News {n}" for n in range(1, 5)]


def test_an_article_with_a_picture_leads_before_a_newer_one_without(client):
    make_article(title="Pictured", published_at=ago(2), featured_image=make_image())
    make_article(title="Newest", published_at=ago(0))

    page = client.get(HOME).context["page"].front_page

    assert page.lead.title == "Pictured"
    assert [a.title for a in page.secondary] == ["Newest"]


def test_each_kind_gets_a_row_of_what_the_top_does_not_show(client):
    for n in range(10):
        make_article(kind="analysis", title=f"Analysis {n}", published_at=ago(n))
    make_article(kind="investigation", title="Old investigation", published_at=ago(300))

    page = client.get(HOME).context["page"].front_page
    rows = {row.kind: row for row in page.kind_rows}

    assert [a.title for a in rows["analysis"].articles] == [
        f"Analysis {n}" for n in range(5, 9)
    ]
    assert [a.title for a in rows["investigation"].articles] == ["Old investigation"]
    assert "brief" not in rows


def test_each_region_gets_a_row_of_its_newest_below_the_top_stories(client):
    top = [make_article(title=f"Top {n}", published_at=ago(n)) for n in range(5)]
    andes = [make_country(region="Andes"), make_country(region="Andes")]
    caribbean = make_country(region="Caribbean")
    for n in range(6):
        make_article(title=f"Andes {n}", country=andes[n % 2], published_at=ago(10 + n))
    make_article(title="Havana", country=caribbean, published_at=ago(10))
    make_article(title="Nowhere", country=make_country(region=""), published_at=ago(9))
    top[0].country = caribbean
    top[0].save()

    rows = client.get(HOME).context["page"].front_page.region_rows

    assert [row.heading for row in rows] == ["Andes", "Caribbean"]
    assert [a.title for a in rows[0].articles] == [f"Andes {n}" for n in range(4)]
    assert [a.title for a in rows[1].articles] == ["Havana"]


def test_a_region_row_lists_headlines_where_the_rows_above_have_summaries(client):
    andes = make_country(region="Andes")
    for n in range(5):
        make_article(title=f"Top {n}", dek=f"Top summary {n}", published_at=ago(n))
    make_article(
        kind="analysis",
        title="Andes",
        dek="Andes summary",
        country=andes,
        published_at=ago(10),
    )

    html = client.get(HOME).text
    region_row = html[html.index('class="home-row home-region"') :]

    assert "Top summary 0" in html and "Top summary 1" in html
    assert html.count("Andes summary") == 1  # in the analysis row only
    assert ">Andes</a>" in region_row and "Andes summary" not in region_row


def test_home_shows_the_latest_organization_news(client):
    make_news_item(title="We won an award")
    assert "We won an award" in client.get(HOME).text


def test_empty_newsroom_says_nothing_is_published(client):
    assert "Nothing has been published yet." in client.get(HOME).text


def test_home_has_one_h1(client):
    make_article(kind="brief")
    assert client.get(HOME).text.count("<h1") == 1


def test_the_home_page_is_read_once_per_version_of_the_content(client):
    make_article(title="First")
    make_news_item(title="Our first award")
    client.get(HOME)

    with CaptureQueriesContext(connection) as queries:
        again = client.get(HOME).text

    assert "First" in again and "Our first award" in again
    assert not [q for q in queries.captured_queries if "articles_" in q["sql"]]


def test_a_new_publication_reaches_the_home_page_at_once(
    client, django_capture_on_commit_callbacks
):
    make_article(title="First")
    client.get(HOME)
    with django_capture_on_commit_callbacks(execute=True):
        make_article(title="Breaking")
    assert "Breaking" in client.get(HOME).text


def test_each_language_has_its_own_home_until_the_content_changes(client):
    """The home page's content is kept rendered per language."""
    make_article(title="Port strike ends", language="en")
    make_article(title="Termina la huelga portuaria", language="es")
    english, spanish = client.get(HOME).text, client.get("/es/").text
    assert "Port strike ends" in english and "Termina" not in english
    assert "Termina la huelga portuaria" in spanish and "Port strike" not in spanish
    assert client.get(HOME).text == english

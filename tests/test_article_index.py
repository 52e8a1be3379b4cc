"""The news index: combinable filters in the query string, newest first, paged."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Status
from tests.factories import make_article, make_author, make_country, make_topic

pytestmark = pytest.mark.django_db

INDEX = reverse("articles:article-list")


def titles(response) -> list[str]:
    return [article.title for article in response.context["articles"]]


@pytest.fixture
def newsroom():
    peru, ecuador = make_country(name="Peru"), make_country(name="Ecuador")
    mining = make_topic(name="Mining")
    reporter = make_author(name="Ana Ríos")
    now = timezone.now()
    make_article(
        title="Peru brief",
        kind="brief",
        country=peru,
        topics=[mining],
        tags=["gold"],
        authors=[reporter],
        published_at=now - timedelta(days=1),
    )
    make_article(
        title="Peru news",
        kind="news",
        country=peru,
        published_at=now - timedelta(days=40),
    )
    make_article(
        title="Ecuador brief",
        kind="brief",
        country=ecuador,
        language="es",
        published_at=now - timedelta(days=5),
    )
    make_article(title="Peru draft", country=peru, status=Status.DRAFT)


def test_index_lists_published_articles_in_the_readers_language(client, newsroom):
    assert titles(client.get(INDEX)) == ["Peru brief", "Peru news"]


def test_index_can_list_every_language_newest_first(client, newsroom):
    assert titles(client.get(INDEX, {"language": "all"})) == [
        "Peru brief",
        "Ecuador brief",
        "Peru news",
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"kind": "brief"}, ["Peru brief"]),
        ({"kind": "brief", "language": "all"}, ["Peru brief", "Ecuador brief"]),
        ({"country": "peru"}, ["Peru brief", "Peru news"]),
        ({"topic": "mining"}, ["Peru brief"]),
        ({"tag": "gold"}, ["Peru brief"]),
        ({"author": "ana-rios"}, ["Peru brief"]),
        ({"language": "es"}, ["Ecuador brief"]),
        ({"country": "peru", "kind": "news"}, ["Peru news"]),
    ],
)
def test_filters_narrow_the_list_and_combine(client, newsroom, query, expected):
    assert titles(client.get(INDEX, query)) == expected


def test_date_range_filter(client, newsroom):
    today = timezone.localdate()
    response = client.get(
        INDEX,
        {
            "published_from": (today - timedelta(days=10)).isoformat(),
            "published_until": (today - timedelta(days=2)).isoformat(),
            "language": "all",
        },
    )
    assert titles(response) == ["Ecuador brief"]


@pytest.mark.parametrize(
    "query",
    [
        {"country": "atlantis"},
        {"kind": "<script>alert(1)</script>"},
        {"published_from": "yesterday-ish"},
        {"published_until": "2024-13-45"},
        {"tag": "x" * 5000},
        {"page": "999"},
        {"page": "-1"},
    ],
)
def test_invalid_values_get_a_message_not_an_error(client, newsroom, query):
    response = client.get(INDEX, query)
    assert response.status_code in (200, 404)
    if response.status_code == 200 and "page" not in query:
        assert "Some filters could not be used" in response.text
        assert "<script>alert(1)</script>" not in response.text


def test_an_empty_result_says_so(client, newsroom):
    response = client.get(INDEX, {"country": "peru", "kind": "investigation"})
    assert "No published article matches these filters." in response.text


def test_pages_keep_the_filters_in_their_links(client):
    for n in range(25):
        make_article(title=f"Brief {n}", kind="brief")
    response = client.get(INDEX, {"kind": "brief"})
    assert len(response.context["articles"]) == 20
    assert 'href="?kind=brief&amp;page=2"' in response.text
    second = client.get(INDEX, {"kind": "brief", "page": 2})
    assert len(second.context["articles"]) == 5


@pytest.mark.parametrize(
    ("name", "slug", "expected"),
    [
        ("country", "peru", ["Peru brief", "Peru news"]),
        ("topic", "mining", ["Peru brief"]),
        ("tag", "gold", ["Peru brief"]),
        ("author", "ana-rios", ["Peru brief"]),
    ],
)
def test_subject_pages_list_their_articles(client, newsroom, name, slug, expected):
    response = client.get(reverse(f"articles:{name}", args=[slug]))
    assert titles(response) == expected
    assert f"?{name}={slug}" in response.text


def test_unknown_subject_is_404(client):
    assert client.get(reverse("articles:country", args=["atlantis"])).status_code == 404


def test_author_page_shows_the_bio(client):
    author = make_author(name="Ana Ríos", bio="Covers ports from Lima.")
    make_article(authors=[author])
    page = client.get(author.get_absolute_url()).text
    assert "Covers ports from Lima." in page
    assert "<h1>Ana Ríos</h1>" in page


def test_country_and_topic_choices_are_those_with_a_published_article(client):
    peru, chile, cuba = (make_country(name=n) for n in ["Peru", "Chile", "Cuba"])
    mining, fishing = make_topic(name="Mining"), make_topic(name="Fishing")
    make_article(country=peru, topics=[mining])
    make_article(country=chile, topics=[fishing], status=Status.DRAFT)
    make_article(country=cuba, language="es")
    form = client.get(INDEX).context["filter"].form
    assert [slug for slug, _name in form.fields["country"].widget.choices] == [
        "",
        peru.slug,
    ]
    assert [slug for slug, _name in form.fields["topic"].widget.choices] == [
        "",
        mining.slug,
    ]


def test_an_edited_card_shows_in_every_listing_on_the_next_request(
    client, django_capture_on_commit_callbacks
):
    """Cards are kept rendered under the content version, and shared by the
    listings that show them."""
    country = make_country(name="Peru")
    article = make_article(title="First headline", country=country)
    listings = [INDEX, f"/en/countries/{country.slug}/", "/en/"]
    for url in listings:
        assert "First headline" in client.get(url).text
    with django_capture_on_commit_callbacks(execute=True):
        article.title = "Corrected headline"
        article.save()
    for url in listings:
        page = client.get(url).text
        assert "Corrected headline" in page and "First headline" not in page, url

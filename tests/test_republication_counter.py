"""The counting image: honest counts of where an article was republished."""

from unittest import mock

import pytest
from django.urls import reverse

from articles.models import Republication, RepublicationDay, Status
from articles.republish import pixel_token
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db

BROWSER = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0 Safari/537.36"
)
OUTLET_PAGE = "https://outlet.example.com/2026/05/callao-story/?utm_source=x#top"


@pytest.fixture
def article(settings):
    settings.SITE_URL = "https://news.example.org"
    return make_article(slug="callao")


def hit(
    client,
    article=None,
    *,
    token=None,
    referrer=OUTLET_PAGE,
    agent=BROWSER,
    ip="198.51.100.7",
):
    token = token or pixel_token(article)
    headers = {"REMOTE_ADDR": ip}
    if agent is not None:
        headers["HTTP_USER_AGENT"] = agent
    if referrer is not None:
        headers["HTTP_REFERER"] = referrer
    response = client.get(reverse("republication-pixel", args=[token]), **headers)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/gif"
    assert response.content.startswith(b"GIF89a")
    assert "no-store" in response["Cache-Control"]
    return response


def total_views(article) -> int:
    return sum(r.views for r in Republication.objects.filter(article=article))


def test_a_readers_view_is_counted_under_the_republishing_page(client, article):
    hit(client, article)
    republication = Republication.objects.get()
    assert republication.url == "https://outlet.example.com/2026/05/callao-story/"
    assert republication.host == "outlet.example.com"
    assert republication.views == 1
    assert RepublicationDay.objects.get().views == 1


def test_a_reload_within_30_minutes_is_not_counted_again(client, article):
    hit(client, article)
    hit(client, article)
    assert total_views(article) == 1


def test_another_reader_counts(client, article):
    hit(client, article, ip="198.51.100.7")
    hit(client, article, ip="198.51.100.8")
    assert total_views(article) == 2


def test_the_same_reader_counts_again_after_30_minutes(client, article):
    with mock.patch("articles.views.republishing.cache.add", return_value=True):
        hit(client, article)
        hit(client, article)
    assert total_views(article) == 2


@pytest.mark.parametrize(
    "agent",
    [
        "",
        "Googlebot/2.1 (+http://www.google.com/bot.html)",
        "facebookexternalhit/1.1",
        "Twitterbot/1.0",
        "Slackbot-LinkExpanding 1.0",
        "WhatsApp/2.23.20.0",
        "TelegramBot (like TwitterBot)",
        "Mozilla/5.0 (compatible; Discordbot/2.0)",
        "curl/8.5.0",
        "python-requests/2.32",
        "Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/126.0",
    ],
)
def test_bots_and_link_previewers_are_not_counted(client, article, agent):
    hit(client, article, agent=agent)
    assert not Republication.objects.exists()


def test_a_missing_user_agent_is_not_counted(client, article):
    hit(client, article, agent=None)
    assert not Republication.objects.exists()


@pytest.mark.parametrize(
    "referrer",
    [
        "https://news.example.org/news/callao/",
        "https://news.example.org/admin/articles/article/1/change/",
    ],
)
def test_views_from_our_own_site_are_not_counted(client, article, referrer):
    hit(client, article, referrer=referrer)
    assert not Republication.objects.exists()


def test_hits_without_a_referrer_are_counted_as_unknown(client, article):
    hit(client, article, referrer=None)
    assert Republication.objects.get().host == "unknown"


def test_another_port_on_the_same_host_is_another_site(client, settings, article):
    settings.SITE_URL = "http://127.0.0.1:8000"
    hit(client, article, referrer="http://127.0.0.1:8001/republished.html")
    assert Republication.objects.get().host == "127.0.0.1:8001"


@pytest.mark.parametrize(
    "token",
    ["1-forged", "999999-abc", "not-a-token", "-", "1", "x" * 300],
)
def test_bad_tokens_are_not_counted_and_still_get_the_image(client, article, token):
    hit(client, token=token)
    assert not Republication.objects.exists()


def test_a_token_for_one_article_cannot_count_for_another(client, article):
    other = make_article()
    signature = pixel_token(article).split("-", 1)[1]
    hit(client, token=f"{other.pk}-{signature}")
    assert not Republication.objects.exists()


def test_unpublished_articles_are_not_counted(client, article):
    article.status = Status.DRAFT
    article.save()
    hit(client, article)
    assert not Republication.objects.exists()


def test_any_error_still_returns_the_image(client, article):
    with mock.patch(
        "articles.models.Republication.objects.record_view", side_effect=RuntimeError
    ):
        hit(client, article)


def test_hostile_referrers_are_survived(client, article):
    for referrer in [
        "javascript:alert(1)",
        "http://[::1",
        "https://a:99999/x",
        "x" * 5000,
    ]:
        hit(client, article, referrer=referrer, ip=referrer[:20])


def test_no_address_or_agent_is_stored(client, article):
    hit(client, article, ip="203.0.113.50")
    stored = str(list(Republication.objects.values()))
    assert "203.0.113.50" not in stored and "Chrome/126" not in stored


def test_editors_see_totals_pages_and_the_top_outlets(client, article):
    hit(client, article, ip="198.51.100.1")
    hit(client, article, ip="198.51.100.2")
    hit(client, article, ip="198.51.100.3", referrer="https://other.example.net/p")
    client.force_login(make_user("Editors"))

    listing = client.get(
        reverse("admin:articles_article_changelist"), {"republished": "yes"}
    )
    row = listing.context["cl"].result_list[0]
    assert row.republished_views == 3
    change = client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert "https://outlet.example.com/2026/05/callao-story/" in change.text
    report = client.get(reverse("admin:articles_republication_report"), {"days": 7})
    outlets = list(report.context["outlets"])
    assert [(o["republication__host"], o["views"]) for o in outlets] == [
        ("outlet.example.com", 2),
        ("other.example.net", 1),
    ]
    not_republished = client.get(
        reverse("admin:articles_article_changelist"), {"republished": "no"}
    )
    assert article not in not_republished.context["cl"].result_list

"""Redis going down makes pages slower, never errors, and loses no reader's message."""

import time

import pytest
from django.core.cache import cache
from django.urls import reverse

from articles.models import ReaderMessage, SiteSettings
from tests.factories import make_article, make_user
from tests.readers import ReaderClient
from tests.services import RedisServer
from tests.test_comments import comment, comment_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    """A reader's browser: its posts carry the Origin header and form token."""
    return ReaderClient()


@pytest.fixture
def redis_cache(settings):
    """The production cache backend on a private Redis that the test may stop."""
    server = RedisServer()
    server.start()
    settings.CACHES = {
        "default": {
            "BACKEND": "newsroom.cache.ResilientRedisCache",
            "LOCATION": server.url,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    yield server
    server.stop()


def public_pages(article) -> list[str]:
    return [
        reverse("articles:home"),
        article.get_absolute_url(),
        reverse("articles:donate"),
        reverse("articles:feed-rss"),
        reverse("sitemap-news"),
        reverse("sitemap-section", args=["articles"]),
        reverse("robots-txt"),
    ]


def test_pages_answer_from_the_database_once_redis_is_stopped(client, redis_cache):
    article = make_article()
    for url in public_pages(article):
        assert client.get(url).status_code == 200
    assert cache.get(SiteSettings.CACHE_KEY) is not None  # Redis was in use

    redis_cache.stop()

    for url in public_pages(article):
        assert client.get(url).status_code == 200, url


def test_a_comment_sent_while_redis_is_down_reaches_the_editors(client, redis_cache):
    article = make_article()
    redis_cache.stop()

    response = client.post(comment_url(article), comment(message="Still here?"))

    assert response.status_code == 302
    assert ReaderMessage.objects.get().message == "Still here?"


def test_staff_sign_in_to_the_admin_while_redis_is_down(client, redis_cache):
    make_user(username="desk", password="a-long-desk-password", is_superuser=True)
    redis_cache.stop()

    response = client.post(
        reverse("admin:login"),
        {
            "username": "desk",
            "password": "a-long-desk-password",
            "next": reverse("admin:index"),
        },
        follow=True,
    )

    assert response.redirect_chain[-1][0] == reverse("admin:index")
    assert response.status_code == 200


def test_site_settings_saved_during_the_outage_show_once_redis_is_back(
    client, redis_cache
):
    SiteSettings.load()  # cached
    redis_cache.stop()
    site = SiteSettings.load()
    site.organization_name = "Renamed Desk"
    site.save()

    assert SiteSettings.load().organization_name == "Renamed Desk"
    assert SiteSettings.CACHE_SECONDS <= 15 * 60  # a stale copy in Redis expires


def test_a_hung_redis_delays_a_page_by_its_timeout_only(client, redis_cache):
    article = make_article()
    assert client.get(article.get_absolute_url()).status_code == 200
    redis_cache.freeze()

    started = time.monotonic()
    for url in public_pages(article):
        assert client.get(url).status_code == 200, url

    # One half-second timeout, then the cache is left alone for a while.
    assert time.monotonic() - started < 3  # 18 s if every call waited

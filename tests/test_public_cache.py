"""Cached feeds and sitemaps change on the next request after any change
that readers could see: one version of the public content, retired by every
such change, by nothing else, and by the next scheduled publication."""

from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command

from articles import public_cache
from articles.models import SiteSettings
from tests.factories import make_article, make_author

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    """As in production: every public response served from the cache."""
    settings.NEWSROOM_PAGE_CACHE = True


FEED = "/en/feeds/atom/"


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what waits for the commit, as a real request's commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_an_edited_title_shows_in_the_cached_feed(client, commit):
    article = make_article(title="First headline")
    assert b"First headline" in client.get(FEED).content
    with commit():
        article.title = "Corrected headline"
        article.save()
    assert b"Corrected headline" in client.get(FEED).content


def test_a_deleted_article_leaves_feeds_and_sitemaps(client, commit):
    article = make_article(slug="to-be-deleted")
    assert b"to-be-deleted" in client.get("/sitemap-articles.xml").content
    assert b"to-be-deleted" in client.get(FEED).content
    with commit():
        article.delete()
    assert b"to-be-deleted" not in client.get("/sitemap-articles.xml").content
    assert b"to-be-deleted" not in client.get(FEED).content


def test_a_new_slug_replaces_the_old_one_in_the_sitemap(client, commit):
    article = make_article(slug="old-address")
    assert b"/en/news/old-address/" in client.get("/sitemap-articles.xml").content
    with commit():
        article.slug = "new-address"
        article.save()
    sitemap = client.get("/sitemap-articles.xml").content
    assert b"/en/news/new-address/" in sitemap
    assert b"old-address" not in sitemap


def test_a_renamed_author_shows_in_the_feed(client, commit):
    author = make_author(name="Ana Rios")
    make_article(authors=[author])
    assert b"Ana Rios" in client.get(FEED).content
    with commit():
        author.name = "Ana Ríos"
        author.save()
    assert "Ana Ríos" in client.get(FEED).content.decode()


def test_site_settings_show_in_the_feed_at_once(client, commit):
    make_article()
    assert b"<title>Newsroom</title>" in client.get(FEED).content
    with commit():
        site = SiteSettings.load()
        site.organization_name = "Frontera Desk"
        site.save()
    assert b"<title>Frontera Desk</title>" in client.get(FEED).content


def test_reader_activity_does_not_retire_the_cache(client):
    make_article()
    before = public_cache.current_version()
    client.get(FEED)
    client.get("/sitemap.xml")
    assert public_cache.current_version() == before


def test_a_version_lost_from_the_cache_never_comes_back():
    first = public_cache.current_version()
    cache.delete(public_cache.VERSION_KEY)
    assert public_cache.current_version() != first


def test_a_deploy_retires_every_cached_response(client):
    """What is cached is retired by content changes only: new templates or
    a new SITE_URL would otherwise wait for the next one."""
    make_article()
    client.get(FEED)
    before = public_cache.current_version()
    call_command("retire_cached_pages", stdout=StringIO())
    assert public_cache.current_version() != before

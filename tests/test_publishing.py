"""The one publishing rule: only published items whose time has come are public."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, OrganizationNewsItem, Status
from tests.factories import make_article, make_news_item

pytestmark = pytest.mark.django_db


def test_published_includes_only_published_items_whose_time_has_come():
    now = timezone.now()
    live = make_article(published_at=now - timedelta(minutes=1))
    make_article(status=Status.DRAFT)
    make_article(status=Status.IN_REVIEW)
    make_article(published_at=now + timedelta(minutes=5))

    assert list(Article.objects.published()) == [live]


def test_scheduled_article_appears_when_its_time_comes_without_any_job():
    article = make_article(published_at=timezone.now() + timedelta(hours=1))
    assert article.is_scheduled
    assert not Article.objects.published().exists()

    Article.objects.filter(pk=article.pk).update(
        published_at=timezone.now() - timedelta(seconds=1)
    )

    assert list(Article.objects.published()) == [article]


def test_publishing_without_a_time_stamps_the_current_time():
    article = make_article(published_at=None)
    assert article.published_at is not None
    assert article.is_published


def test_draft_keeps_no_publication_time_until_published():
    article = make_article(status=Status.DRAFT, published_at=None)
    assert article.published_at is None
    assert not Article.objects.published().exists()


@pytest.mark.parametrize(
    "overrides",
    [
        {"status": Status.DRAFT},
        {"status": Status.IN_REVIEW},
        {"published_at": timezone.now() + timedelta(days=1)},
    ],
    ids=["draft", "in-review", "scheduled"],
)
def test_unpublished_article_is_404_for_readers(client, overrides):
    article = make_article(**overrides)
    response = client.get(article.get_absolute_url())
    assert response.status_code == 404


def test_published_article_is_public(client):
    article = make_article(title="Port inspections lag")
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "Port inspections lag" in response.text


def test_unpublished_articles_stay_off_listings_and_related_cards(client):
    draft = make_article(status=Status.DRAFT, title="Secret draft title")
    scheduled = make_article(
        published_at=timezone.now() + timedelta(days=1), title="Future scoop title"
    )
    article = make_article(related=[draft, scheduled])

    pages = [
        reverse("articles:home"),
        reverse("articles:article-list"),
        article.get_absolute_url(),
    ]
    for url in pages:
        text = client.get(url).text
        assert "Secret draft title" not in text, url
        assert "Future scoop title" not in text, url


def test_organization_news_follows_the_same_rule(client):
    live = make_news_item(title="Award for the data team")
    draft = make_news_item(status=Status.DRAFT)
    scheduled = make_news_item(published_at=timezone.now() + timedelta(days=2))

    assert list(OrganizationNewsItem.objects.published()) == [live]
    assert client.get(live.get_absolute_url()).status_code == 200
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(scheduled.get_absolute_url()).status_code == 404


def test_staff_preview_shows_a_draft_and_is_never_cached(client, admin_user):
    draft = make_article(status=Status.DRAFT, title="Work in progress")
    client.force_login(admin_user)

    response = client.get(draft.get_preview_url())

    assert response.status_code == 200
    assert "Work in progress" in response.text
    assert "no-cache" in response["Cache-Control"]
    assert '<meta name="robots" content="noindex">' in response.text


def test_preview_is_closed_to_readers(client):
    draft = make_article(status=Status.DRAFT)
    response = client.get(draft.get_preview_url())
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_organization_news_published_after_the_site_started_is_public(client):
    # A queryset built when the view module was imported kept that moment as
    # "now": anything published later stayed 404 until the site restarted.
    item = make_news_item(published_at=timezone.now())
    assert client.get(item.get_absolute_url()).status_code == 200

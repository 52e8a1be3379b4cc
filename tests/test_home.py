"""The home page: the newest brief featured, the latest of each kind, our news."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_article, make_news_item

pytestmark = pytest.mark.django_db

HOME = reverse("articles:home")


def ago(days: int):
    return timezone.now() - timedelta(days=days)


def test_newest_brief_is_featured_and_other_briefs_follow(client):
    make_article(kind="brief", title="Old brief", published_at=ago(5))
    make_article(kind="brief", title="New brief", published_at=ago(1))
    make_article(kind="news", title="Newest news", published_at=ago(0))

    context = client.get(HOME).context

    assert context["featured"].title == "New brief"
    assert [a.title for a in context["briefs"]] == ["Old brief"]


def test_each_kind_gets_its_own_section_with_its_newest_articles(client):
    for n in range(6):
        make_article(kind="analysis", title=f"Analysis {n}", published_at=ago(n))
    make_article(kind="investigation", title="Old investigation", published_at=ago(300))

    sections = dict(client.get(HOME).context["kind_sections"])

    assert [a.title for a in sections["Analysis"]] == [
        f"Analysis {n}" for n in range(4)
    ]
    assert [a.title for a in sections["Investigation"]] == ["Old investigation"]
    assert "Brief" not in sections


def test_home_shows_the_latest_organization_news(client):
    make_news_item(title="We won an award")
    assert "We won an award" in client.get(HOME).text


def test_empty_newsroom_says_nothing_is_published(client):
    assert "Nothing has been published yet." in client.get(HOME).text


def test_home_has_one_h1(client):
    make_article(kind="brief")
    assert client.get(HOME).text.count("<h1") == 1

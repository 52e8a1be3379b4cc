"""Related content reads like an editor chose it: the editor's picks, then
articles scored by shared countries and topics above tags and rare tags above
common ones, newest first among equals, then the newest of the same kind so
the section never vanishes. Never unpublished, never another language, and
the cost of a page does not grow with what it finds."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, SiteSettings, Status
from articles.related import RELATED_CANDIDATES
from tests.factories import make_article, make_country, make_topic

pytestmark = pytest.mark.django_db


def days_ago(days: float):
    return timezone.now() - timedelta(days=days)


def cards(article: Article, limit: int = 3) -> list[Article]:
    page = Article.objects.published().with_page_data().get(pk=article.pk)
    return page.related_cards(limit)


def test_a_rare_tag_and_a_country_outrank_a_tag_every_article_carries():
    peru = make_country(name="Peru")
    pair = [
        make_article(
            tags=["infographics", "gold dredges"],
            country=peru,
            published_at=days_ago(60),
        )
        for _ in range(2)
    ]
    for n in range(18):
        make_article(
            tags=["infographics"], country=make_country(), published_at=days_ago(n)
        )

    assert cards(pair[0])[0] == pair[1]
    assert cards(pair[1])[0] == pair[0]


def test_a_shared_country_or_topic_outranks_a_shared_tag():
    country, topic = make_country(), make_topic()
    article = make_article(tags=["ports"], country=country, topics=[topic])
    by_tag = make_article(tags=["ports"], published_at=days_ago(1))
    by_topic = make_article(topics=[topic], published_at=days_ago(2))
    by_country = make_article(country=country, published_at=days_ago(3))
    for _ in range(5):
        make_article(published_at=days_ago(10))  # make "ports" a rare tag

    assert cards(article) == [by_country, by_topic, by_tag]


def test_a_rare_tag_outranks_a_common_one():
    article = make_article(tags=["ports", "scanners"])
    common = make_article(tags=["ports"], published_at=days_ago(1))
    rare = make_article(tags=["scanners"], published_at=days_ago(2))
    for _ in range(6):
        make_article(tags=["ports"], published_at=days_ago(9))

    assert cards(article, 2) == [rare, common]


def test_the_newer_of_equally_related_articles_comes_first():
    country = make_country()
    article = make_article(country=country)
    older = make_article(country=country, published_at=days_ago(5))
    newer = make_article(country=country, published_at=days_ago(2))
    assert cards(article) == [newer, older]


def test_a_rare_tag_finds_an_old_article_however_many_newer_ones_share_others():
    country = make_country()
    article = make_article(tags=["ports", "scanners"], country=country)
    old = make_article(tags=["scanners"], published_at=days_ago(400))
    for n in range(RELATED_CANDIDATES + 5):
        make_article(tags=["ports"], kind="news", published_at=days_ago(n / 24))
    assert old in cards(article)


def test_a_page_with_nothing_in_common_shows_the_newest_of_its_kind_then_others():
    article = make_article(kind="analysis")
    older = make_article(kind="analysis", published_at=days_ago(9))
    newer = make_article(kind="analysis", published_at=days_ago(2))
    brief = make_article(kind="brief", published_at=days_ago(1))
    make_article(kind="brief", published_at=days_ago(3))
    assert cards(article) == [newer, older, brief]


def test_every_article_of_the_demo_newsroom_has_related_cards(demo_content):
    for article in Article.objects.published():
        assert cards(article), article.title


def test_the_fallback_comes_after_every_related_article():
    country = make_country()
    article = make_article(kind="analysis", country=country)
    related = make_article(kind="news", country=country, published_at=days_ago(30))
    same_kind = make_article(kind="analysis", published_at=days_ago(1))
    assert cards(article) == [related, same_kind]


def test_editor_picks_come_first():
    country = make_country()
    article = make_article(country=country, tags=["ports"])
    related = make_article(country=country, tags=["ports"])
    pick = make_article(kind="news", published_at=days_ago(300))
    article.related_links.create(related=pick)
    assert cards(article) == [pick, related]


def test_cards_stop_at_the_configured_number():
    article = make_article(tags=["ports"])
    for _ in range(6):
        make_article(tags=["ports"])
    assert len(cards(article, SiteSettings.load().related_count)) == 3


def test_never_the_article_itself_nor_anything_unpublished():
    country = make_country()
    article = make_article(tags=["ports"], country=country)
    make_article(tags=["ports"], country=country, status=Status.DRAFT)
    make_article(tags=["ports"], country=country, published_at=days_ago(-1))
    trashed = make_article(tags=["ports"], country=country)
    trashed.trashed_at = timezone.now()
    trashed.save()
    article.related_links.create(related=make_article(status=Status.DRAFT))
    assert cards(article) == []


def test_never_an_article_in_another_language():
    country = make_country()
    article = make_article(tags=["ports"], country=country, language="en")
    make_article(tags=["ports"], country=country, language="es")
    assert cards(article) == []


def test_the_page_shows_the_cards_of_the_fallback(client):
    article = make_article(kind="analysis", language="es")
    make_article(kind="analysis", language="es", title="Otro análisis")
    page = client.get(article.get_absolute_url()).text
    assert "Otro análisis" in page


def related_queries(article: Article) -> int:
    """Queries of the cards, tag frequencies counted (the newest of the
    kind are read only when too few articles share a subject)."""
    page = Article.objects.published().with_page_data().get(pk=article.pk)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        page.related_cards(5)
    return len(queries)


def test_the_cost_does_not_grow_with_subjects_or_candidates():
    country, topics = make_country(), [make_topic() for _ in range(4)]
    small = make_article(tags=["ports"], country=country, topics=topics[:1])
    large = make_article(
        tags=[f"tag {n}" for n in range(15)], country=country, topics=topics
    )
    small_cost = related_queries(small)
    for n in range(40):
        make_article(
            tags=[f"tag {n % 15}", "ports"], country=country, topics=topics[n % 4 :]
        )
    large.related_links.create(related=make_article())
    assert related_queries(large) == related_queries(small) <= small_cost


def test_tag_frequencies_are_counted_once_then_cached():
    article = make_article(tags=["ports", "scanners"], country=make_country())
    make_article(tags=["ports"])
    page = Article.objects.published().with_page_data().get(pk=article.pk)
    with CaptureQueriesContext(connection) as first:
        page.related_cards(3)
    with CaptureQueriesContext(connection) as again:
        page.related_cards(3)
    assert len(again) == len(first) - 1

"""The admin's home page is a desk: the work that is each person's to do."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Feedback, ReaderMessage, Status
from tests.factories import (
    make_article,
    make_author,
    make_news_item,
    make_note,
    make_user,
)

pytestmark = pytest.mark.django_db

DESK = reverse("admin:index")
CHANGELIST = reverse("admin:articles_article_changelist")


def queue(response, key: str) -> list[str]:
    found = next(q for q in response.context["queues"] if q.key == key)
    return [row.label for row in found.rows]


def test_a_writer_sees_drafts_work_in_review_and_work_sent_back_with_its_note(client):
    writer = make_user("Writers")
    make_article(title="My draft", status=Status.DRAFT, created_by=writer)
    make_article(title="Waiting", status=Status.IN_REVIEW, created_by=writer)
    sent_back = make_article(
        title="Sent back", status=Status.CHANGES_REQUESTED, created_by=writer
    )
    make_note(sent_back, "Name the second source.")
    make_article(title="Someone else's", status=Status.DRAFT)
    client.force_login(writer)

    response = client.get(DESK)

    assert [q.key for q in response.context["queues"]] == [
        "sent-back",
        "drafts",
        "in-review",
    ]
    assert queue(response, "drafts") == ["My draft"]
    assert queue(response, "in-review") == ["Waiting"]
    assert queue(response, "sent-back") == ["Sent back"]
    assert "Name the second source." in response.text
    assert "Someone else" not in response.text
    assert reverse("admin:articles_article_change", args=[sent_back.pk]) in (
        response.text
    )


def test_an_editor_sees_the_review_queue_oldest_first_and_what_readers_said(client):
    older = make_article(title="Older", status=Status.IN_REVIEW)
    make_article(title="Newer", status=Status.IN_REVIEW)
    type(older).objects.filter(pk=older.pk).update(
        updated_at=timezone.now() - timedelta(days=2)
    )
    make_article(title="Tomorrow's", published_at=timezone.now() + timedelta(days=1))
    live = make_article(title="Live, English only")
    Feedback.objects.create(article=live, helpful=False, reason="No sources.")
    ReaderMessage.objects.create(name="Lucía", message="A correction, please.")
    client.force_login(make_user("Editors"))

    response = client.get(DESK)

    assert queue(response, "review") == ["Older", "Newer"]
    assert queue(response, "scheduled") == ["Tomorrow's"]
    assert queue(response, "published") == ["Live, English only"]
    assert queue(response, "untranslated") == ["Live, English only"]
    assert "No sources." in response.text
    assert "A correction, please." in response.text
    # Still the admin's home: the list of what they may manage follows.
    assert response.context["app_list"]


def test_an_editor_sees_organization_news_beside_the_articles(client):
    now = timezone.now()
    waiting = make_news_item(title="Award to review", status=Status.IN_REVIEW)
    make_note(waiting, "Check the jury's name.")
    make_article(title="Article to review", status=Status.IN_REVIEW)
    type(waiting).objects.filter(pk=waiting.pk).update(
        updated_at=now - timedelta(days=1)
    )
    make_news_item(title="Event tomorrow", published_at=now + timedelta(days=1))
    make_article(title="Article in two days", published_at=now + timedelta(days=2))
    make_news_item(title="Award won", published_at=now - timedelta(hours=1))
    make_article(title="Yesterday's article", published_at=now - timedelta(days=1))
    client.force_login(make_user("Editors"))

    response = client.get(DESK)

    assert queue(response, "review") == ["Award to review", "Article to review"]
    assert queue(response, "scheduled") == ["Event tomorrow", "Article in two days"]
    assert queue(response, "published") == ["Award won", "Yesterday's article"]
    assert "Check the jury&#x27;s name." in response.text
    assert "Organization news item · EN" in response.text
    assert (
        reverse("admin:articles_organizationnewsitem_change", args=[waiting.pk])
        in response.text
    )


def test_the_desk_costs_the_same_queries_however_many_articles_wait(client):
    client.force_login(make_user("Editors"))

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(DESK).status_code == 200
        return len(captured)

    make_note(make_article(status=Status.IN_REVIEW))
    make_note(make_news_item(status=Status.IN_REVIEW))
    queries()  # the first request also fills per-process caches
    few = queries()
    for _ in range(6):
        make_note(make_article(status=Status.IN_REVIEW))
        make_article(published_at=timezone.now() + timedelta(hours=2))
        make_note(make_news_item(status=Status.IN_REVIEW))
        make_news_item(published_at=timezone.now() + timedelta(hours=2))
    assert queries() == few


def test_the_article_list_has_six_columns_and_two_saved_filters(client):
    writer = make_user("Writers")
    byline = make_author(user=writer)
    mine = make_article(title="Signed by me", authors=[byline], status=Status.DRAFT)
    started = make_article(title="Started by me", created_by=writer)
    make_article(title="In review", status=Status.IN_REVIEW)
    client.force_login(make_user("Editors"))

    response = client.get(CHANGELIST)
    assert len(response.context["cl"].list_display) <= 6
    assert "My work" in response.text and "Review queue" in response.text

    client.force_login(writer)
    titles = [
        a.title
        for a in client.get(CHANGELIST, {"work": "mine"}).context["cl"].result_list
    ]
    assert sorted(titles) == sorted([mine.title, started.title])
    review = client.get(CHANGELIST, {"work": "review"}).context["cl"].result_list
    assert [a.title for a in review] == ["In review"]

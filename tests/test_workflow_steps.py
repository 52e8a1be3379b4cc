"""Workflow steps are methods on the shared publishable base: articles and
organization news obey the same rules whoever calls them (the admin, a form,
a command, an import)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Status, WorkflowError
from tests.factories import make_article, make_news_item, make_user

pytestmark = pytest.mark.django_db

BUILDERS = {"article": make_article, "organization news": make_news_item}


@pytest.fixture(params=BUILDERS)
def make_item(request):
    return BUILDERS[request.param]


def test_a_draft_goes_to_review_then_is_published(make_item):
    item = make_item(status=Status.DRAFT, published_at=None)
    item.submit_for_review(make_user("Editors"))
    assert item.status == Status.IN_REVIEW
    item.publish(make_user("Editors"))
    item.refresh_from_db()
    assert item.is_published
    assert abs(item.published_at - timezone.now()) < timedelta(minutes=1)


def test_a_writer_may_not_publish_schedule_or_unpublish(make_item):
    writer = make_user("Writers")
    draft = make_item(status=Status.IN_REVIEW, published_at=None)
    published = make_item()
    with pytest.raises(WorkflowError, match="Only editors"):
        draft.publish(writer)
    with pytest.raises(WorkflowError, match="Only editors"):
        draft.schedule(writer, timezone.now() + timedelta(days=1))
    with pytest.raises(WorkflowError, match="Only editors"):
        published.unpublish(writer, "Libel risk")
    draft.refresh_from_db()
    published.refresh_from_db()
    assert draft.status == Status.IN_REVIEW
    assert published.is_published


def test_steps_the_state_does_not_allow_change_nothing(make_item):
    editor = make_user("Editors")
    published = make_item()
    with pytest.raises(WorkflowError, match="already published"):
        published.publish(editor)
    with pytest.raises(WorkflowError, match="Only a draft"):
        published.submit_for_review(editor)
    draft = make_item(status=Status.DRAFT, published_at=None)
    with pytest.raises(WorkflowError, match="not published"):
        draft.unpublish(editor, "Libel risk")
    with pytest.raises(WorkflowError, match="in the future"):
        draft.schedule(editor, timezone.now() - timedelta(hours=1))
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    assert draft.published_at is None


def test_scheduling_hides_the_item_until_its_time(make_item):
    item = make_item(status=Status.IN_REVIEW, published_at=None)
    item.schedule(None, timezone.now() + timedelta(days=1))
    assert item.is_scheduled
    assert not type(item).objects.published().filter(pk=item.pk).exists()


def test_unpublishing_keeps_the_original_date_for_a_later_republication(make_item):
    item = make_item(published_at=timezone.now() - timedelta(days=30))
    first_date = item.published_at
    item.unpublish(make_user("Editors"), "Fact check")
    item.publish(make_user("Editors"))
    assert item.published_at == first_date


def test_each_step_on_an_article_is_kept_in_its_history():
    editor = make_user("Editors")
    article = make_article(status=Status.DRAFT, published_at=None)
    article.submit_for_review(editor)
    article.publish(editor)
    article.unpublish(editor, "Fact check")
    assert [revision.note for revision in article.revisions.order_by("pk")] == [
        "Sent to review",
        "Published",
        "Unpublished: Fact check",
    ]


def test_editors_publish_organization_news_from_the_admin(client):
    client.force_login(make_user("Editors"))
    item = make_news_item(status=Status.IN_REVIEW, published_at=None)
    response = client.post(
        reverse("admin:articles_organizationnewsitem_changelist"),
        {"action": "publish", "_selected_action": [item.pk]},
        follow=True,
    )
    item.refresh_from_db()
    assert item.is_published
    assert "1 organization news item published." in response.text

"""Draft → review → published (or scheduled): who may take which step."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Status
from tests.admin_forms import article_form_data
from tests.factories import make_article, make_author, make_user

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:articles_article_changelist")
ADD = reverse("admin:articles_article_add")


def change_url(article: Article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def run_action(client, action: str, *articles: Article, **extra):
    return client.post(
        CHANGELIST,
        {
            "action": action,
            "_selected_action": [article.pk for article in articles],
            **extra,
        },
        follow=True,
    )


def test_groups_are_created_with_the_publish_permission_only_for_editors():
    editors = Group.objects.get(name="Editors")
    writers = Group.objects.get(name="Writers")
    assert editors.permissions.filter(codename="publish_article").exists()
    assert not writers.permissions.filter(codename="publish_article").exists()
    assert writers.permissions.filter(codename="add_article").exists()


def test_writer_creates_a_draft_and_becomes_its_owner(client, writer):
    author = make_author()
    response = client.post(
        ADD, article_form_data(title="Port delays", authors=[author])
    )
    assert response.status_code == 302, response.context["errors"]
    article = Article.objects.get(title="Port delays")
    assert article.created_by == writer
    assert article.status == Status.DRAFT


def test_the_state_is_not_a_form_field_so_a_posted_state_is_ignored(client, writer):
    author = make_author()
    form = client.get(ADD).context["adminform"].form
    assert "status" not in form.fields

    response = client.post(
        ADD, article_form_data(title="Sneaky", authors=[author], status="published")
    )

    assert response.status_code == 302
    assert Article.objects.get(title="Sneaky").status == Status.DRAFT


def test_writer_sends_own_draft_to_review(client, writer):
    article = make_article(status=Status.DRAFT, created_by=writer)
    run_action(client, "send_to_review", article)
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW


def test_writer_has_no_publish_action_and_cannot_force_it(client, writer):
    article = make_article(status=Status.IN_REVIEW, created_by=writer)
    actions = dict(
        client.get(CHANGELIST).context["action_form"].fields["action"].choices
    )
    assert "publish" not in actions
    assert "send_to_review" in actions

    run_action(client, "publish", article)

    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW


def test_writer_cannot_edit_another_writers_article(client, writer):
    other = make_user("Writers")
    article = make_article(status=Status.DRAFT, created_by=other, title="Theirs")

    response = client.post(
        change_url(article),
        article_form_data(existing=article, title="Mine now"),
    )

    assert response.status_code == 403
    article.refresh_from_db()
    assert article.title == "Theirs"


def test_writer_cannot_edit_own_article_once_published(client, writer):
    article = make_article(created_by=writer, title="Published")
    response = client.post(
        change_url(article), article_form_data(existing=article, title="Changed")
    )
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.title == "Published"


def test_editor_publishes_an_article_in_review(client, editor):
    article = make_article(status=Status.IN_REVIEW, published_at=None)

    response = run_action(client, "publish", article)

    article.refresh_from_db()
    assert article.is_published
    assert abs(article.published_at - timezone.now()) < timedelta(minutes=1)
    assert "1 article published." in response.text


def test_publishing_a_scheduled_article_early_dates_it_now(client, editor):
    article = make_article(published_at=timezone.now() + timedelta(days=3))
    run_action(client, "publish", article)
    article.refresh_from_db()
    assert article.is_published


def test_editor_schedules_an_article_for_a_future_time(client, editor):
    article = make_article(status=Status.IN_REVIEW, published_at=None)
    when = timezone.localtime() + timedelta(days=2)

    run_action(client, "schedule", article, publish_at=when.strftime("%Y-%m-%dT%H:%M"))

    article.refresh_from_db()
    assert article.is_scheduled
    assert article.published_at.replace(second=0, microsecond=0) == when.replace(
        second=0, microsecond=0
    )
    assert not Article.objects.published().exists()


def test_scheduling_needs_a_future_time(client, editor):
    article = make_article(status=Status.IN_REVIEW, published_at=None)
    past = timezone.localtime() - timedelta(days=1)

    response = run_action(
        client, "schedule", article, publish_at=past.strftime("%Y-%m-%dT%H:%M")
    )

    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW
    assert "Give a publication time in the future" in response.text


def test_editor_unpublishes_an_article(client, editor):
    article = make_article()
    run_action(client, "unpublish", article, reason="Source withdrew consent")
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert article.revisions.get().note == "Unpublished: Source withdrew consent"
    assert client.get(article.get_absolute_url()).status_code == 404


def test_actions_report_what_they_skipped(client, editor):
    published = make_article()
    response = run_action(client, "publish", published)
    assert "1 article skipped: It is already published." in response.text


def test_each_workflow_step_is_kept_in_the_history(client, editor):
    article = make_article(status=Status.IN_REVIEW, published_at=None)
    run_action(client, "publish", article)
    revision = article.revisions.get()
    assert revision.user == editor
    assert revision.note == "Published"
    assert revision.data["status"] == Status.PUBLISHED


def test_editor_edits_anyones_published_article(client, editor):
    writer = make_user("Writers")
    article = make_article(created_by=writer, title="Old title")
    response = client.post(
        change_url(article),
        article_form_data(existing=article, title="New title", status="published"),
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "New title"


def test_article_list_shows_scheduled_state_and_filters(client, editor):
    make_article(title="Future piece", published_at=timezone.now() + timedelta(days=1))
    response = client.get(CHANGELIST, {"status__exact": "published"})
    assert response.status_code == 200
    assert "Scheduled" in response.text
    assert "Future piece" in response.text


def test_article_search_covers_title_summary_and_body(client, editor):
    make_article(title="Alpha", dek="nothing", body="<p>the harbour pilot</p>")
    make_article(title="Beta")
    response = client.get(CHANGELIST, {"q": "harbour"})
    assert "Alpha" in response.text
    assert "Beta" not in response.text

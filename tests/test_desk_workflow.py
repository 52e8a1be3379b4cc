"""Workflow buttons on the article and news forms: each shown by state and
permission, each refusal saving nothing, saying why and keeping what was typed."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, OrganizationNewsItem, Status
from newsroom.desk.models import Note
from tests.admin_forms import article_form_data
from tests.factories import make_article, make_news_item, make_user

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:articles_article_changelist")


def change_url(item) -> str:
    opts = item._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk])


def buttons(response) -> list[str]:
    return [step for step, _label in response.context["workflow_buttons"]]


def take(client, article: Article, step: str, **fields):
    return client.post(
        change_url(article),
        article_form_data(
            existing=article, slug=article.slug, _workflow=step, **fields
        ),
    )


def test_a_writer_sees_only_submit_and_an_editor_the_steps_of_the_state(client):
    writer, editor = make_user("Writers"), make_user("Editors")
    draft = make_article(status=Status.DRAFT, published_at=None, created_by=writer)
    in_review = make_article(status=Status.IN_REVIEW, published_at=None)
    published = make_article()

    client.force_login(writer)
    assert buttons(client.get(change_url(draft))) == ["submit_for_review"]
    client.force_login(editor)
    assert buttons(client.get(change_url(in_review))) == [
        "request_changes",
        "publish",
        "schedule",
    ]
    assert buttons(client.get(change_url(published))) == ["unpublish"]


def test_a_writer_submits_then_resubmits_after_changes_are_requested(client, writer):
    article = make_article(status=Status.DRAFT, published_at=None, created_by=writer)
    response = take(client, article, "submit_for_review", title="Port delays")
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.status, article.title) == (Status.IN_REVIEW, "Port delays")

    article.request_changes(make_user("Editors"), "Name the second source.")
    response = take(client, article, "submit_for_review", title="Port delays, named")
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW
    assert article.title == "Port delays, named"


def test_requesting_changes_keeps_the_note_in_the_thread_and_the_history(
    client, editor
):
    article = make_article(status=Status.IN_REVIEW, published_at=None)
    response = take(client, article, "request_changes", workflow_note="Cut the lede.")
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Status.CHANGES_REQUESTED
    note = Note.objects.about(article).get()
    assert (note.text, note.author, note.step) == (
        "Cut the lede.",
        editor,
        "request_changes",
    )
    assert article.revisions.first().note == "Changes requested: Cut the lede."
    assert "Cut the lede." in client.get(change_url(article)).text
    history = client.get(reverse("admin:articles_article_history", args=[article.pk]))
    assert "Cut the lede." in history.text


def test_a_step_without_its_required_note_changes_nothing_and_keeps_the_typing(
    client, editor
):
    in_review = make_article(status=Status.IN_REVIEW, published_at=None, title="Old")
    published = make_article(title="Live")
    for article, step in [(in_review, "request_changes"), (published, "unpublish")]:
        status = article.status
        response = take(client, article, step, title="Typed title", workflow_note=" ")
        assert response.status_code == 200
        form = response.context["adminform"].form
        assert form["title"].value() == "Typed title"
        article.refresh_from_db()
        assert article.status == status
        assert article.title in ("Old", "Live")
    assert "Say what needs changing" in take(client, in_review, "request_changes").text
    assert (
        "Give the reason for unpublishing" in take(client, published, "unpublish").text
    )


def test_publishing_an_article_with_no_body_is_refused(client, editor):
    article = make_article(status=Status.IN_REVIEW, published_at=None)
    response = take(client, article, "publish", body="  <p> </p> ", title="Typed")
    assert response.status_code == 200
    assert "Write the body before publishing" in response.text
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW
    assert article.body.startswith("<p>Body")


def test_scheduling_in_the_past_is_refused_and_in_the_future_schedules(client, editor):
    article = make_article(status=Status.IN_REVIEW, published_at=None)
    past = timezone.localtime() - timedelta(hours=1)
    response = take(
        client, article, "schedule", workflow_publish_at=past.strftime("%Y-%m-%dT%H:%M")
    )
    assert "Give a publication time in the future" in response.text
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW

    future = timezone.localtime() + timedelta(days=1)
    take(
        client,
        article,
        "schedule",
        workflow_publish_at=future.strftime("%Y-%m-%dT%H:%M"),
    )
    article.refresh_from_db()
    assert article.is_scheduled
    assert article.published_at.strftime("%H:%M") == future.strftime("%H:%M")


def test_unpublishing_keeps_the_reason_in_the_history(client, editor):
    article = make_article()
    take(client, article, "unpublish", workflow_note="The source withdrew.")
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert article.revisions.first().note == "Unpublished: The source withdrew."
    assert client.get(article.get_absolute_url()).status_code == 404


def test_a_writer_cannot_publish_schedule_or_unpublish_through_any_path(client, writer):
    future = (timezone.localtime() + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    own = make_article(status=Status.IN_REVIEW, published_at=None, created_by=writer)
    live = make_article(created_by=writer)

    # The form, with crafted buttons.
    for step in ("publish", "schedule", "request_changes"):
        response = take(
            client, own, step, workflow_publish_at=future, workflow_note="Go"
        )
        assert response.status_code == 200
        assert "Only editors may" in response.text
    assert take(client, live, "unpublish", workflow_note="Go").status_code == 403
    # The form, with a crafted state.
    client.post(change_url(own), article_form_data(existing=own, status="published"))
    # The bulk actions.
    for action in ("publish", "schedule", "unpublish"):
        client.post(
            CHANGELIST,
            {
                "action": action,
                "_selected_action": [own.pk, live.pk],
                "publish_at": future,
                "reason": "Go",
            },
        )

    own.refresh_from_db()
    live.refresh_from_db()
    assert own.status == Status.IN_REVIEW
    assert live.is_published
    assert not own.revisions.exclude(note="").exists()


def test_a_note_without_a_step_joins_the_thread_and_never_reaches_readers(
    client, editor
):
    article = make_article()
    take(client, article, "note", workflow_note="Check the caption spelling.")
    assert Note.objects.about(article).get().text == "Check the caption spelling."
    assert "caption spelling" not in client.get(article.get_absolute_url()).text
    response = take(client, article, "note", workflow_note="")
    assert response.status_code == 200
    assert "Write the note first." in response.text


def test_organization_news_has_the_same_buttons_and_a_preview(client, editor):
    item = make_news_item(status=Status.IN_REVIEW, published_at=None)
    page = client.get(change_url(item))
    assert buttons(page) == ["request_changes", "publish", "schedule"]
    assert item.get_preview_url() in page.text
    preview = client.get(item.get_preview_url())
    assert preview.status_code == 200
    assert "noindex" in preview.text

    data = {
        "title": item.title,
        "slug": item.slug,
        "language": "en",
        "excerpt": item.excerpt,
        "body": "",
        "_workflow": "publish",
    }
    response = client.post(change_url(item), data)
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.is_published
    client.logout()
    assert client.get(item.get_absolute_url()).status_code == 200


def test_readers_cannot_preview_organization_news(client):
    item = make_news_item(status=Status.DRAFT, published_at=None)
    assert client.get(item.get_preview_url()).status_code == 302
    assert OrganizationNewsItem.objects.published().count() == 0

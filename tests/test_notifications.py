"""E-mail about workflow steps, through Django's e-mail settings."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from articles.models import Status
from newsroom.desk.models import Note, Profile
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs what waits for the step's commit (the e-mail) as a commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def people():
    return {
        "writer": make_user("Writers", email="writer@example.org"),
        "editor": make_user("Editors", email="editor@example.org"),
        "quiet": make_user("Editors", email="quiet@example.org"),
        "no_address": make_user("Editors"),
    }


def test_editors_are_told_when_an_article_is_submitted_unless_they_opted_out(
    people, committed
):
    Profile.objects.create(user=people["quiet"], email_notifications=False)
    article = make_article(
        title="Port delays", status=Status.DRAFT, created_by=people["writer"]
    )

    with committed():
        article.submit_for_review(people["writer"])

    assert [message.to for message in mail.outbox] == [["editor@example.org"]]
    message = mail.outbox[0]
    assert "Port delays" in message.subject
    assert reverse("admin:articles_article_change", args=[article.pk]) in message.body
    assert message.reply_to == ["writer@example.org"]


def test_the_writer_is_told_of_changes_requested_publication_and_schedule(
    people, committed
):
    writer, editor = people["writer"], people["editor"]
    article = make_article(status=Status.IN_REVIEW, created_by=writer)

    with committed():
        article.request_changes(editor, "Name the second source.")
        article.submit_for_review(writer)
        article.schedule(editor, timezone.now() + timedelta(days=1))
        article.unpublish(editor, "Wrong date")
        article.publish(editor)

    to_writer = [m for m in mail.outbox if m.to == ["writer@example.org"]]
    assert [m.subject.split(":")[0] for m in to_writer] == [
        "Changes requested",
        "Scheduled",
        "Published",
    ]
    assert "Name the second source." in to_writer[0].body


def test_nobody_is_told_of_their_own_step(people, committed):
    editor = people["editor"]
    article = make_article(status=Status.DRAFT, created_by=editor)
    with committed():
        article.submit_for_review(editor)
        article.publish(editor)
    assert mail.outbox
    assert all(m.to != ["editor@example.org"] for m in mail.outbox)


def test_a_failed_send_is_logged_and_loses_nothing(people, settings, caplog, committed):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = 9  # discard: nothing listens, the connection is refused
    settings.EMAIL_TIMEOUT = 2
    article = make_article(status=Status.IN_REVIEW, created_by=people["writer"])

    with committed():
        article.request_changes(people["editor"], "Shorter, please.")

    article.refresh_from_db()
    assert article.status == Status.CHANGES_REQUESTED
    assert Note.objects.about(article).get().text == "Shorter, please."
    assert "Could not e-mail ['writer@example.org']" in caplog.text


def test_each_person_turns_notifications_off_in_their_own_profile(client, people):
    client.force_login(people["editor"])
    page = client.get(reverse("admin:desk_profile_changelist"), follow=True)
    own = Profile.objects.get(user=people["editor"])
    assert page.redirect_chain[-1][0] == reverse(
        "admin:desk_profile_change", args=[own.pk]
    )
    client.post(page.redirect_chain[-1][0], {})
    own.refresh_from_db()
    assert own.email_notifications is False

    theirs = Profile.objects.for_user(people["writer"])
    response = client.post(
        reverse("admin:desk_profile_change", args=[theirs.pk]),
        {"email_notifications": ""},
    )
    assert response.status_code == 302
    theirs.refresh_from_db()
    assert theirs.email_notifications is True

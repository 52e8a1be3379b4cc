"""Restoring a revision changes only what the person restoring may edit."""

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from articles.models import Article, Revision, Status
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db


def revision_url(article: Article, revision: Revision) -> str:
    return reverse("admin:articles_article_revision", args=[article.pk, revision.pk])


def reload(*articles: Article) -> list[Article]:
    return [Article.objects.get(pk=article.pk) for article in articles]


@pytest.fixture
def old_link_now_taken(writer):
    """A writer's draft once linked to a published article that an editor has
    since paired with another published article."""
    english = make_article(language="en", title="Published in English")
    draft = make_article(
        language="es",
        status=Status.DRAFT,
        published_at=None,
        created_by=writer,
        title="Old draft title",
        translation=english,
    )
    revision = Revision.objects.record(draft)
    spanish = make_article(language="es", title="Published in Spanish")
    english.translation = spanish
    english.save()
    draft = Article.objects.get(pk=draft.pk)
    draft.title = "New draft title"
    draft.save()
    return draft, revision, english, spanish


def test_writer_restoring_own_draft_leaves_published_translations_alone(
    client, old_link_now_taken
):
    draft, revision, english, spanish = old_link_now_taken

    response = client.post(revision_url(draft, revision))

    assert response.status_code == 302
    draft, english, spanish = reload(draft, english, spanish)
    assert draft.title == "Old draft title"
    assert draft.translation is None
    assert english.translation == spanish
    assert spanish.translation == english
    warnings = [str(m) for m in get_messages(response.wsgi_request)]
    assert any(
        "translation link was left as it is" in text and "Published in English" in text
        for text in warnings
    )


def test_writer_restoring_own_draft_does_not_touch_published_rows(
    client, old_link_now_taken
):
    draft, revision, english, spanish = old_link_now_taken
    before = {
        row["id"]: row
        for row in Article.objects.filter(pk__in=[english.pk, spanish.pk]).values()
    }

    client.post(revision_url(draft, revision))

    after = {
        row["id"]: row
        for row in Article.objects.filter(pk__in=[english.pk, spanish.pk]).values()
    }
    assert after == before


def test_writer_may_not_unlink_a_published_translation_by_restoring(client, writer):
    draft = make_article(language="es", status=Status.DRAFT, created_by=writer)
    revision = Revision.objects.record(draft)
    english = make_article(language="en", translation=draft)

    client.post(revision_url(draft, revision))

    draft, english = reload(draft, english)
    assert draft.translation == english
    assert english.translation == draft


def test_writer_restores_a_link_between_own_drafts(client, writer):
    mine = {"status": Status.DRAFT, "published_at": None, "created_by": writer}
    english = make_article(language="en", **mine)
    draft = make_article(language="es", translation=english, **mine)
    revision = Revision.objects.record(draft)
    draft.translation = None
    draft.save()

    client.post(revision_url(draft, revision))

    draft, english = reload(draft, english)
    assert draft.translation == english
    assert english.translation == draft


def test_editor_restoring_rewires_translations_as_the_revision_had_them(
    old_link_now_taken,
):
    draft, revision, english, spanish = old_link_now_taken
    editor = make_user("Editors")

    report = revision.restore(user=editor)

    draft, english, spanish = reload(draft, english, spanish)
    assert report.not_allowed == []
    assert draft.translation == english
    assert english.translation == draft
    assert spanish.translation is None


def test_restore_refuses_a_user_who_may_not_change_the_article(writer):
    published = make_article(created_by=writer)
    revision = Revision.objects.record(published)

    with pytest.raises(PermissionDenied):
        revision.restore(user=writer)

"""Deleting moves content to a trash that editors restore from for 30 days."""

import io
from datetime import timedelta

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from articles.models import (
    Article,
    Feedback,
    OrganizationNewsItem,
    Republication,
    Revision,
    Status,
)
from tests.factories import make_article, make_news_item, make_user

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:articles_article_changelist")
TRASH = CHANGELIST + "?trash=yes"


def delete_url(item) -> str:
    return reverse(f"admin:articles_{item._meta.model_name}_delete", args=[item.pk])


def article_with_history() -> Article:
    article = make_article(title="Port contracts")
    Revision.objects.record(article)
    Feedback.objects.create(article=article, helpful=True, reader="r1")
    Republication.objects.record_view(
        article, "https://partner.example/port", "partner.example"
    )
    return article


def test_deleting_an_article_asks_to_move_it_to_the_trash(client, editor):
    article = make_article(title="Port contracts")

    page = client.get(delete_url(article)).text

    assert "to the trash?" in page
    assert "30 days" in page


def test_a_deleted_article_leaves_the_site_and_keeps_its_history(client, editor):
    article = article_with_history()

    response = client.post(delete_url(article), {"post": "yes"})

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.in_trash
    assert client.get(article.get_absolute_url()).status_code == 404
    assert not Article.objects.published().filter(pk=article.pk).exists()
    assert article.revisions.count() == 1
    assert article.feedback.count() == 1
    assert article.republications.get().views == 1


def test_the_article_list_hides_the_trash_and_the_trash_lists_it(client, editor):
    kept, trashed = make_article(title="Kept story"), make_article(title="Binned")
    trashed.move_to_trash()

    listed = client.get(CHANGELIST).context["cl"].result_list
    in_trash = client.get(TRASH).context["cl"].result_list

    assert list(listed) == [kept]
    assert list(in_trash) == [trashed]


def test_restoring_from_the_trash_puts_the_article_back_as_it_was(client, editor):
    article = article_with_history()
    article.move_to_trash()

    client.post(
        TRASH, {"action": "restore_from_trash", "_selected_action": [article.pk]}
    )

    article.refresh_from_db()
    assert not article.in_trash
    assert article.status == Status.PUBLISHED
    assert client.get(article.get_absolute_url()).status_code == 200
    assert article.feedback.count() == 1


def test_bulk_delete_moves_to_the_trash_and_never_deletes_for_good(client, editor):
    first, second = make_article(), make_article()
    selected = [first.pk, second.pk]

    client.post(CHANGELIST, {"action": "move_to_trash", "_selected_action": selected})
    client.post(
        CHANGELIST,
        {"action": "delete_selected", "_selected_action": selected, "post": "yes"},
    )

    assert Article.objects.in_trash().count() == 2


def test_only_the_trash_deletes_for_good_with_everything_attached(client, editor):
    article = article_with_history()
    article.move_to_trash()

    client.post(
        TRASH,
        {"action": "delete_selected", "_selected_action": [article.pk], "post": "yes"},
    )

    assert not Article.objects.filter(pk=article.pk).exists()
    assert not Revision.objects.filter(article_id=article.pk).exists()
    assert not Feedback.objects.exists()


def test_delete_on_an_item_already_in_the_trash_deletes_it_for_good(client, editor):
    article = make_article()
    article.move_to_trash()

    client.post(delete_url(article), {"post": "yes"})

    assert not Article.objects.filter(pk=article.pk).exists()


def test_purge_deletes_only_what_has_been_in_the_trash_over_30_days():
    old, recent, live = make_article(), make_article(), make_article()
    old_item = make_news_item()
    for item in (old, recent, old_item):
        item.move_to_trash()
    long_ago = timezone.now() - timedelta(days=31)
    Article.objects.filter(pk=old.pk).update(trashed_at=long_ago)
    OrganizationNewsItem.objects.filter(pk=old_item.pk).update(trashed_at=long_ago)

    call_command("purge_trash", stdout=io.StringIO())

    assert list(Article.objects.order_by("pk")) == [recent, live]
    assert not OrganizationNewsItem.objects.exists()


def test_deleted_organization_news_goes_to_the_trash(client, editor):
    item = make_news_item()

    client.post(delete_url(item), {"post": "yes"})

    item.refresh_from_db()
    assert item.in_trash
    assert client.get(item.get_absolute_url()).status_code == 404


def test_a_trashed_translation_drops_out_of_the_language_switch(client):
    english = make_article(language="en")
    spanish = make_article(language="es", translation=english)
    spanish.move_to_trash()

    page = client.get(english.get_absolute_url()).text

    assert spanish.get_absolute_url() not in page


def test_a_writer_trashes_own_draft_but_not_a_published_article(client):
    writer = make_user("Writers")
    client.force_login(writer)
    draft = make_article(status=Status.DRAFT, created_by=writer)
    published = make_article(created_by=writer)

    client.post(
        CHANGELIST,
        {"action": "move_to_trash", "_selected_action": [draft.pk, published.pk]},
    )

    assert list(Article.objects.in_trash()) == [draft]


def test_the_admin_history_tells_a_move_to_the_trash_from_a_deletion(client, editor):
    article = make_article()

    client.post(delete_url(article), {"post": "yes"})
    client.post(
        TRASH, {"action": "restore_from_trash", "_selected_action": [article.pk]}
    )

    history = LogEntry.objects.filter(object_id=str(article.pk)).order_by("pk")
    assert [(entry.action_flag, entry.change_message) for entry in history] == [
        (CHANGE, "Moved to the trash."),
        (CHANGE, "Restored from the trash."),
    ]


def test_articles_in_the_trash_are_not_offered_as_translations(client, editor):
    make_article(title="Harbour live")
    make_article(title="Harbour binned").move_to_trash()

    found = client.get(
        reverse("admin:autocomplete"),
        {
            "term": "Harbour",
            "app_label": "articles",
            "model_name": "article",
            "field_name": "translation",
        },
    ).json()

    assert [result["text"] for result in found["results"]] == ["Harbour live"]

"""Organization news keeps revisions like articles: each admin save and each
workflow step, compared and restored from the admin."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from articles.models import OrganizationNewsItem, Revision, Status
from articles.search import drop_sqlite_triggers
from tests.factories import make_article, make_news_item, make_user

pytestmark = pytest.mark.django_db


def change_url(item: OrganizationNewsItem) -> str:
    return reverse("admin:articles_organizationnewsitem_change", args=[item.pk])


def revision_url(item: OrganizationNewsItem, revision: Revision) -> str:
    return reverse(
        "admin:articles_organizationnewsitem_revision", args=[item.pk, revision.pk]
    )


def form_data(item: OrganizationNewsItem, **fields) -> dict:
    return {
        "title": item.title,
        "slug": item.slug,
        "language": item.language,
        "excerpt": item.excerpt,
        "body": item.body,
        **fields,
    }


def test_an_admin_save_records_who_saved_the_news_item(client, editor):
    item = make_news_item(title="Award", excerpt="We won.")

    response = client.post(change_url(item), form_data(item, excerpt="We won twice."))

    assert response.status_code == 302
    revision = item.revisions.get()
    assert revision.user == editor
    assert revision.item == item
    assert revision.article is None
    assert revision.data["title"] == "Award"
    assert revision.data["excerpt"] == "We won twice."
    assert revision.data["status"] == Status.PUBLISHED


def test_each_workflow_step_on_news_is_kept_in_its_history():
    editor = make_user("Editors")
    item = make_news_item(status=Status.DRAFT, published_at=None)

    item.submit_for_review(editor)
    item.request_changes(editor, "Name the award.")
    item.submit_for_review(editor)
    item.publish(editor)
    item.unpublish(editor, "Embargoed until Monday.")

    notes = list(item.revisions.order_by("pk").values_list("note", flat=True))
    assert notes == [
        "Sent to review",
        "Changes requested: Name the award.",
        "Sent to review",
        "Published",
        "Unpublished: Embargoed until Monday.",
    ]
    assert item.revisions.order_by("pk").last().data["status"] == Status.DRAFT


def test_restore_brings_back_the_text_and_keeps_the_state():
    item = make_news_item(title="Old title", excerpt="Old excerpt", body="<p>Old</p>")
    old = Revision.objects.record(item)
    item.title, item.excerpt, item.body = "New title", "New excerpt", "<p>New</p>"
    item.save()
    item.unpublish(None, "Corrections pending.")

    report = old.restore()

    item.refresh_from_db()
    assert (item.title, item.excerpt, item.body) == (
        "Old title",
        "Old excerpt",
        "<p>Old</p>",
    )
    assert item.status == Status.DRAFT
    assert report.missing == [] and report.not_allowed == []
    assert item.revisions.first().note.startswith("Restored the revision of")


def test_editor_compares_and_restores_a_news_revision_in_the_admin(client, editor):
    item = make_news_item(excerpt="The jury met in Lima.")
    old = Revision.objects.record(item)
    item.excerpt = "The jury met in Quito."
    item.save()

    form = client.get(change_url(item))
    history = client.get(
        reverse("admin:articles_organizationnewsitem_revisions", args=[item.pk])
    )
    compare = client.get(revision_url(item, old))

    assert (
        reverse("admin:articles_organizationnewsitem_revisions", args=[item.pk])
        in form.text
    )
    assert revision_url(item, old) in history.text
    assert "<del>Lima.</del>" in compare.text
    assert "<ins>Quito.</ins>" in compare.text

    response = client.post(revision_url(item, old))

    assert response.status_code == 302
    assert response.url == change_url(item)
    item.refresh_from_db()
    assert item.excerpt == "The jury met in Lima."


def test_a_writer_may_not_restore_organization_news(client, writer):
    item = make_news_item()
    revision = Revision.objects.record(item)

    assert client.post(revision_url(item, revision)).status_code == 403


def test_a_news_item_and_an_article_never_share_a_revision():
    article, item = make_article(), make_news_item()
    Revision.objects.record(article)
    Revision.objects.record(item)

    assert article.revisions.count() == 1
    assert item.revisions.count() == 1
    item.delete()
    assert Revision.objects.get().item == article


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_existing_article_revisions():
    before = [("articles", "0020_tag_counterparts")]
    after = MigrationExecutor(connection).loader.graph.leaf_nodes("articles")
    drop_sqlite_triggers()  # as `migrate` does first
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old_apps = executor.loader.project_state(before).apps
    article = old_apps.get_model("articles", "Article").objects.create(
        title="Kept", slug="kept", dek="Summary"
    )
    old_apps.get_model("articles", "Revision").objects.create(
        article=article, data={"title": "Kept"}, note="Before"
    )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(after)
    call_command("migrate", verbosity=0)  # and its post_migrate work

    revision = Revision.objects.get()
    assert revision.item.title == "Kept"
    assert revision.note == "Before"

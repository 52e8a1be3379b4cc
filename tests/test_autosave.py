"""Autosave: the article form keeps a working copy of what is typed, without
touching the live article, and offers it back when the form is reopened."""

import pytest
from django.test import Client

from articles.models import Revision, Status
from tests.admin_forms import article_form_data
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db


def autosave_url(article=None) -> str:
    if article is None:
        return "/admin/articles/article/autosave/"
    return f"/admin/articles/article/{article.pk}/autosave/"


@pytest.fixture
def draft(writer):
    return make_article(
        status=Status.DRAFT,
        published_at=None,
        created_by=writer,
        title="Port story",
        body="<p>Saved text.</p>",
    )


def test_an_autosave_keeps_the_typed_fields_and_leaves_the_article_alone(
    client, writer, draft
):
    before = draft.updated_at
    response = client.post(
        autosave_url(draft), {"title": "Port story", "body": "<p>Typed text.</p>"}
    )
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.body == "<p>Saved text.</p>"
    assert draft.updated_at == before
    copy = Revision.objects.get(autosave=True)
    assert (copy.article, copy.user) == (draft, writer)
    assert copy.data["fields"]["body"] == ["<p>Typed text.</p>"]


def test_only_the_newest_autosave_is_kept_per_article_and_person(client, writer, draft):
    for text in ("<p>One.</p>", "<p>Two.</p>", "<p>Three.</p>"):
        client.post(autosave_url(draft), {"body": text})
    copies = Revision.objects.filter(autosave=True)
    assert copies.count() == 1
    assert copies.get().data["fields"]["body"] == ["<p>Three.</p>"]


def test_two_people_each_keep_their_own_working_copy(client, editor):
    article = make_article(status=Status.DRAFT, published_at=None)
    client.post(autosave_url(article), {"body": "<p>Editor's.</p>"})
    other = Client()
    other.force_login(make_user("Editors"))
    other.post(autosave_url(article), {"body": "<p>Colleague's.</p>"})
    assert Revision.objects.filter(autosave=True, article=article).count() == 2


def test_a_new_article_has_a_working_copy_before_its_first_save(client, writer):
    client.post(autosave_url(), {"title": "Not saved yet", "body": "<p>Draft.</p>"})
    copy = Revision.objects.get(autosave=True)
    assert copy.article is None
    page = client.get("/admin/articles/article/add/").content.decode()
    assert "was not saved" in page
    assert "Not saved yet" in page  # the copy, for the Restore button


def test_the_form_offers_a_working_copy_newer_than_the_last_save(client, writer, draft):
    client.post(autosave_url(draft), {"body": "<p>Typed text.</p>"})
    page = client.get(f"/admin/articles/article/{draft.pk}/change/").content.decode()
    assert "data-autosave-restore" in page
    assert 'id="autosave-working-copy"' in page
    assert "&lt;p&gt;Typed text.&lt;/p&gt;" in page or "Typed text." in page


def test_saving_the_form_retires_the_working_copy(client, writer, draft):
    client.post(autosave_url(draft), {"body": "<p>Typed text.</p>"})
    response = client.post(
        f"/admin/articles/article/{draft.pk}/change/",
        article_form_data(
            existing=draft,
            title="Port story",
            slug=draft.slug,
            body="<p>Typed text.</p>",
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert not Revision.objects.filter(autosave=True).exists()
    page = client.get(f"/admin/articles/article/{draft.pk}/change/").content.decode()
    assert "data-autosave-restore" not in page


def test_autosaves_stay_out_of_the_history(client, writer, draft):
    Revision.objects.record(draft, user=writer)
    client.post(autosave_url(draft), {"body": "<p>Typed text.</p>"})
    assert list(draft.revisions.saved()) == list(draft.revisions.filter(autosave=False))
    page = client.get(f"/admin/articles/article/{draft.pk}/revisions/")
    assert page.context["revisions"].count() == 1


def test_a_lapsed_session_gets_a_403_the_page_can_explain(client, draft):
    client.logout()
    response = client.post(autosave_url(draft), {"body": "<p>Typed text.</p>"})
    assert response.status_code == 403
    assert response["Content-Type"] == "application/json"
    assert not Revision.objects.filter(autosave=True).exists()


def test_a_writer_cannot_autosave_someone_elses_article(client, writer):
    theirs = make_article(status=Status.DRAFT, published_at=None)
    response = client.post(autosave_url(theirs), {"body": "<p>Mine now.</p>"})
    assert response.status_code == 403
    assert not Revision.objects.filter(autosave=True).exists()


def test_an_autosave_needs_the_forms_csrf_token(writer, draft):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(writer)
    response = strict.post(autosave_url(draft), {"body": "<p>Forged.</p>"})
    assert response.status_code == 403
    assert not Revision.objects.filter(autosave=True).exists()


def test_an_autosave_is_a_post(client, writer, draft):
    assert client.get(autosave_url(draft)).status_code == 405


def test_the_edit_conflict_names_the_last_save_not_an_autosave(client, writer, draft):
    opened = article_form_data(existing=draft, title="Port story", slug=draft.slug)
    editor_client = Client()
    chief = make_user("Editors", username="chief")
    editor_client.force_login(chief)
    saved = editor_client.post(
        f"/admin/articles/article/{draft.pk}/change/",
        article_form_data(
            existing=draft, title="Port story", slug=draft.slug, body="<p>Chief.</p>"
        ),
    )
    assert saved.status_code == 302
    client.post(autosave_url(draft), {"body": "<p>Typed text.</p>"})
    refused = client.post(f"/admin/articles/article/{draft.pk}/change/", opened)
    assert refused.status_code == 200
    assert "chief saved this article" in refused.content.decode()

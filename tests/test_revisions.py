"""Every admin save keeps a revision that can be compared and restored."""

import pytest
from django.urls import reverse

from articles.models import Article, Author, Revision, Status
from tests.admin_forms import article_form_data
from tests.factories import (
    make_article,
    make_author,
    make_country,
    make_topic,
    make_user,
)

pytestmark = pytest.mark.django_db


def change_url(article: Article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def revision_url(article: Article, revision: Revision) -> str:
    return reverse("admin:articles_article_revision", args=[article.pk, revision.pk])


def edit(client, article: Article, **fields):
    article = Article.objects.get(pk=article.pk)
    response = client.post(
        change_url(article),
        article_form_data(
            existing=article,
            title=fields.pop("title", article.title),
            slug=article.slug,
            dek=fields.pop("dek", article.dek),
            body=fields.pop("body", article.body),
            status=article.status,
            **fields,
        ),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


def test_an_admin_save_records_who_saved_the_whole_article(client, editor):
    other = make_article()
    article = make_article(
        title="First",
        sections=[{"heading": "", "body": "<p>Why it matters.</p>"}],
        tags=["ports", "cocaine"],
        related=[other],
    )

    edit(client, article, title="Second", tags="ports, cocaine")

    revision = article.revisions.get()
    assert revision.user == editor
    assert revision.data["title"] == "Second"
    assert revision.data["tags"] == ["cocaine", "ports"]
    assert revision.data["sections"] == [
        {"heading": "", "body": "<p>Why it matters.</p>"}
    ]
    assert revision.data["related"] == [[other.pk, other.title]]
    assert [label for _pk, label in revision.data["authors"]] == [
        author.name for author in article.ordered_authors
    ]


def test_restore_brings_back_text_sections_tags_topics_authors_and_related_picks():
    first_author, second_author = make_author(), make_author()
    topic, other_topic = make_topic(), make_topic()
    pick, other_pick = make_article(), make_article()
    country = make_country()
    article = make_article(
        title="Original",
        body="<p>Original body.</p>",
        authors=[first_author, second_author],
        sections=[
            {"heading": "One", "body": "<p>First section.</p>"},
            {"heading": "", "body": "<p>Second section.</p>"},
        ],
        tags=["ports", "customs"],
        topics=[topic],
        related=[pick],
        country=country,
    )
    revision = Revision.objects.record(article)

    article.title = "Rewritten"
    article.body = "<p>New body.</p>"
    article.country = None
    article.save()
    article.sections.all().delete()
    article.tags.set(["gold"])
    article.topics.set([other_topic])
    article.related_links.all().delete()
    article.related_links.create(related=other_pick)
    article.article_authors.exclude(author=second_author).delete()

    report = revision.restore()

    article = Article.objects.get(pk=article.pk)
    assert report.missing == []
    assert article.title == "Original"
    assert article.body_html == "<p>Original body.</p>"
    assert article.country == country
    assert [(s.heading, s.body) for s in article.sections.all()] == [
        ("One", "<p>First section.</p>"),
        ("", "<p>Second section.</p>"),
    ]
    assert sorted(article.tags.names()) == ["customs", "ports"]
    assert list(article.topics.all()) == [topic]
    assert [link.related for link in article.related_links.all()] == [pick]
    assert article.ordered_authors == [first_author, second_author]


def test_restore_keeps_the_current_status_and_is_itself_a_revision():
    article = make_article(status=Status.DRAFT, title="Draft words")
    revision = Revision.objects.record(article)
    article.status = Status.PUBLISHED
    article.title = "Published words"
    article.save()

    revision.restore()

    article.refresh_from_db()
    assert article.title == "Draft words"
    assert article.status == Status.PUBLISHED
    newest = article.revisions.latest()
    assert newest.note.startswith("Restored the revision of")
    assert newest.data["title"] == "Draft words"


def test_restore_reports_related_objects_that_are_gone():
    author, gone = make_author(), make_author(name="Departed Reporter")
    article = make_article(authors=[author, gone])
    revision = Revision.objects.record(article)
    article.article_authors.filter(author=gone).delete()
    gone.delete()

    report = revision.restore()

    assert report.missing == ["Departed Reporter"]
    assert Article.objects.get(pk=article.pk).ordered_authors == [author]
    assert not Author.objects.filter(name="Departed Reporter").exists()


def test_restore_keeps_todays_slug_when_the_old_one_was_taken():
    article = make_article(title="Harbour")
    revision = Revision.objects.record(article)
    article.slug = "harbour-renamed"
    article.save()
    make_article(title="Harbour")  # takes the freed "harbour"

    revision.restore()

    article.refresh_from_db()
    assert article.slug == "harbour-renamed"


def test_editor_compares_a_revision_and_sees_the_changed_words(client, editor):
    article = make_article(title="Ports under watch")
    revision = Revision.objects.record(article)
    article.title = "Ports under pressure"
    article.save()

    response = client.get(revision_url(article, revision))

    assert response.status_code == 200
    assert "<del>watch</del>" in response.text
    assert "<ins>pressure</ins>" in response.text


def test_compare_page_escapes_html_from_the_article(client, editor):
    article = make_article(body="<p>x</p>")
    revision = Revision.objects.record(article)
    article.body = "<script>alert(1)</script>"
    article.save()

    response = client.get(revision_url(article, revision))

    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;" in response.text


def test_editor_restores_from_the_admin(client, editor):
    article = make_article(title="Before")
    revision = Revision.objects.record(article)
    article.title = "After"
    article.save()

    response = client.post(revision_url(article, revision))

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Before"


def test_revision_list_is_linked_from_the_article_form(client, editor):
    article = make_article()
    Revision.objects.record(article, user=editor)
    revisions = reverse("admin:articles_article_revisions", args=[article.pk])

    assert revisions in client.get(change_url(article)).text
    page = client.get(revisions)
    assert page.status_code == 200
    assert editor.username in page.text


def test_a_writer_may_not_restore_someone_elses_article(client):
    writer = make_user("Writers")
    client.force_login(writer)
    article = make_article(status=Status.DRAFT, title="Kept")
    revision = Revision.objects.record(article)

    assert client.get(revision_url(article, revision)).status_code == 200
    assert client.post(revision_url(article, revision)).status_code == 403


def test_a_save_over_someone_elses_newer_save_is_refused_then_allowed(client, editor):
    article = make_article(title="Original")
    opened = client.get(change_url(article)).context["adminform"].form
    version_seen = opened.initial["edited_version"]

    colleague = make_user("Editors", username="colleague")
    client.force_login(colleague)
    edit(client, article, title="Colleague's title")

    client.force_login(editor)
    article = Article.objects.get(pk=article.pk)
    mine = article_form_data(
        existing=article,
        title="My title",
        slug=article.slug,
        dek=article.dek,
        body=article.body,
        status=article.status,
        edited_version=version_seen,
    )
    refused = client.post(change_url(article), mine)

    assert refused.status_code == 200
    assert "colleague saved this article" in refused.text
    form = refused.context["adminform"].form
    assert form["title"].value() == "My title"
    assert Article.objects.get(pk=article.pk).title == "Colleague's title"

    mine["edited_version"] = form["edited_version"].value()
    assert client.post(change_url(article), mine).status_code == 302
    assert Article.objects.get(pk=article.pk).title == "My title"
    assert article.revisions.filter(data__title="Colleague's title").exists()


def test_the_article_form_carries_the_version_it_was_opened_on(client, editor):
    article = make_article()
    page = client.get(change_url(article)).text
    assert f'name="edited_version" value="{article.updated_at.isoformat()}"' in page

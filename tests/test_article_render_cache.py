"""An article page the page cache cannot answer (another query string, the
page cache off) is rendered from its data and fragments kept under the
version of the public content: no query, and never stale, since every change
a reader could see retires the version. Previews never use them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Status
from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what waits for the commit, as a real request's commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_a_second_render_of_an_article_costs_no_query(client):
    article = make_article(tags=["ports"])
    make_article(tags=["ports"])
    first = client.get(article.get_absolute_url())
    with CaptureQueriesContext(connection) as queries:
        second = client.get(article.get_absolute_url(), {"utm_source": "newsletter"})
    assert len(queries) == 0
    assert second.status_code == 200
    assert len(second.content) == len(first.content)


def test_an_edit_shows_on_the_next_render(client, commit):
    article = make_article(title="First headline", body="<p>First body.</p>")
    related = make_article(title="Related before")
    client.get(article.get_absolute_url())
    with commit():
        article.title = "Corrected headline"
        article.body = "<p>Corrected body.</p>"
        article.save()
        related.title = "Related after"
        related.save()
    page = client.get(article.get_absolute_url()).text
    assert "Corrected headline" in page
    assert "Corrected body." in page
    assert "First" not in page


def test_an_unpublished_article_is_gone_on_the_next_render(client, commit):
    article = make_article()
    assert client.get(article.get_absolute_url()).status_code == 200
    with commit():
        article.status = Status.DRAFT
        article.save()
    assert client.get(article.get_absolute_url()).status_code == 404


def test_a_preview_shows_an_uncommitted_edit_and_never_fills_the_cache(client, editor):
    article = make_article(title="Published headline")
    client.get(article.get_absolute_url())
    # Saved without the commit that would retire the version: the public
    # page may still show the old text, the preview must not.
    article.title = "Headline being edited"
    article.save()
    preview = client.get(article.get_preview_url()).text
    assert "Headline being edited" in preview
    article.body = "<p>A second uncommitted edit.</p>"
    article.save()
    assert "A second uncommitted edit." in client.get(article.get_preview_url()).text
    client.logout()
    public = client.get(article.get_absolute_url()).text
    assert "Headline being edited" not in public
    assert "Preview for the newsroom staff" not in public

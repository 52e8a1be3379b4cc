"""In a real browser: a writer previews their draft from the article form."""

import pytest
from playwright.sync_api import Page, expect

from articles.models import Status
from tests.factories import make_article, make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_writer_previews_a_draft_without_a_publication_time(page: Page, live_server):
    writer = make_user("Writers", username="writer")
    writer.set_password("s3cret-writer-pass")
    writer.save()
    article = make_article(
        title="Draft on port scanners",
        language="es",
        status=Status.DRAFT,
        published_at=None,
        created_by=writer,
    )

    page.goto(f"{live_server.url}/admin/")
    page.fill("#id_username", "writer")
    page.fill("#id_password", "s3cret-writer-pass")
    page.click("input[type=submit]")
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    page.click("text=Preview")

    expect(page.locator("h1")).to_have_text("Draft on port scanners")
    expect(page.locator(".preview-banner")).to_be_visible()
    assert page.url.endswith(article.get_preview_url())

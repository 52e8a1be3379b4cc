"""In a real browser: an editor writes a brief in the admin and publishes it."""

import re

import pytest
from playwright.sync_api import Page, expect

from articles.models import Article
from tests.browser import write_rich_text
from tests.factories import make_article, make_author, make_country

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def choose(page: Page, field_id: str, text: str) -> None:
    """Pick ``text`` in one of the admin's autocomplete (select2) fields."""
    page.locator(f"#{field_id} + .select2").click()
    page.locator(".select2-search__field").last.fill(text)
    page.locator(".select2-results__option", has_text=text).first.click()


def test_editor_writes_a_brief_with_sections_tags_and_picks_then_publishes(
    page: Page, live_server, django_user_model
):
    django_user_model.objects.create_superuser("chief", password="s3cret-desk-pass")
    make_author(name="Ana Ríos")
    make_country(name="Peru")
    make_article(title="Earlier brief on Callao")

    page.goto(f"{live_server.url}/admin/")
    page.fill("#id_username", "chief")
    page.fill("#id_password", "s3cret-desk-pass")
    page.click("input[type=submit]")
    page.click("text=Articles")
    page.click("text=Add article")

    page.locator("#id_title").press_sequentially("Heirs take over the port of Callao")
    expect(page.locator("#id_slug")).to_have_value("heirs-take-over-the-port-of-callao")
    page.fill("#id_dek", "The kingpin is gone; his network is not.")
    write_rich_text(page, "id_body", "Police say the network is intact.")
    choose(page, "id_country", "Peru")
    page.fill("#id_tags", "ports, cocaine")
    choose(page, "id_article_authors-0-author", "Ana Ríos")
    page.click("text=Add another Analysis section")
    page.click("text=Add another Analysis section")
    write_rich_text(page, "id_sections-0-body", "Ports draw crime.")
    page.fill("#id_sections-1-heading", "What to watch")
    write_rich_text(page, "id_sections-1-body", "New scanners.")
    page.click("text=Add another Related article")
    choose(page, "id_related_links-0-related", "Earlier brief on Callao")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")

    row = page.locator("tr", has_text="Heirs take over the port of Callao")
    row.locator("input.action-select").check()
    page.select_option("select[name=action]", "send_to_review")
    page.click("button[name=index]")
    expect(page.locator(".messagelist")).to_contain_text("1 article sent to review.")

    row.locator("input.action-select").check()
    page.select_option("select[name=action]", "publish")
    page.click("button[name=index]")
    expect(page.locator(".messagelist")).to_contain_text("1 article published.")

    brief = Article.objects.get(title="Heirs take over the port of Callao")
    assert brief.is_published
    page.goto(f"{live_server.url}{brief.get_absolute_url()}")
    expect(page.locator("h1")).to_have_text("Heirs take over the port of Callao")
    expect(page.locator(".analysis h2")).to_have_text(
        [re.compile("Analysis$"), "What to watch"]
    )
    expect(page.locator(".tags")).to_contain_text("cocaine")
    expect(page.locator(".related")).to_contain_text("Earlier brief on Callao")

"""Filtering a large archive in a real browser: tags offered as one types."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser import assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def site(live_server, demo_content):
    return live_server.url


def test_reader_picks_a_tag_among_suggestions(page: Page, site):
    page.goto(site + "/en/news/")
    page.get_by_text("Filter the articles").click()
    tag = page.get_by_label("Tag")
    tag.fill("cus")
    expect(page.locator("datalist#id_tag-suggestions option")).to_have_count(1)
    expect(
        page.locator("datalist#id_tag-suggestions option[value='customs']")
    ).to_have_count(1)
    tag.fill("customs")
    page.get_by_role("button", name="Show articles").click()
    expect(page).to_have_url(re.compile(r"tag=customs"))
    expect(page.locator(".card")).to_have_count(1)
    assert_accessible(page)

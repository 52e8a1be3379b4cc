"""A republisher copies an article in a real browser, pastes it on another
site, and the newsroom counts the republished page once."""

import functools
import http.server
import re
import threading

import pytest
from playwright.sync_api import Browser, Page, expect

from articles.models import Republication
from tests.browser import assert_accessible, screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BRIEF = "/en/news/banana-terminals-inspections-lag/"
READER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0 Safari/537.36"
)


@pytest.fixture
def site(live_server, settings, demo_content):
    settings.SITE_URL = live_server.url
    return live_server.url


@pytest.fixture
def other_origin(tmp_path):
    """Another web server on this machine: the republisher's site."""
    handler = functools.partial(
        http.server.SimpleHTTPRequestHandler, directory=str(tmp_path)
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield tmp_path, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_republisher_opens_copies_and_closes_the_dialog_with_the_keyboard(
    browser: Browser, site
):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site)
    page = context.new_page()
    page.goto(site + BRIEF)

    opener = page.get_by_role("button", name="Republish this article")
    opener.focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Republish this article")
    expect(dialog).to_be_visible()
    expect(dialog.locator("a[rel=license]")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "republish-dialog")

    dialog.get_by_role("button", name="Copy HTML").click()
    expect(dialog.get_by_role("status")).to_have_text("Copied to the clipboard.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith(
        "<p>This article was originally published by Frontera Desk"
    )

    dialog.get_by_role("tab", name="Plain text for print and e-mail").click()
    expect(dialog.get_by_label("Copy this text:")).to_be_visible()

    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(opener).to_be_focused()

    page.keyboard.press("Enter")
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Close").click()
    expect(opener).to_be_focused()
    context.close()


def test_the_republish_page_works_without_javascript(browser: Browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + BRIEF)
    page.get_by_role("link", name="Republish this article").click()
    expect(page).to_have_url(site + BRIEF + "republish/")
    field = page.get_by_label("Copy this HTML into your content system:")
    expect(field).to_have_value(re.compile("^<p>This article was originally published"))
    expect(page.get_by_label("Copy this text:")).to_be_visible()
    context.close()


def test_a_pasted_copy_on_another_site_counts_once(
    page: Page, browser: Browser, site, other_origin
):
    folder, origin = other_origin
    page.goto(site + BRIEF + "republish/")
    copy = page.get_by_label("Copy this HTML into your content system:").input_value()
    (folder / "story.html").write_text(
        "<!DOCTYPE html><html><head><title>Outlet</title></head>"
        f"<body>{copy}</body></html>",
        encoding="utf-8",
    )

    reader = browser.new_context(user_agent=READER_AGENT)
    outlet_page = reader.new_page()
    with outlet_page.expect_response(re.compile(r"/republished/.+\.gif")):
        outlet_page.goto(f"{origin}/story.html")
    expect(outlet_page.get_by_role("heading", level=1)).to_contain_text(
        "Inspections Lag"
    )
    republication = Republication.objects.get()
    assert republication.url == f"{origin}/story.html"
    assert republication.views == 1

    with outlet_page.expect_response(re.compile(r"/republished/.+\.gif")):
        outlet_page.reload()
    republication.refresh_from_db()
    assert republication.views == 1
    reader.close()

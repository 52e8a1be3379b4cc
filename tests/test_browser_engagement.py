"""Feedback, comments and donations in a real browser, with and without JavaScript."""

import re
from urllib.request import urlopen

import pytest
from playwright.sync_api import Browser, Page, expect

from articles.models import DonationClick, Feedback, ReaderMessage
from tests.browser import assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BRIEF = "/en/news/banana-terminals-inspections-lag/"


@pytest.fixture
def site(live_server, settings, demo_content):
    """The demo newsroom with its pages already in the page cache, so every
    form here is posted from the copy all readers share."""
    settings.NEWSROOM_COMMENT_MIN_SECONDS = 0
    settings.NEWSROOM_PAGE_CACHE = True
    for path in [BRIEF, BRIEF + "comment/"]:
        with urlopen(live_server.url + path) as response:
            assert response.headers["Cache-Control"].startswith("public")
            assert "Set-Cookie" not in response.headers
    return live_server.url


def test_feedback_with_javascript_stays_on_the_page(page: Page, site):
    page.goto(site + BRIEF)
    widget = page.locator("#feedback")
    widget.get_by_role("button", name="No").click()

    expect(widget.get_by_role("status")).to_have_text(re.compile("What was missing"))
    expect(page).to_have_url(site + BRIEF)
    reason = widget.get_by_label("What was missing? (optional)")
    expect(reason).to_be_focused()
    reason.fill("A map of the port would help.")
    widget.get_by_role("button", name="Send").click()
    expect(widget.get_by_role("status")).to_have_text(
        re.compile("The editors will read")
    )
    assert_accessible(page)

    widget.get_by_role("button", name="Yes").click()
    expect(widget.get_by_role("status")).to_have_text("Thank you for your feedback.")
    vote = Feedback.objects.get()
    assert (vote.helpful, vote.reason) == (True, "")


def test_feedback_without_javascript_posts_and_comes_back(browser: Browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + BRIEF)
    page.locator("#feedback").get_by_role("button", name="No").click()

    expect(page).to_have_url(re.compile(r"\?feedback=reason"))
    expect(page.get_by_role("status").first).to_contain_text("What was missing")
    page.get_by_label("What was missing? (optional)").fill("Sources, please.")
    page.locator("#feedback").get_by_role("button", name="Send").click()
    expect(page.get_by_text("The editors will read your note.")).to_be_visible()

    vote = Feedback.objects.get()
    assert (vote.helpful, vote.reason) == (False, "Sources, please.")
    context.close()


def test_reader_sends_a_comment_to_the_editors(page: Page, site):
    page.goto(site + BRIEF)
    page.get_by_role(
        "link", name=re.compile("Send Frontera Desk your comments")
    ).click()
    page.get_by_label("Name").fill("Rosa Díaz")
    page.get_by_label("E-mail").fill("rosa@example.org")
    page.get_by_label("Message").fill("The strike at customs matters here too.")
    assert_accessible(page)
    page.get_by_role("button", name="Send to the editors").click()

    expect(page.get_by_text("Your message has reached the editors.")).to_be_visible()
    expect(page).to_have_url(site + BRIEF)
    assert ReaderMessage.objects.get().name == "Rosa Díaz"


def test_a_refused_comment_keeps_what_the_reader_typed(page: Page, site):
    page.goto(site + BRIEF + "comment/")
    page.get_by_label("Name").fill("Rosa Díaz")
    page.get_by_label("Message").fill("short")
    page.get_by_role("button", name="Send to the editors").click()

    expect(page.get_by_text("at least 10 characters")).to_be_visible()
    expect(page.get_by_label("Name")).to_have_value("Rosa Díaz")
    expect(page.get_by_label("Message")).to_have_value("short")
    assert_accessible(page)


def test_the_donate_button_counts_and_leaves_for_the_provider(page: Page, site):
    page.goto(site + BRIEF)
    page.route("https://example.org/**", lambda route: route.fulfill(body="provider"))
    page.get_by_role("link", name="Donate", exact=True).click()
    expect(page).to_have_url(re.compile(r"^https://example\.org/donate/"))
    assert (
        DonationClick.objects.get().article.slug == "banana-terminals-inspections-lag"
    )

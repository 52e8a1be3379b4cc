"""In real browsers: a writer and an editor work one article through the desk,
each in their own browser context, and the desk, list and form pass axe."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from articles.models import Article, Revision, Status
from tests.browser import assert_accessible, screenshot
from tests.factories import (
    make_article,
    make_author,
    make_country,
    make_news_item,
    make_user,
)
from tests.test_browser_editor import choose

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WIDTHS = {"desktop": 1280, "phone": 390}


@pytest.fixture
def contexts(browser: Browser):
    """Separate browser contexts (one per person), closed after the test."""
    opened = []

    def open_page() -> Page:
        opened.append(browser.new_context())
        return opened[-1].new_page()

    yield open_page
    for context in opened:
        context.close()


@pytest.fixture
def signed_in(contexts, live_server):
    def sign_in(user) -> Page:
        page = contexts()
        page.goto(f"{live_server.url}/admin/login/")
        page.fill("#id_username", user.username)
        page.fill("#id_password", "pw")
        page.click("input[type=submit]")
        expect(page.locator("#user-tools")).to_be_visible()
        return page

    return sign_in


def test_writer_and_editor_take_an_article_from_draft_to_scheduled_publication(
    signed_in, contexts, live_server
):
    writer = make_user("Writers", email="writer@example.org")
    editor = make_user("Editors", email="editor@example.org")
    byline = make_author(name="Ana Ríos", user=writer)
    article = make_article(
        title="Heirs take over the port of Callao",
        status=Status.DRAFT,
        published_at=None,
        created_by=writer,
        authors=[byline],
    )
    writer_page = signed_in(writer)
    editor_page = signed_in(editor)

    # The writer submits from the desk.
    writer_page.locator("#desk-drafts a", has_text=article.title).click()
    writer_page.get_by_role("button", name="Submit for review").click()
    expect(writer_page.locator(".messagelist")).to_contain_text("Sent to review")
    assert [m.to for m in mail.outbox] == [["editor@example.org"]]
    assert article.title in mail.outbox[0].subject

    # The editor finds it in the review queue and sends it back with a note.
    editor_page.reload()
    editor_page.locator("#desk-review a", has_text=article.title).click()
    editor_page.get_by_role("button", name="Request changes").click()
    expect(editor_page.locator(".errornote, .errorlist").first).to_be_visible()
    editor_page.fill("#id_workflow_note", "Name the second source.")
    editor_page.get_by_role("button", name="Request changes").click()
    expect(editor_page.locator(".messagelist")).to_contain_text("Sent back")

    # The writer's desk shows it sent back, with the note; they resubmit.
    writer_page.goto(f"{live_server.url}/admin/")
    sent_back = writer_page.locator("#desk-sent-back")
    expect(sent_back).to_contain_text(article.title)
    expect(sent_back).to_contain_text("Name the second source.")
    sent_back.locator("a", has_text=article.title).click()
    writer_page.fill("#id_dek", "The kingpin is gone; two named sources say so.")
    writer_page.get_by_role("button", name="Submit for review").click()
    expect(writer_page.locator(".messagelist")).to_contain_text("Sent to review")

    # The editor schedules it a few seconds ahead.
    when = timezone.localtime() + timedelta(seconds=8)
    editor_page.goto(f"{live_server.url}/admin/")
    editor_page.locator("#desk-review a", has_text=article.title).click()
    editor_page.fill("#id_workflow_publish_at", when.strftime("%Y-%m-%dT%H:%M:%S"))
    editor_page.get_by_role("button", name="Schedule…").click()
    expect(editor_page.locator(".messagelist")).to_contain_text("Scheduled")

    # Readers see nothing until its time, then the article.
    reader = contexts()
    response = reader.goto(f"{live_server.url}{article.get_absolute_url()}")
    assert response.status == 404
    article.refresh_from_db()
    assert article.is_scheduled
    assert any(m.to == ["writer@example.org"] for m in mail.outbox)
    reader.wait_for_timeout(
        max(0, (when - timezone.now()).total_seconds() * 1000) + 500
    )
    response = reader.goto(f"{live_server.url}{article.get_absolute_url()}")
    assert response.status == 200
    expect(reader.locator("h1")).to_have_text(article.title)


@pytest.mark.parametrize("screen", WIDTHS)
def test_desk_list_and_form_are_accessible(signed_in, live_server, screen):
    writer = make_user("Writers")
    editor = make_user("Editors")
    country = make_country(name="Peru")
    waiting = make_article(
        title="A long headline about ports, cocaine and the heirs of a kingpin",
        status=Status.IN_REVIEW,
        created_by=writer,
        country=country,
        sections=[{"heading": "", "body": "<p>Ports draw crime.</p>"}],
    )
    make_article(title="Published brief", country=country)
    news = make_news_item(title="An award for the port series", status=Status.IN_REVIEW)
    Revision.objects.record(news, user=editor)
    Article.objects.filter(pk=waiting.pk).update(updated_at=timezone.now())

    for user in (writer, editor):
        page = signed_in(user)
        page.set_viewport_size({"width": WIDTHS[screen], "height": 900})
        page.goto(f"{live_server.url}/admin/")
        assert_accessible(page)
        screenshot(page, f"desk-home-{user.groups.first().name}-{screen}")
        page.goto(f"{live_server.url}/admin/articles/article/?work=mine")
        assert_accessible(page)
        page.goto(f"{live_server.url}/admin/articles/article/{waiting.pk}/change/")
        assert_accessible(page)
        screenshot(page, f"desk-form-{user.groups.first().name}-{screen}")
    # Organization news: its form with the workflow, and its revisions.
    news_admin = f"{live_server.url}/admin/articles/organizationnewsitem/{news.pk}"
    page.goto(f"{news_admin}/change/")
    assert_accessible(page)
    page.goto(f"{news_admin}/revisions/")
    assert_accessible(page)
    page.goto(f"{live_server.url}/admin/articles/article/")
    screenshot(page, f"desk-list-{screen}")
    # At 1280 px the title stays on a line or two, not a word per line.
    if screen == "desktop":
        title_cell = page.locator("#result_list .field-headline").first
        assert title_cell.bounding_box()["height"] < 80


def test_empty_autocomplete_rows_of_a_new_article_are_named_by_their_column(
    signed_in, live_server
):
    # select2 names its box after the chosen text, and a tabular inline has
    # no <label>: an empty row is named after its column heading instead.
    make_author(name="Ana Ríos")
    page = signed_in(make_user("Editors"))
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    authors = page.locator("#article_authors-group")
    expect(authors.get_by_role("combobox", name="Author", exact=True)).to_be_visible()
    assert_accessible(page)

    page.locator("#related_links-group .add-row a").click()
    related = page.locator("#related_links-group")
    expect(
        related.get_by_role("combobox", name="Related article", exact=True)
    ).to_be_visible()
    assert_accessible(page)

    choose(page, "id_article_authors-0-author", "Ana Ríos")
    expect(authors.get_by_role("combobox", name="Ana Ríos", exact=True)).to_be_visible()
    assert_accessible(page)


def test_authors_and_sections_are_reordered_by_dragging_and_the_numbers_follow(
    signed_in, live_server
):
    editor = make_user("Editors")
    first, second = make_author(name="Ana Ríos"), make_author(name="Luis Paz")
    article = make_article(
        title="Two bylines",
        authors=[first, second],
        sections=[
            {"heading": "First", "body": "<p>One.</p>"},
            {"heading": "Second", "body": "<p>Two.</p>"},
        ],
    )
    page = signed_in(editor)
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")

    rows = page.locator("#article_authors-group tr.form-row.has_original")
    rows.nth(1).drag_to(rows.nth(0), target_position={"x": 5, "y": 2})
    expect(page.locator("#id_article_authors-1-position")).to_have_value("0")
    expect(page.locator("#id_article_authors-0-position")).to_have_value("1")
    sections = page.locator("#sections-group .inline-related.has_original")
    # Both sections on screen: with their editors they are taller than one
    # screen, and a drag does not scroll.
    page.set_viewport_size({"width": 1280, "height": 2400})
    sections.nth(0).scroll_into_view_if_needed()
    # A section is picked up by its heading bar; its fields stay for typing.
    sections.nth(1).locator("h3").drag_to(
        sections.nth(0).locator("h3"), target_position={"x": 5, "y": 2}
    )
    expect(page.locator("#id_sections-1-position")).to_have_value("0")
    page.click("input[name=_continue]")

    article = Article.objects.get(pk=article.pk)
    assert [a.name for a in article.ordered_authors] == ["Luis Paz", "Ana Ríos"]
    assert [s.heading for s in article.sections.all()] == ["Second", "First"]


def test_authors_sections_and_related_picks_are_reordered_with_the_keyboard_alone(
    signed_in, live_server
):
    editor = make_user("Editors")
    ana, luis, eva = (
        make_author(name="Ana Ríos"),
        make_author(name="Luis Paz"),
        make_author(name="Eva Soto"),
    )
    pick_one, pick_two = make_article(title="Pick one"), make_article(title="Pick two")
    article = make_article(
        title="Three bylines",
        authors=[ana, luis, eva],
        sections=[
            {"heading": "First", "body": "<p>One.</p>"},
            {"heading": "Second", "body": "<p>Two.</p>"},
        ],
        related=[pick_one, pick_two],
    )
    page = signed_in(editor)
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    status = page.locator("#desk-ordering-status")
    expect(status).to_have_attribute("aria-live", "polite")

    # Ana goes from first to last: Tab past the position number to "Move
    # up", on to "Move down", Enter, then the down arrow on the same button.
    page.focus("#id_article_authors-0-position")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Move down")
    page.keyboard.press("Enter")
    expect(status).to_have_text("Ana Ríos: Moved to position 2 of 3.")
    page.keyboard.press("ArrowDown")
    expect(status).to_have_text("Ana Ríos: Moved to position 3 of 3.")
    expect(page.locator("#id_article_authors-0-position")).to_have_value("2")
    expect(page.locator(":focus")).to_have_text("Move down")

    # The second section and the second related pick move up.
    page.focus("#id_sections-1-position")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(status).to_have_text("Second: Moved to position 1 of 2.")
    page.focus("#id_related_links-1-position")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    expect(status).to_have_text("Pick two: Moved to position 1 of 2.")

    page.focus("input[name=_continue]")
    page.keyboard.press("Enter")
    expect(page.locator(".messagelist")).to_be_visible()

    article = Article.objects.get(pk=article.pk)
    assert [a.name for a in article.ordered_authors] == [
        "Luis Paz",
        "Eva Soto",
        "Ana Ríos",
    ]
    assert [s.heading for s in article.sections.all()] == ["Second", "First"]
    assert [link.related.title for link in article.related_links.all()] == [
        "Pick two",
        "Pick one",
    ]


def test_the_action_bar_asks_for_a_time_only_to_schedule(signed_in, live_server):
    make_article()
    page = signed_in(make_user("Editors"))
    page.goto(f"{live_server.url}/admin/articles/article/")

    time, reason = page.locator("[name=publish_at]"), page.locator("[name=reason]")
    expect(time).to_be_hidden()
    expect(reason).to_be_hidden()
    page.select_option("select[name=action]", "schedule")
    expect(time).to_be_visible()
    expect(reason).to_be_hidden()
    page.select_option("select[name=action]", "unpublish")
    expect(time).to_be_hidden()
    expect(reason).to_be_visible()

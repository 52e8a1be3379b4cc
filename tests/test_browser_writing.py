"""In a real browser: writing in the rich-text editor, with the keyboard
alone, with autosave, and a whole brief with figures and embeds through to
its public page."""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, Route, expect

from articles.models import Article, Revision
from tests.browser import (
    assert_accessible,
    rich_text,
    settle,
    toolbar_button,
    write_rich_text,
)
from tests.factories import make_article, make_author, make_country, make_image
from tests.test_browser_editor import choose
from tests.test_login_security import PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def chief(page: Page, live_server, django_user_model):
    """A superuser signed in to the admin in ``page``."""
    user = django_user_model.objects.create_superuser("chief", password=PASSWORD)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "chief")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#site-name")).to_be_visible()
    return user


def test_typed_text_survives_closing_the_page_and_is_restored(
    page: Page, live_server, chief, settings
):
    settings.NEWSROOM_AUTOSAVE_SECONDS = 1
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    page.locator("#id_title").press_sequentially("Night shift at the port")
    write_rich_text(page, "id_body", "Cranes kept working after midnight.")
    expect(page.locator("[data-autosave-status]")).to_contain_text("Working copy saved")
    context = page.context
    page.close()
    assert not Article.objects.exists()
    assert Revision.objects.filter(autosave=True, article=None).count() == 1

    reopened = context.new_page()
    reopened.goto(f"{live_server.url}/admin/articles/article/add/")
    expect(reopened.locator("[data-autosave-notice]")).to_contain_text("was not saved")
    reopened.get_by_role("button", name="Restore").click()
    expect(reopened.locator("#id_title")).to_have_value("Night shift at the port")
    expect(rich_text(reopened, "id_body")).to_have_text(
        "Cranes kept working after midnight."
    )
    expect(reopened.locator("#id_body")).to_have_value(
        "<p>Cranes kept working after midnight.</p>"
    )


def test_a_lapsed_session_is_explained_and_the_text_stays(
    page: Page, live_server, chief, settings
):
    settings.NEWSROOM_AUTOSAVE_SECONDS = 1
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    page.context.clear_cookies()  # signed out, as when the session expires
    write_rich_text(page, "id_body", "Nothing typed is lost.")
    status = page.locator("[data-autosave-status]")
    expect(status).to_contain_text("Sign in again in another tab")
    expect(status).to_have_attribute("role", "alert")
    expect(rich_text(page, "id_body")).to_have_text("Nothing typed is lost.")
    assert not Revision.objects.filter(autosave=True).exists()


def test_a_paragraph_and_a_link_are_written_with_the_keyboard_alone(
    page: Page, live_server, chief
):
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    page.locator("#id_dek").focus()
    editor = rich_text(page, "id_body")
    for _ in range(40):  # through the toolbar's buttons to the text
        page.keyboard.press("Tab")
        if editor.evaluate("element => element === document.activeElement"):
            break
    expect(editor).to_be_focused()
    link = toolbar_button(page, "id_body", "insert link")
    # Greyed out with nothing selected, and said to be so.
    expect(link).to_have_attribute("aria-disabled", "true")
    page.keyboard.type("Police say the network is intact.")
    page.keyboard.press("Enter")
    page.keyboard.type("the report")
    settle(page)
    page.keyboard.press("Shift+Home")
    # The link button is enabled once the editor has the selection.
    expect(link).not_to_have_class(re.compile("disabled"))
    expect(link).not_to_have_attribute("aria-disabled", "true")
    page.keyboard.press("ControlOrMeta+k")
    dialog = page.locator("dialog.prose-editor-dialog")
    expect(dialog).to_be_visible()
    page.keyboard.type("https://example.org/report")
    page.keyboard.press("Enter")
    expect(dialog).to_have_count(0)
    expect(page.locator("#id_body")).to_have_value(
        re.compile(
            "^<p>Police say the network is intact.</p>"
            '<p><a href="https://example.org/report"[^>]*>the report</a></p>$'
        )
    )


def test_a_greyed_out_toolbar_button_is_unavailable_to_everyone(
    page: Page, live_server, chief
):
    # Until the icon font arrives the buttons show their names as text, and a
    # greyed-out one is then text without contrast: it must say it is disabled.
    page.route("**/*.woff2", lambda route: route.abort())
    page.goto(f"{live_server.url}/admin/articles/article/{make_article().pk}/change/")
    rich_text(page, "id_body").click()  # the toolbar is brought up to date
    page.locator("#id_title").focus()
    for name in ("insert link", "undo", "redo"):
        expect(toolbar_button(page, "id_body", name)).to_have_attribute(
            "aria-disabled", "true"
        )
    assert_accessible(page)


def test_a_spanish_speaking_editor_gets_the_toolbar_and_dialogs_in_spanish(
    page: Page, live_server, chief
):
    page.context.add_cookies(
        [{"name": "django_language", "value": "es", "url": live_server.url}]
    )
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    write_rich_text(page, "id_body", "el informe")
    settle(page)
    page.keyboard.press("Shift+Home")
    link = toolbar_button(page, "id_body", "insertar enlace")
    expect(link).to_have_attribute("title", "insertar enlace")
    expect(toolbar_button(page, "id_body", "negrita")).to_be_visible()
    link.click()
    dialog = page.locator("dialog.prose-editor-dialog")
    expect(dialog).to_contain_text("Editar enlace")
    expect(dialog.get_by_role("button", name="Cancelar")).to_be_visible()


def test_pasting_from_a_word_processor_keeps_structure_and_drops_styling(
    page: Page, live_server, chief
):
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    editor = rich_text(page, "id_body")
    editor.click()
    editor.evaluate(
        """element => {
          const data = new DataTransfer()
          data.setData("text/html",
            '<h2 style="color:blue;font-family:Calibri">Findings</h2>'
            + '<p class="MsoNormal" style="margin:0"><b><span style="font-size:14pt">'
            + 'Three</span></b> ships <font color="red">left</font>.</p>'
            + '<ul><li style="color:red">Manzanillo</li></ul>'
            + '<p><a href="javascript:alert(1)">bad</a><script>alert(1)</script></p>')
          element.dispatchEvent(new ClipboardEvent("paste", {
            clipboardData: data, bubbles: true, cancelable: true }))
        }"""
    )
    body = page.locator("#id_body")
    expect(body).to_have_value(re.compile("^<h2>Findings</h2>"))
    value = body.input_value()
    assert "<strong>Three</strong> ships left." in value
    assert "<li><p>Manzanillo</p></li>" in value
    for styling in ("style=", "class=", "<span", "<font", "javascript:", "<script"):
        assert styling not in value


def third_party(url: str, own: str) -> bool:
    return urlsplit(url).netloc not in ("", urlsplit(own).netloc)


def test_a_brief_written_entirely_through_the_editor_reaches_its_public_page(
    page: Page, live_server, chief
):
    make_author(name="Ana Ríos")
    make_country(name="Peru")
    make_image(alt="Cranes at the port of Callao", caption="Night shift")
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    dialog = page.locator("dialog[open]")
    page.locator("#id_title").press_sequentially("Heirs take over the port")
    page.fill("#id_dek", "The kingpin is gone; his network is not.")
    choose(page, "id_country", "Peru")
    choose(page, "id_article_authors-0-author", "Ana Ríos")

    write_rich_text(page, "id_body", "Police say the network is intact.")
    page.keyboard.press("Enter")
    toolbar_button(page, "id_body", "heading 2").click()
    page.keyboard.type("What changed")
    page.keyboard.press("Enter")
    page.keyboard.type("Read the court ruling")
    # The editor applies typed text on its own schedule, and then puts the
    # selection where it left it: a selection extended before that is lost.
    settle(page)
    for _ in "court ruling":
        page.keyboard.press("Shift+ArrowLeft")
    settle(page)
    toolbar_button(page, "id_body", "insert link").click()
    dialog.get_by_label("URL").fill("https://example.org/ruling")
    dialog.get_by_role("button", name="Update", exact=True).click()
    expect(rich_text(page, "id_body").get_by_role("link")).to_have_text("court ruling")
    # The editor takes the focus back on the next frame.
    expect(rich_text(page, "id_body")).to_be_focused()
    page.keyboard.press("End")
    settle(page)
    page.keyboard.press("Enter")
    toolbar_button(page, "id_body", "“See also” box").click()
    page.keyboard.type("Earlier: the port audit")
    page.keyboard.press("Enter")

    toolbar_button(page, "id_body", "Figure from the library").click()
    dialog.get_by_label("Search the library").fill("Cranes")
    dialog.get_by_role("button", name="Search", exact=True).click()
    dialog.get_by_role("button", name="Insert", exact=True).click()

    embed = "Embed a video, chart, document or map"
    toolbar_button(page, "id_body", embed).click()
    dialog.get_by_label("Address of the page to embed").fill("https://evil.example/v")
    dialog.get_by_role("button", name="Insert", exact=True).click()
    expect(page.locator("dialog")).to_contain_text("not one we can embed")
    dialog.get_by_label("Address of the page to embed").fill(
        "https://datawrapper.dwcdn.net/aB3xZ/1/"
    )
    dialog.get_by_label("Title", exact=False).fill("Seizures by year")
    dialog.get_by_role("button", name="Insert", exact=True).click()
    expect(page.locator("dialog")).to_have_count(0)
    toolbar_button(page, "id_body", embed).click()
    dialog.get_by_label("Address of the page to embed").fill(
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    )
    dialog.get_by_label("Title", exact=False).fill("Cranes at night")
    dialog.get_by_role("button", name="Insert", exact=True).click()
    expect(page.locator("dialog")).to_have_count(0)

    page.click("text=Add another Analysis section")
    page.click("text=Add another Analysis section")
    write_rich_text(page, "id_sections-0-body", "Ports draw crime.")
    page.fill("#id_sections-1-heading", "What to watch")
    write_rich_text(page, "id_sections-1-body", "New scanners.")
    expect(page.locator("[data-word-count-for=id_body]")).to_contain_text("words")
    assert_accessible(page)

    page.click("input[name=_continue]")
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    brief = Article.objects.get(title="Heirs take over the port")
    page.click("text=Preview")
    expect(page.locator(".article-body h2")).to_have_text("What changed")
    expect(page.locator(".article-body figure.embed")).to_have_count(2)

    page.goto(f"{live_server.url}/admin/articles/article/")
    row = page.locator("tr", has_text="Heirs take over the port")
    row.locator("input.action-select").check()
    page.select_option("select[name=action]", "publish")
    page.click("button[name=index]")
    expect(page.locator(".messagelist")).to_contain_text("1 article published.")

    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))

    def answer_for_the_provider(route: Route) -> None:
        route.fulfill(status=200, content_type="text/html", body="<p>player</p>")

    page.route(re.compile(r"^https://"), answer_for_the_provider)
    page.goto(f"{live_server.url}{brief.get_absolute_url()}")
    body = page.locator(".article-body").first
    expect(body.locator("h2")).to_have_text("What changed")
    expect(body.get_by_role("link", name="court ruling")).to_have_attribute(
        "href", "https://example.org/ruling"
    )
    expect(body.locator("aside.see-also")).to_contain_text("Earlier: the port audit")
    expect(body.locator("figure.library-figure img")).to_have_attribute(
        "alt", "Cranes at the port of Callao"
    )
    expect(body.locator("figure.embed")).to_have_count(2)
    expect(page.locator(".analysis")).to_have_count(2)
    expect(page.locator(".analysis h2").last).to_have_text("What to watch")
    page.wait_for_load_state("networkidle")
    assert [url for url in asked if third_party(url, live_server.url)] == []

    page.get_by_role("button", name=re.compile("YouTube")).click()
    expect(page.locator("iframe.embed-frame")).to_have_attribute(
        "src", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    )
    page.wait_for_load_state("networkidle")
    hosts = {urlsplit(url).netloc for url in asked if third_party(url, live_server.url)}
    assert hosts == {"www.youtube-nocookie.com"}

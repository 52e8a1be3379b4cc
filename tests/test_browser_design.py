"""The reader's site as a reader sees it, at a phone's and a desktop's width,
in both languages: screenshots kept in test-artifacts/ for review."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser import assert_accessible, screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WIDTHS = {"phone": 390, "desktop": 1280}
PAGES = {
    "home": ("/en/", "/es/"),
    "article": (
        "/en/news/banana-terminals-inspections-lag/",
        "/es/noticias/terminales-bananeras-inspecciones/",
    ),
    "index": ("/en/news/", "/es/noticias/"),
    "search": ("/en/search/?q=port", "/es/buscar/?q=puerto"),
    "country": ("/en/countries/ecuador/", "/es/paises/ecuador/"),
    "organization": ("/en/organization/", "/es/organizacion/"),
}
PHONE_HEADER_MAX = 64
TAGS_AFTER_BODY_MAX = 800
LONG_QUERY = "contrabando" * 45 + "x" * 5
PASTED_URL = "https://example.org/" + "a-very-long-path-segment/" * 20 + "?q=1&utm=2"


@pytest.fixture
def site(live_server, demo_content):
    return live_server.url


def page_width(page: Page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


@pytest.mark.parametrize("screen", WIDTHS)
@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("name", PAGES)
def test_every_page_fits_and_is_accessible(page: Page, site, name, language, screen):
    width = WIDTHS[screen]
    page.set_viewport_size({"width": width, "height": 900})
    path = PAGES[name][0 if language == "en" else 1]
    response = page.goto(site + path)
    assert response.status == 200
    assert page_width(page) <= width, "the page scrolls sideways"
    header = page.locator(".site-header").bounding_box()
    if screen == "phone":
        assert header["height"] <= PHONE_HEADER_MAX
    screenshot(page, f"{name}-{language}-{screen}")
    assert_accessible(page)


@pytest.mark.parametrize("query", [LONG_QUERY, PASTED_URL])
def test_a_long_query_does_not_widen_the_phone_layout(page: Page, site, query):
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(site + "/en/search/")
    page.get_by_label("Words to look for").fill(query)
    page.get_by_label("Words to look for").press("Enter")
    expect(page.locator(".result-count")).to_be_visible()
    assert page_width(page) <= 390
    assert_accessible(page)


def test_the_phone_menu_opens_without_javascript(browser, site):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 390, "height": 900}
    )
    page = context.new_page()
    page.goto(site + "/es/")
    search = page.get_by_role("searchbox", name="Buscar artículos")
    expect(search).to_be_hidden()
    page.get_by_text("Menú").click()
    expect(search).to_be_visible()
    expect(page.get_by_role("link", name="Investigaciones")).to_be_visible()
    screenshot(page, "menu-es-phone")
    search.fill("puerto")
    search.press("Enter")
    expect(page).to_have_url(site + "/es/buscar/?q=puerto")
    context.close()


def test_the_desktop_shows_the_navigation_without_a_menu_button(page: Page, site):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site + "/en/")
    expect(page.get_by_text("Menu", exact=True)).to_be_hidden()
    navigation = page.get_by_role("navigation", name="Main")
    expect(navigation.get_by_role("link", name="Investigations")).to_be_visible()
    expect(navigation.get_by_role("link", name="Ecuador")).to_be_visible()
    expect(page.get_by_role("searchbox", name="Search articles")).to_be_visible()


@pytest.mark.parametrize(
    "path",
    [
        "/en/news/banana-terminals-inspections-lag/",
        "/es/noticias/terminales-bananeras-inspecciones/",
    ],
)
def test_tags_start_soon_after_the_body_on_a_phone(page: Page, site, path):
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(site + path)
    body_end = page.evaluate(
        "(() => { const parts = document.querySelectorAll('.article .article-body');"
        " const last = parts[parts.length - 1].getBoundingClientRect();"
        " return last.bottom + window.scrollY; })()"
    )
    tags_top = page.evaluate(
        "document.querySelector('.subject-links').getBoundingClientRect().top"
        " + window.scrollY"
    )
    assert 0 < tags_top - body_end <= TAGS_AFTER_BODY_MAX


def test_share_icons_have_accessible_names(page: Page, site):
    page.goto(site + "/es/noticias/terminales-bananeras-inspecciones/")
    share = page.get_by_role("region", name="Compartir")
    for name in [
        "Compartir en X",
        "Compartir en Facebook",
        "Compartir en LinkedIn",
        "Compartir en WhatsApp",
        "Compartir por correo",
    ]:
        expect(share.get_by_role("link", name=name)).to_be_visible()


def test_the_article_uses_the_width_of_a_desktop(page: Page, site):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site + "/en/news/banana-terminals-inspections-lag/")
    article = page.locator("article.article").bounding_box()
    related = page.locator(".related").bounding_box()
    assert related["x"] > article["x"] + article["width"]
    assert related["y"] < article["y"] + article["height"] / 2


@pytest.mark.parametrize(
    "path", ["/en/", "/es/noticias/terminales-bananeras-inspecciones/"]
)
def test_dark_colours_keep_their_contrast(page: Page, site, path):
    page.emulate_media(color_scheme="dark")
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(site + path)
    background = page.evaluate(
        "getComputedStyle(document.documentElement).backgroundColor"
    )
    assert background != "rgb(255, 255, 255)"
    screenshot(page, f"dark-{path.strip('/').replace('/', '-')}-phone")
    assert_accessible(page)


def test_print_keeps_the_article_and_its_licence_only(page: Page, site):
    page.goto(site + "/en/news/banana-terminals-inspections-lag/")
    page.emulate_media(media="print")
    for hidden in [
        ".site-header",
        ".reader-actions",
        ".notice-donate",
        ".tags",
        ".related",
    ]:
        expect(page.locator(hidden).first).to_be_hidden()
    for shown in [
        "h1",
        ".byline",
        ".article-body >> nth=0",
        ".analysis >> nth=0",
        ".notice-licence",
    ]:
        expect(page.locator(shown).first).to_be_visible()
    expect(page.get_by_text("Original: http")).to_be_visible()

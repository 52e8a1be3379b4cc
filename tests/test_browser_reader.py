"""A reader's journeys in a real browser, at phone and desktop widths."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser import assert_accessible, screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BRIEF = "/en/news/banana-terminals-inspections-lag/"
WIDTHS = {"phone": 390, "desktop": 1280}


@pytest.fixture
def site(live_server, demo_content):
    return live_server.url


@pytest.mark.parametrize("screen", WIDTHS)
def test_reader_sees_every_reference_element_on_a_brief(page: Page, site, screen):
    page.set_viewport_size({"width": WIDTHS[screen], "height": 900})
    page.goto(site + "/")
    page.get_by_role("link", name=re.compile("Inspections Lag")).first.click()
    expect(page).to_have_url(site + BRIEF)

    article = page.locator("article.article")
    elements = [
        page.get_by_role("navigation", name="Breadcrumb"),
        article.locator(".kind").first,
        page.get_by_role("heading", level=1),
        article.locator(".byline"),
        article.locator(".dek"),
        article.locator(".article-body").first,
        page.get_by_role("heading", name="Frontera Desk Analysis"),
        article.locator(".see-also"),
        page.get_by_role("link", name="Share on X"),
        page.get_by_role("heading", name="Was this content helpful?"),
        page.get_by_role("link", name="Donate"),
        page.get_by_role("link", name=re.compile("Send Frontera Desk your comments")),
        page.get_by_role("heading", name="Free to republish"),
        page.get_by_role("button", name="Republish this article"),
        page.get_by_role("heading", name="Tags"),
        page.get_by_role("heading", name="Related content"),
        # Each related card: label, date, title and excerpt.
        page.locator(".related .card-excerpt").first,
        page.get_by_role("heading", name="About Frontera Desk"),
    ]
    for element in elements:
        expect(element).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= WIDTHS[screen], "the page scrolls sideways"
    screenshot(page, f"brief-{screen}")
    assert_accessible(page)


def test_reader_follows_a_tag_then_filters_and_pages(page: Page, site):
    page.goto(site + BRIEF)
    page.get_by_role("link", name="customs", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("customs")
    expect(page.locator(".card")).to_have_count(1)

    page.goto(site + "/en/news/")
    page.get_by_text("Filter the articles").click()
    page.get_by_label("Country").select_option(label="Peru")
    page.get_by_role("button", name="Show articles").click()
    expect(page).to_have_url(re.compile(r"country=peru"))
    # The timber investigation is about Peru too, among its further countries.
    expect(page.locator(".card-title")).to_have_text(
        [re.compile("Gold Dredges"), re.compile("Timber Trail")]
    )
    page.get_by_label("Published from").fill("2000-01-01")
    page.get_by_label("Published until").fill("2000-12-31")
    page.get_by_role("button", name="Show articles").click()
    expect(
        page.get_by_text("No published article matches these filters.")
    ).to_be_visible()
    assert_accessible(page)


def test_reader_searches_and_opens_a_result(page: Page, site):
    page.goto(site + "/")
    page.get_by_role("searchbox", name="Search articles").fill("dredges")
    page.get_by_role("searchbox", name="Search articles").press("Enter")
    expect(page.locator("mark").first).to_have_text(
        re.compile("dredges", re.IGNORECASE)
    )
    assert_accessible(page)
    page.locator(".search-results a").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Dredges")


@pytest.mark.parametrize(
    "path",
    [
        "/en/",
        "/es/",
        "/en/news/",
        "/es/noticias/",
        "/en/search/?q=port",
        "/es/buscar/?q=puerto",
        "/en/authors/marta-quispe/",
        "/es/autores/marta-quispe/",
        "/en/organization/",
        "/es/organizacion/",
        "/en/organization/frontera-desk-trains-local-reporters/",
        "/es/noticias/terminales-bananeras-inspecciones/",
        "/es/noticias/honduras-prison-extortion-cells/sin-traduccion/",
        "/en/donate/",
        "/en/news/banana-terminals-inspections-lag/comment/",
        "/en/news/banana-terminals-inspections-lag/republish/",
        "/en/no-such-page/",
    ],
)
def test_pages_have_no_accessibility_violations(page: Page, site, path):
    page.goto(site + path)
    assert_accessible(page)
    page.set_viewport_size({"width": 360, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

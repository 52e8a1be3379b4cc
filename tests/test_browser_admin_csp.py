"""The admin's own scripts and styles satisfy its Content-Security-Policy:
in Chromium, no admin page reports a violation, and the editor's widgets work."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser import rich_text
from tests.factories import make_article, make_image
from tests.test_login_security import PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ADMIN_PAGES = [
    "/admin/",
    "/admin/articles/article/",
    "/admin/articles/article/add/",
    "/admin/articles/article/{pk}/change/",
    "/admin/articles/article/{pk}/revisions/",
    "/admin/articles/image/",
    "/admin/articles/image/add/",
    "/admin/articles/image/{image}/change/",
    "/admin/articles/sitesettings/",
    "/admin/articles/readermessage/",
    "/admin/articles/republication/",
    "/admin/articles/republication/report/",
    "/admin/auth/user/",
    "/admin/auth/user/{user}/change/",
    "/admin/auth/user/{user}/password/",
    "/admin/otp_totp/totpdevice/add/",
    "/admin/axes/accessattempt/",
]


def watch_for_violations(page: Page) -> list[str]:
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text
            and violations.append(f"{page.url}: {message.text}")
        ),
    )
    return violations


def test_admin_pages_raise_no_content_security_policy_violation(
    page: Page, live_server, django_user_model
):
    chief = django_user_model.objects.create_superuser("chief", password=PASSWORD)
    image = make_image(size=(600, 400))
    article = make_article(
        sections=[{"heading": "What to watch", "body": "<p>Ports.</p>"}],
        featured_image=image,
    )
    violations = watch_for_violations(page)

    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "chief")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#site-name")).to_be_visible()
    for address in ADMIN_PAGES:
        url = address.format(pk=article.pk, user=chief.pk, image=image.pk)
        response = page.goto(f"{live_server.url}{url}")
        assert response.status == 200, url
        assert "script-src 'self'" in response.headers["content-security-policy"]

    assert violations == []


def test_the_article_editor_widgets_work_under_the_policy(
    page: Page, live_server, django_user_model
):
    django_user_model.objects.create_superuser("chief", password=PASSWORD)
    violations = watch_for_violations(page)

    page.goto(f"{live_server.url}/admin/articles/article/add/")
    page.fill("#id_username", "chief")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#id_title")).to_be_visible()
    # The admin binds the slug to the title once its scripts have run.
    page.wait_for_load_state("load")
    page.locator("#id_title").press_sequentially("Heirs of Callao")
    expect(page.locator("#id_slug")).to_have_value("heirs-of-callao")
    page.click("text=Add another Analysis section")
    expect(rich_text(page, "id_sections-0-body")).to_be_visible()
    page.locator("#id_country + .select2").click()
    expect(page.locator(".select2-search__field").last).to_be_visible()

    assert violations == []

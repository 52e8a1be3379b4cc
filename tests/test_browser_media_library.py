"""In Chromium: the focal point is chosen by clicking the picture on the media
library's form, under the admin's Content-Security-Policy, and the form
passes axe."""

import pytest
from playwright.sync_api import Page, expect

from articles.models import Image
from tests.browser import assert_accessible
from tests.factories import make_image
from tests.test_browser_admin_csp import watch_for_violations
from tests.test_login_security import PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_click_on_the_picture_sets_the_focal_point(
    page: Page, live_server, django_user_model
):
    django_user_model.objects.create_superuser("chief", password=PASSWORD)
    image = make_image(size=(800, 400), alt="Boats at the pier")
    violations = watch_for_violations(page)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "chief")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")

    page.goto(f"{live_server.url}/admin/articles/image/{image.pk}/change/")
    picture = page.locator(".focal-picker img")
    expect(picture).to_be_visible()
    box = picture.bounding_box()
    picture.click(position={"x": box["width"] * 0.25, "y": box["height"] * 0.75})

    expect(page.locator("#id_focal_x")).to_have_value("0.25")
    expect(page.locator("#id_focal_y")).to_have_value("0.75")
    expect(page.locator(".focal-marker")).to_be_visible()
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist")).to_be_visible()

    image = Image.objects.get(pk=image.pk)
    assert (image.focal_x, image.focal_y) == (0.25, 0.75)
    assert violations == []
    # Last: axe injects styles of its own, which the policy reports.
    assert_accessible(page)

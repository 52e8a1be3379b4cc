"""The notes below the headline and at the end, the source and partner
credits and a licence of its own, in a real browser: accessible, and no wider
than a phone."""

import pytest
from playwright.sync_api import Page

from articles.models import Licence
from tests.browser import assert_accessible
from tests.factories import make_article, make_correction, make_outlet

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("width", [360, 1280])
def test_the_notes_and_credits_are_accessible_at_every_width(
    page: Page, live_server, width
):
    article = make_article(
        original_outlet=make_outlet(),
        licence=Licence.objects.create(
            name="Agency copy", allows_republishing=False, notice="Not ours to give."
        ),
    )
    article.partners.set([make_outlet(), make_outlet(url="")])
    make_correction(article, text="A long correction. " * 20)
    make_correction(article, kind="editors-note")
    page.set_viewport_size({"width": width, "height": 800})
    for path in [article.get_absolute_url(), "/en/corrections/"]:
        page.goto(live_server.url + path)
        assert_accessible(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= width

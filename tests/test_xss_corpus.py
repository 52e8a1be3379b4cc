"""A sample of the XSS corpus, planted in every text field, leaves no
executable markup in any public page, feed, republishable copy or JSON-LD
block. `make fuzz` runs the whole corpus, with variants, in Chromium."""

import pytest

from tests.xss import ci_sample, executable_markup, feed_html, plant

pytestmark = pytest.mark.django_db


def test_the_checker_sees_what_would_run():
    assert executable_markup('<p><img src="x" onerror="alert(1)"></p>')
    assert executable_markup('<a href=" jav\tascript:alert(1)">x</a>')
    assert executable_markup("<script>alert(1)</script>")
    assert executable_markup('<svg><a href="/">x</a></svg>')
    assert not executable_markup('<p><a href="/en/">x</a> &lt;script&gt;</p>')
    assert not executable_markup('<script src="/static/js/feedback.js"></script>')


@pytest.mark.parametrize("payload", ci_sample())
def test_a_payload_in_every_field_leaves_no_executable_markup(client, payload):
    planted = plant(payload)
    for url in planted.pages():
        response = client.get(url)
        assert response.status_code == 200, url
        assert executable_markup(response.text) == [], url
    for url in planted.feeds():
        response = client.get(url)
        assert response.status_code == 200, url
        fragments = feed_html(response.content)
        assert fragments, url
        for fragment in fragments:
            assert executable_markup(fragment) == [], url

"""Error pages in the site's design."""

import pytest
from django.template.loader import render_to_string

pytestmark = pytest.mark.django_db


def test_404_page_is_in_the_sites_design_with_a_search(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "We could not find that page" in response.text
    assert 'role="search"' in response.text
    assert 'class="site-header"' in response.text


def test_500_page_renders_without_a_request_or_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        html = render_to_string("500.html")
    assert "Something went wrong on our side" in html

"""Public pages and the admin each send a strict Content-Security-Policy."""

import pytest

pytestmark = pytest.mark.django_db


def test_public_pages_allow_only_the_sites_own_scripts_and_styles(client):
    policy = client.get("/en/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


def test_the_admin_allows_only_its_own_scripts_and_styles(admin_client):
    policy = admin_client.get("/admin/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "unsafe-inline" not in policy

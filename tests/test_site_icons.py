"""The favicon and touch icons are drawn from the logo in the site settings,
once when it changes; without a logo the default mark's icons stand."""

import io

import pytest
from django.core.files.storage import default_storage
from PIL import Image

from articles.models import SiteSettings
from articles.site_icons import ICONS, icon_name
from tests.factories import image_upload, make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def logo():
    site = SiteSettings.load()
    site.logo = image_upload("wordmark.png", size=(600, 60))
    site.save()
    return SiteSettings.load().logo


def test_a_new_logo_draws_every_icon_in_its_size(logo):
    for label, (size, _extension) in ICONS.items():
        with default_storage.open(icon_name(logo.name, label)) as stored:
            icon = Image.open(io.BytesIO(stored.read()))
            assert icon.size == (size, size), label
    with default_storage.open(icon_name(logo.name, "favicon")) as stored:
        favicon = Image.open(io.BytesIO(stored.read()))
        assert favicon.format == "ICO"
        assert {(16, 16), (32, 32), (48, 48)} <= set(favicon.info["sizes"])


def test_pages_and_the_favicon_address_name_the_drawn_icons(client, logo):
    make_article()
    home = client.get("/en/").text
    touch = default_storage.url(icon_name(logo.name, "touch"))
    assert f'<link rel="apple-touch-icon" href="{touch}">' in home
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == default_storage.url(icon_name(logo.name, "favicon"))


def test_the_drawn_icons_are_public_like_the_logo(client, logo):
    icon = client.get(default_storage.url(icon_name(logo.name, "icon192")))
    assert icon.status_code == 200
    assert icon["Content-Type"] == "image/png"


def test_without_a_logo_the_default_icons_stand(client):
    assert client.get("/favicon.ico")["Location"] == "/static/img/favicon.ico"
    assert 'href="/static/img/apple-touch-icon.png"' in client.get("/en/").text


def test_saving_the_settings_again_does_not_redraw_the_icons(logo, monkeypatch):
    drawn = []
    monkeypatch.setattr(
        "articles.models.site.make_icons", lambda image: drawn.append(image.name)
    )
    site = SiteSettings.load()
    site.tagline = "Reporting on power."
    site.save()
    assert drawn == []

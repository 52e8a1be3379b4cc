"""Static files ship compressed with hashed names, and pages name the hashed files."""

import pytest
from django.core.management import call_command
from django.templatetags.static import static
from django.test import override_settings

pytestmark = pytest.mark.django_db

MANIFEST_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_collectstatic_writes_hashed_and_compressed_files(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    storages = {**settings.STORAGES, "staticfiles": {"BACKEND": MANIFEST_STORAGE}}
    with override_settings(STORAGES=storages):
        call_command("collectstatic", interactive=False, verbosity=0)
        url = static("css/site.css")

    hashed = url.removeprefix(settings.STATIC_URL)
    assert hashed != "css/site.css"
    assert (tmp_path / hashed).exists()
    assert (tmp_path / f"{hashed}.gz").exists()


def test_pages_carry_no_inline_script_style_or_event_handler(client, demo_content):
    pages = ["/", "/news/", "/news/banana-terminals-inspections-lag/", "/search/?q=p"]
    for url in pages:
        html = client.get(url).text
        assert "<script>" not in html and "<style" not in html, url
        assert " style=" not in html and " onclick=" not in html, url

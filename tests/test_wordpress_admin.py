import os
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article
from newsroom.wordpress.models import LegacyPath
from tests.factories import make_article, make_user
from tests.wordpress_exports import export, post

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/wordpress/importedpost/import/"


@pytest.fixture(autouse=True)
def private_uploads(settings, tmp_path):
    settings.FILE_UPLOAD_TEMP_DIR = tmp_path
    return tmp_path / "newsroom-wordpress"


def upload(client, content: bytes, **fields):
    return client.post(
        IMPORT_URL,
        {
            "file": SimpleUploadedFile("export.xml", content, "text/xml"),
            "language": "en",
            "mapping": "",
            **fields,
        },
    )


def test_an_editor_sees_the_dry_run_then_confirms(client, editor, private_uploads):
    checked = upload(client, export(post(), post(2, name="second")))

    assert checked.status_code == 200
    assert '<th scope="row">Articles created</th><td>2</td>' in checked.text
    assert not Article.objects.exists()
    token = client.session["wordpress_import"]["name"]

    done = client.post(IMPORT_URL, {"confirm": token}, follow=True)

    assert done.redirect_chain[-1][0] == reverse(
        "admin:wordpress_importedpost_changelist"
    )
    assert "2 articles created" in done.content.decode()
    assert Article.objects.count() == 2
    assert list(private_uploads.iterdir()) == []


def test_a_refused_file_shows_its_line_and_saves_nothing(client, editor):
    response = upload(client, b'<?xml version="1.0"?>\n<rss><channel>\n<item>')

    assert "Line 3, column" in response.content.decode()
    assert "wordpress_import" not in client.session
    assert not Article.objects.exists()


def test_an_upload_over_the_bound_is_refused(client, editor, settings):
    settings.NEWSROOM_WORDPRESS_MAX_UPLOAD_BYTES = 100

    response = upload(client, export(post()))

    assert "the largest accepted here is 100" in response.content.decode()
    assert "wordpress_import" not in client.session


def test_a_stale_confirmation_imports_nothing(client, editor):
    upload(client, export(post()))

    client.post(IMPORT_URL, {"confirm": "0123456789abcdef.xml"})

    assert not Article.objects.exists()


def test_a_writer_may_not_import(client):
    client.force_login(make_user("Writers"))
    assert client.get(IMPORT_URL).status_code == 403


def test_the_list_of_imported_posts_links_to_the_import(client, editor):
    changelist = client.get(reverse("admin:wordpress_importedpost_changelist"))
    assert IMPORT_URL in changelist.content.decode()


def test_an_editor_adds_an_old_address_as_a_full_url(client, editor):
    article = make_article()
    add = reverse("admin:wordpress_legacypath_add")
    url = "https://old.example.org/2015/03/02/old-story/?utm_source=x"

    client.post(add, {"path": url, "article": article.pk})
    again = client.post(add, {"path": "/2015/03/02/old-story", "article": article.pk})
    home = client.post(add, {"path": "https://old.example.org/", "article": article.pk})

    assert list(LegacyPath.objects.values_list("path", flat=True)) == [
        "/2015/03/02/old-story"
    ]
    assert "already exists" in again.content.decode()
    assert "other than the home page" in home.content.decode()
    assert client.get("/2015/03/02/old-story/")["Location"] == (
        article.get_absolute_url()
    )


def test_an_abandoned_upload_is_removed_a_day_later(client, editor, private_uploads):
    upload(client, export(post()))
    (abandoned,) = private_uploads.iterdir()
    a_day_ago = time.time() - 25 * 60 * 60
    os.utime(abandoned, (a_day_ago, a_day_ago))
    client.logout()
    client.force_login(make_user("Editors"))

    upload(client, export(post()))

    assert abandoned not in list(private_uploads.iterdir())
    assert len(list(private_uploads.iterdir())) == 1

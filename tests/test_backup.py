"""`manage.py backup` and `restore` bring back the database and the media.

The round trip runs on the configured database: SQLite by default, PostgreSQL
(through pg_dump and pg_restore) when DATABASE_URL names one.
"""

import io
import json
import tarfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from articles.models import Article, Revision
from tests.factories import make_article, make_image

pytestmark = pytest.mark.django_db(transaction=True)


def media_files() -> dict[str, bytes]:
    root = Path(settings.MEDIA_ROOT)
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def backup(path: Path) -> None:
    call_command("backup", str(path), stdout=io.StringIO())


def restore(path: Path) -> None:
    call_command("restore", str(path), "--yes", stdout=io.StringIO())


def test_restore_brings_back_the_database_and_media_as_backed_up(tmp_path):
    kept = make_article(
        title="Before the backup", featured_image=make_image("port.png")
    )
    Revision.objects.record(kept)
    media_before = media_files()
    archive = tmp_path / "newsroom.tar.gz"

    backup(archive)
    kept.delete()
    make_article(title="After the backup", featured_image=make_image("later.png"))
    (Path(settings.MEDIA_ROOT) / kept.featured_image.file.name).unlink()
    restore(archive)

    assert list(Article.objects.values_list("title", flat=True)) == [
        "Before the backup"
    ]
    restored = Article.objects.get()
    assert restored.revisions.count() == 1
    assert restored.featured_image.file.name == kept.featured_image.file.name
    assert media_files() == media_before
    assert any(name.startswith("renditions/") for name in media_before)


def test_a_backup_is_a_plain_archive_with_a_manifest(tmp_path):
    make_article(featured_image=make_image())
    archive = tmp_path / "newsroom.tar.gz"

    backup(archive)

    with tarfile.open(archive) as opened:
        names = opened.getnames()
        manifest = json.load(opened.extractfile("manifest.json"))
    assert manifest["engine"] == connection.vendor
    assert "articles.0001_initial" in manifest["migrations"]
    assert {"manifest.json", "media"} <= set(names)
    assert any(name.startswith("database.") for name in names)
    assert not (tmp_path / "newsroom.tar.gz.partial").exists()


def test_a_backup_of_another_engine_is_refused_and_nothing_changes(tmp_path):
    make_article(title="Still here")
    archive = tmp_path / "other.tar.gz"
    manifest = {"format": 1, "engine": "oracle", "migrations": []}
    with tarfile.open(archive, "w:gz") as opened:
        data = json.dumps(manifest).encode()
        info = tarfile.TarInfo("manifest.json")
        info.size = len(data)
        opened.addfile(info, io.BytesIO(data))

    with pytest.raises(CommandError, match="oracle"):
        restore(archive)

    assert Article.objects.get().title == "Still here"


def test_a_file_that_is_not_a_backup_is_refused(tmp_path):
    make_article(title="Still here")
    junk = tmp_path / "junk.tar.gz"
    junk.write_bytes(b"not an archive")

    with pytest.raises(CommandError, match="not a Newsroom backup"):
        restore(junk)

    assert Article.objects.get().title == "Still here"


def test_an_archive_cannot_write_outside_its_folder(tmp_path):
    archive = tmp_path / "hostile.tar.gz"
    with tarfile.open(archive, "w:gz") as opened:
        info = tarfile.TarInfo("../../escaped.txt")
        info.size = 1
        opened.addfile(info, io.BytesIO(b"x"))

    with pytest.raises(CommandError):
        restore(archive)

    assert not list(tmp_path.parent.rglob("escaped.txt"))

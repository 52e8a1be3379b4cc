"""A backup is one file holding everything needed to bring the newsroom back:
the database in its engine's own dump format and the uploaded media.

The database is dumped by the tools its administrators already trust:
``pg_dump``'s custom format for PostgreSQL (a consistent snapshot, restorable
by hand with ``pg_restore``) and SQLite's online backup. The archive is a plain
gzipped tar, so each part can also be taken out with ``tar`` alone.
"""

import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA = "media"
DATABASE_FILES = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}


class BackupError(Exception):
    pass


def create_backup(destination: Path, using: str = "default") -> dict:
    """Write a backup of database ``using`` and MEDIA_ROOT to ``destination``;
    return its manifest. The file appears only once it is complete."""
    connection = connections[using]
    vendor = connection.vendor
    if vendor not in DATABASE_FILES:
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {vendor}.")
    destination = Path(destination)
    manifest = {
        "format": FORMAT,
        "engine": vendor,
        "created_at": timezone.now().isoformat(),
        "migrations": sorted(
            f"{app}.{name}"
            for app, name in MigrationRecorder(connection).applied_migrations()
        ),
    }
    with tempfile.TemporaryDirectory() as work:
        database_file = Path(work) / DATABASE_FILES[vendor]
        if vendor == "postgresql":
            _run(["pg_dump", "--format=custom", f"--file={database_file}"], using)
        else:
            connection.ensure_connection()
            with sqlite3.connect(database_file) as copy:
                connection.connection.backup(copy)
            copy.close()
        partial = destination.with_name(destination.name + ".partial")
        try:
            with tarfile.open(partial, "w:gz") as archive:
                _add_bytes(archive, MANIFEST, json.dumps(manifest, indent=2).encode())
                archive.add(database_file, DATABASE_FILES[vendor])
                media_root = Path(settings.MEDIA_ROOT)
                if media_root.is_dir():
                    archive.add(media_root, MEDIA)
        except BaseException:
            # A half-written archive must never pass for a backup.
            partial.unlink(missing_ok=True)
            raise
        partial.replace(destination)
    return manifest


def restore_backup(source: Path, using: str = "default") -> dict:
    """Replace database ``using`` and MEDIA_ROOT with the contents of the
    backup at ``source``; return its manifest. Nothing is changed when the
    archive is unreadable or made for another database engine."""
    connection = connections[using]
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        try:
            with tarfile.open(source, "r:gz") as archive:
                # The "data" filter refuses absolute paths, links out of the
                # folder and device files: nothing is written outside ``work``.
                archive.extractall(work, filter="data")
            manifest = json.loads((work / MANIFEST).read_text())
        except (OSError, ValueError, tarfile.TarError) as error:
            raise BackupError(f"{source} is not a Newsroom backup.") from error
        if manifest.get("format") != FORMAT:
            raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
        if manifest["engine"] != connection.vendor:
            raise BackupError(
                f"This backup holds a {manifest['engine']} database; the "
                f"configured database is {connection.vendor}."
            )
        database_file = work / DATABASE_FILES[connection.vendor]
        if connection.vendor == "postgresql":
            # Our own idle connection would otherwise hold the tables open.
            connection.close()
            _run(
                [
                    "pg_restore",
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--no-privileges",
                    "--single-transaction",
                    "--exit-on-error",
                    f"--dbname={connection.settings_dict['NAME']}",
                    str(database_file),
                ],
                using,
            )
        else:
            connection.ensure_connection()
            with sqlite3.connect(database_file) as copy:
                copy.backup(connection.connection)
            copy.close()
        _replace_media(work / MEDIA)
    return manifest


def _replace_media(restored: Path) -> None:
    """Swap MEDIA_ROOT for the restored folder, by renames on one filesystem."""
    media_root = Path(settings.MEDIA_ROOT)
    media_root.parent.mkdir(parents=True, exist_ok=True)
    incoming = Path(tempfile.mkdtemp(dir=media_root.parent, prefix=".restoring-"))
    if restored.is_dir():
        shutil.copytree(restored, incoming, dirs_exist_ok=True)
    outgoing = media_root.with_name(f".replaced-{media_root.name}")
    if media_root.exists():
        shutil.rmtree(outgoing, ignore_errors=True)
        media_root.rename(outgoing)
    incoming.rename(media_root)
    shutil.rmtree(outgoing, ignore_errors=True)


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


def _run(command: list[str], using: str) -> None:
    """Run a PostgreSQL client with the connection settings in its environment,
    so the password never appears on a command line."""
    db = connections[using].settings_dict
    given = {
        "PGDATABASE": db["NAME"],
        "PGHOST": db.get("HOST"),
        "PGPORT": db.get("PORT"),
        "PGUSER": db.get("USER"),
        "PGPASSWORD": db.get("PASSWORD"),
    }
    environment = {
        **os.environ,
        **{name: str(value) for name, value in given.items() if value},
    }
    result = subprocess.run(command, env=environment, capture_output=True, text=True)
    if result.returncode:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")

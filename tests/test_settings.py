"""Configuration comes from the environment and refuses unsafe production use."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "a-long-random-production-secret-" + "x7Gq2" * 10,
    "SITE_URL": "https://news.example.org",
    "DATABASE_URL": "sqlite:////tmp/newsroom-settings-test.sqlite3",
}


def run_django(code: str, **env: str) -> subprocess.CompletedProcess:
    clean_env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "SECRET_KEY", "DATABASE_URL", "CACHE_URL", "SITE_URL"}
    }
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT,
        env={**clean_env, "DJANGO_SETTINGS_MODULE": "newsroom.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def setting(name: str, **env: str) -> str:
    result = run_django(
        f"from django.conf import settings; print(repr(settings.{name}))", **env
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_production_without_a_secret_key_refuses_to_start():
    result = run_django("import django; django.setup()", DEBUG="0")
    assert result.returncode != 0
    assert "Refusing to start" in result.stderr
    assert "SECRET_KEY" in result.stderr


def test_defaults_need_no_setup_sqlite_and_local_memory_cache():
    assert "sqlite3" in setting("DATABASES['default']['ENGINE']")
    assert "LocMemCache" in setting("CACHES['default']['BACKEND']")


def test_database_url_selects_postgresql():
    engine = setting(
        "DATABASES['default']['ENGINE']",
        DATABASE_URL="postgres://newsroom@db.internal:5432/newsroom",
    )
    assert "postgresql" in engine


def test_redis_cache_url_selects_djangos_redis_backend_tolerant_of_outages():
    backend = setting(
        "CACHES['default']['BACKEND']", CACHE_URL="redis://127.0.0.1:6379/0"
    )
    assert backend == "'newsroom.cache.ResilientRedisCache'"


def test_an_unknown_cache_url_is_refused_with_a_message():
    result = run_django("import django; django.setup()", CACHE_URL="memcached://x")
    assert result.returncode != 0
    assert "CACHE_URL must be a redis://" in result.stderr


def test_allowed_hosts_follow_the_public_origin_in_production():
    assert setting("ALLOWED_HOSTS", **PRODUCTION) == "['news.example.org']"


def test_deploy_checks_pass_under_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT,
        env={**os.environ, **PRODUCTION},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("value", ["", "0", "false", "no"])
def test_debug_is_off_for_false_values(value):
    if value == "":
        assert setting("DEBUG") == "True"
    else:
        assert setting("DEBUG", DEBUG=value, SECRET_KEY="s" * 60) == "False"


def test_uploads_stay_on_the_file_system_unless_a_bucket_is_named():
    default = "STORAGES['default']['BACKEND']"
    assert "FileSystemStorage" in setting(default)
    assert "PrivateBucketStorage" in setting(
        default, AWS_STORAGE_BUCKET_NAME="newsroom-media"
    )


def test_a_bucket_file_is_addressed_through_the_checked_media_view():
    result = run_django(
        "import django; django.setup();"
        "from django.core.files.storage import default_storage as s;"
        "print(s.url('articles/a photo.jpg'), s.file_overwrite)",
        AWS_STORAGE_BUCKET_NAME="newsroom-media",
        AWS_S3_ENDPOINT_URL="http://127.0.0.1:9",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["/media/articles/a%20photo.jpg", "False"]


def test_pgbouncer_transaction_mode_turns_server_side_cursors_off():
    cursors = "DATABASES['default']['DISABLE_SERVER_SIDE_CURSORS']"
    assert setting(cursors) == "False"
    assert setting(cursors, PGBOUNCER_TRANSACTION_MODE="1") == "True"

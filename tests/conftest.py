import io
import os
import shutil
import time

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation

from articles.management.commands import load_demo_content as demo
from tests.factories import make_user

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(autouse=True)
def test_settings(settings, tmp_path):
    """Fast, isolated settings: plain static storage (no manifest to build),
    uploads in a temporary folder, a cheap password hasher, an empty cache,
    background tasks run at once in the test's own process, and the default
    language: a request's LocaleMiddleware leaves its language active in the
    thread, which would make the next test's order matter."""
    translation.activate(settings.LANGUAGE_CODE)
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STATIC_ROOT.mkdir()
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    }
    cache.clear()
    yield settings
    cache.clear()


def pytest_runtest_setup(item):
    """Playwright's sync API runs an asyncio loop in the test's thread, which
    makes Django refuse ORM calls there; the tests' own calls are synchronous.
    The loop outlives the browser tests, so the tests after them that flush
    the database between tests (live servers, servers of their own, threads
    racing on real transactions) need the same. Set before any fixture runs,
    and only for those tests."""
    database = item.get_closest_marker("django_db")
    if (
        item.get_closest_marker("browser")
        or item.get_closest_marker("cluster")
        or "live_server" in item.fixturenames
        or "transactional_db" in item.fixturenames
        or (database is not None and database.kwargs.get("transaction"))
    ):
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


@pytest.fixture(autouse=True)
def _finish_leaving_requests(request):
    """Closing a page with an article form open sends its last autosave
    (static/js/autosave.js). Set up before the test's page and torn down
    after it, this gives that request time to finish before the database is
    flushed under it."""
    yield
    if request.node.get_closest_marker("browser"):
        time.sleep(0.5)


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item):
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium, not a downloaded one: ``playwright install`` cannot
    reach its servers here."""
    if not shutil.which(CHROMIUM):
        if os.environ.get("NEWSROOM_REQUIRE_CHECKERS"):
            pytest.fail(f"{CHROMIUM} is missing; install Debian's chromium package.")
        pytest.skip(f"browser tests need {CHROMIUM} (apt-get install chromium)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
        ],
    }


@pytest.fixture
def demo_content(db, monkeypatch) -> None:
    """The demo newsroom that `make run` loads, with smaller pictures: making
    renditions of full-size ones would double the suite's time."""
    full_size = demo.demo_image
    monkeypatch.setattr(
        demo,
        "demo_image",
        lambda seed, colour: full_size(seed, colour, size=(640, 360)),
    )
    call_command("load_demo_content", stdout=io.StringIO())


@pytest.fixture
def writer(client):
    """A member of the Writers group, signed in on ``client``."""
    user = make_user("Writers")
    client.force_login(user)
    return user


@pytest.fixture
def editor(client):
    """A member of the Editors group, signed in on ``client``."""
    user = make_user("Editors")
    client.force_login(user)
    return user

"""While PostgreSQL restarts, readers get 503 with Retry-After and the site's
error page, never a 500; once it is back, the same workers reconnect."""

import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

import pytest
from django.db import OperationalError
from django.test import Client

from tests.services import PostgresServer, free_port, wait_for_port

PROJECT = Path(__file__).resolve().parent.parent
PAGES = ["/en/", "/en/news/", "/en/search/?q=port", "/en/donate/", "/admin/login/"]
# Pages that cannot answer without a query: addresses no reader asked for
# yet, so the page cache cannot answer them either. (An empty news index may
# answer from its cached count alone, so searches stand in for listings.)
QUERYING_PAGES = ["/en/?fresh=1", "/en/search/?q=harbour", "/en/search/?q=customs"]


def fetch(url: str) -> tuple[int, dict, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Production settings on gunicorn, against a private PostgreSQL."""
    database = PostgresServer()
    database.start()
    port = free_port()
    static_root = tmp_path_factory.mktemp("static")
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "outage-test-" + "k3y" * 20,
        "SITE_URL": f"http://127.0.0.1:{port}",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": database.url,
        "CACHE_URL": "",
        "STATIC_ROOT": str(static_root),
        # Pages read before the outage would be answered from the page cache,
        # as they should; what is tested here is the path to the database.
        "PAGE_CACHE": "0",
    }
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"]):
        subprocess.run(
            manage + command, cwd=PROJECT, env=env, check=True, capture_output=True
        )
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "newsroom.wsgi"]
        + ["--bind", f"127.0.0.1:{port}", "--workers", "2", "--threads", "4"],
        cwd=PROJECT,
        env=env,
        stderr=subprocess.DEVNULL,
    )
    wait_for_port(port)
    yield f"http://127.0.0.1:{port}", database
    server.terminate()
    server.wait(timeout=10)
    database.remove()


def test_an_unreachable_database_answers_503_with_the_error_page(site):
    url, database = site
    assert all(fetch(url + page)[0] == 200 for page in PAGES)

    database.stop()
    try:
        for page in QUERYING_PAGES:
            status, headers, body = fetch(url + page)
            assert status == 503, page
            assert int(headers["Retry-After"]) > 0
            assert "Something went wrong on our side" in body
    finally:
        database.start()

    # The workers' persistent connections died with the server: they are
    # checked before reuse and opened again.
    for _ in range(3):
        assert all(fetch(url + page)[0] == 200 for page in PAGES)


def test_a_restart_under_load_gives_no_500(site):
    url, database = site
    statuses: list[int] = []
    stop = threading.Event()

    def read_pages() -> None:
        while not stop.is_set():
            for page in PAGES:
                statuses.append(fetch(url + page)[0])

    readers = [threading.Thread(target=read_pages) for _ in range(6)]
    for reader in readers:
        reader.start()
    time.sleep(0.5)
    database.restart()
    time.sleep(1)
    stop.set()
    for reader in readers:
        reader.join()

    counts = Counter(statuses)
    print(f"{len(statuses)} requests during a restart: {dict(counts)}")
    assert set(counts) <= {200, 503}, counts
    for _ in range(3):
        assert [fetch(url + page)[0] for page in PAGES] == [200] * len(PAGES)


class DatabaseGoneAfterTheView:
    """The outage met by middleware, after the view has answered."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        self.get_response(request)
        raise OperationalError("server closed the connection unexpectedly")


@pytest.mark.django_db
def test_an_outage_met_outside_the_views_is_a_503_too(settings):
    settings.MIDDLEWARE = [
        *settings.MIDDLEWARE,
        "tests.test_database_outage.DatabaseGoneAfterTheView",
    ]
    response = Client(raise_request_exception=False).get("/en/donate/")
    assert response.status_code == 503
    assert response["Retry-After"]

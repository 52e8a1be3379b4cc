"""Two app servers behind nginx, sharing PostgreSQL, Redis and an S3 bucket.

Each server is gunicorn with production settings, started as a deployment
starts it; what one does (a sign-in, a publication, an upload) the other and
nginx see at once. Runs on PostgreSQL only (`make cluster-test`, and the
PostgreSQL pass of .ci/run): two processes cannot share SQLite's in-memory
test database.
"""

import os
import re
import secrets
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import boto3
import pytest
import requests
from django.conf import global_settings
from django.db import connection
from django.urls import reverse

from articles.models import Article, Status
from tests.factories import image_bytes, make_article, make_author, make_user
from tests.services import RedisServer, app_server, nginx_server, s3_server

pytestmark = [
    pytest.mark.cluster,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="two app servers need a shared database: run on PostgreSQL",
    ),
]

BUCKET = "newsroom-media"
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "cluster", "AWS_SECRET_ACCESS_KEY": "cluster"}
REGION = "us-east-1"


class Cluster:
    def __init__(self, folder: Path, settings) -> None:
        self.processes = []
        self.settings = settings
        self.test_caches = settings.CACHES
        # Passwords the servers can check (the suite's cheap hasher is not
        # in production settings).
        settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS
        self.redis = RedisServer()
        self.redis.start()
        # The test's own changes retire the servers' cached pages too.
        settings.CACHES = {
            "default": {
                **settings.CACHES["default"],
                "BACKEND": "newsroom.cache.ResilientRedisCache",
                "LOCATION": self.redis.url,
            }
        }
        self.s3 = self.start(s3_server, folder)
        self.bucket = boto3.resource(
            "s3",
            endpoint_url=self.s3.url,
            region_name=REGION,
            aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
        ).create_bucket(Bucket=BUCKET)
        self.media_root = folder / "no-media-here"
        env = self.environment(folder)
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            env=env,
            check=True,
            cwd=Path(__file__).resolve().parent.parent,
        )
        self.a = self.start(app_server, "a", folder, **env)
        self.b = self.start(app_server, "b", folder, **env)
        self.nginx = self.start(nginx_server, folder, [self.a.port, self.b.port])

    def start(self, server, *arguments, **env):
        process = server(*arguments, **env)
        self.processes.append(process)
        return process

    def environment(self, folder: Path) -> dict[str, str]:
        database = connection.settings_dict
        return {
            **os.environ,
            **CREDENTIALS,
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            # No TLS on the loopback: nothing to redirect to.
            "SECURE_SSL_REDIRECT": "0",
            "DATABASE_URL": (
                f"postgres://{database['USER']}:{database['PASSWORD']}"
                f"@{database['HOST']}:{database['PORT']}/{database['NAME']}"
            ),
            "CACHE_URL": self.redis.url,
            "AWS_STORAGE_BUCKET_NAME": BUCKET,
            "AWS_S3_ENDPOINT_URL": self.s3.url,
            "AWS_S3_REGION_NAME": REGION,
            # Nothing may be written to a server's own disk.
            "MEDIA_ROOT": str(self.media_root),
            "STATIC_ROOT": str(folder / "static"),
            "PAGE_CACHE": "1",
        }

    def stop(self) -> None:
        for process in reversed(self.processes):
            process.stop()
        self.settings.CACHES = self.test_caches
        self.redis.stop()


@pytest.fixture
def cluster(transactional_db, tmp_path, settings):
    cluster = Cluster(tmp_path, settings)
    yield cluster
    # Before the test database is emptied: the servers hold connections to it.
    cluster.stop()


class Browser:
    """A staff member's browser. Its cookies are kept by hand: production
    cookies are Secure, and this loopback speaks plain HTTP (as a server
    behind a TLS proxy does), over which requests' own jar keeps them back."""

    def __init__(self) -> None:
        self.cookies: dict[str, str] = {}

    def get(self, url: str) -> requests.Response:
        return self.send("GET", url)

    def post(self, url: str, data: dict, **kwargs) -> requests.Response:
        data = {**data, "csrfmiddlewaretoken": self.cookies["csrftoken"]}
        return self.send("POST", url, data=data, **kwargs)

    def send(self, method: str, url: str, **kwargs) -> requests.Response:
        response = requests.request(
            method, url, cookies=self.cookies, allow_redirects=False, **kwargs
        )
        self.cookies.update(response.cookies.get_dict())
        return response


def sign_in(browser: Browser, server, username: str) -> None:
    login = f"{server.url}{reverse('admin:login')}"
    browser.get(login)
    response = browser.post(
        login,
        {"username": username, "password": "pw", "next": reverse("admin:index")},
    )
    assert response.status_code == 302, response.text


def take_action(
    browser: Browser, server, action: str, article: Article, **fields
) -> None:
    response = browser.post(
        f"{server.url}{reverse('admin:articles_article_changelist')}",
        {"action": action, "_selected_action": article.pk, **fields},
    )
    assert response.status_code == 302, response.text


def test_two_servers_behind_nginx_share_publications_sessions_and_uploads(cluster):
    editor = make_user(is_superuser=True)
    author = make_author(name="Rosa Quispe")
    article = make_article(
        title="Port authority ledger",
        status=Status.DRAFT,
        published_at=None,
        authors=[author],
    )
    address = article.get_absolute_url()
    for server in (cluster.nginx, cluster.a, cluster.b):
        # Each has looked before: nothing it keeps may outlive the publication.
        assert requests.get(server.url + address).status_code == 404

    staff = Browser()
    sign_in(staff, cluster.a, editor.username)
    take_action(staff, cluster.a, "publish", article)

    with ThreadPoolExecutor(max_workers=2) as pool:
        pages = list(
            pool.map(
                requests.get, [cluster.nginx.url + address, cluster.b.url + address]
            )
        )
    for page in pages:
        assert page.status_code == 200
        assert "Port authority ledger" in page.text
        assert "Set-Cookie" not in page.headers

    # The session signed in on A is good on B: sessions live in the database.
    photo = image_bytes((64, 48))
    change = (
        f"{cluster.a.url}{reverse('admin:articles_author_change', args=[author.pk])}"
    )
    staff.get(change)
    response = staff.post(
        change,
        {"name": author.name, "kind": "person", "slug": author.slug, "bio": ""},
        files={"photo": ("ledger.png", photo, "image/png")},
    )
    assert response.status_code == 302, response.text
    author.refresh_from_db()
    stored = [item.key for item in cluster.bucket.objects.all()]
    assert author.photo.name in stored
    assert not cluster.media_root.exists()

    profile = requests.get(cluster.b.url + author.get_absolute_url())
    image = re.search(r'class="author-photo" src="([^"]+)"', profile.text)[1]
    assert image.startswith("/media/")  # the site's checked view, not the bucket
    served = requests.get(cluster.b.url + image)
    assert served.status_code == 200
    assert served.content == photo

    # A file in the bucket that nothing public shows stays private.
    cluster.bucket.put_object(Key="articles/draft-only.png", Body=photo)
    assert (
        requests.get(cluster.b.url + "/media/articles/draft-only.png").status_code
        == 404
    )

    take_action(staff, cluster.b, "unpublish", article, reason="Legal takedown")
    assert requests.get(cluster.a.url + address).status_code == 404
    assert requests.get(cluster.nginx.url + address).status_code == 404
    assert not Article.objects.published().filter(pk=article.pk).exists()

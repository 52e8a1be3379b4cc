"""Anonymous readers are served from a page cache that is never stale, with
headers that let a CDN or proxy in front cache the same responses."""

import gzip
import io
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import brotli
import pytest
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection
from django.test.utils import CaptureQueriesContext

from articles.models import Status
from articles.public_cache import VERSION_KEY
from newsroom.wsgi import application
from tests.factories import make_article, make_author, make_country, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.NEWSROOM_PAGE_CACHE = True


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_an_anonymous_article_page_carries_no_per_visitor_state(client):
    article = make_article()
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert not response.cookies
    assert "cookie" not in response.get("Vary", "").lower()
    assert "csrfmiddlewaretoken" not in response.text
    assert 'name="form_token"' in response.text


def test_the_second_request_is_served_from_the_cache_without_a_query(client):
    article = make_article()
    first = client.get(article.get_absolute_url())
    with CaptureQueriesContext(connection) as queries:
        second = client.get(article.get_absolute_url())
    assert second.content == first.content
    assert len(queries) == 0


def test_public_pages_tell_shared_caches_how_long_to_keep_them(client, settings):
    article = make_article()
    for url in [article.get_absolute_url(), "/en/", "/en/feeds/rss/", "/sitemap.xml"]:
        response = client.get(url)
        cache_control = response["Cache-Control"]
        assert cache_control.startswith("public, max-age=60"), url
        assert "s-maxage=600" in cache_control
        assert "stale-while-revalidate=30" in cache_control
        assert response["ETag"]
        assert response["Last-Modified"]
        assert "public" in response["Surrogate-Key"].split()
    keys = client.get(article.get_absolute_url())["Surrogate-Key"].split()
    assert f"article-{article.pk}" in keys


def test_conditional_requests_get_304(client):
    article = make_article()
    first = client.get(article.get_absolute_url())
    again = client.get(
        article.get_absolute_url(), headers={"If-None-Match": first["ETag"]}
    )
    assert again.status_code == 304
    assert again.content == b""
    since = client.get(
        article.get_absolute_url(),
        headers={"If-Modified-Since": first["Last-Modified"]},
    )
    assert since.status_code == 304


def test_a_change_gives_a_new_etag_and_a_full_response(client, commit):
    article = make_article(title="Before the correction")
    first = client.get(article.get_absolute_url())
    with commit():
        article.title = "After the correction"
        article.save()
    again = client.get(
        article.get_absolute_url(), headers={"If-None-Match": first["ETag"]}
    )
    assert again.status_code == 200
    assert "After the correction" in again.text


def test_staff_previews_and_posts_are_never_cached(client, commit):
    article = make_article(title="Visible")
    client.get(article.get_absolute_url())
    editor = make_user("Editors")
    client.force_login(editor)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(article.get_absolute_url())
    assert queries, "a signed-in editor is not served the readers' copy"
    assert "private" in response["Cache-Control"]
    assert "Surrogate-Key" not in response
    draft = make_article(status=Status.DRAFT, published_at=None)
    preview = client.get(draft.get_preview_url())
    assert "private" in preview["Cache-Control"]
    assert "Surrogate-Key" not in preview


def test_a_reader_with_a_message_waiting_is_not_served_the_cached_copy(client):
    article = make_article()
    client.get(article.get_absolute_url())
    client.cookies["messages"] = "waiting"
    response = client.get(article.get_absolute_url())
    # Rendered for this reader: the shared copy names its surrogate keys.
    assert "Surrogate-Key" not in response


def test_html_feeds_and_sitemaps_are_served_compressed(client):
    article = make_article(body="<p>" + "Long reporting. " * 400 + "</p>")
    for url in [article.get_absolute_url(), "/en/feeds/atom/", "/sitemap.xml"]:
        response = client.get(url, headers={"Accept-Encoding": "gzip"})
        assert response["Content-Encoding"] == "gzip", url
        assert gzip.decompress(response.content)


def test_pages_are_brotli_compressed_for_browsers_that_accept_it(client):
    article = make_article(body="<p>" + "Long reporting. " * 400 + "</p>")
    url = article.get_absolute_url()
    both = {"Accept-Encoding": "gzip, deflate, br"}
    for _request in range(2):  # rendered, then from the cache
        response = client.get(url, headers=both)
        assert response["Content-Encoding"] == "br"
        assert b"Long reporting." in brotli.decompress(response.content)
        assert "Accept-Encoding" in response["Vary"]
    # Each encoding is stored apart: gzip-only and plain readers get theirs.
    gzipped = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert gzip.decompress(gzipped.content) == brotli.decompress(response.content)
    assert "Content-Encoding" not in client.get(url)


def test_an_absent_or_full_cache_degrades_to_uncached_serving(client, settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    }
    article = make_article()
    assert client.get(article.get_absolute_url()).status_code == 200
    assert client.get(article.get_absolute_url()).status_code == 200


class PurgeRecorder(BaseHTTPRequestHandler):
    received: list[tuple[str, str]] = []

    def do_PURGE(self) -> None:
        self.received.append((self.path, self.headers.get("Surrogate-Key")))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


def test_every_change_asks_the_caches_in_front_to_purge(settings, commit):
    server = HTTPServer(("127.0.0.1", 0), PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    PurgeRecorder.received = []
    try:
        settings.NEWSROOM_PURGE_URLS = [f"http://127.0.0.1:{server.server_port}/purge"]
        with commit():
            make_article(status=Status.DRAFT, published_at=None).publish(None)
    finally:
        server.shutdown()
    assert ("/purge", "public") in PurgeRecorder.received


def test_a_failed_purge_does_not_stop_the_change(settings, commit):
    settings.NEWSROOM_PURGE_URLS = ["http://127.0.0.1:9/purge"]  # nothing listens
    article = make_article(status=Status.DRAFT, published_at=None)
    with commit():
        article.publish(None)
    article.refresh_from_db()
    assert article.is_published


def test_a_cached_feed_is_sent_in_one_piece(client):
    """A feed is written in many small pieces; served from the cache one by
    one, each would cost the server a write of its own."""
    make_article()
    client.get("/en/feeds/rss/")
    response = client.get("/en/feeds/rss/")
    assert response["Surrogate-Key"] == "public"
    assert len(list(response)) == 1


def test_plain_http_and_gzip_are_cached_apart(client, settings):
    """The cached response is the finished one, so what the middleware below
    it does for a request (redirect to HTTPS, compress) is part of its key."""
    settings.SECURE_SSL_REDIRECT = True
    article = make_article()
    url = article.get_absolute_url()
    assert client.get(url, secure=True).status_code == 200
    assert client.get(url).status_code == 301
    compressed = client.get(url, secure=True, headers={"Accept-Encoding": "gzip"})
    assert compressed["Content-Encoding"] == "gzip"
    plain = client.get(url, secure=True)
    assert "Content-Encoding" not in plain
    assert gzip.decompress(compressed.content) == plain.content


class WSGIServer:
    """Calls the site's WSGI application as gunicorn does, and records
    whether Django's handler saw the request."""

    def __init__(self) -> None:
        self.handled = 0

    def count(self, **kwargs) -> None:
        self.handled += 1

    def get(self, path: str, query: str = "", **headers: str):
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "SERVER_NAME": "testserver",
            "SERVER_PORT": "443",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "wsgi.url_scheme": "https",
            "wsgi.input": io.BytesIO(),
            "wsgi.errors": io.StringIO(),
            **{f"HTTP_{name.upper()}": value for name, value in headers.items()},
        }
        started = {}

        def start_response(status, headers, exc_info=None):
            started.update(status=status, headers=headers)

        body = application(environ, start_response)
        content = b"".join(body)
        getattr(body, "close", lambda: None)()
        return started["status"], dict(started["headers"]), content


@pytest.fixture
def server():
    """As Django's test client does, the handler's signals leave the test's
    database connection open: it holds the test's transaction."""
    server = WSGIServer()
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    request_started.connect(server.count)
    yield server
    request_started.disconnect(server.count)
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_a_stored_page_is_served_before_djangos_handler(server):
    """A shared story's readers cost a cache look-up, not a trip through
    Django's middleware (`make bench`)."""
    url = make_article().get_absolute_url()
    first = server.get(url, accept_encoding="gzip, br")
    assert server.handled == 1
    second = server.get(url, accept_encoding="gzip, br")
    assert server.handled == 1
    assert second == first
    assert first[1]["Content-Encoding"] == "br"
    assert first[1]["Surrogate-Key"].startswith("public")


def test_the_layer_in_front_never_serves_a_retired_version(server, commit):
    article = make_article(title="Before the correction")
    server.get(article.get_absolute_url())
    with commit():
        article.title = "After the correction"
        article.save()
    status, _headers, content = server.get(article.get_absolute_url())
    assert server.handled == 2
    assert b"After the correction" in content


def test_a_page_is_kept_in_the_process_and_its_version_read_every_time(server, commit):
    """A hit reads the version from the shared cache, and the page's bytes
    from the process that served it last, while that version lasts."""
    article = make_article(title="Before the correction")
    url = article.get_absolute_url()
    server.get(url)
    served = server.get(url)
    version = cache.get(VERSION_KEY)
    cache.clear()  # the shared cache lost the page...
    cache.set(VERSION_KEY, version, None)  # ...but not the version
    assert server.get(url) == served
    assert server.handled == 1
    with commit():
        article.title = "After the correction"
        article.save()
    _status, _headers, content = server.get(url)
    assert server.handled == 2
    assert b"After the correction" in content


def test_a_search_beyond_ascii_is_served_from_the_layer_in_front(server):
    """Both layers key a page by the address as Django reads it."""
    make_article(title="Café con leche", language="es")
    path, query = "/es/buscar/", "q=caf%C3%A9"
    first = server.get(path, query)
    assert "Café con leche".encode() in first[2]
    assert first[0] == "200 OK"
    assert server.get(path, query) == first
    assert server.handled == 1


@pytest.mark.parametrize(
    "headers",
    [
        {"cookie": "sessionid=abc"},
        {"cookie": "messages=waiting"},
        {"if_none_match": '"anything"'},
    ],
    ids=["session", "message waiting", "conditional"],
)
def test_what_the_layer_in_front_leaves_to_django(server, headers):
    url = make_article().get_absolute_url()
    server.get(url)
    server.get(url, **headers)
    assert server.handled == 2


def test_a_conditional_request_for_a_stored_page_gets_304(server):
    url = make_article().get_absolute_url()
    _status, headers, _content = server.get(url)
    status, _headers, content = server.get(url, if_none_match=headers["ETag"])
    assert (status, content) == ("304 Not Modified", b"")


def test_surrogate_keys_name_the_article_its_subjects_and_the_listings(client):
    """So a CDN can purge one story, one tag's pages or every listing."""
    country, author = make_country(), make_author()
    article = make_article(country=country, authors=[author], tags=["ports"])
    keys = client.get(article.get_absolute_url())["Surrogate-Key"].split()
    tag = article.tags.get()
    assert {
        "public",
        f"article-{article.pk}",
        f"country-{country.pk}",
        f"author-{author.pk}",
        f"tag-{tag.pk}",
    } <= set(keys)
    for listing in ["/en/", "/en/news/", f"/en/tags/{tag.slug}/"]:
        assert "listings" in client.get(listing)["Surrogate-Key"].split(), listing
    assert f"tag-{tag.pk}" in client.get(f"/en/tags/{tag.slug}/")["Surrogate-Key"]

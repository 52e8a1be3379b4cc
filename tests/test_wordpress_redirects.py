from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from newsroom.wordpress.models import ImportedPost, LegacyPath
from tests.factories import make_article
from tests.wordpress_exports import (
    THEME_DATA,
    export,
    import_export,
    meta,
    needs_exports,
    post,
)

pytestmark = pytest.mark.django_db


@needs_exports
def test_every_published_theme_post_answers_at_its_new_and_old_address(client):
    import_export(THEME_DATA)
    published = Article.objects.published()
    assert published.count() == 55

    for article in published:
        assert client.get(article.get_absolute_url()).status_code == 200
        record = ImportedPost.objects.get(article=article)
        for path in LegacyPath.objects.filter(article=article).values_list(
            "path", flat=True
        ):
            response = client.get(path)
            assert response.status_code == 301, (path, record.post_id)
            assert response["Location"] == article.get_absolute_url()


@needs_exports
def test_the_old_permalink_of_a_theme_post_redirects():
    import_export(THEME_DATA)
    article = Article.objects.get(title="Markup: Image Alignment")
    assert set(article.legacy_paths.values_list("path", flat=True)) == {
        "/2013/01/10/markup-image-alignment",
        "/?p=1177",
    }


@pytest.mark.parametrize(
    "old",
    [
        "/2016/05/11/a-post/",
        "/2016/05/11/a-post",
        "/en/2016/05/11/a-post/",
        "/es/2016/05/11/a-post/",
        "/?p=7",
        "/2016/05/11/earlier-slug/",
    ],
)
def test_old_addresses_redirect_permanently_under_any_language_prefix(client, old):
    import_export(
        export(post(7, extra=meta("_wp_old_slug", "earlier-slug"))), language="es"
    )

    response = client.get(old)

    assert response.status_code == 301
    assert response["Location"] == "/es/noticias/a-post/"


def test_a_drafts_old_address_does_not_reveal_it(client):
    import_export(export(post(7, status="draft")))

    assert client.get("/2016/05/11/a-post/").status_code == 404
    assert client.get("/?p=7").status_code != 301


def test_a_non_ascii_permalink_redirects_to_an_ascii_slug(client):
    import_export(export(post(name="%e6%97%a5%e6%9c%ac-caf%c3%a9", title="Café")))

    article = Article.objects.get()
    assert article.slug == "cafe"
    response = client.get(urlsplit("/2016/05/11/日本-café/").path)
    assert response["Location"] == article.get_absolute_url()


def test_an_unknown_address_stays_a_404_at_the_cost_of_one_query(client):
    make_article()
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/2011/01/01/never-existed/")
    assert response.status_code == 404
    legacy = [q for q in queries if "wordpress_legacypath" in q["sql"]]
    assert len(legacy) == 1


def test_a_page_that_exists_costs_no_lookup(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/en/").status_code == 200
    assert not [q for q in queries if "wordpress_legacypath" in q["sql"]]

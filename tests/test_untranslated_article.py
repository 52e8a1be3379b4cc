"""Switching language on an article that has no translation in that language."""

import pytest

from articles.models import Status
from tests.factories import make_article

pytestmark = pytest.mark.django_db

UNTRANSLATED_EN = "/en/news/honduras-prison-extortion-cells/"
NOTICE_ES = "/es/noticias/honduras-prison-extortion-cells/sin-traduccion/"


def test_the_switcher_leads_to_a_notice_in_the_other_language(client, demo_content):
    page = client.get(UNTRANSLATED_EN).text
    assert f'<a href="{NOTICE_ES}" hreflang="es" lang="es">Español</a>' in page


def test_the_notice_says_so_and_offers_the_original_and_the_latest(
    client, demo_content
):
    response = client.get(NOTICE_ES)
    assert response.status_code == 200
    page = response.text
    assert '<html lang="es">' in page
    assert "Este artículo todavía no está disponible en español" in page
    assert f'href="{UNTRANSLATED_EN}" hreflang="en" lang="en"' in page
    assert response.context["latest"]
    assert {article.language for article in response.context["latest"]} == {"es"}


def test_the_notice_is_not_indexed_and_switches_back_to_the_original(
    client, demo_content
):
    page = client.get(NOTICE_ES).text
    assert '<meta name="robots" content="noindex">' in page
    assert 'rel="alternate" hreflang' not in page
    assert f'<a href="{UNTRANSLATED_EN}" hreflang="en" lang="en">English</a>' in page


def test_once_translated_the_notice_sends_readers_to_the_translation(client):
    original = make_article(language="en", slug="port")
    translated = make_article(language="es", slug="puerto", translation=original)
    response = client.get("/es/noticias/port/sin-traduccion/")
    assert response.status_code == 302
    assert response["Location"] == translated.get_absolute_url()


def test_an_unpublished_translation_still_gets_the_notice(client):
    original = make_article(language="en", slug="port")
    make_article(
        language="es", slug="puerto", translation=original, status=Status.DRAFT
    )
    page = client.get("/en/news/port/").text
    assert 'href="/es/noticias/port/sin-traduccion/"' in page
    assert client.get("/es/noticias/port/sin-traduccion/").status_code == 200


def test_the_notice_in_the_articles_own_language_is_the_article(client):
    make_article(language="en", slug="port")
    response = client.get("/en/news/port/not-translated/")
    assert response["Location"] == "/en/news/port/"


def test_no_notice_for_a_draft(client):
    make_article(language="en", slug="port", status=Status.DRAFT)
    assert client.get("/es/noticias/port/sin-traduccion/").status_code == 404

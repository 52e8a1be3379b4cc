"""Spanish pages have Spanish addresses; the English-word ones redirect."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import make_article, make_author, make_country, make_topic

pytestmark = pytest.mark.django_db

SPANISH_ADDRESSES = {
    "/es/news/": "/es/noticias/",
    "/es/search/?q=puerto": "/es/buscar/?q=puerto",
    "/es/countries/peru/": "/es/paises/peru/",
    "/es/topics/ports/": "/es/temas/ports/",
    "/es/tags/aduanas/": "/es/etiquetas/aduanas/",
    "/es/authors/marta-quispe/": "/es/autores/marta-quispe/",
    "/es/organization/": "/es/organizacion/",
    "/es/donate/": "/es/donar/",
    "/es/news/terminales-bananeras-inspecciones/": (
        "/es/noticias/terminales-bananeras-inspecciones/"
    ),
    "/es/news/terminales-bananeras-inspecciones/comment/": (
        "/es/noticias/terminales-bananeras-inspecciones/comentar/"
    ),
}


@pytest.mark.parametrize(("former", "spanish"), SPANISH_ADDRESSES.items())
def test_spanish_pages_answer_at_spanish_addresses(
    client, demo_content, former, spanish
):
    assert client.get(spanish).status_code == 200


@pytest.mark.parametrize(("former", "spanish"), SPANISH_ADDRESSES.items())
def test_english_word_spanish_addresses_redirect_permanently(
    client, demo_content, former, spanish
):
    response = client.get(former)
    assert response.status_code == 301
    assert response["Location"] == spanish


def test_english_addresses_keep_their_english_words(client, demo_content):
    assert client.get("/en/news/").status_code == 200
    assert client.get("/en/countries/peru/").status_code == 200
    assert client.get("/en/noticias/")["Location"] == "/en/news/"


def test_an_unknown_address_is_still_404(client):
    assert client.get("/es/no-such-page/").status_code == 404
    assert client.get("/es/news/no-such-article/").status_code == 301
    assert client.get("/es/noticias/no-such-article/").status_code == 404


def test_a_missing_slash_is_added_before_the_words_are_translated(client):
    response = client.get("/es/noticias")
    assert response.status_code == 301
    assert response["Location"] == "/es/noticias/"


def test_a_form_post_to_a_former_address_is_not_redirected(client, demo_content):
    """A redirect would turn the POST into a GET and lose what was sent."""
    former = "/es/news/terminales-bananeras-inspecciones/comment/"
    assert client.post(former, {}).status_code == 404


def test_models_link_to_their_spanish_addresses():
    country, topic = make_country(name="Peru"), make_topic(name="Ports")
    author = make_author(name="Marta Quispe")
    article = make_article(
        language="es", slug="puerto", country=country, topics=[topic], authors=[author]
    )
    assert article.get_absolute_url() == "/es/noticias/puerto/"
    with translation.override("es"):
        assert country.get_absolute_url() == "/es/paises/peru/"
        assert topic.get_absolute_url() == "/es/temas/ports/"
        assert author.get_absolute_url() == "/es/autores/marta-quispe/"
        assert reverse("articles:tag", args=["aduanas"]) == "/es/etiquetas/aduanas/"


def test_the_switcher_translates_the_words_of_a_listing(client, demo_content):
    page = client.get("/en/countries/peru/").text
    assert 'href="/es/paises/peru/" hreflang="es"' in page
    back = client.get("/es/paises/peru/").text
    assert 'href="/en/countries/peru/" hreflang="en"' in back


def test_spanish_feeds_link_to_spanish_addresses(client, demo_content):
    feed = client.get("/es/feeds/rss/").text
    assert "/es/noticias/terminales-bananeras-inspecciones/" in feed
    assert "/es/news/" not in feed


def test_the_sitemap_lists_spanish_addresses(client, demo_content):
    sitemap = client.get("/sitemap-countries.xml").text
    assert "/es/paises/peru/" in sitemap
    assert "/es/countries/" not in sitemap

"""The article page names its topics, linked to their pages, and tells search
engines about them: ``keywords`` (topics, then tags) and ``about``."""

import pytest
from django.utils import translation

from tests.factories import make_article, make_topic
from tests.test_structured_data import SITE, json_ld

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(settings):
    settings.SITE_URL = SITE
    return make_article(
        topics=[
            make_topic(name="Mining", name_es="Minería"),
            make_topic(name="Environmental crime", name_es="Crimen ambiental"),
        ],
        tags=["gold"],
    )


def topics_section(page: str) -> str:
    return page.split('id="topics-heading"')[1].split("</section>")[0]


def test_the_page_links_each_topic_to_its_page(client, article):
    page = client.get(article.get_absolute_url()).text
    section = topics_section(page)
    assert 'href="/en/topics/mining/" rel="tag">Mining</a>' in section
    assert (
        'href="/en/topics/environmental-crime/" rel="tag">Environmental crime</a>'
        in section
    )
    assert page.index('id="topics-heading"') < page.index('id="tags-heading"')


def test_json_ld_keywords_hold_topics_then_tags(client, article):
    data, _breadcrumb = json_ld(client.get(article.get_absolute_url()).text)
    assert data["keywords"] == ["Environmental crime", "Mining", "gold"]


def test_json_ld_is_about_each_topic_with_its_page(client, article):
    data, _breadcrumb = json_ld(client.get(article.get_absolute_url()).text)
    assert data["about"] == [
        {
            "@type": "Thing",
            "name": "Environmental crime",
            "url": f"{SITE}/en/topics/environmental-crime/",
        },
        {"@type": "Thing", "name": "Mining", "url": f"{SITE}/en/topics/mining/"},
    ]


def test_a_spanish_article_names_its_topics_in_spanish(client, settings):
    settings.SITE_URL = SITE
    article = make_article(
        language="es", topics=[make_topic(name="Mining", name_es="Minería")]
    )
    with translation.override("es"):
        page = client.get(article.get_absolute_url()).text
    assert 'rel="tag">Minería</a>' in topics_section(page)
    data, _breadcrumb = json_ld(page)
    assert data["keywords"] == ["Minería"]
    assert data["about"][0]["url"] == f"{SITE}/es/temas/mining/"


def test_an_article_without_topics_has_no_topics_section_nor_about(client):
    article = make_article(tags=["gold"])
    page = client.get(article.get_absolute_url()).text
    assert 'id="topics-heading"' not in page
    data, _breadcrumb = json_ld(page)
    assert "about" not in data
    assert data["keywords"] == ["gold"]

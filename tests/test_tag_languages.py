"""Tags in the page's language, and the link between a tag and its
counterpart in the other language."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from taggit.models import Tag

from articles.models import Article, TagCounterpart
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def pair(name: str, counterpart: str) -> TagCounterpart:
    return TagCounterpart.objects.create(
        tag=Tag.objects.get_or_create(name=name)[0],
        counterpart=Tag.objects.get_or_create(name=counterpart)[0],
    )


def test_the_demo_spanish_articles_have_spanish_tags(demo_content):
    spanish = Article.objects.filter(language="es")
    names = {tag.name for article in spanish for tag in article.tags.all()}
    assert names == {"puertos", "cocaína", "aduanas", "oro", "Amazonía"}


def test_a_tag_page_exists_only_in_the_languages_that_use_it(client, demo_content):
    assert client.get("/es/etiquetas/aduanas/").status_code == 200
    assert client.get("/es/etiquetas/customs/").status_code == 404
    assert client.get("/en/tags/aduanas/").status_code == 404


def test_the_filters_offer_the_tags_of_the_listing_language(client, demo_content):
    spanish = client.get("/es/noticias/").context["filter"].filters["tag"]
    english = client.get("/en/news/").context["filter"].filters["tag"]
    assert "aduanas" in {tag.name for tag in spanish.queryset}
    assert "customs" not in {tag.name for tag in spanish.queryset}
    assert "customs" in {tag.name for tag in english.queryset}
    assert "aduanas" not in {tag.name for tag in english.queryset}


def test_the_switcher_goes_from_a_tag_to_its_counterpart_and_back(client, demo_content):
    english = client.get("/en/tags/customs/").text
    assert '<a href="/es/etiquetas/aduanas/" hreflang="es" lang="es">' in english
    spanish = client.get("/es/etiquetas/aduanas/").text
    assert '<a href="/en/tags/customs/" hreflang="en" lang="en">' in spanish


def test_a_counterpart_without_published_articles_is_not_offered(client):
    make_article(language="en", tags=["customs"])
    pair("customs", "aduanas")
    page = client.get("/en/tags/customs/").text
    assert '<a href="/es/" hreflang="es" lang="es">' in page


def test_a_tag_used_in_both_languages_switches_to_itself(client):
    make_article(language="en", tags=["Europe"])
    make_article(language="es", tags=["Europe"])
    page = client.get("/en/tags/europe/").text
    assert '<a href="/es/etiquetas/europe/" hreflang="es" lang="es">' in page


def test_the_pair_is_found_from_either_tag():
    link = pair("gold", "oro")
    assert TagCounterpart.of(link.tag) == link.counterpart
    assert TagCounterpart.of(link.counterpart) == link.tag
    assert TagCounterpart.of(Tag.objects.create(name="mercury")) is None


def test_a_tag_is_not_its_own_counterpart():
    gold = Tag.objects.create(name="gold")
    with pytest.raises(ValidationError):
        TagCounterpart(tag=gold, counterpart=gold).clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        TagCounterpart.objects.create(tag=gold, counterpart=gold)


def test_a_tag_has_at_most_one_counterpart():
    pair("gold", "oro")
    again = TagCounterpart(
        tag=Tag.objects.create(name="Gold (metal)"),
        counterpart=Tag.objects.get(name="gold"),
    )
    with pytest.raises(ValidationError):
        again.clean()


def test_an_accented_tag_has_an_ascii_address(client):
    make_article(language="es", tags=["cocaína"])
    assert Tag.objects.get(name="cocaína").slug == "cocaina"
    assert client.get("/es/etiquetas/cocaina/").status_code == 200

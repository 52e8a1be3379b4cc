"""Every subject's address can be written: tags, countries, topics and authors
get ASCII slugs that are never empty, whatever their name, and old slugs an
address could not carry are folded by a migration."""

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from lxml import etree
from taggit.models import Tag

from articles.models import Author, Country, Topic
from articles.slugs import is_reversible
from tests.factories import make_article, make_author, make_country, make_topic

pytestmark = pytest.mark.django_db

SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_a_spanish_tag_gets_its_accents_folded():
    make_article(tags=["corrupción"])
    assert Tag.objects.get(name="corrupción").slug == "corrupcion"


@pytest.mark.parametrize("names", [["???", "—"], ["¿¡", "…", "«»"]])
def test_tags_of_punctuation_alone_get_distinct_addresses(names):
    make_article(tags=names)
    slugs = list(Tag.objects.values_list("slug", flat=True))
    assert all(is_reversible(slug) for slug in slugs)
    assert len(set(slugs)) == len(names)


def test_the_article_page_links_tags_with_accents_and_punctuation(client):
    article = make_article(tags=["corrupción", "???", "—"])
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    for tag in Tag.objects.all():
        assert f"/en/tags/{tag.slug}/" in response.text
        assert client.get(f"/en/tags/{tag.slug}/").status_code == 200
        assert client.get(f"/en/feeds/rss/tag/{tag.slug}/").status_code == 200


def test_the_tags_sitemap_lists_tags_with_accents_and_punctuation(client):
    make_article(tags=["corrupción", "???"])
    response = client.get("/sitemap-tags.xml")
    assert response.status_code == 200
    locations = [
        loc.text
        for loc in etree.fromstring(response.content).findall("s:url/s:loc", SITEMAP)
    ]
    assert any(location.endswith("/tags/corrupcion/") for location in locations)
    assert any(location.endswith("/tags/tag/") for location in locations)


@pytest.mark.parametrize(
    "make", [make_country, make_topic, make_author], ids=["country", "topic", "author"]
)
def test_a_subject_named_in_punctuation_alone_still_gets_a_slug(make):
    first, second = make(name="???"), make(name="¿?")
    assert is_reversible(first.slug) and is_reversible(second.slug)
    assert first.slug != second.slug


def test_a_slug_set_with_accents_outside_the_admin_is_folded():
    country = make_country(name="Perú", slug="perú")
    tag = Tag.objects.create(name="Corrupción", slug="corrupción")
    assert (country.slug, tag.slug) == ("peru", "corrupcion")


def test_a_slug_that_was_already_fine_is_kept():
    assert make_topic(name="Drug trade", slug="narco").slug == "narco"


def test_the_migration_folds_slugs_an_address_cannot_carry():
    make_article(
        country=make_country(name="Perú"),
        topics=[make_topic(name="Minería")],
        authors=[make_author(name="Ana")],
        tags=["corrupción", "!!!"],
    )
    bad = {
        Tag: {"corrupción": "corrupción", "!!!": ""},
        Country: {"Perú": "perú"},
        Topic: {"Minería": "minería"},
        Author: {"Ana": "añá"},
    }
    for model, slugs in bad.items():
        for name, slug in slugs.items():
            model.objects.filter(name=name).update(slug=slug)

    # The migration's own code on the models as it sees them; the executor
    # cannot run on SQLite inside the test's transaction.
    loader = MigrationLoader(connection)
    key = next(
        key
        for key in loader.graph.nodes
        if key[0] == "articles" and key[1].endswith("_reversible_subject_slugs")
    )
    (fold_slugs,) = loader.graph.nodes[key].operations
    fold_slugs.code(loader.project_state(key).apps, connection.schema_editor())

    assert Tag.objects.get(name="corrupción").slug == "corrupcion"
    assert Tag.objects.get(name="!!!").slug == "tag"
    assert Country.objects.get().slug == "peru"
    assert Topic.objects.get().slug == "mineria"
    assert Author.objects.get().slug == "ana"

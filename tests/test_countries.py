"""An article is about a primary country (the meta line) and any number of
further ones; every public surface follows all of them."""

import re

import feedparser
import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from lxml import etree

from articles.models import Article, Country, Revision, Status
from articles.search import drop_sqlite_triggers
from articles.subjects import COUNTRY
from tests.factories import make_article, make_country, make_user
from tests.test_query_counts import queries_for
from tests.test_structured_data import json_ld
from tests.wordpress_exports import category, export, import_export, post

pytestmark = pytest.mark.django_db

SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def regional():
    """A story from Peru that also concerns Colombia and Brazil."""
    peru = make_country(name="Peru", name_es="Perú")
    colombia = make_country(name="Colombia")
    brazil = make_country(name="Brazil", name_es="Brasil")
    article = make_article(
        slug="cocaine-corridor",
        title="The cocaine corridor",
        country=peru,
        countries=[brazil, colombia],
    )
    return article, peru, colombia, brazil


def names(countries) -> list[str]:
    return [country.name for country in countries]


def test_the_primary_country_is_always_one_of_the_countries(regional):
    article, peru, colombia, brazil = regional
    assert set(article.countries.all()) == {peru, colombia, brazil}

    article.countries.set([colombia])
    assert set(article.countries.all()) == {peru, colombia}
    article.countries.clear()
    assert list(article.countries.all()) == [peru]
    peru.articles.remove(article)
    assert list(article.countries.all()) == [peru]


def test_a_new_primary_country_joins_the_countries_and_the_old_one_stays(regional):
    article, peru, colombia, brazil = regional
    ecuador = make_country(name="Ecuador")
    article.country = ecuador
    article.save()
    assert set(article.countries.all()) == {ecuador, peru, colombia, brazil}


def test_the_page_names_the_primary_country_in_the_meta_line_and_all_below(
    client, regional
):
    article, *_countries = regional
    page = client.get(article.get_absolute_url()).text
    byline = page.split('class="byline"')[1].split("</p>")[0]
    assert ">Peru</a>" in byline
    assert "Colombia" not in byline
    listed = page.split('id="countries-heading"')[1].split("</section>")[0]
    assert re.findall(r">([^<]+)</a>", listed) == ["Peru", "Brazil", "Colombia"]
    assert 'href="/en/countries/colombia/"' in listed


def test_a_further_country_has_a_page_feed_filter_and_sitemap_entry(client, regional):
    article, _peru, colombia, _brazil = regional
    assert list(COUNTRY.public("en")) == sorted(
        Country.objects.all(), key=lambda c: c.name
    )

    listing = client.get(colombia.get_absolute_url())
    assert listing.status_code == 200
    assert list(listing.context["articles"]) == [article]

    for fmt in ("rss", "atom"):
        response = client.get(f"/en/feeds/{fmt}/country/colombia/")
        feed = feedparser.parse(response.content)
        assert [entry.title for entry in feed.entries] == ["The cocaine corridor"]
        categories = [tag.term for tag in feed.entries[0].tags]
        assert categories[:3] == ["Peru", "Brazil", "Colombia"]

    index = client.get(reverse("articles:article-list") + "?country=colombia")
    assert list(index.context["articles"]) == [article]
    assert ("colombia", "Colombia") in index.context["filter"].public_choices("country")

    sitemap = etree.fromstring(client.get("/sitemap-countries.xml").content)
    locations = [loc.text for loc in sitemap.findall("s:url/s:loc", SITEMAP)]
    assert any(url.endswith("/en/countries/colombia/") for url in locations)


def test_a_country_only_a_draft_names_among_its_further_countries_stays_private(
    client,
):
    secret = make_country(name="Atlantis")
    make_article(status=Status.DRAFT, country=make_country(), countries=[secret])
    make_article(countries=[make_country(name="Chile")])
    assert secret not in COUNTRY.public()
    assert client.get(secret.get_absolute_url()).status_code == 404
    assert client.get("/en/feeds/rss/country/atlantis/").status_code == 404
    assert "Atlantis" not in client.get("/sitemap-countries.xml").text
    assert "atlantis" not in client.get(reverse("articles:article-list")).text


def test_json_ld_names_a_place_per_country_primary_first(client, regional):
    article, *_countries = regional
    data, _breadcrumb = json_ld(client.get(article.get_absolute_url()).text)
    assert data["contentLocation"] == [
        {"@type": "Place", "name": name} for name in ["Peru", "Brazil", "Colombia"]
    ]


def test_spanish_pages_name_the_countries_in_spanish(client):
    article = make_article(
        language="es",
        country=make_country(name="Peru", name_es="Perú"),
        countries=[make_country(name="Brazil", name_es="Brasil")],
    )
    data, _breadcrumb = json_ld(client.get(article.get_absolute_url()).text)
    assert [place["name"] for place in data["contentLocation"]] == ["Perú", "Brasil"]


def test_the_article_page_costs_the_same_with_1_or_17_countries(client):
    one = make_article(country=make_country())
    many = make_article(
        country=make_country(), countries=[make_country() for _ in range(16)]
    )
    assert many.countries.count() == 17
    assert queries_for(client, many.get_absolute_url()) == queries_for(
        client, one.get_absolute_url()
    )


def test_editors_pick_countries_with_an_autocomplete(client):
    client.force_login(make_user("Editors"))
    form = client.get(reverse("admin:articles_article_add")).text
    select = re.search(r'<select name="countries"[^>]*>', form)[0]
    assert "admin-autocomplete" in select


def test_the_admin_keeps_the_primary_country_the_editor_left_unticked(regional):
    article, peru, colombia, _brazil = regional
    # What the admin's form does after saving the article.
    Article._meta.get_field("countries").save_form_data(article, [colombia])
    assert set(article.countries.all()) == {peru, colombia}


def test_a_restored_revision_brings_its_countries_back(regional):
    article, peru, colombia, brazil = regional
    revision = Revision.objects.record(article)
    article.countries.set([])
    revision.restore()
    assert set(article.countries.all()) == {peru, colombia, brazil}


def test_a_translation_draft_is_about_the_same_countries(regional):
    article, *countries = regional
    draft = article.make_translation_draft("es")
    assert set(draft.countries.all()) == set(countries)
    assert draft.country == article.country


def test_generated_archives_have_some_articles_about_several_countries():
    make_country()
    make_country()
    call_command("generate_articles", 60, drafts=0, verbosity=0)
    generated = Article.objects.exclude(country=None)
    assert all(article.country in article.countries.all() for article in generated)
    assert any(article.countries.count() > 1 for article in generated)


def test_a_wordpress_post_in_several_country_categories_keeps_them_all():
    categories = "".join(
        category("category", slug, name)
        for slug, name in [("peru", "Perú"), ("bolivia", "Bolivia")]
    )
    mapping = """
    [categories]
    peru = "country:Peru"
    bolivia = "country:Bolivia"
    """
    import_export(export(post(extra=categories)), mapping)

    article = Article.objects.get()
    assert article.country.name == "Peru"
    assert sorted(names(article.countries.all())) == ["Bolivia", "Peru"]
    assert list(article.tags.names()) == []


@pytest.mark.django_db(transaction=True)
def test_existing_primary_countries_move_into_the_countries():
    executor = MigrationExecutor(connection)
    added = next(
        key
        for key in executor.loader.graph.nodes
        if key[0] == "articles" and key[1].endswith("_several_countries")
    )
    before = [
        parent
        for parent in executor.loader.graph.node_map[added].parents
        if parent.key[0] == "articles"
    ][0].key
    drop_sqlite_triggers()  # as `migrate` does first
    executor.migrate([before])
    old = executor.loader.project_state([before]).apps
    country = old.get_model("articles", "Country").objects.create(
        name="Peru", slug="peru"
    )
    article = old.get_model("articles", "Article").objects.create(
        title="Old", slug="old", dek="Old.", language="en", country=country
    )

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    call_command("migrate", verbosity=0)  # and its post_migrate work

    assert names(Article.objects.get(pk=article.pk).countries.all()) == ["Peru"]

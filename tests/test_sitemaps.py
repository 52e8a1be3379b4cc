"""Sitemaps list every public page, validate against the protocol's schema,
pair translations both ways, and leave out everything unpublished."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from django.contrib.sitemaps.views import SitemapIndexItem
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from lxml import etree

from articles import pagination
from articles.models import SiteSettings, Status
from articles.sitemaps import (
    SITEMAPS,
    ArticleSitemap,
    BilingualSitemap,
    SubjectSitemap,
    sitemapindex_xml,
    urlset_xml,
)
from articles.subjects import SubjectKind
from tests.factories import make_article, make_author, make_country, make_news_item

pytestmark = pytest.mark.django_db

SCHEMA = etree.XMLSchema(
    etree.parse(str(Path(__file__).parent / "schemas/sitemap.xsd"))
)
NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
    "n": "http://www.google.com/schemas/sitemap-news/0.9",
}
SITE = "https://news.example.org"


@pytest.fixture
def newsroom(settings):
    settings.SITE_URL = SITE
    peru = make_country(name="Peru")
    english = make_article(slug="port", language="en", country=peru, tags=["ports"])
    spanish = make_article(
        slug="puerto", language="es", translation=english, country=peru
    )
    make_article(slug="alone", published_at=timezone.now() - timedelta(days=5))
    make_article(slug="draft", status=Status.DRAFT, tags=["secret-tag"])
    make_article(slug="future", published_at=timezone.now() + timedelta(days=1))
    make_news_item(slug="award")
    return english, spanish


def fetch(client, url: str) -> etree._Element:
    response = client.get(url)
    assert response.status_code == 200, url
    document = etree.fromstring(response.content)
    assert SCHEMA.validate(document), (url, SCHEMA.error_log)
    return document


def sections(client) -> list[str]:
    index = fetch(client, "/sitemap.xml")
    return [loc.text for loc in index.findall("s:sitemap/s:loc", NS)]


def test_the_index_lists_every_section_on_the_public_origin(client, newsroom):
    assert sections(client) == [
        f"{SITE}/sitemap-{name}.xml"
        for name in [
            "articles",
            "countries",
            "topics",
            "tags",
            "authors",
            "organization",
            "pages",
        ]
    ]
    index = fetch(client, "/sitemap.xml")
    assert all(item.text for item in index.findall("s:sitemap/s:lastmod", NS))


def test_every_section_validates_and_holds_only_published_pages(client, newsroom):
    locations = []
    for url in sections(client):
        document = fetch(client, url.removeprefix(SITE))
        locations += [loc.text for loc in document.findall("s:url/s:loc", NS)]
        assert all(lastmod.text for lastmod in document.findall("s:url/s:lastmod", NS))

    for expected in [
        "/en/news/port/",
        "/es/noticias/puerto/",
        "/en/news/alone/",
        "/en/countries/peru/",
        "/en/tags/ports/",
        "/en/organization/award/",
        "/en/",
        "/es/",
        "/en/news/",
        "/es/noticias/",
        "/es/paises/peru/",
    ]:
        assert f"{SITE}{expected}" in locations, expected
    for hidden in ["/en/news/draft/", "/en/news/future/", "/en/tags/secret-tag/"]:
        assert f"{SITE}{hidden}" not in locations, hidden


def test_translations_are_paired_reciprocally_including_themselves(client, newsroom):
    document = fetch(client, "/sitemap-articles.xml")
    alternates = {
        url.find("s:loc", NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in document.findall("s:url", NS)
    }
    port, puerto = f"{SITE}/en/news/port/", f"{SITE}/es/noticias/puerto/"
    expected = {"en": port, "es": puerto, "x-default": port}
    assert alternates[port] == expected
    assert alternates[puerto] == expected
    assert alternates[f"{SITE}/en/news/alone/"] == {}


def test_every_alternate_is_a_page_for_readers_of_either_language(client, newsroom):
    """x-default above all: it is for readers of any language."""
    alternates = set()
    for url in sections(client):
        document = fetch(client, url.removeprefix(SITE))
        alternates |= {link.get("href") for link in document.findall(".//x:link", NS)}
    assert f"{SITE}/en/countries/peru/" in alternates
    for address in alternates:
        for language in ("en", "es"):
            response = client.get(
                address.removeprefix(SITE), HTTP_ACCEPT_LANGUAGE=language, follow=True
            )
            assert response.status_code == 200, (address, language)


def test_a_translation_is_named_as_an_alternate_only_while_published(client, settings):
    settings.SITE_URL = SITE
    english = make_article(slug="harbour", language="en")
    make_article(
        slug="puerto-borrador",
        language="es",
        translation=english,
        status=Status.DRAFT,
    )
    scheduled = make_article(
        slug="mine", language="en", published_at=timezone.now() + timedelta(days=1)
    )
    spanish = make_article(slug="mina", language="es", translation=scheduled)
    document = fetch(client, "/sitemap-articles.xml")
    links = {
        url.find("s:loc", NS).text: url.findall("x:link", NS)
        for url in document.findall("s:url", NS)
    }
    assert links[f"{SITE}/en/news/harbour/"] == []
    assert links[spanish.get_full_url()] == []
    assert "borrador" not in client.get("/sitemap-articles.xml").text


@pytest.fixture
def long_sections(settings, monkeypatch):
    """Five tagged articles, with files of two addresses: three files in the
    articles and tags sections."""
    settings.SITE_URL = SITE
    monkeypatch.setattr(ArticleSitemap, "limit", 2)
    monkeypatch.setattr(SubjectSitemap, "limit", 2)
    for n in range(5):
        make_article(slug=f"story-{n}", tags=[f"tag-{n}"])


def test_the_index_names_every_file_of_a_long_section_and_no_more(
    client, long_sections
):
    for section, expected in [
        ("articles", {f"{SITE}/en/news/story-{n}/" for n in range(5)}),
        ("tags", {f"{SITE}/en/tags/tag-{n}/" for n in range(5)}),
    ]:
        files = [url for url in sections(client) if f"sitemap-{section}." in url]
        assert files == [
            f"{SITE}/sitemap-{section}.xml",
            f"{SITE}/sitemap-{section}.xml?p=2",
            f"{SITE}/sitemap-{section}.xml?p=3",
        ]
        listed = [
            loc.text
            for url in files
            for loc in fetch(client, url.removeprefix(SITE)).findall("s:url/s:loc", NS)
        ]
        assert sorted(listed) == sorted(expected)
        assert client.get(f"/sitemap-{section}.xml?p=4").status_code == 404


def test_articles_published_at_one_moment_are_each_listed_once_across_files(
    client, settings, monkeypatch
):
    settings.SITE_URL = SITE
    monkeypatch.setattr(ArticleSitemap, "limit", 2)
    moment = timezone.now() - timedelta(hours=1)
    for n in range(5):
        make_article(slug=f"same-{n}", published_at=moment)
    listed = [
        loc.text
        for page in (1, 2, 3)
        for loc in fetch(client, f"/sitemap-articles.xml?p={page}").findall(
            "s:url/s:loc", NS
        )
    ]
    assert sorted(listed) == [f"{SITE}/en/news/same-{n}/" for n in range(5)]


def test_an_empty_archive_has_an_empty_first_file(client):
    assert fetch(client, "/sitemap-articles.xml").findall("s:url", NS) == []
    assert client.get("/sitemap-articles.xml?p=2").status_code == 404


class CacheReads:
    """The cache, recording the keys of every ``get_many``."""

    def __init__(self):
        self.many: list[list[str]] = []

    def get_many(self, keys):
        self.many.append(list(keys))
        return cache.get_many(keys)

    def __getattr__(self, name):
        return getattr(cache, name)


def test_a_subject_file_reads_its_own_page_of_the_subjects_the_index_counted(
    client, long_sections, monkeypatch
):
    computed = []
    published_subjects = SubjectKind.published_subjects

    def counted(kind):
        computed.append(kind.name)
        return published_subjects(kind)

    monkeypatch.setattr(SubjectKind, "published_subjects", counted)
    reads = CacheReads()
    monkeypatch.setattr(pagination, "cache", reads)
    sections(client)
    assert sorted(computed) == ["author", "country", "tag", "topic"]

    fetch(client, "/sitemap-tags.xml?p=2")
    (keys,) = reads.many
    assert len(keys) == 1
    assert keys[0].endswith(":sitemap-tag:1")  # from 0: the second page
    assert sorted(computed) == ["author", "country", "tag", "topic"]


def test_a_paged_list_slices_across_pages_and_rebuilds_an_evicted_one():
    built = []

    def numbers():
        built.append(1)
        return list(range(10))

    paged = pagination.PagedList("numbers", 3, numbers)
    assert len(paged) == 10
    again = pagination.PagedList("numbers", 3, numbers)
    assert [again[3:6], again[2:8], again[9:12], again[0:0]] == [
        [3, 4, 5],
        [2, 3, 4, 5, 6, 7],
        [9],
        [],
    ]
    assert len(built) == 1
    cache.delete(f"{again.key}:1")
    assert pagination.PagedList("numbers", 3, numbers)[3:6] == [3, 4, 5]
    assert len(built) == 2


def test_a_file_keeps_the_headers_of_djangos_view(client, newsroom):
    response = client.get("/sitemap-articles.xml")
    assert response["Content-Type"] == "application/xml"
    assert response["X-Robots-Tag"] == "noindex, noodp, noarchive"
    assert response["Last-Modified"]


def test_the_news_sitemap_holds_only_the_last_two_days(client, newsroom):
    document = fetch(client, "/sitemap-news.xml")
    urls = document.findall("s:url", NS)
    assert sorted(url.find("s:loc", NS).text for url in urls) == [
        f"{SITE}/en/news/port/",
        f"{SITE}/es/noticias/puerto/",
    ]
    first = urls[0].find("n:news", NS)
    assert (
        first.find("n:publication/n:name", NS).text
        == SiteSettings.load().organization_name
    )
    assert first.find("n:publication/n:language", NS).text in {"en", "es"}
    assert first.find("n:publication_date", NS).text
    assert first.find("n:title", NS).text


def test_robots_names_the_sitemaps_and_keeps_out_admin_and_republish_pages(
    client, newsroom
):
    robots = client.get("/robots.txt")
    assert robots["Content-Type"].startswith("text/plain")
    lines = robots.text.splitlines()
    assert f"Sitemap: {SITE}/sitemap.xml" in lines
    assert f"Sitemap: {SITE}/sitemap-news.xml" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /en/news/*/republish/" in lines
    assert "Disallow: /es/noticias/*/republicar/" in lines
    assert "Disallow: /es/buscar/" in lines


def test_favicon_address_leads_to_the_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == "/static/img/favicon.ico"
    assert finders.find("img/favicon.ico")


def test_sitemaps_cost_the_same_for_few_or_many_articles(client, settings):
    settings.SITE_URL = SITE

    def cost(url):
        cache.clear()  # sitemaps are cached
        SiteSettings.load()
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        return len(queries)

    # A translated pair in each archive: a file with no translation at all
    # skips the query for them.
    english = make_article(tags=["a"], authors=[make_author()])
    make_article(language="es", translation=english)
    few = {
        url: cost(url)
        for url in ["/sitemap-articles.xml", "/sitemap-tags.xml", "/sitemap-news.xml"]
    }
    for n in range(10):
        other = make_article(language="es", tags=[f"t{n}"], authors=[make_author()])
        make_article(translation=other, tags=[f"t{n}"])
    many = {url: cost(url) for url in few}
    assert many == few


def test_sections_are_written_byte_for_byte_as_djangos_template_would(newsroom):
    for sitemap_class in SITEMAPS.values():
        urls = sitemap_class().get_urls()
        assert urlset_xml(urls) == render_to_string("sitemap.xml", {"urlset": urls})


def test_subject_files_are_what_djangos_loop_and_template_make_of_them(
    settings, monkeypatch
):
    """Subject files are built once per subject, not by Django's loop over
    each (subject, language) pair: the same addresses, dates, alternates
    (x-default, the English page, only where there is one), order, split into files
    (here of three addresses, so a subject's pair can straddle two) and
    Last-Modified."""
    settings.SITE_URL = SITE
    monkeypatch.setattr(SubjectSitemap, "limit", 3)
    # The early hours in UTC are the evening before in Lima.
    night = datetime(2026, 1, 3, 2, 30, tzinfo=UTC)
    reporter = make_author(name="Rosa")
    for language, tags, days in [
        ("en", ["ports", "mining"], 1),
        ("es", ["ports", "minería"], 3),
        ("es", ["solo-spanish"], 2),
        ("en", ["en"], 4),  # a slug that is also the language's prefix
    ]:
        make_article(
            language=language,
            tags=tags,
            authors=[reporter, make_author()],
            countries=[make_country(name=f"Country {days}")],
            published_at=night - timedelta(days=days),
        )
    files = []
    with timezone.override("America/Lima"):
        for section in ["countries", "tags", "authors"]:
            sitemap, djangos = SITEMAPS[section](), SITEMAPS[section]()
            assert sitemap.paginator.num_pages > 1, section
            for page in sitemap.paginator.page_range:
                files.append(urlset_xml(sitemap.get_urls(page)))
                urls = BilingualSitemap.get_urls(djangos, page)
                assert files[-1] == render_to_string("sitemap.xml", {"urlset": urls})
                assert sitemap.latest_lastmod == djangos.latest_lastmod
    assert f'hreflang="x-default" href="{SITE}/en/tags/en/"' in "".join(files)


def test_the_index_is_written_byte_for_byte_as_djangos_template_would():
    entries = [
        SitemapIndexItem(f"{SITE}/sitemap-articles.xml", timezone.now()),
        SitemapIndexItem(
            f"{SITE}/sitemap-articles.xml?p=2&x=<1>",
            datetime(2026, 1, 2, 23, 30, tzinfo=UTC),
        ),
        SitemapIndexItem(f"{SITE}/sitemap-organization.xml", None),
    ]
    # A zone where 23:30 UTC is another day's evening.
    with timezone.override("America/Lima"):
        written = sitemapindex_xml(entries)
        assert written == render_to_string("sitemap_index.xml", {"sitemaps": entries})
    assert "2026-01-02T18:30:00-05:00" in written

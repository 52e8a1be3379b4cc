"""RSS and Atom feeds parse cleanly and carry everything a reader or partner needs."""

from datetime import timedelta

import feedparser
import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import SiteSettings, Status
from tests.factories import (
    make_article,
    make_author,
    make_country,
    make_image,
    make_topic,
)

pytestmark = pytest.mark.django_db

LICENCE = "https://creativecommons.org/licenses/by-nc/4.0/"


@pytest.fixture
def newsroom(settings):
    settings.SITE_URL = "https://news.example.org"
    country, topic = make_country(name="Peru"), make_topic(name="Mining")
    article = make_article(
        slug="gold",
        kind="analysis",
        title="Gold dredges return",
        dek="The patrols ended.",
        body='<p>See <a href="/countries/peru/">Peru</a>.</p>',
        authors=[make_author(name="Ana Ríos"), make_author(name="Luis Vega")],
        country=country,
        topics=[topic],
        tags=["gold", "rivers"],
        sections=[{"heading": "", "body": "<p>Why it matters.</p>"}],
    )
    make_article(title="Secret draft", status=Status.DRAFT, country=country)
    make_article(
        title="Future piece",
        published_at=timezone.now() + timedelta(days=1),
        country=country,
    )
    return article


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, (url, feed.get("bozo_exception"))
    return feed


FEEDS = [
    "/en/feeds/{fmt}/",
    "/en/feeds/{fmt}/kind/analysis/",
    "/en/feeds/{fmt}/country/peru/",
    "/en/feeds/{fmt}/topic/mining/",
    "/en/feeds/{fmt}/tag/gold/",
    "/en/feeds/{fmt}/author/ana-rios/",
    "/en/feeds/{fmt}/language/en/",
]


@pytest.mark.parametrize("fmt", ["rss", "atom"])
@pytest.mark.parametrize("pattern", FEEDS)
def test_every_feed_parses_and_carries_each_field(client, newsroom, fmt, pattern):
    feed = parse(client, pattern.format(fmt=fmt))

    assert [entry.title for entry in feed.entries] == ["Gold dredges return"]
    entry = feed.entries[0]
    assert entry.link == "https://news.example.org/en/news/gold/"
    assert entry.id == "https://news.example.org/en/news/gold/"
    assert entry.published_parsed
    assert entry.get("updated_parsed")
    assert [author["name"] for author in entry.authors][-2:] == [
        "Ana Ríos",
        "Luis Vega",
    ]
    assert {tag.term for tag in entry.tags} >= {"Peru", "Mining", "gold", "rivers"}
    assert entry.summary == "The patrols ended."
    content = entry.content[0].value
    assert '<a href="https://news.example.org/countries/peru/">Peru</a>' in content
    assert "Why it matters." in content
    assert "This article was first published by" in content
    assert entry.license == LICENCE
    assert feed.feed.license == LICENCE


def test_rss_names_every_author_as_a_dublin_core_creator(client, newsroom):
    body = client.get("/en/feeds/rss/").text
    assert "<dc:creator>Ana Ríos</dc:creator><dc:creator>Luis Vega</dc:creator>" in body


def test_feeds_only_carry_published_articles(client, newsroom):
    for fmt in ("rss", "atom"):
        titles = [entry.title for entry in parse(client, f"/en/feeds/{fmt}/").entries]
        assert "Secret draft" not in titles and "Future piece" not in titles


def test_unknown_subjects_are_404(client, newsroom):
    for url in [
        "/en/feeds/rss/kind/gossip/",
        "/en/feeds/atom/country/atlantis/",
        "/en/feeds/rss/language/fr/",
    ]:
        assert client.get(url).status_code == 404


def test_the_partner_feed_carries_republishable_copies_only(client, newsroom):
    closed = make_article(title="Not for republishing")
    closed.allow_republishing = False
    closed.save()

    feed = parse(client, "/en/feeds/partner/")

    assert [entry.title for entry in feed.entries] == ["Gold dredges return"]
    content = feed.entries[0].content[0].value
    assert content.startswith("<p>This article was originally published by")
    assert "Read the original:" in content
    assert "/republished/" in content


def test_feeds_are_served_from_the_cache_until_the_content_changes(
    client, newsroom, django_capture_on_commit_callbacks, settings
):
    settings.NEWSROOM_PAGE_CACHE = True
    first = client.get("/en/feeds/rss/")
    with CaptureQueriesContext(connection) as queries:
        again = client.get("/en/feeds/rss/")
    assert again.content == first.content
    assert not [query for query in queries if "articles_article" in query["sql"]]

    with django_capture_on_commit_callbacks(execute=True):
        make_article(title="Brand new")

    assert b"Brand new" in client.get("/en/feeds/rss/").content


def test_feeds_cost_the_same_for_1_or_12_articles(client):
    def cost():
        cache.clear()  # the feed itself is cached
        SiteSettings.load()
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/en/feeds/atom/").status_code == 200
        return len(queries)

    make_article(
        tags=["a"],
        authors=[make_author(), make_author()],
        sections=[{"heading": "", "body": "<p>x</p>"}],
    )
    one = cost()
    for n in range(11):
        make_article(
            tags=[f"t{n}", "b"],
            authors=[make_author(), make_author()],
            sections=[{"heading": "", "body": "<p>x</p>"}],
        )
    assert cost() == one


def entry_content(client, url: str) -> str:
    return parse(client, url).entries[0].content[0].value


def test_an_edited_body_shows_in_every_feed_on_the_next_request(
    client, newsroom, django_capture_on_commit_callbacks, settings
):
    settings.NEWSROOM_PAGE_CACHE = False
    assert "Why it matters." in entry_content(client, "/en/feeds/rss/")

    with django_capture_on_commit_callbacks(execute=True):
        newsroom.body = "<p>The dredges left again.</p>"
        newsroom.save()

    for url in ["/en/feeds/rss/", "/en/feeds/atom/tag/gold/", "/en/feeds/partner/"]:
        assert "The dredges left again." in entry_content(client, url), url


def test_an_edited_figure_caption_shows_in_the_feed_on_the_next_request(
    client, newsroom, django_capture_on_commit_callbacks, settings
):
    settings.NEWSROOM_PAGE_CACHE = False
    image = make_image(caption="Dredges on the river")
    with django_capture_on_commit_callbacks(execute=True):
        newsroom.body = f'<figure data-image="{image.pk}"></figure>'
        newsroom.save()
    assert "Dredges on the river" in entry_content(client, "/en/feeds/rss/")

    with django_capture_on_commit_callbacks(execute=True):
        image.caption = "Dredges at dawn"
        image.save()

    assert "Dredges at dawn" in entry_content(client, "/en/feeds/rss/")


def test_an_unpublished_article_leaves_every_feed_on_the_next_request(
    client, newsroom, django_capture_on_commit_callbacks, settings
):
    settings.NEWSROOM_PAGE_CACHE = False
    urls = ["/en/feeds/rss/", "/en/feeds/atom/kind/analysis/", "/en/feeds/partner/"]
    for url in urls:
        assert parse(client, url).entries

    with django_capture_on_commit_callbacks(execute=True):
        newsroom.unpublish(None, "Legal hold")
        newsroom.save()

    for url in urls:
        assert not parse(client, url).entries, url


def test_feeds_share_each_articles_rendering(client, newsroom, settings):
    settings.NEWSROOM_PAGE_CACHE = False
    rss = entry_content(client, "/en/feeds/rss/")

    with CaptureQueriesContext(connection) as queries:
        atom = entry_content(client, "/en/feeds/atom/country/peru/")

    assert atom == rss
    # Only the subject and the articles' ids are read: the entry is the RSS
    # feed's, so no author, tag, section or correction is read again.
    read = " ".join(query["sql"] for query in queries)
    for table in ["articleauthor", "taggit_tag", "analysissection", "correction"]:
        assert table not in read


def test_the_partner_feed_renders_its_own_copy_of_a_shared_article(
    client, newsroom, settings
):
    settings.NEWSROOM_PAGE_CACHE = False
    full_text = entry_content(client, "/en/feeds/rss/")

    copy = entry_content(client, "/en/feeds/partner/")

    assert copy != full_text
    assert copy.startswith("<p>This article was originally published by")
    assert entry_content(client, "/en/feeds/rss/") == full_text


def test_pages_announce_their_feeds(client, newsroom):
    page = client.get(newsroom.country.get_absolute_url()).text
    assert 'rel="alternate" type="application/rss+xml"' in page
    assert 'href="/en/feeds/rss/country/peru/"' in page
    home = client.get("/en/").text
    assert 'type="application/atom+xml"' in home and 'href="/en/feeds/atom/"' in home

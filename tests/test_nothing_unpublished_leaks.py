"""Nothing unpublished leaks: drafts, articles in review, scheduled and
unpublished articles and organization news, and the subjects only they use,
appear on no public surface in either language; publishing one shows it
everywhere at once, and unpublishing it removes it everywhere at once, even
where responses are cached."""

import time
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from lxml import etree

from articles.models import Article, Status
from articles.republish import pixel_url
from tests.factories import (
    make_article,
    make_author,
    make_correction,
    make_country,
    make_news_item,
    make_topic,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    """As in production: every public response served from the cache."""
    settings.NEWSROOM_PAGE_CACHE = True


LANGUAGES = ["en", "es"]
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
FEEDS = ["rss", "atom"]
STATES = ["draft", "review", "scheduled", "unpublished"]


@pytest.fixture
def newsroom(settings):
    """One published article per language, and hidden work that shares its
    subjects with nothing published."""
    settings.SITE_URL = "http://testserver"
    public = {
        "country": make_country(name="Openland"),
        "topic": make_topic(name="Open water"),
        "author": make_author(name="Open Reporter"),
    }
    for language in LANGUAGES:
        make_article(
            title=f"Visible story {language}",
            language=language,
            country=public["country"],
            topics=[public["topic"]],
            authors=[public["author"]],
            tags=["open-tag"],
        )
    hidden = {
        "country": make_country(name="Hidden Republic", slug="hr"),
        "topic": make_topic(name="Hidden Matters", slug="hm"),
        "author": make_author(name="Hidden Hand", slug="hh"),
    }
    now = timezone.now()
    states = {
        "draft": {"status": Status.DRAFT, "published_at": None},
        "review": {"status": Status.IN_REVIEW, "published_at": None},
        "scheduled": {"published_at": now + timedelta(days=2)},
        "unpublished": {
            "status": Status.DRAFT,
            "published_at": now - timedelta(days=3),
        },
    }
    articles = []
    for language in LANGUAGES:
        for state, fields in states.items():
            articles.append(
                make_article(
                    title=f"Quokkaglow {state} {language} headline",
                    slug=f"quokkaglow-{state}-{language}",
                    language=language,
                    country=hidden["country"],
                    topics=[hidden["topic"]],
                    authors=[hidden["author"]],
                    tags=["Velvetmoss Label"],
                    **fields,
                )
            )
            # The corrections page names the article it corrects.
            make_correction(articles[-1])
            make_news_item(
                title=f"Marmotbright {state} {language} news",
                slug=f"marmotbright-{state}-{language}",
                language=language,
                **fields,
            )
    return hidden, articles


def hidden_words() -> list[str]:
    """Titles, addresses and subject names that must stay hidden."""
    words = ["Hidden Republic", "Hidden Matters", "Hidden Hand", "Velvetmoss Label"]
    for language in LANGUAGES:
        for state in STATES:
            words += [
                f"Quokkaglow {state} {language} headline",
                f"quokkaglow-{state}-{language}",
                f"Marmotbright {state} {language} news",
                f"marmotbright-{state}-{language}",
            ]
    return words


def public_urls(client, hidden: dict, articles: list[Article]) -> list[str]:
    """Every public address the project serves that could show them."""
    urls = ["/robots.txt", "/sitemap.xml", "/sitemap-news.xml"]
    index = etree.fromstring(client.get("/sitemap.xml").content)
    urls += [
        loc.text.removeprefix("http://testserver")
        for loc in index.findall("s:sitemap/s:loc", SITEMAP_NS)
    ]
    subjects = {
        "country": "hr",
        "topic": "hm",
        "author": "hh",
        "tag": "velvetmoss-label",
    }
    for language in LANGUAGES:
        with translation.override(language):
            urls += [
                reverse("articles:home"),
                reverse("articles:article-list"),
                reverse("articles:article-list") + "?language=all",
                reverse("articles:organization-news-list"),
                reverse("articles:donate"),
                reverse("articles:corrections"),
                reverse("articles:search") + "?q=quokkaglow",
                reverse("articles:search") + "?q=headline",
                reverse("articles:feed-partner"),
                reverse("articles:feed-rss-language", args=[language]),
            ]
            for name, slug in subjects.items():
                urls.append(reverse(f"articles:{name}", args=[slug]))
                urls.append(reverse("articles:article-list") + f"?{name}={slug}")
                urls += [
                    reverse(f"articles:feed-{feed}-{name}", args=[slug])
                    for feed in FEEDS
                ]
            urls += [reverse(f"articles:feed-{feed}") for feed in FEEDS]
            urls += [
                reverse("articles:feed-rss-kind", args=["brief"]),
                reverse("articles:organization-news-detail", args=["x"]),
            ]
            for state in STATES:
                urls.append(
                    reverse(
                        "articles:organization-news-detail",
                        args=[f"marmotbright-{state}-{language}"],
                    )
                )
    for article in articles:
        urls += [
            article.get_absolute_url(),
            reverse("articles:article-republish", args=[article.slug]),
            pixel_url(article).removeprefix("http://testserver"),
        ]
    return urls


def leaks(client, urls: list[str], words: list[str]) -> list[tuple[str, str]]:
    """(url, word) for each hidden word a response shows, other than an
    address the request itself carries (a page may echo its own address)."""
    found = []
    for url in urls:
        response = client.get(url, follow=True)
        assert response.status_code in (200, 404), (url, response.status_code)
        text = response.content.decode("utf-8", errors="replace")
        found += [
            (url, word)
            for word in words
            if word in text and word.lower() not in url.lower()
        ]
    return found


def test_nothing_unpublished_reaches_any_public_address(client, newsroom):
    hidden, articles = newsroom
    urls = public_urls(client, hidden, articles)
    assert len(urls) > 80
    assert leaks(client, urls, hidden_words()) == []


def test_subjects_used_only_by_hidden_work_have_no_page_and_no_feed(client, newsroom):
    for language in LANGUAGES:
        with translation.override(language):
            assert (
                client.get(reverse("articles:country", args=["hr"])).status_code == 404
            )
            assert (
                client.get(reverse("articles:feed-atom-tag", args=["velvetmoss-label"]))
            ).status_code == 404
            index = client.get(reverse("articles:article-list"))
            choices = index.context["filter"].form.fields["author"].queryset
            assert "Hidden Hand" not in [author.name for author in choices]


def test_publishing_shows_it_everywhere_at_once_and_unpublishing_removes_it(
    client, newsroom, django_capture_on_commit_callbacks
):
    hidden, articles = newsroom
    urls = public_urls(client, hidden, articles)
    words = hidden_words()
    assert leaks(client, urls, words) == []  # every cache is warm now
    draft = Article.objects.get(slug="quokkaglow-draft-en")

    with django_capture_on_commit_callbacks(execute=True):
        draft.publish(None)

    expected_in = [
        draft.get_absolute_url(),
        "/en/feeds/rss/",
        "/en/feeds/atom/country/hr/",
        "/en/feeds/rss/tag/velvetmoss-label/",
        "/en/feeds/atom/author/hh/",
        "/en/feeds/rss/topic/hm/",
        "/en/countries/hr/",
        "/en/news/?tag=velvetmoss-label",
        "/en/search/?q=quokkaglow",
        "/sitemap-articles.xml",
        "/sitemap-news.xml",
        "/en/",
    ]
    for url in expected_in:
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"quokkaglow-draft-en" in response.content or (
            b"Quokkaglow draft en headline" in response.content
        ), url
    assert b"Hidden Republic" in client.get("/en/countries/hr/").content
    assert b"/en/countries/hr/" in client.get("/sitemap-countries.xml").content
    assert b"/en/tags/velvetmoss-label/" in client.get("/sitemap-tags.xml").content
    # Only the published article's own language gains the subject.
    assert b"/es/paises/hr/" not in client.get("/sitemap-countries.xml").content

    with django_capture_on_commit_callbacks(execute=True):
        draft.unpublish(None, "Legal review")

    assert leaks(client, urls, words) == []


def test_a_scheduled_article_appears_when_its_time_comes_without_a_job(
    client, newsroom, django_capture_on_commit_callbacks
):
    scheduled = Article.objects.get(slug="quokkaglow-scheduled-en")
    assert b"Quokkaglow" not in client.get("/en/feeds/rss/").content

    with django_capture_on_commit_callbacks(execute=True):
        scheduled.published_at = timezone.now() + timedelta(seconds=1)
        scheduled.save()
    assert b"Quokkaglow" not in client.get("/en/feeds/rss/").content
    assert b"quokkaglow" not in client.get("/sitemap-news.xml").content

    time.sleep(1.1)

    assert b"Quokkaglow scheduled en" in client.get("/en/feeds/rss/").content
    assert b"quokkaglow-scheduled-en" in client.get("/sitemap-news.xml").content
    assert b"quokkaglow-scheduled-en" in client.get("/sitemap-articles.xml").content

"""Corrections and updates: dated notes beside an article, shown on its page,
carried wherever the article goes, and listed on a public record per language."""

import json
import shutil
import subprocess
from datetime import timedelta

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from articles.models import Article, Correction, Revision, Status
from articles.republish import republish_html, republish_text
from tests.admin_forms import article_form_data
from tests.factories import licence_named, make_article, make_correction, make_outlet
from tests.test_html_validity import VNU
from tests.test_query_counts import queries_for
from tests.test_structured_data import json_ld

pytestmark = pytest.mark.django_db

SITE = "https://news.example.org"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def corrected():
    """A published article with an older correction and a newer update."""
    article = make_article(slug="dredges", title="Gold dredges return")
    make_correction(
        article,
        text="The patrols ended in May, not June.",
        published_at=timezone.now() - timedelta(minutes=30),
    )
    make_correction(
        article,
        kind="update",
        text="The ministry has since answered.",
        published_at=timezone.now() - timedelta(minutes=5),
    )
    return article


def test_an_editor_adds_a_correction_from_the_article_form_without_the_body(
    client, editor
):
    article = make_article(body="<p>The patrols ended in June.</p>")
    response = client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        article_form_data(
            existing=article,
            title=article.title,
            slug=article.slug,
            dek=article.dek,
            body=article.body,
            status=article.status,
            corrections=[
                {
                    "kind": "correction",
                    "text": "The patrols ended in May.",
                    "published_at_0": timezone.localdate().isoformat(),
                    "published_at_1": "00:00:00",
                }
            ],
        ),
    )
    assert response.status_code == 302
    correction = Correction.objects.get(article=article)
    assert correction.text == "The patrols ended in May."
    assert Article.objects.get(pk=article.pk).body == article.body
    history = Revision.objects.filter(article=article).latest()
    assert history.data["corrections"] == [f"{correction} — The patrols ended in May."]


def test_a_correction_cannot_be_dated_in_the_future():
    article = make_article()
    correction = Correction(
        article=article, text="Soon.", published_at=timezone.now() + timedelta(days=1)
    )
    with pytest.raises(Exception, match="future"):
        correction.full_clean()


def test_restoring_an_older_revision_keeps_the_corrections(corrected):
    revision = Revision.objects.record(Article.objects.get(pk=corrected.pk))
    make_correction(corrected, text="A third note.")
    revision.restore()
    assert corrected.corrections.count() == 3


def test_the_page_lists_notes_below_the_headline_and_in_full_at_the_end(
    client, corrected
):
    html = client.get(corrected.get_absolute_url()).text
    update, correction = corrected.corrections.all()
    summary = html.index('class="corrections-summary"')
    assert html.index("<h1>") < summary < html.index('class="dek"')
    # Latest first in both places.
    assert html.index(f'href="#correction-{update.pk}"') < html.index(
        f'href="#correction-{correction.pk}"'
    )
    end = html.index('id="corrections"')
    assert html.index('class="article-body"') < end
    assert html.index(f'id="correction-{update.pk}"') < html.index(
        f'id="correction-{correction.pk}"'
    )
    assert "The patrols ended in May, not June." in html[summary:end]
    assert "The patrols ended in May, not June." in html[end:]


def test_the_notes_below_the_headline_are_shortened(client):
    article = make_article()
    make_correction(article, text=" ".join(f"word{n}" for n in range(40)))
    html = client.get(article.get_absolute_url()).text
    summary = html[html.index("corrections-summary") : html.index('class="dek"')]
    assert "word19 …" in summary
    assert "word20" not in summary
    assert "word39" in html


def test_an_article_without_notes_shows_no_notes_section(client):
    html = client.get(make_article().get_absolute_url()).text
    assert "corrections-summary" not in html
    assert 'id="corrections"' not in html


def test_the_spanish_page_names_the_kinds_in_spanish(client):
    article = make_article(language="es", slug="dragas")
    make_correction(article, kind="clarification", text="Aclaramos la fecha.")
    html = client.get(article.get_absolute_url()).text
    assert "Correcciones y actualizaciones" in html
    assert "Aclaración" in html


def test_json_ld_carries_corrections_as_correction_comments(client, corrected):
    data = json_ld(client.get(corrected.get_absolute_url()).text)[0]
    correction = corrected.corrections.get(kind="correction")
    # An update adds to the article: it corrects nothing.
    assert data["correction"] == [
        {
            "@type": "CorrectionComment",
            "text": "The patrols ended in May, not June.",
            "datePublished": correction.published_at.isoformat(),
        }
    ]


def test_a_new_correction_moves_the_modification_time(client):
    article = make_article()
    long_ago = timezone.now() - timedelta(days=30)
    Article.objects.filter(pk=article.pk).update(
        published_at=long_ago, updated_at=long_ago
    )
    before = timezone.now()
    make_correction(article)
    data = json_ld(client.get(article.get_absolute_url()).text)[0]
    assert parse_datetime(data["dateModified"]) >= before
    sitemap = client.get("/sitemap-articles.xml").text
    assert f"<lastmod>{before.date().isoformat()}" in sitemap


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_feeds_carry_the_notes_and_the_new_modification_time(client, corrected, fmt):
    feed = feedparser.parse(client.get(f"/en/feeds/{fmt}/").content)
    assert not feed.bozo
    (entry,) = feed.entries
    content = entry.content[0].value
    assert "The patrols ended in May, not June." in content
    assert "The ministry has since answered." in content
    newest = corrected.corrections.first().published_at
    assert parse_datetime(entry.updated) >= newest.replace(microsecond=0)


def test_the_republished_copy_carries_the_notes_before_the_attribution(corrected):
    article = Article.objects.get(pk=corrected.pk)
    copy = republish_html(article)
    assert copy.index("The ministry has since answered.") < copy.index(
        "The patrols ended in May, not June."
    )
    assert copy.index("The patrols ended in May") < copy.index("first published by")
    assert "Correction (" in republish_text(article)


def test_the_corrections_page_lists_published_articles_notes_newest_first(
    client, corrected
):
    draft = make_article(status=Status.DRAFT, title="Secret draft")
    make_correction(draft, text="Secret correction.")
    make_correction(
        make_article(language="es", slug="otro"), text="Corrección en español."
    )
    html = client.get("/en/corrections/").text
    assert html.index("The ministry has since answered.") < html.index(
        "The patrols ended in May, not June."
    )
    assert 'href="/en/news/dredges/#correction-' in html
    assert "Secret" not in html
    assert "Corrección en español." not in html
    spanish = client.get("/es/correcciones/")
    assert "Corrección en español." in spanish.text
    assert "Correcciones y actualizaciones" in spanish.text


def test_the_language_switch_leads_to_the_other_languages_record(client):
    assert 'href="/es/correcciones/"' in client.get("/en/corrections/").text


def test_the_english_word_under_the_spanish_prefix_redirects(client):
    response = client.get("/es/corrections/")
    assert response.status_code == 301
    assert response["Location"] == "/es/correcciones/"


def test_an_unpublished_article_takes_its_notes_off_every_public_surface(
    client, corrected
):
    corrected.unpublish(None, "Legal review.")
    assert "The patrols ended" not in client.get("/en/corrections/").text
    assert "The patrols ended" not in client.get("/en/feeds/rss/").text
    assert client.get(corrected.get_absolute_url()).status_code == 404


def test_the_corrections_page_is_paginated(client):
    article = make_article()
    for number in range(25):
        make_correction(article, text=f"Note {number}.")
    first = client.get("/en/corrections/")
    assert first.text.count('class="correction-entry"') == 20
    second = client.get("/en/corrections/?page=2")
    assert second.text.count('class="correction-entry"') == 5


def test_the_corrections_page_is_in_the_sitemap(client):
    sitemap = client.get("/sitemap-pages.xml").text
    assert f"{SITE}/en/corrections/" in sitemap
    assert f"{SITE}/es/correcciones/" in sitemap


def test_a_new_correction_reaches_a_cached_page(
    client, settings, django_capture_on_commit_callbacks
):
    settings.NEWSROOM_PAGE_CACHE = True
    article = make_article()
    assert "Late note." not in client.get(article.get_absolute_url()).text
    with django_capture_on_commit_callbacks(execute=True):
        make_correction(article, text="Late note.")
    assert "Late note." in client.get(article.get_absolute_url()).text


def test_the_article_page_costs_the_same_with_0_or_5_notes(client):
    plain, noted = make_article(), make_article()
    for number in range(5):
        make_correction(noted, text=f"Note {number}.")
    assert queries_for(client, noted.get_absolute_url()) == queries_for(
        client, plain.get_absolute_url()
    )


def test_the_corrections_page_costs_the_same_for_2_or_12_notes(client):
    def add_notes(count):
        for number in range(count):
            make_correction(make_article(), text=f"Note {number}.")

    add_notes(2)
    few = queries_for(client, "/en/corrections/")
    add_notes(10)
    assert queries_for(client, "/en/corrections/") <= few


def test_the_new_markup_is_valid_html(client, tmp_path):
    checker = [shutil.which("java"), "-jar", str(VNU)]
    if not (checker[0] and VNU.exists()):
        pytest.skip("the Nu Html Checker needs java and vnu-jar (make test)")
    outlet, partner = make_outlet(), make_outlet(url="")
    article = make_article(
        original_outlet=outlet,
        original_url="https://example.com/original/",
        licence=licence_named("All rights reserved"),
    )
    article.partners.set([outlet, partner])
    make_correction(article, text="First line.\n\nSecond paragraph.")
    make_correction(article, kind="editors-note", text="A note.")
    make_correction(make_article(language="es"), kind="update")
    urls = [article.get_absolute_url(), "/en/corrections/", "/es/correcciones/"]
    files = []
    for number, url in enumerate(urls):
        path = tmp_path / f"page-{number}.html"
        path.write_bytes(client.get(url).content)
        files.append(str(path))
    result = subprocess.run(
        [*checker, "--format", "json", "--errors-only", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert json.loads(result.stderr or '{"messages": []}')["messages"] == []

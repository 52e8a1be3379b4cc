"""Browsing a large archive: filters by suggestion, capped search counts,
pagination that reads ids first, and the generator of benchmark archives."""

import json
import re

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse

from articles import search
from articles.models import Article, ArticleAuthor, Status, TaggedArticle
from articles.pagination import ArchivePaginator
from tests.factories import make_article, make_author, make_country

pytestmark = pytest.mark.django_db

INDEX = reverse("articles:article-list")


def suggestions(client, kind: str, text: str, language: str = "en") -> list[str]:
    url = f"/{language}/suggestions/{kind}/"
    response = client.get(url, {"q": text})
    assert response.status_code == 200
    return [result["label"] for result in json.loads(response.content)["results"]]


def test_suggestions_offer_only_subjects_public_in_the_page_language(client):
    make_article(tags=["Gold mining"], authors=[make_author(name="Ana Ríos")])
    make_article(tags=["Gold smuggling"], status=Status.DRAFT)
    make_article(tags=["Gold prices"], language="es")
    assert suggestions(client, "tag", "gol") == ["Gold mining"]
    assert suggestions(client, "tag", "gol", "es") == ["Gold prices"]
    assert suggestions(client, "author", "ana") == ["Ana Ríos"]
    assert suggestions(client, "author", "ana", "es") == []


def test_suggestions_need_a_known_kind_and_some_text(client):
    make_article(tags=["Gold"])
    assert client.get("/en/suggestions/nothing/", {"q": "go"}).status_code == 404
    assert suggestions(client, "tag", "") == []


def test_tag_and_author_filters_take_a_slug_or_a_name(client):
    reporter = make_author(name="Ana Ríos")
    make_article(title="Gold story", tags=["Gold mining"], authors=[reporter])
    make_article(title="Other story")
    for query in [
        {"tag": "gold-mining"},
        {"tag": "gold mining"},
        {"author": "Ana Ríos"},
    ]:
        articles = client.get(INDEX, query).context["articles"]
        assert [article.title for article in articles] == ["Gold story"]


def test_an_unknown_or_unpublished_tag_is_a_clear_error(client):
    make_article(tags=["Secret"], status=Status.DRAFT)
    page = client.get(INDEX, {"tag": "secret"}).text
    assert "Nothing has been published with “secret”." in page


def test_the_index_lists_no_tag_or_author_choices(client):
    make_article(
        tags=[f"tag {n}" for n in range(300)],
        authors=[make_author() for _ in range(30)],
    )
    page = client.get(INDEX).text
    assert "tag 299" not in page
    assert 'data-suggest="/en/suggestions/tag/"' in page
    assert len(page.encode()) < 40 * 1024


def test_search_counts_stop_at_the_cap(client, monkeypatch):
    monkeypatch.setattr(search, "MAX_RESULTS", 3)
    for n in range(5):
        make_article(title=f"Harbour {n}")
    response = client.get(reverse("articles:search"), {"q": "harbour"})
    assert "More than 3 results for “harbour”" in response.text
    assert len(response.context["results"]) == 3


def test_search_ignores_accents(client):
    make_article(title="La policía en el puerto", language="es")
    response = client.get("/es/buscar/", {"q": "policia"})
    assert [article.title for article, _snippet in response.context["results"]] == [
        "La policía en el puerto"
    ]


def test_archive_pages_match_plain_pagination():
    for _ in range(7):
        make_article()
    articles = Article.objects.published().order_by("-published_at", "-pk")
    paginator = ArchivePaginator(articles, 3, count_key="test")
    assert paginator.num_pages == 3
    assert [list(paginator.page(n)) for n in (1, 2, 3)] == [
        list(articles[0:3]),
        list(articles[3:6]),
        list(articles[6:7]),
    ]


def test_admin_filters_by_tag_with_autocomplete_and_searches(client):
    editor = User.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(editor)
    make_article(title="Gold dredges", tags=["gold"])
    make_article(title="Port scanners", tags=["ports"])
    changelist = reverse("admin:articles_article_changelist")
    gold = TaggedArticle.objects.get(tag__name="gold").tag_id

    page = client.get(changelist).text
    assert "admin-autocomplete" in page
    assert ">ports<" not in page  # no link per tag
    filtered = client.get(changelist, {"tags__id__exact": gold})
    assert [a.title for a in filtered.context["cl"].result_list] == ["Gold dredges"]
    found = client.get(changelist, {"q": "scanners"})
    assert [a.title for a in found.context["cl"].result_list] == ["Port scanners"]


def test_generated_archive_has_a_newsrooms_shape():
    call_command("generate_articles", 300, drafts=20, verbosity=0)
    articles = Article.objects.all()
    assert (
        articles.filter(status=Status.DRAFT).count()
        + articles.filter(status=Status.IN_REVIEW).count()
        + articles.scheduled().count()
        == 20
    )
    assert Article.objects.published().count() == 300
    assert not Article.objects.filter(article_authors__isnull=True).exists()
    translated = articles.exclude(translation=None).select_related("translation")
    assert translated.exists()
    assert all(a.translation.translation_id == a.pk for a in translated)
    assert all(a.language != a.translation.language for a in translated)
    title = articles.filter(language="en").first().title
    assert re.search(r"\w+ix\b", title)  # an invented, rare word
    assert ArticleAuthor.objects.values("author").distinct().count() > 100


def test_country_choices_follow_the_listed_language(client):
    make_article(country=make_country(name="Peru"))
    make_article(country=make_country(name="Ecuador"), language="es")
    english = client.get(INDEX).text
    assert ">Peru<" in english and ">Ecuador<" not in english
    every_language = client.get(INDEX, {"language": "all"}).text
    assert ">Ecuador<" in every_language

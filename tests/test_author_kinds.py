"""A byline is a person or a team. A team reads naturally after "by" (its
article comes from the language: "by the Venezuela Investigative Unit", "por
la Unidad Investigativa de Venezuela") and is an Organization to search
engines."""

import pytest
from django.urls import reverse
from django.utils import translation

from articles.models import Author
from articles.republish import republish_html
from tests.factories import make_article, make_author, make_user
from tests.test_structured_data import SITE, json_ld

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit():
    return make_author(
        name="Venezuela Investigative Unit",
        kind="team",
        name_es="Unidad Investigativa de Venezuela",
        byline_article_es="la",
    )


def byline(page: str) -> str:
    return " ".join(page.split('class="byline"')[1].split("</p>")[0].split())


def test_a_team_reads_with_its_article_in_an_english_byline(client, unit):
    article = make_article(authors=[unit])
    assert ">the Venezuela Investigative Unit</a>" in byline(
        client.get(article.get_absolute_url()).text
    )


def test_a_team_reads_with_its_spanish_name_and_article_in_a_spanish_byline(
    client, unit
):
    article = make_article(language="es", authors=[unit, make_author(name="Ana Ríos")])
    with translation.override("es"):
        line = byline(client.get(article.get_absolute_url()).text)
    assert "por <a" in line
    assert ">la Unidad Investigativa de Venezuela</a> y <a" in line


def test_a_team_named_without_an_article_reads_without_one(client):
    staff = make_author(name="Frontera Desk staff", kind="team", byline_article="")
    article = make_article(authors=[staff])
    assert "by <a" in byline(client.get(article.get_absolute_url()).text)
    assert ">Frontera Desk staff</a>" in byline(
        client.get(article.get_absolute_url()).text
    )


def test_a_person_reads_as_written_whatever_the_article_fields_say(client):
    person = make_author(name="Ana Ríos")
    assert person.kind == "person"
    article = make_article(authors=[person])
    assert ">Ana Ríos</a>" in byline(client.get(article.get_absolute_url()).text)


def test_the_republished_copy_credits_the_team_the_same_way(unit):
    english = make_article(authors=[unit])
    spanish = make_article(language="es", authors=[unit])
    assert "by the Venezuela Investigative Unit, " in republish_html(english)
    assert "por la Unidad Investigativa de Venezuela, " in republish_html(spanish)


def test_json_ld_calls_a_team_an_organization_and_a_person_a_person(
    client, settings, unit
):
    settings.SITE_URL = SITE
    article = make_article(authors=[unit, make_author(name="Ana Ríos", slug="ana")])
    data, _breadcrumb = json_ld(client.get(article.get_absolute_url()).text)
    assert data["author"] == [
        {
            "@type": "Organization",
            "name": "Venezuela Investigative Unit",
            "url": f"{SITE}/en/authors/{unit.slug}/",
        },
        {"@type": "Person", "name": "Ana Ríos", "url": f"{SITE}/en/authors/ana/"},
    ]


def test_the_team_page_is_headed_with_its_name_in_the_readers_language(client, unit):
    make_article(language="es", authors=[unit])
    with translation.override("es"):
        page = client.get(unit.get_absolute_url()).text
    assert "<h1>Unidad Investigativa de Venezuela</h1>" in page


def test_editors_make_a_byline_a_team_in_the_admin(client):
    client.force_login(make_user("Editors"))
    response = client.post(
        reverse("admin:articles_author_add"),
        {
            "kind": "team",
            "name": "Venezuela Investigative Unit",
            "name_es": "Unidad Investigativa de Venezuela",
            "byline_article": "the",
            "byline_article_es": "la",
            "bio": "",
        },
    )
    assert response.status_code == 302
    team = Author.objects.get()
    assert team.is_team
    with translation.override("es"):
        assert team.byline_name == "la Unidad Investigativa de Venezuela"

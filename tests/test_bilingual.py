"""The whole public site in English and in Spanish."""

import os
import re
import shutil
import subprocess
import sys
from datetime import datetime
from html import unescape
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, OrganizationNewsItem, SiteSettings, Status
from tests.factories import (
    make_article,
    make_author,
    make_country,
    make_topic,
    make_user,
)

pytestmark = pytest.mark.django_db

CATALOGUE = Path(__file__).resolve().parent.parent / "locale/es/LC_MESSAGES/django.po"
# The admin's scripts: the rich-text editor's dialogs and toolbar.
SCRIPT_CATALOGUE = CATALOGUE.with_name("djangojs.po")
BRIEF_EN = "/en/news/banana-terminals-inspections-lag/"
BRIEF_ES = "/es/noticias/terminales-bananeras-inspecciones/"
# Each public page in English and in Spanish: the same page, each language's
# URL words.
PAGES = {
    "/en/": "/es/",
    "/en/news/": "/es/noticias/",
    "/en/news/?country=atlantis": "/es/noticias/?country=atlantis",
    "/en/search/?q=puerto": "/es/buscar/?q=puerto",
    "/en/countries/peru/": "/es/paises/peru/",
    "/en/topics/ports/": "/es/temas/ports/",
    "/en/tags/cocaine/": "/es/etiquetas/cocaine/",
    "/en/authors/marta-quispe/": "/es/autores/marta-quispe/",
    "/en/organization/": "/es/organizacion/",
    "/en/donate/": "/es/donar/",
    "/en/no-such-page/": "/es/no-such-page/",
}


def catalogue(path: Path = CATALOGUE):
    with path.open("rb") as po:
        return read_po(po, locale="es")


def interface_strings() -> set[str]:
    """English strings the templates show, whose Spanish differs, without
    placeholders or markup (those are checked as rendered text)."""
    strings = set()
    for message in catalogue():
        if not message.id or isinstance(message.id, tuple):
            continue
        in_templates = any(
            path.startswith("templates/") for path, _line in message.locations
        )
        if (
            in_templates
            and message.string != message.id
            and len(message.id) > 3
            and "%(" not in message.id
            and "<" not in message.id
        ):
            strings.add(message.id)
    return strings


def visible_text(html: str) -> str:
    """What a reader reads: text and the attributes assistive tech speaks."""
    body = html.split("<body>", 1)[1]
    labels = " ".join(
        re.findall(r'(?:aria-label|placeholder|title|alt|value)="([^"]*)"', body)
    )
    text = re.sub(r"<script.*?</script>|<[^>]+>", " ", body, flags=re.S)
    return unescape(f"{text} {labels}")


def shows(string: str, text: str) -> bool:
    """Whether ``string`` stands in ``text`` as whole words."""
    return re.search(rf"(?<!\w){re.escape(string)}(?!\w)", text) is not None


@pytest.mark.parametrize("path", [CATALOGUE, SCRIPT_CATALOGUE], ids=lambda p: p.name)
def test_every_spanish_string_is_translated(path):
    untranslated = [
        message.id
        for message in catalogue(path)
        if message.id
        and not (
            all(message.string) if isinstance(message.string, tuple) else message.string
        )
    ]
    assert untranslated == []


@pytest.mark.parametrize("path", [*PAGES, *PAGES.values()])
def test_every_public_page_works_in_both_languages(client, demo_content, path):
    response = client.get(path)
    assert response.status_code in (200, 404)
    assert f'<html lang="{path[1:3]}">' in response.text


@pytest.mark.parametrize(
    "path",
    [
        *PAGES.values(),
        BRIEF_ES,
        BRIEF_ES + "comentar/",
        BRIEF_ES + "republicar/",
        "/es/noticias/honduras-prison-extortion-cells/sin-traduccion/",
    ],
)
def test_a_spanish_page_shows_no_english_interface_string(client, demo_content, path):
    text = visible_text(client.get(path).text)
    found = sorted(string for string in interface_strings() if shows(string, text))
    assert found == []


def test_the_scan_does_find_interface_strings_on_english_pages(client, demo_content):
    """The check above would pass on any page if it could see nothing."""
    text = visible_text(client.get(BRIEF_EN).text)
    found = {string for string in interface_strings() if shows(string, text)}
    assert {"Was this content helpful?", "Related content", "Skip to content"} <= found


def test_dates_are_short_and_alike_in_both_languages(client):
    january = timezone.make_aware(datetime(2026, 1, 3, 12))
    make_article(language="en", slug="port", published_at=january)
    make_article(language="es", slug="puerto", published_at=january)
    english = client.get("/en/news/port/").text
    spanish = client.get("/es/noticias/puerto/").text
    assert ">3 Jan 2026</time>" in english
    assert ">3 Ene 2026</time>" in spanish
    assert ">3 Ene 2026</time>" in client.get("/es/noticias/").text


def test_the_switcher_goes_to_the_translation_of_an_article(client, demo_content):
    page = client.get(BRIEF_EN).text
    assert f'<a href="{BRIEF_ES}" hreflang="es" lang="es">Español</a>' in page
    back = client.get(BRIEF_ES).text
    assert f'<a href="{BRIEF_EN}" hreflang="en" lang="en">English</a>' in back


def test_the_switcher_keeps_a_listing_and_its_filters(client, demo_content):
    page = client.get("/en/news/?country=peru&kind=brief").text
    assert 'href="/es/noticias/?country=peru&amp;kind=brief" hreflang="es"' in page


def test_an_article_is_only_served_under_its_own_language(client, demo_content):
    response = client.get("/es/noticias/banana-terminals-inspections-lag/")
    assert response.status_code == 301
    assert response["Location"] == BRIEF_EN


def test_the_bare_address_sends_readers_to_their_language(client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="es-AR,es;q=0.9")["Location"] == "/es/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de")["Location"] == "/en/"


def test_listings_show_only_their_languages_content(client, demo_content):
    spanish = {a.language for a in client.get("/es/noticias/").context["articles"]}
    english = {a.language for a in client.get("/en/news/").context["articles"]}
    assert spanish == {"es"} and english == {"en"}
    home = client.get("/es/").context
    assert home["page"].front_page.lead.language == "es"
    assert {item.language for item in home["page"].organization_news} == {"es"}


def test_feeds_follow_the_language_of_their_address(client, demo_content):
    english = client.get("/en/feeds/rss/").text
    spanish = client.get("/es/feeds/rss/").text
    assert "Inspections Lag" in english and "terminales bananeras" not in english
    assert "terminales bananeras" in spanish and "Inspections Lag" not in spanish


def test_site_texts_follow_the_language_and_fall_back_when_empty(
    client, demo_content, django_capture_on_commit_callbacks
):
    spanish = client.get(BRIEF_ES).text
    assert "ayúdenos a mantenerlo gratuito" in spanish
    assert "Análisis de Frontera Desk" in spanish
    site = SiteSettings.load()
    text = site.texts.get(language="es")
    text.donation_appeal = ""
    with django_capture_on_commit_callbacks(execute=True):
        text.save()
    assert site.donation_appeal in client.get(BRIEF_ES).text


def test_country_and_topic_names_follow_the_language(client):
    peru = make_country(name="Peru", name_es="Perú")
    mining = make_topic(name="Mining", name_es="Minería")
    make_article(language="es", country=peru, topics=[mining])
    make_article(language="en", country=peru)
    assert "<h1>Perú</h1>" in client.get("/es/paises/" + peru.slug + "/").text
    assert "<h1>Peru</h1>" in client.get("/en/countries/" + peru.slug + "/").text
    assert "<h1>Minería</h1>" in client.get("/es/temas/" + mining.slug + "/").text


def test_listings_pair_their_languages_with_hreflang(client, settings, demo_content):
    settings.SITE_URL = "https://news.example.org"
    page = client.get("/es/paises/peru/").text
    alternates = dict(
        re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', page)
    )
    assert alternates == {
        "en": "https://news.example.org/en/countries/peru/",
        "es": "https://news.example.org/es/paises/peru/",
        "x-default": "https://news.example.org/en/countries/peru/",
    }


class TestAdmin:
    def test_editors_find_articles_lacking_a_translation(self, client):
        english = make_article(title="Alone")
        make_article(
            title="Paired", translation=make_article(language="es", title="Emparejado")
        )
        client.force_login(make_user("Editors"))
        response = client.get(
            reverse("admin:articles_article_changelist"), {"translated": "no"}
        )
        assert list(response.context["cl"].result_list) == [english]

    def test_a_translation_draft_is_prefilled_and_linked(self, client):
        authors = [make_author(), make_author()]
        country, topic = make_country(), make_topic()
        original = make_article(
            title="Port story",
            authors=authors,
            country=country,
            topics=[topic],
            tags=["ports", "cocaine"],
            sections=[{"heading": "Why", "body": "<p>Because.</p>"}],
        )
        editor = make_user("Editors")
        client.force_login(editor)

        response = client.post(
            reverse("admin:articles_article_changelist"),
            {"action": "create_translation_drafts", "_selected_action": [original.pk]},
            follow=True,
        )

        draft = Article.objects.get(language="es")
        original.refresh_from_db()
        assert "Translation drafts to write" in response.text
        assert draft.status == Status.DRAFT and draft.created_by == editor
        assert original.translation == draft and draft.translation == original
        assert draft.ordered_authors == authors
        assert draft.country == country and list(draft.topics.all()) == [topic]
        assert sorted(draft.tags.names()) == ["cocaine", "ports"]
        assert [(s.heading, s.body) for s in draft.sections.all()] == [
            ("Why", "<p>Because.</p>")
        ]
        assert draft.title == "Port story" and draft.slug != original.slug
        assert client.get(draft.get_absolute_url()).status_code == 404

    def test_organization_news_has_a_language(self):
        item = OrganizationNewsItem.objects.create(
            title="Premio", excerpt="x", language="es", status="published"
        )
        assert item.get_absolute_url().startswith("/es/")


def test_the_admin_scripts_catalogue_translates_the_editor(admin_client):
    """The library's dialogs and our toolbar titles, through the admin's own
    JavaScript catalogue (which always includes LOCALE_PATHS)."""
    catalogue_js = admin_client.get(
        reverse("admin:jsi18n"), HTTP_ACCEPT_LANGUAGE="es"
    ).text
    for spanish in ("Editar enlace", "Abrir en una ventana nueva", "insertar enlace"):
        assert spanish in catalogue_js


def test_admin_stays_outside_the_language_prefixes(admin_client):
    assert admin_client.get("/admin/").status_code == 200
    assert admin_client.get("/es/admin/").status_code == 404


def test_no_interface_string_is_missing_from_the_catalogue(tmp_path):
    """Re-extract the strings from a copy of the code: every one must already
    be in the Spanish catalogue, translated."""
    if not shutil.which("xgettext"):
        if os.environ.get("NEWSROOM_REQUIRE_CHECKERS"):
            pytest.fail("extracting strings needs GNU gettext (xgettext)")
        pytest.skip("extracting strings needs GNU gettext (xgettext)")
    project = Path(__file__).resolve().parent.parent
    for folder in ["articles", "newsroom", "templates", "locale"]:
        shutil.copytree(
            project / folder,
            tmp_path / folder,
            ignore=shutil.ignore_patterns("__pycache__"),
        )
    shutil.copy(project / "manage.py", tmp_path)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "es", "--no-obsolete"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        timeout=120,
    )
    with (tmp_path / "locale/es/LC_MESSAGES/django.po").open("rb") as po:
        extracted = read_po(po, locale="es")
    untranslated = [
        message.id
        for message in extracted
        if message.id
        and (
            message.fuzzy
            or not (
                all(message.string)
                if isinstance(message.string, tuple)
                else message.string
            )
        )
    ]
    assert untranslated == []

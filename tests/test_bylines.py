"""Bylines tied to accounts: a writer starts with their own byline and edits
their own author profile, nobody else's."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import make_article, make_author, make_user

pytestmark = pytest.mark.django_db


def change_url(author) -> str:
    return reverse("admin:articles_author_change", args=[author.pk])


def test_a_writers_new_article_starts_with_their_own_byline(client):
    writer = make_user("Writers")
    own = make_author(name="Ana Ríos", user=writer)
    make_author(name="Someone else")
    client.force_login(writer)

    form = client.get(reverse("admin:articles_article_add")).context[
        "inline_admin_formsets"
    ][0]
    assert form.formset.forms[0].initial == {"author": own.pk}


def test_a_writer_edits_their_own_author_profile_and_no_other(client):
    writer = make_user("Writers")
    own = make_author(name="Ana Ríos", user=writer)
    other = make_author(name="Luis Paz")
    client.force_login(writer)

    response = client.post(
        change_url(own),
        {
            "name": "Ana Ríos",
            "kind": "person",
            "slug": own.slug,
            "bio": "Covers ports.",
            "user": "",
        },
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.bio == "Covers ports."
    assert own.user == writer  # who signs as whom stays the editors' choice

    response = client.post(
        change_url(other),
        {"name": "Mine now", "kind": "person", "slug": other.slug, "bio": ""},
    )
    assert response.status_code == 403
    other.refresh_from_db()
    assert other.name == "Luis Paz"


def test_editors_link_a_byline_to_an_account(client):
    writer = make_user("Writers")
    author = make_author(name="Ana Ríos")
    client.force_login(make_user("Editors"))
    client.post(
        change_url(author),
        {
            "name": "Ana Ríos",
            "kind": "person",
            "slug": author.slug,
            "bio": "",
            "user": writer.pk,
        },
    )
    author.refresh_from_db()
    assert author.user == writer


def test_an_author_page_shows_the_bio_in_the_readers_language(client):
    author = make_author(name="Ana Ríos", bio="Covers ports.", bio_es="Cubre puertos.")
    make_article(authors=[author], language="en")
    make_article(authors=[author], language="es")
    with translation.override("es"):
        spanish = client.get(author.get_absolute_url())
    with translation.override("en"):
        english = client.get(author.get_absolute_url())
    assert "Cubre puertos." in spanish.text
    assert "Covers ports." in english.text

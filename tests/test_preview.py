"""Staff preview an article in any state and language, with or without a
publication time, as it will look once published; readers never can."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Status
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db

STATES = {
    "draft without a time": {"status": Status.DRAFT, "published_at": None},
    "in review without a time": {"status": Status.IN_REVIEW, "published_at": None},
    "draft with a past time": {
        "status": Status.DRAFT,
        "published_at": timezone.now() - timedelta(days=2),
    },
    "scheduled": {"published_at": timezone.now() + timedelta(days=2)},
    "published": {},
}


@pytest.mark.parametrize("role", ["Writers", "Editors"])
@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("state", STATES)
def test_staff_preview_every_state_and_language(client, role, language, state):
    user = make_user(role)
    article = make_article(
        title="Ports under watch", language=language, created_by=user, **STATES[state]
    )
    client.force_login(user)

    response = client.get(article.get_preview_url())

    assert response.status_code == 200
    assert "Ports under watch" in response.text
    assert '<meta name="robots" content="noindex">' in response.text
    assert "no-cache" in response["Cache-Control"]


def test_a_preview_under_the_other_language_goes_to_the_preview_in_its_own(client):
    client.force_login(make_user("Editors"))
    article = make_article(language="es", status=Status.DRAFT, published_at=None)

    response = client.get(f"/en/preview/articles/{article.pk}/")

    assert response.status_code == 301
    assert response["Location"] == article.get_preview_url()
    assert response["Location"].startswith("/es/preview/")
    assert client.get(response["Location"]).status_code == 200


def test_a_draft_previews_its_draft_translation_from_the_switcher(client):
    client.force_login(make_user("Editors"))
    english = make_article(status=Status.DRAFT, published_at=None)
    spanish = make_article(
        language="es", status=Status.DRAFT, published_at=None, translation=english
    )
    response = client.get(english.get_preview_url())
    links = {link.code: link.url for link in response.context["language_links"]}
    assert links["es"] == spanish.get_preview_url()


def test_a_draft_preview_has_no_publication_date_in_its_structured_data(client):
    client.force_login(make_user("Editors"))
    article = make_article(status=Status.DRAFT, published_at=None)
    data = client.get(article.get_preview_url()).context["structured_data"][0]
    assert "datePublished" not in data
    assert data["dateModified"]


def test_readers_and_staff_without_article_access_cannot_preview(client):
    article = make_article(status=Status.DRAFT, published_at=None)
    assert client.get(article.get_preview_url()).status_code == 302  # to log in
    client.force_login(make_user())  # staff, but no permission on articles
    assert client.get(article.get_preview_url()).status_code == 403

"""The foundation's promise: an editor logs in, writes a brief with two analysis
sections, tags and related picks, sends it to review and publishes it."""

import pytest
from django.urls import reverse

from articles.models import Article, Status
from tests.admin_forms import article_form_data
from tests.factories import make_article, make_author, make_country, make_user

pytestmark = pytest.mark.django_db


def test_editor_writes_reviews_and_publishes_a_brief(client):
    editor = make_user("Editors", password="correct horse battery")
    author = make_author(name="Ana Ríos")
    country = make_country(name="Peru")
    earlier = make_article(title="Earlier brief on Callao")

    login = client.post(
        reverse("admin:login"),
        {"username": editor.username, "password": "correct horse battery"},
    )
    assert login.status_code == 302

    response = client.post(
        reverse("admin:articles_article_add"),
        article_form_data(
            title="What next for the port of Callao",
            dek="A kingpin's arrest leaves his heirs in charge.",
            body="<p>Police say the network is intact.</p>",
            country=country.pk,
            tags="ports, cocaine, Callao",
            authors=[author],
            sections=[
                {"heading": "", "body": "<p>Ports attract crime.</p>"},
                {"heading": "What to watch", "body": "<p>New scanners.</p>"},
            ],
            related=[earlier],
        ),
    )
    assert response.status_code == 302
    brief = Article.objects.get(title="What next for the port of Callao")
    assert brief.status == Status.DRAFT
    assert client.get(brief.get_absolute_url()).status_code == 404

    changelist = reverse("admin:articles_article_changelist")
    client.post(
        changelist, {"action": "send_to_review", "_selected_action": [brief.pk]}
    )
    brief.refresh_from_db()
    assert brief.status == Status.IN_REVIEW

    client.post(changelist, {"action": "publish", "_selected_action": [brief.pk]})
    brief.refresh_from_db()
    assert brief.is_published

    client.logout()
    page = client.get(brief.get_absolute_url()).text
    for expected in [
        "What next for the port of Callao",
        "A kingpin&#x27;s arrest leaves his heirs in charge.",
        "Ana Ríos",
        "Peru",
        ">What to watch</h2>",
        "Ports attract crime.",
        "Earlier brief on Callao",
        "Callao</a>",
    ]:
        assert expected in page, expected
    assert brief.revisions.count() == 3

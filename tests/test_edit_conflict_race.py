"""The edit-conflict guard holds when two saves arrive at once, and when a save
does not say which version it was made on."""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from articles.models import Article
from tests.admin_forms import article_form_data
from tests.factories import make_article, make_user

ROUNDS = 10


def change_url(article: Article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def form_data(article: Article, **fields) -> dict:
    return article_form_data(
        existing=article,
        title=fields.pop("title", article.title),
        slug=article.slug,
        dek=article.dek,
        body=article.body,
        status=article.status,
        **fields,
    )


@pytest.mark.django_db
def test_a_save_without_the_version_it_was_made_on_is_a_conflict(client):
    client.force_login(make_user("Editors"))
    article = make_article(title="Colleague's title")
    data = form_data(article, title="My title")
    del data["edited_version"]

    refused = client.post(change_url(article), data)

    assert refused.status_code == 200
    assert "did not say which version" in refused.text
    assert Article.objects.get(pk=article.pk).title == "Colleague's title"
    data["edited_version"] = refused.context["adminform"].form["edited_version"].value()
    assert client.post(change_url(article), data).status_code == 302
    assert Article.objects.get(pk=article.pk).title == "My title"


def save_at_once(clients: list[Client], article: Article) -> list[int]:
    """Each client posts its own title for ``article``, all released at the
    same instant from their own threads and database connections."""
    start = threading.Barrier(len(clients))
    statuses: list[int] = []

    def save(index: int, client: Client) -> None:
        data = form_data(article, title=f"Title from client {index}")
        try:
            start.wait()
            statuses.append(client.post(change_url(article), data).status_code)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=save, args=(index, client))
        for index, client in enumerate(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(statuses)


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite serializes writers, so saves cannot race there",
)
@pytest.mark.django_db(transaction=True)
def test_of_two_simultaneous_saves_on_one_version_only_one_goes_through():
    clients = [Client(), Client()]
    for client in clients:
        client.force_login(make_user("Editors"))
    outcomes, revisions = [], []
    for _round in range(ROUNDS):
        article = make_article(title="Original")
        outcomes.append(save_at_once(clients, article))
        revisions.append(article.revisions.count())

    assert outcomes == [[200, 302]] * ROUNDS
    assert revisions == [1] * ROUNDS

"""'Was this content helpful?': one vote per reader, bounded per address."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from articles.models import Feedback, Status
from tests.factories import make_article, make_user
from tests.readers import ReaderClient

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    return ReaderClient()


JSON = {"HTTP_ACCEPT": "application/json"}


def feedback_url(article) -> str:
    return reverse("articles:article-feedback", args=[article.slug])


def test_a_plain_form_vote_returns_to_the_article_with_thanks(client):
    article = make_article()
    response = client.post(feedback_url(article), {"helpful": "yes"}, follow=True)
    assert response.redirect_chain[-1][0] == f"{article.get_absolute_url()}#feedback"
    assert "Thank you for your feedback." in response.text
    vote = Feedback.objects.get()
    assert vote.helpful is True
    assert vote.reader and vote.address_hash


def test_a_no_vote_asks_for_a_reason(client):
    article = make_article()
    response = client.post(feedback_url(article), {"helpful": "no"})
    assert (
        response["Location"] == f"{article.get_absolute_url()}?feedback=reason#feedback"
    )
    page = client.get(response["Location"]).text
    reason_form = re.search(r'<form class="feedback-reason"[^>]*>', page).group(0)
    assert "hidden" not in reason_form
    plain_page = client.get(article.get_absolute_url()).text
    assert re.search(r'<form class="feedback-reason"[^>]* hidden>', plain_page)


def test_a_script_gets_json_and_no_redirect(client):
    article = make_article()
    response = client.post(feedback_url(article), {"helpful": "no"}, **JSON)
    assert response.status_code == 200
    assert response.json() == {
        "ok": True,
        "message": "Thank you. What was missing? Tell us below if you like.",
        "ask_reason": True,
    }


def test_a_repeat_vote_changes_the_readers_vote(client):
    article = make_article()
    client.post(feedback_url(article), {"helpful": "no"})
    client.post(feedback_url(article), {"helpful": "no", "reason": "No sources."})
    client.post(feedback_url(article), {"helpful": "yes"})

    vote = Feedback.objects.get()
    assert vote.helpful is True
    assert vote.reason == ""


def test_the_reason_is_kept_with_the_no_vote(client):
    article = make_article()
    client.post(feedback_url(article), {"helpful": "no"})
    client.post(feedback_url(article), {"helpful": "no", "reason": "No map."})
    vote = Feedback.objects.get()
    assert (vote.helpful, vote.reason) == (False, "No map.")


def test_different_readers_each_count(client):
    article = make_article()
    for _ in range(3):
        client.cookies.clear()
        client.post(feedback_url(article), {"helpful": "yes"})
    assert Feedback.objects.filter(article=article).count() == 3


def test_one_address_can_only_cast_so_many_votes_per_article_a_day(client, settings):
    settings.NEWSROOM_FEEDBACK_VOTES_PER_ADDRESS = 2
    article = make_article()
    statuses = []
    for _ in range(3):
        client.cookies.clear()
        statuses.append(
            client.post(feedback_url(article), {"helpful": "yes"}, **JSON).status_code
        )
    assert statuses == [200, 200, 429]
    assert Feedback.objects.count() == 2
    other = make_article()
    assert (
        client.post(feedback_url(other), {"helpful": "yes"}, **JSON).status_code == 200
    )


def test_a_reader_at_the_limit_can_still_change_their_vote(client, settings):
    settings.NEWSROOM_FEEDBACK_VOTES_PER_ADDRESS = 1
    article = make_article()
    client.post(feedback_url(article), {"helpful": "yes"})
    response = client.post(feedback_url(article), {"helpful": "no"}, **JSON)
    assert response.status_code == 200
    assert Feedback.objects.get().helpful is False


def test_no_raw_address_is_stored(client):
    article = make_article()
    client.post(feedback_url(article), {"helpful": "yes"}, REMOTE_ADDR="203.0.113.9")
    vote = Feedback.objects.get()
    assert "203.0.113.9" not in vote.address_hash
    assert len(vote.address_hash) == 64


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"helpful": "maybe"},
        {"helpful": "<script>"},
        {"helpful": "no", "reason": "x" * 501},
    ],
)
def test_bad_votes_are_refused_with_a_message(client, data):
    article = make_article()
    response = client.post(feedback_url(article), data, **JSON)
    assert response.status_code == 400
    assert response.json()["ok"] is False
    assert response.json()["message"]
    assert not Feedback.objects.exists()


def test_a_forged_cookie_is_replaced(client):
    article = make_article()
    client.cookies["newsroom_reader"] = "<script>" + "x" * 100
    client.post(feedback_url(article), {"helpful": "yes"})
    assert Feedback.objects.get().reader.isascii()
    assert "<" not in Feedback.objects.get().reader


@pytest.mark.parametrize("state", [Status.DRAFT, Status.IN_REVIEW])
def test_votes_on_unpublished_articles_are_404(client, state):
    article = make_article(status=state)
    assert client.post(feedback_url(article), {"helpful": "yes"}).status_code == 404


def test_votes_on_unknown_articles_are_404(client):
    response = client.post("/en/news/no-such-article/feedback/", {"helpful": "yes"})
    assert response.status_code == 404


def test_voting_needs_the_csrf_token():
    article = make_article()
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(feedback_url(article), {"helpful": "yes"}).status_code == 403


def test_get_is_not_allowed(client):
    assert client.get(feedback_url(make_article())).status_code == 405


def test_editors_see_counts_and_share_on_the_article_form(client):
    article = make_article(title="Counted article")
    for number, helpful in enumerate([True, True, True, False]):
        Feedback.objects.create(article=article, helpful=helpful, reader=f"r{number}")
    client.force_login(make_user("Editors"))

    response = client.get(reverse("admin:articles_article_change", args=[article.pk]))

    assert response.status_code == 200
    assert "75% of 4" in response.text


def test_editors_read_the_reasons_by_date(client):
    article = make_article()
    Feedback.objects.create(article=article, helpful=False, reason="Needs a map.")
    client.force_login(make_user("Editors"))
    response = client.get(
        reverse("admin:articles_feedback_changelist"), {"helpful__exact": "0"}
    )
    assert "Needs a map." in response.text

"""Feedback and comments posted from a page cached for every reader: a
shared, signed form token and the browser's Origin header stand in for the
per-visitor CSRF cookie; signed-in staff keep Django's CSRF check."""

import pytest
from django.test import Client

from articles.models import Feedback, ReaderMessage
from articles.reader_forms import TOKEN_FIELD, issue_token
from tests.factories import make_article, make_user
from tests.readers import SITE_ORIGIN, ReaderClient

pytestmark = pytest.mark.django_db

COMMENT = {"name": "Ana", "email": "", "message": "A detail you may have missed."}


@pytest.fixture(autouse=True)
def quick_forms(settings):
    settings.NEWSROOM_COMMENT_MIN_SECONDS = 0


def feedback_path(article) -> str:
    return article.get_absolute_url() + "feedback/"


def comment_path(article) -> str:
    return article.get_absolute_url() + "comment/"


def comment_data(article, **overrides) -> dict:
    form = Client().get(comment_path(article)).context["form"]
    return {**COMMENT, "started": form.initial["started"], **overrides}


def test_a_reader_posts_feedback_from_the_shared_page(client):
    article = make_article()
    page = client.get(article.get_absolute_url()).text
    token = page.split('name="form_token" value="')[1].split('"')[0]
    response = client.post(
        feedback_path(article),
        {"helpful": "yes", TOKEN_FIELD: token},
        headers={"Origin": SITE_ORIGIN},
    )
    assert response.status_code == 302
    assert Feedback.objects.get().helpful


def test_a_post_from_another_site_is_refused_and_keeps_the_text():
    article = make_article()
    reader = ReaderClient(origin="https://elsewhere.example")
    response = reader.post(comment_path(article), comment_data(article))
    assert response.status_code == 403
    assert "sent from another site" in response.text
    assert "A detail you may have missed." in response.text
    assert not ReaderMessage.objects.exists()


def test_a_post_without_origin_or_referer_is_refused(client):
    article = make_article()
    response = client.post(
        feedback_path(article),
        {
            "helpful": "no",
            "reason": "Needs a map.",
            TOKEN_FIELD: issue_token(feedback_path(article)),
        },
    )
    assert response.status_code == 403
    assert "Needs a map." in response.text
    assert not Feedback.objects.exists()


def test_the_referer_stands_in_when_a_browser_sends_no_origin(client):
    article = make_article()
    response = client.post(
        feedback_path(article),
        {"helpful": "yes", TOKEN_FIELD: issue_token(feedback_path(article))},
        headers={"Referer": f"{SITE_ORIGIN}{article.get_absolute_url()}"},
    )
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("token", "refusal"),
    [
        ("", "could not be checked"),
        ("tampered:1a2b3c:xyz", "could not be checked"),
        ("other-page", "belongs to another page"),
    ],
)
def test_a_tampered_or_misplaced_token_is_refused(token, refusal):
    article = make_article()
    if token == "other-page":
        token = issue_token(feedback_path(make_article()))
    reader = Client(headers={"Origin": SITE_ORIGIN})
    response = reader.post(
        feedback_path(article),
        {"helpful": "yes", TOKEN_FIELD: token},
        headers={"Accept": "application/json"},
    )
    assert response.status_code == 403
    assert refusal in response.json()["message"]
    assert not Feedback.objects.exists()


def test_an_expired_token_is_refused_and_the_comment_kept(settings):
    article = make_article()
    data = comment_data(article)
    settings.NEWSROOM_READER_FORM_MAX_AGE = -1
    response = ReaderClient().post(comment_path(article), data)
    assert response.status_code == 403
    assert "open too long" in response.text
    assert "A detail you may have missed." in response.text


def test_signed_in_staff_keep_djangos_csrf_check():
    article = make_article()
    staff = Client(enforce_csrf_checks=True, headers={"Origin": SITE_ORIGIN})
    staff.force_login(make_user("Editors"))
    response = staff.post(
        feedback_path(article),
        {"helpful": "yes", TOKEN_FIELD: issue_token(feedback_path(article))},
    )
    assert response.status_code == 403
    assert not Feedback.objects.exists()

    page = staff.get(article.get_absolute_url())
    assert 'name="csrfmiddlewaretoken"' in page.text
    csrf = page.text.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    response = staff.post(
        feedback_path(article), {"helpful": "yes", "csrfmiddlewaretoken": csrf}
    )
    assert response.status_code == 302

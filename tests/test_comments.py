"""Comments to the editors: stored, e-mailed, never published, abuse-resistant."""

import time

import pytest
from django.core import mail
from django.core.signing import Signer
from django.urls import reverse

from articles.forms import FILL_TIME_SALT
from articles.models import MessageStatus, ReaderMessage, SiteSettings, Status
from tests.factories import make_article, make_user
from tests.readers import ReaderClient

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    return ReaderClient()


def comment_url(article) -> str:
    return reverse("articles:article-comment", args=[article.slug])


def stamp(seconds_ago: int = 60) -> str:
    return Signer(salt=FILL_TIME_SALT).sign(str(int(time.time()) - seconds_ago))


def comment(**overrides) -> dict:
    return {
        "name": "Rosa Díaz",
        "email": "rosa@example.org",
        "message": "You missed the customs strike in March.",
        "website": "",
        "started": stamp(),
        **overrides,
    }


@pytest.fixture
def article():
    settings = SiteSettings.load()
    settings.comments_email = "desk@example.org"
    settings.save()
    return make_article(title="Port story")


def test_the_invitation_links_to_the_form(client, article):
    page = client.get(article.get_absolute_url()).text
    assert f'href="{comment_url(article)}"' in page
    form = client.get(comment_url(article))
    assert form.status_code == 200
    assert "Port story" in form.text


def test_a_comment_is_stored_emailed_and_thanked_for(client, article):
    response = client.post(comment_url(article), comment(), follow=True)

    assert response.redirect_chain[-1][0] == article.get_absolute_url()
    assert "Your message has reached the editors." in response.text
    stored = ReaderMessage.objects.get()
    assert (stored.article, stored.name, stored.status) == (
        article,
        "Rosa Díaz",
        MessageStatus.NEW,
    )
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["desk@example.org"]
    assert "customs strike" in mail.outbox[0].body
    assert article.get_absolute_url() in mail.outbox[0].body


def test_comments_are_never_shown_on_the_site(client, article):
    client.post(comment_url(article), comment(message="A very private tip for you."))
    assert "very private tip" not in client.get(article.get_absolute_url()).text


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"website": "http://spam.example"}, "We could not accept this message"),
        ({"started_seconds_ago": 0}, "That was very fast"),
        ({"started_seconds_ago": 7 * 60 * 60}, "open for too long"),
        ({"started": "forged:value"}, "We could not accept this message"),
        ({"message": "short"}, "at least 10 characters"),
        ({"message": "x" * 5001}, "at most 5000 characters"),
        ({"name": "n" * 101}, "at most 100 characters"),
        ({"email": "not-an-address"}, "valid email"),
        ({"name": ""}, "This field is required"),
    ],
)
def test_refused_comments_say_why_and_keep_what_was_typed(
    client, article, overrides, expected
):
    if "started_seconds_ago" in overrides:
        overrides = {"started": stamp(overrides.pop("started_seconds_ago"))}
    data = comment(**overrides)
    response = client.post(comment_url(article), data)

    assert response.status_code == 200
    assert expected in response.text
    assert not ReaderMessage.objects.exists()
    form = response.context["form"]
    for name in ("name", "email", "message"):
        assert form[name].value() == data[name]


def test_one_address_may_send_only_so_many_comments_an_hour(client, article, settings):
    settings.NEWSROOM_COMMENTS_PER_ADDRESS_PER_HOUR = 2
    codes = [client.post(comment_url(article), comment()).status_code for _ in range(3)]
    assert codes == [302, 302, 200]
    assert ReaderMessage.objects.count() == 2


def test_hostile_markup_is_stored_as_text_and_escaped(client, article, admin_client):
    client.post(comment_url(article), comment(message="<script>alert(1)</script> hi"))
    message = ReaderMessage.objects.get()
    assert message.message == "<script>alert(1)</script> hi"
    page = admin_client.get(
        reverse("admin:articles_readermessage_change", args=[message.pk])
    ).text
    assert "<script>alert(1)</script>" not in page


def test_comments_on_unpublished_articles_are_404(client):
    draft = make_article(status=Status.DRAFT)
    assert client.get(comment_url(draft)).status_code == 404
    assert client.post(comment_url(draft), comment()).status_code == 404


def test_editors_moderate_messages(client, article):
    ReaderMessage.objects.create(article=article, name="A", message="First message")
    ReaderMessage.objects.create(article=article, name="B", message="Second message")
    client.force_login(make_user("Editors"))
    changelist = reverse("admin:articles_readermessage_changelist")

    listing = client.get(changelist, {"q": "Second"})
    assert "Second message" in str(listing.context["cl"].result_list[0])
    client.post(
        changelist,
        {
            "action": "mark_spam",
            "_selected_action": [m.pk for m in ReaderMessage.objects.filter(name="B")],
        },
    )
    assert ReaderMessage.objects.get(name="B").status == MessageStatus.SPAM
    assert ReaderMessage.objects.get(name="A").status == MessageStatus.NEW

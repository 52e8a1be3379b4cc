"""Personal data is kept only as long as needed, then erased."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from articles.models import Feedback, ReaderMessage
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_old_fingerprints_and_addresses_are_erased_and_the_rest_kept():
    article = make_article()
    long_ago = timezone.now() - timedelta(days=100)
    old_vote = Feedback.objects.create(
        article=article,
        helpful=False,
        reason="Too long",
        reader="old-reader-token",
        address_hash="a" * 64,
        created_at=long_ago,
    )
    new_vote = Feedback.objects.create(
        article=article, helpful=True, reader="new-reader-token", address_hash="b" * 64
    )
    old_message = ReaderMessage.objects.create(
        article=article,
        name="A",
        email="a@example.org",
        message="old",
        created_at=long_ago,
    )
    new_message = ReaderMessage.objects.create(
        article=article, name="B", email="b@example.org", message="new"
    )

    call_command("purge_personal_data", days=90)

    for obj in (old_vote, new_vote, old_message, new_message):
        obj.refresh_from_db()
    assert (old_vote.reader, old_vote.address_hash) == ("", "")
    assert (old_vote.helpful, old_vote.reason) == (False, "Too long")
    assert new_vote.reader == "new-reader-token"
    assert old_message.email == "" and old_message.message == "old"
    assert new_message.email == "b@example.org"


def test_several_erased_votes_on_one_article_still_count():
    article = make_article()
    long_ago = timezone.now() - timedelta(days=100)
    for _ in range(2):
        Feedback.objects.create(
            article=article, helpful=True, reader=f"r{_}", created_at=long_ago
        )
    call_command("purge_personal_data", days=90)
    assert Feedback.objects.filter(reader="").count() == 2

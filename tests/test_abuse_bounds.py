"""Readers' counts cannot be inflated from one address, and odd input is not a crash."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.models import (
    AddressQuota,
    DonationClick,
    ReaderMessage,
    Republication,
)
from articles.republish import pixel_token
from tests.factories import make_article
from tests.readers import ReaderClient
from tests.test_comments import comment, comment_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    """A reader's browser: its posts carry the Origin header and form token."""
    return ReaderClient()


BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"


def test_a_nul_byte_in_the_donation_link_is_not_an_article(client):
    response = client.get(reverse("articles:donate-go"), {"article": "\x00"})
    assert response.status_code == 302
    assert DonationClick.objects.get().article is None


def test_donation_clicks_from_one_address_count_only_up_to_the_daily_bound(
    client, settings
):
    settings.NEWSROOM_DONATION_CLICKS_PER_ADDRESS = 3
    article = make_article()
    for _ in range(10):
        response = client.get(reverse("articles:donate-go"), {"article": article.slug})
        assert response.status_code == 302  # the reader still reaches the provider
    assert DonationClick.objects.count() == 3

    client.get(reverse("articles:donate-go"), REMOTE_ADDR="192.0.2.8")
    assert DonationClick.objects.count() == 4


def test_republication_views_from_one_address_count_only_up_to_the_daily_bound(
    client, settings
):
    settings.NEWSROOM_REPUBLICATION_VIEWS_PER_ADDRESS = 3
    articles = [make_article() for _ in range(5)]
    for article in articles:
        for browser in range(3):  # each browser has a repeat window of its own
            client.get(
                reverse("republication-pixel", args=[pixel_token(article)]),
                HTTP_USER_AGENT=f"{BROWSER} {browser}",
                HTTP_REFERER="https://outlet.example/story",
            )
    assert (
        sum(republication.views for republication in Republication.objects.all()) == 3
    )


def test_the_comment_limit_is_kept_in_the_database(client, settings):
    settings.NEWSROOM_COMMENTS_PER_ADDRESS_PER_HOUR = 2
    article = make_article()
    statuses = [
        client.post(comment_url(article), comment()).status_code for _ in range(3)
    ]

    assert statuses == [302, 302, 200]
    assert ReaderMessage.objects.count() == 2
    assert AddressQuota.objects.get(purpose="comments").count == 2


def test_counts_whose_period_is_over_are_purged_with_personal_data():
    AddressQuota.objects.allow("192.0.2.1", "donation", 5)
    AddressQuota.objects.allow("192.0.2.2", "donation", 5)
    old = AddressQuota.objects.first()
    old.period_start -= timedelta(days=2)
    old.save()

    call_command("purge_personal_data", stdout=io.StringIO())

    assert AddressQuota.objects.count() == 1
    assert not AddressQuota.objects.filter(pk=old.pk).exists()

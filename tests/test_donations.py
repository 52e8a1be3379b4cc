"""The donation appeal: a real link, counted per article on its way out."""

import pytest
from django.urls import reverse

from articles.models import DonationClick, SiteSettings
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db

GO = reverse("articles:donate-go")


@pytest.fixture
def site():
    settings = SiteSettings.load()
    settings.donation_appeal = "Keep the reporting free."
    settings.donation_button_label = "Give now"
    settings.donation_url = "https://donate.example.org/newsroom"
    settings.save()
    return settings


def test_the_appeal_button_is_a_link_through_the_site(client, site):
    article = make_article(slug="port-story")
    page = client.get(article.get_absolute_url()).text
    assert "Keep the reporting free." in page
    assert f'<a class="button" href="{GO}?article=port-story">Give now</a>' in page


def test_a_click_is_counted_for_the_article_and_sent_to_the_provider(client, site):
    article = make_article(slug="port-story")
    response = client.get(GO, {"article": "port-story"})
    assert response.status_code == 302
    assert response["Location"] == "https://donate.example.org/newsroom"
    assert DonationClick.objects.get().article == article
    assert (
        "no-store" in response["Cache-Control"]
        or "no-cache" in response["Cache-Control"]
    )


def test_a_click_with_an_unknown_or_hostile_article_still_reaches_the_provider(
    client, site
):
    response = client.get(GO, {"article": "<script>" + "x" * 3000})
    assert response["Location"] == "https://donate.example.org/newsroom"
    assert DonationClick.objects.get().article is None


def test_without_a_provider_the_click_lands_on_the_sites_own_page(client, site):
    site.donation_url = ""
    site.save()
    response = client.get(GO)
    assert response["Location"] == reverse("articles:donate")
    page = client.get(reverse("articles:donate")).text
    assert "Online donations are not open yet." in page


def test_the_donate_page_explains_and_links_to_the_provider(client, site):
    page = client.get(reverse("articles:donate")).text
    assert site.donation_page_text in page
    assert f'href="{GO}"' in page


def test_the_appeal_can_be_turned_off(client, site):
    site.donation_enabled = False
    site.save()
    page = client.get(make_article().get_absolute_url()).text
    assert "Keep the reporting free." not in page


def test_editors_see_clicks_per_article(client, site):
    article = make_article(title="Popular story")
    for _ in range(3):
        client.get(GO, {"article": article.slug})
    client.force_login(make_user("Editors"))
    response = client.get(reverse("admin:articles_article_changelist"))
    row = next(
        obj for obj in response.context["cl"].result_list if obj.pk == article.pk
    )
    assert row.donation_click_count == 3

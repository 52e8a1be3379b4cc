"""Site settings: one row editors change in the admin, read from the cache."""

import pytest
from django.urls import reverse

from articles.models import SiteSettings
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_settings_exist_with_the_cc_by_nc_licence_by_default():
    settings = SiteSettings.load()
    assert settings.pk == 1
    assert settings.licence_url == "https://creativecommons.org/licenses/by-nc/4.0/"
    assert settings.related_count == 3


def test_settings_are_read_from_the_cache_after_the_first_load(
    django_assert_num_queries,
):
    SiteSettings.load()
    with django_assert_num_queries(0):
        SiteSettings.load()


def test_saving_settings_refreshes_what_pages_show(client):
    settings = SiteSettings.load()
    settings.organization_name = "Harbour Watch"
    settings.save()
    assert SiteSettings.load().organization_name == "Harbour Watch"
    assert "Harbour Watch" in client.get(reverse("articles:home")).text


def test_there_is_only_ever_one_row():
    SiteSettings.load()
    SiteSettings(organization_name="Second").save()
    assert SiteSettings.objects.count() == 1
    assert SiteSettings.load().organization_name == "Second"


def test_empty_analysis_heading_uses_the_organization_name(client):
    settings = SiteSettings.load()
    settings.organization_name = "Harbour Watch"
    settings.save()
    article = make_article(
        sections=[
            {"heading": "", "body": "<p>Why.</p>"},
            {"heading": "What next", "body": "<p>Next.</p>"},
        ]
    )
    page = client.get(article.get_absolute_url()).text
    assert ">Harbour Watch Analysis</h2>" in page
    assert ">What next</h2>" in page


def test_admin_settings_list_goes_straight_to_the_one_form(admin_client):
    response = admin_client.get(reverse("admin:articles_sitesettings_changelist"))
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "admin:articles_sitesettings_change", args=[1]
    )
    assert admin_client.get(response["Location"]).status_code == 200


def test_licence_notice_names_the_organization(client):
    settings = SiteSettings.load()
    settings.organization_name = "Harbour Watch"
    settings.save()
    article = make_article()
    assert (
        "crediting Harbour Watch in the byline"
        in client.get(article.get_absolute_url()).text
    )

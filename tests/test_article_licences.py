"""Each article under the licence editors choose, the site's by default: the
notice, rel="license", JSON-LD, feeds and the republish dialog follow it, and
a licence that forbids republishing takes the article out of republishing."""

import feedparser
import pytest
from django.db.models import ProtectedError
from django.urls import reverse
from lxml import etree

from articles.models import Article, Licence, Revision, SiteSettings
from articles.republish import republish_html
from tests.admin_forms import article_form_data
from tests.factories import licence_named, make_article
from tests.test_query_counts import queries_for
from tests.test_structured_data import json_ld

pytestmark = pytest.mark.django_db

SITE = "https://news.example.org"
BY_NC_4 = "Creative Commons Attribution-NonCommercial 4.0 International"
BY_NC_3 = "Creative Commons Attribution-NonCommercial 3.0 Unported"
BY_NC_ND = "Creative Commons Attribution-NonCommercial-NoDerivatives 4.0 International"
RESERVED = "All rights reserved"
ND_URL = "https://creativecommons.org/licenses/by-nc-nd/4.0/"
CC_RSS = "{http://backend.userland.com/creativeCommonsRssModule}license"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(autouse=True)
def site(settings):
    settings.SITE_URL = SITE
    site = SiteSettings.load()
    site.organization_name = "Harbour Watch"
    site.save()
    return site


@pytest.fixture
def no_derivatives():
    return make_article(slug="nd", licence=licence_named(BY_NC_ND))


@pytest.fixture
def reserved():
    return make_article(slug="reserved", licence=licence_named(RESERVED))


def test_the_migration_creates_the_licences_editors_choose_from(site):
    licences = {
        licence.name: (licence.url, licence.allows_republishing)
        for licence in Licence.objects.all()
    }
    assert licences == {
        BY_NC_4: ("https://creativecommons.org/licenses/by-nc/4.0/", True),
        BY_NC_3: ("https://creativecommons.org/licenses/by-nc/3.0/", True),
        BY_NC_ND: (ND_URL, True),
        RESERVED: ("", False),
    }
    # The first is the site's licence of today.
    assert licences[BY_NC_4][0] == site.licence_url


def test_an_article_without_a_licence_is_under_the_sites(client, site):
    html = client.get(make_article().get_absolute_url()).text
    assert f'<link rel="license" href="{site.licence_url}">' in html
    assert site.licence_notice_text in html
    assert "Republish this article" in html


def test_the_page_states_the_articles_own_licence(client, no_derivatives):
    html = client.get(no_derivatives.get_absolute_url()).text
    assert f'<link rel="license" href="{ND_URL}">' in html
    assert f'<a rel="license" href="{ND_URL}">{BY_NC_ND}</a>' in html
    assert '<span class="licence-badge">CC BY-NC-ND</span>' in html
    assert "unchanged for non-commercial purposes, crediting Harbour Watch" in html
    assert json_ld(html)[0]["license"] == ND_URL


def test_the_spanish_page_names_the_licence_in_spanish(client):
    article = make_article(language="es", licence=licence_named(BY_NC_3))
    html = client.get(article.get_absolute_url()).text
    assert "Creative Commons Reconocimiento-NoComercial 3.0 Unported" in html
    assert "Puede copiar y distribuir este artículo" in html


def test_the_republish_dialog_and_copy_follow_the_licence(client, no_derivatives):
    page = client.get(
        reverse("articles:article-republish", args=[no_derivatives.slug])
    ).text
    assert f'<a rel="license" href="{ND_URL}">{BY_NC_ND}</a>' in page
    copy = republish_html(Article.objects.get(pk=no_derivatives.pk))
    assert f'republished under <a href="{ND_URL}">{BY_NC_ND}</a>' in copy


@pytest.mark.parametrize("url", ["/en/feeds/rss/", "/en/feeds/partner/"])
def test_rss_items_carry_their_own_licence(client, site, no_derivatives, url):
    make_article()
    channel = etree.fromstring(client.get(url).content).find("channel")
    licences = {
        item.findtext("link"): item.findtext(CC_RSS) for item in channel.iter("item")
    }
    assert licences[no_derivatives.get_full_url()] == ND_URL
    assert set(licences.values()) == {ND_URL, site.licence_url}


def test_atom_entries_carry_their_own_licence(client, no_derivatives):
    feed = etree.fromstring(client.get("/en/feeds/atom/").content)
    (entry,) = feed.iter(f"{ATOM}entry")
    links = entry.findall(f"{ATOM}link[@rel='license']")
    assert [link.get("href") for link in links] == [ND_URL]


def test_all_rights_reserved_removes_the_republish_button(client, reserved):
    html = client.get(reserved.get_absolute_url()).text
    assert "Republish this article" not in html
    assert "All rights reserved. This article may not be republished" in html
    assert 'rel="license"' not in html
    assert "license" not in json_ld(html)[0]


def test_all_rights_reserved_refuses_the_republish_page(client, reserved):
    url = reverse("articles:article-republish", args=[reserved.slug])
    assert client.get(url).status_code == 404


def test_all_rights_reserved_is_left_out_of_the_partner_feed(client, reserved):
    open_article = make_article(slug="open")
    feed = feedparser.parse(client.get("/en/feeds/partner/").content)
    assert [entry.link for entry in feed.entries] == [open_article.get_full_url()]
    assert list(Article.objects.republishable()) == [open_article]
    assert not Article.objects.get(pk=reserved.pk).may_be_republished


def test_all_rights_reserved_in_the_reading_feed_claims_no_licence(client, reserved):
    channel = etree.fromstring(client.get("/en/feeds/rss/").content).find("channel")
    (item,) = channel.iter("item")
    assert item.find(CC_RSS) is None
    content = item.findtext("{http://purl.org/rss/1.0/modules/content/}encoded")
    assert "This article was published by Harbour Watch under All rights reserved." in (
        content
    )
    assert "republished under" not in content


def test_a_licence_that_stops_allowing_republishing_reaches_cached_pages(
    client, settings, django_capture_on_commit_callbacks, no_derivatives
):
    settings.NEWSROOM_PAGE_CACHE = True
    url = no_derivatives.get_absolute_url()
    assert "Republish this article" in client.get(url).text
    licence = licence_named(BY_NC_ND)
    licence.allows_republishing = False
    with django_capture_on_commit_callbacks(execute=True):
        licence.save()
    assert "Republish this article" not in client.get(url).text


def test_an_editor_chooses_the_licence_in_the_article_form(client, editor):
    article = make_article()
    licence = licence_named(BY_NC_3)
    response = client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        article_form_data(
            existing=article,
            title=article.title,
            slug=article.slug,
            dek=article.dek,
            body=article.body,
            status=article.status,
            licence=licence.pk,
        ),
    )
    assert response.status_code == 302
    assert Article.objects.get(pk=article.pk).licence == licence
    snapshot = Revision.objects.filter(article=article).latest().data
    assert snapshot["licence"] == [[licence.pk, BY_NC_3]]


def test_restoring_a_revision_brings_back_the_licence(no_derivatives):
    revision = Revision.objects.record(no_derivatives)
    Article.objects.filter(pk=no_derivatives.pk).update(licence=None)
    revision.restore()
    assert Article.objects.get(pk=no_derivatives.pk).licence.name == BY_NC_ND


def test_a_licence_in_use_cannot_be_deleted(no_derivatives):
    with pytest.raises(ProtectedError):
        licence_named(BY_NC_ND).delete()


def test_the_article_page_costs_the_same_with_its_own_licence(client, reserved):
    plain = make_article()
    assert queries_for(client, reserved.get_absolute_url()) == queries_for(
        client, plain.get_absolute_url()
    )

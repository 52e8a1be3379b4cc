"""An article without an image is still shown with one by social networks and
search engines: the site's default share image, else its logo."""

import pytest

from articles.images import CheckedImageFormField
from articles.models import SiteSettings
from tests.factories import image_upload, make_article, make_image
from tests.test_structured_data import SITE, json_ld, meta

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(settings) -> SiteSettings:
    settings.SITE_URL = SITE
    site = SiteSettings.load()
    site.organization_name = "Harbour Watch"
    site.save()
    return site


def head(client, article) -> str:
    return client.get(article.get_absolute_url()).text


def test_the_default_share_image_stands_in_for_a_missing_article_image(client, site):
    site.share_image = image_upload("share.png", size=(1200, 630))
    site.save()
    article = make_article()

    html = head(client, article)
    url = f"{SITE}{site.share_image.url}"
    assert meta(html, "og:image") == [url]
    assert meta(html, "og:image:width") == ["1200"]
    assert meta(html, "og:image:height") == ["630"]
    assert meta(html, "og:image:alt") == ["Harbour Watch"]
    assert meta(html, "twitter:card") == ["summary_large_image"]
    data, _breadcrumb = json_ld(html)
    assert data["image"] == [
        {"@type": "ImageObject", "url": url, "width": 1200, "height": 630}
    ]


def test_the_logo_stands_in_when_there_is_no_default_share_image(client, site):
    site.logo = image_upload("logo.png", size=(600, 60))
    site.save()
    html = head(client, make_article())

    url = f"{SITE}{site.logo.url}"
    assert meta(html, "og:image") == [url]
    assert meta(html, "og:image:width") == []
    assert meta(html, "twitter:card") == ["summary"]
    data, _breadcrumb = json_ld(html)
    assert data["image"] == [{"@type": "ImageObject", "url": url}]


def test_without_logo_either_the_default_logo_is_shown(client, site):
    html = head(client, make_article())
    assert meta(html, "og:image")[0].startswith(f"{SITE}/static/img/logo")
    data, _breadcrumb = json_ld(html)
    assert data["image"][0]["url"].startswith(f"{SITE}/static/img/logo")


def test_an_article_image_wins_over_the_default(client, site):
    site.share_image = image_upload("share.png", size=(1200, 630))
    site.save()
    image = make_image(size=(2000, 1500), alt="The port at dusk")
    article = make_article(featured_image=image)

    html = head(client, article)
    assert meta(html, "og:image")[0].startswith(f"{SITE}/media/renditions/")
    assert meta(html, "og:image:alt") == ["The port at dusk"]
    data, _breadcrumb = json_ld(html)
    assert len(data["image"]) == 3


def test_readers_may_fetch_the_default_share_image(client, site):
    site.share_image = image_upload("share.png", size=(1200, 630))
    site.save()
    assert client.get(site.share_image.url).status_code == 200


def test_the_upload_is_checked_like_every_image():
    field = SiteSettings._meta.get_field("share_image").formfield()
    assert isinstance(field, CheckedImageFormField)

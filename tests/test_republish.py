"""The republish page and the copy it offers: attribution at the top, in the
byline and at the bottom; only safe, absolute markup; images only where allowed."""

import re
from datetime import UTC, datetime

import pytest
from django.urls import reverse

from articles.models import SiteSettings
from articles.republish import pixel_token, republish_html, republish_text
from tests.factories import make_article, make_author, make_image, make_topic

pytestmark = pytest.mark.django_db

HOSTILE_BODY = (
    '<p class="lead" id="x" style="color:red" onclick="steal()">Police '
    '<a href="/countries/peru/" class="internal">said</a> '
    '<a href="javascript:alert(1)">more</a>.</p>'
    "<script>alert(1)</script><iframe src='https://evil.example'></iframe>"
    '<img src="/media/secret.jpg"><figure><figcaption>cap</figcaption></figure>'
    '<aside class="see-also"><a href="/tags/ports/">Ports coverage</a></aside>'
    "<table><tr><th>Year</th></tr><tr><td>2016</td></tr></table>"
)


@pytest.fixture
def site(settings):
    settings.SITE_URL = "https://news.example.org"
    site = SiteSettings.load()
    site.organization_name = "Harbour Watch"
    site.save()
    return site


@pytest.fixture
def article(site):
    return make_article(
        slug="callao",
        title="What next for Callao",
        dek="The heirs took over.",
        body=HOSTILE_BODY,
        authors=[make_author(name="Ana Ríos"), make_author(name="Luis Vega")],
        sections=[
            {"heading": "", "body": '<p>Ports <a href="/news/x/">draw</a> crime.</p>'}
        ],
        published_at=datetime(2016, 5, 11, 12, tzinfo=UTC),
    )


def test_the_copy_is_exactly_the_attributed_article(article):
    token = pixel_token(article)
    assert republish_html(article) == (
        "<p>This article was originally published by Harbour Watch at "
        '<a href="https://news.example.org/en/news/callao/">'
        "https://news.example.org/en/news/callao/</a></p>\n"
        "<h1>What next for Callao</h1>\n"
        "<p>The heirs took over.</p>\n"
        "<p>by Ana Ríos and Luis Vega, Harbour Watch — "
        '<time datetime="2016-05-11">11 May 2016</time></p>\n'
        '<p>Police <a href="https://news.example.org/countries/peru/">said</a> '
        "<a>more</a>.</p>cap"
        "<p><strong>See also:</strong> "
        '<a href="https://news.example.org/tags/ports/">Ports coverage</a></p>'
        "<table><tbody><tr><th>Year</th></tr><tr><td>2016</td></tr></tbody></table>\n"
        "<h2>Harbour Watch Analysis</h2>\n"
        '<p>Ports <a href="https://news.example.org/news/x/">draw</a> crime.</p>\n'
        "<p>This article was first published by Harbour Watch and is republished "
        'under <a href="https://creativecommons.org/licenses/by-nc/4.0/">'
        "Creative Commons Attribution-NonCommercial 4.0 International</a>. "
        'Read the original: <a href="https://news.example.org/en/news/callao/">'
        "https://news.example.org/en/news/callao/</a></p>\n"
        "<!-- Please keep this invisible image: it tells Harbour Watch that its "
        "article was republished here. -->\n"
        f'<img src="https://news.example.org/republished/{token}.gif" alt="" '
        'width="1" height="1" referrerpolicy="no-referrer-when-downgrade" '
        'style="width:1px!important;height:1px!important;max-width:1px!important;'
        "max-height:1px!important;border:0!important;margin:0!important;"
        'padding:0!important;opacity:0!important;position:absolute!important">'
    )


def test_the_copy_is_the_same_every_time(article):
    assert republish_html(article) == republish_html(article)


def test_the_copy_carries_no_forbidden_markup_and_only_absolute_links(article):
    copy = republish_html(article, counting_image=False)
    for forbidden in [
        "<script",
        "<iframe",
        "<aside",
        "<img",
        "class=",
        "id=",
        "style=",
        "onclick",
        "javascript:",
    ]:
        assert forbidden not in copy, forbidden
    for href in re.findall(r'href="([^"]+)"', copy):
        assert href.startswith(("https://", "http://")), href


def test_the_featured_image_goes_along_only_when_marked_republishable(article):
    image = make_image(size=(800, 600), alt="The port", credit="Photo: Harbour Watch")
    article.featured_image = image
    article.save()
    assert "<img" not in republish_html(article, counting_image=False)

    image.may_republish = True
    image.save()
    copy = republish_html(article, counting_image=False)
    assert f'<img src="https://news.example.org{image.file.url}" alt="The port"' in copy
    assert "<figcaption>Photo: Harbour Watch</figcaption>" in copy


def test_the_plain_text_copy_keeps_the_attribution_and_links(article):
    text = republish_text(article)
    assert text.startswith(
        "This article was originally published by Harbour Watch at "
        "https://news.example.org/en/news/callao/\n"
    )
    assert "by Ana Ríos and Luis Vega, Harbour Watch — 11 May 2016" in text
    assert "said (https://news.example.org/countries/peru/)" in text
    assert text.rstrip().endswith(
        "Read the original: https://news.example.org/en/news/callao/"
    )
    assert "<" not in text and "republished/" not in text


def test_the_republish_page_offers_the_copy_with_noindex_and_canonical(client, article):
    response = client.get(reverse("articles:article-republish", args=["callao"]))
    assert response.status_code == 200
    page = response.text
    assert '<meta name="robots" content="noindex">' in page
    assert (
        '<link rel="canonical" href="https://news.example.org/en/news/callao/">' in page
    )
    assert (
        'rel="license" href="https://creativecommons.org/licenses/by-nc/4.0/"' in page
    )
    assert "CC BY-NC" in page
    assert "Credit Harbour Watch and the author in the byline." in page
    assert 'id="copy-html-field"' in page and 'id="copy-text-field"' in page
    preview = page.split('class="republish-preview"')[1].split("</div>")[0]
    assert "style=" not in preview and "republished/" not in preview


def test_the_article_offers_a_republish_button(client, article):
    page = client.get(article.get_absolute_url()).text
    assert f'href="{reverse("articles:article-republish", args=["callao"])}"' in page


@pytest.mark.parametrize("rule", ["article", "kind", "topic"])
def test_turning_republishing_off_removes_button_page_and_copy(client, site, rule):
    topic = make_topic(name="Sources")
    article = make_article(slug="closed", kind="analysis", topics=[topic])
    if rule == "article":
        article.allow_republishing = False
        article.save()
    elif rule == "kind":
        site.no_republish_kinds = ["analysis"]
        site.save()
    else:
        site.no_republish_topics.add(topic)
        SiteSettings.forget()

    republish_url = reverse("articles:article-republish", args=["closed"])
    assert client.get(republish_url).status_code == 404
    assert republish_url not in client.get(article.get_absolute_url()).text
    assert not type(article).objects.republishable().filter(pk=article.pk).exists()


def test_unpublished_articles_have_no_republish_page(client):
    make_article(slug="draft", status="draft")
    assert (
        client.get(reverse("articles:article-republish", args=["draft"])).status_code
        == 404
    )

"""Figures from the media library inside rich text.

The stored body names a library image and nothing else; pages, previews,
organization news, feeds and republished copies draw it from the library
with its caption and credit, in a fixed number of queries. A figure whose
image is gone renders nothing."""

import feedparser
import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import SiteSettings, Status
from articles.republish import republish_html
from articles.sanitize import sanitize_html
from tests.factories import make_article, make_image, make_news_item, make_user

pytestmark = pytest.mark.django_db


def figure(image) -> str:
    return f'<figure data-image="{image.pk}"></figure>'


def test_only_the_library_image_number_of_a_figure_is_stored():
    stored = sanitize_html(
        '<figure data-image="12" class="x" onclick="alert(1)">'
        '<img src="https://evil.example/x.png"><figcaption>Forged credit'
        "</figcaption><figure><p>nested</p></figure></figure><p>After</p>"
    )
    assert stored == '<figure data-image="12"></figure><p>After</p>'


@pytest.mark.parametrize("value", ["x", "12abc", "-3", "0", "1.5", " 7", "99999999999"])
def test_a_figure_that_does_not_name_an_image_by_number_is_an_ordinary_figure(value):
    stored = sanitize_html(f'<figure data-image="{value}"><p>Text</p></figure>')
    assert stored == "<figure><p>Text</p></figure>"


def test_an_attribute_holding_markup_cannot_end_a_figure_early():
    stored = sanitize_html(
        '<figure data-image="3"><a title="</figure><script>x</script>">t</a>'
        "</figure><p>After</p>"
    )
    assert stored == '<figure data-image="3"></figure><p>After</p>'


def test_the_article_page_draws_figures_as_responsive_pictures(client):
    image = make_image(
        size=(1200, 800), alt="Dredges", caption="On the river", credit="Ana Ríos"
    )
    article = make_article(body=f"<p>Intro</p>{figure(image)}<p>More</p>")

    page = client.get(article.get_absolute_url()).text

    assert '<figure class="library-figure">' in page
    assert 'type="image/webp"' in page and " 1200w" in page
    assert 'width="1200" height="800" alt="Dredges" loading="lazy"' in page
    assert '<figcaption>On the river <span class="credit">Ana Ríos</span>' in page


def test_a_correction_in_the_library_reaches_every_article(client):
    image = make_image(caption="Wrong place")
    first = make_article(body=figure(image))
    second = make_article(body=figure(image))
    image.caption = "Callao, Peru"
    image.save()
    for article in (first, second):
        assert "Callao, Peru" in client.get(article.get_absolute_url()).text


def test_a_figure_whose_image_is_gone_renders_nothing(client):
    image = make_image()
    article = make_article(body=f"<p>Before</p>{figure(image)}<p>After</p>")
    image.delete()

    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    assert "library-figure" not in response.text
    assert "<p>Before</p><p>After</p>" in response.text


def test_analysis_sections_draw_their_figures(client):
    image = make_image(alt="A chart of exports")
    article = make_article(sections=[{"heading": "", "body": figure(image)}])
    assert 'alt="A chart of exports"' in client.get(article.get_absolute_url()).text


def test_the_preview_draws_figures(client):
    image = make_image(alt="Draft picture")
    draft = make_article(body=figure(image), status=Status.DRAFT, published_at=None)
    client.force_login(make_user("Editors"))
    assert 'alt="Draft picture"' in client.get(draft.get_preview_url()).text


def test_organization_news_draws_figures(client):
    image = make_image(alt="The award", credit="Press office")
    item = make_news_item(body=f"<p>We won.</p>{figure(image)}")
    page = client.get(item.get_absolute_url()).text
    assert 'alt="The award"' in page
    assert '<span class="credit">Press office</span>' in page


def warm(client, url: str) -> None:
    """The site-wide caches a running site holds (settings, navigation);
    the page itself is built again."""
    client.get(url)
    cache.clear()
    SiteSettings.load()
    client.get(url)


def cost(client, url: str) -> int:
    warm(client, url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_an_article_page_costs_one_query_for_all_its_figures(
    client, django_assert_num_queries
):
    plain = make_article(sections=[{"heading": "", "body": "<p>x</p>"}])
    images = [make_image() for _ in range(5)]
    illustrated = make_article(
        body="".join(figure(image) for image in images[:3]),
        sections=[{"heading": "", "body": "".join(map(figure, images[3:]))}],
    )
    without = cost(client, plain.get_absolute_url())
    warm(client, illustrated.get_absolute_url())

    with django_assert_num_queries(without + 1):
        response = client.get(illustrated.get_absolute_url())
    assert response.text.count('<figure class="library-figure">') == 5


def test_a_feed_costs_one_query_for_the_figures_of_all_its_articles(client):
    make_article(sections=[{"heading": "", "body": "<p>x</p>"}])
    without = cost(client, "/en/feeds/atom/")
    for _ in range(5):
        make_article(body=figure(make_image()))

    assert cost(client, "/en/feeds/atom/") == without + 1


def test_feeds_carry_figures_as_plain_images_with_absolute_addresses(client, settings):
    settings.SITE_URL = "https://news.example.org"
    image = make_image(size=(800, 600), alt="Dredges", credit="Ana Ríos")
    make_article(body=f"<p>Intro</p>{figure(image)}")

    feed = feedparser.parse(client.get("/en/feeds/atom/").content)
    content = feed.entries[0].content[0].value

    assert f'src="https://news.example.org{image.file.url}"' in content
    for attribute in ['alt="Dredges"', 'width="800"', 'height="600"']:
        assert attribute in content
    assert "<figcaption>Ana Ríos</figcaption></figure>" in content


def test_a_republished_copy_leaves_out_images_not_marked_republishable(settings):
    settings.SITE_URL = "https://news.example.org"
    ours = make_image(alt="Our photo", may_republish=True)
    agency = make_image(alt="Agency photo", may_republish=False)
    article = make_article(body=f"<p>One</p>{figure(ours)}<p>Two</p>{figure(agency)}")

    copy = republish_html(article, counting_image=False)

    assert f'<img src="https://news.example.org{ours.file.url}" alt="Our photo"' in copy
    assert "Agency photo" not in copy
    assert "<p>One</p>" in copy and "<p>Two</p>" in copy


def test_the_partner_feed_follows_the_republishing_rule(client):
    agency = make_image(alt="Agency photo", may_republish=False)
    make_article(body=f"<p>Text</p>{figure(agency)}")

    partner = client.get("/en/feeds/partner/").content.decode()
    everyone = client.get("/en/feeds/atom/").content.decode()

    assert "Agency photo" not in partner
    assert "Agency photo" in everyone

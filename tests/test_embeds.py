"""Embeds: videos, charts, documents and maps from an allow-list of providers,
stored as data, shown on pages as click-to-load placeholders, carried as
links in feeds and republished copies."""

import feedparser
import pytest
from django.core.exceptions import ValidationError
from lxml import html as lxml_html

from articles import embeds
from articles.embeds import PROVIDERS, parse_address
from articles.republish import republish_html
from articles.sanitize import sanitize_html
from tests.admin_forms import article_form_data
from tests.factories import make_article, make_news_item
from tests.test_query_counts import queries_for

pytestmark = pytest.mark.django_db

YOUTUBE = (
    '<figure data-embed="youtube" data-embed-id="dQw4w9WgXcQ" '
    'data-embed-title="Port of Callao at night"></figure>'
)
DATAWRAPPER = (
    '<figure data-embed="datawrapper" data-embed-id="aB3xZ" '
    'data-embed-title="Seizures by year"></figure>'
)


@pytest.mark.parametrize(
    "address, provider, embed_id",
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ"),
        ("https://youtube.com/watch?t=5&v=dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ"),
        ("https://youtu.be/dQw4w9WgXcQ?si=abc", "youtube", "dQw4w9WgXcQ"),
        ("https://www.youtube.com/shorts/dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ"),
        ("https://vimeo.com/76979871", "vimeo", "76979871"),
        ("https://player.vimeo.com/video/76979871?h=1", "vimeo", "76979871"),
        ("https://datawrapper.dwcdn.net/aB3xZ/4/", "datawrapper", "aB3xZ"),
        ("https://www.datawrapper.de/_/aB3xZ/", "datawrapper", "aB3xZ"),
        (
            "https://public.flourish.studio/visualisation/1234567/",
            "flourish",
            "visualisation/1234567",
        ),
        ("https://flo.uri.sh/story/98765/embed", "flourish", "story/98765"),
        (
            "https://www.documentcloud.org/documents/20059068-mueller-report",
            "documentcloud",
            "20059068-mueller-report",
        ),
        (
            "https://www.openstreetmap.org/#map=13/-12.0464/-77.0428",
            "openstreetmap",
            "13/-12.0464/-77.0428",
        ),
    ],
)
def test_an_address_from_each_provider_is_recognised(address, provider, embed_id):
    embed = parse_address(address)
    assert (embed.provider.name, embed.id) == (provider, embed_id)
    # The player's address is built from provider and id, on the one origin
    # the Content-Security-Policy lets pages frame for that provider.
    assert embed.player_url.startswith(embed.provider.frame_origin + "/")


@pytest.mark.parametrize(
    "address",
    [
        "https://evil.example/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
        "javascript:alert(1)//youtube.com/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com/watch?v=short",
        "https://vimeo.com/channels/staffpicks",
        "ftp://vimeo.com/76979871",
        "not an address",
        "",
    ],
)
def test_other_addresses_are_refused(address):
    assert parse_address(address) is None


def test_the_message_for_an_unknown_address_names_every_provider():
    message = embeds.unknown_address_message()
    for provider in PROVIDERS.values():
        assert provider.label in message


def test_a_valid_embed_keeps_only_its_data():
    dirty = (
        '<figure data-embed="youtube" data-embed-id="dQw4w9WgXcQ" '
        'data-embed-title="A &quot;clip&quot;" onclick="alert(1)" class="x">'
        '<iframe src="https://evil.example"></iframe><script>alert(1)</script>'
        "</figure>"
    )
    assert sanitize_html(dirty) == (
        '<figure data-embed="youtube" data-embed-id="dQw4w9WgXcQ" '
        'data-embed-title="A &quot;clip&quot;"></figure>'
    )


@pytest.mark.parametrize(
    "figure",
    [
        '<figure data-embed="myspace" data-embed-id="123"></figure>',
        '<figure data-embed="youtube" data-embed-id="../../evil"></figure>',
        '<figure data-embed="youtube"></figure>',
        '<figure data-embed-id="dQw4w9WgXcQ"></figure>',
        '<figure data-embed="vimeo" data-embed-id="x"><figure>in</figure></figure>',
    ],
)
def test_an_embed_that_does_not_validate_is_dropped(figure):
    cleaned = sanitize_html(f"<p>Before.</p>{figure}<p>After.</p>")
    assert "data-embed" not in cleaned
    assert "<iframe" not in cleaned
    assert cleaned.startswith("<p>Before.</p>")
    assert cleaned.endswith("<p>After.</p>")


def test_an_iframe_pasted_as_html_never_survives():
    pasted = '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>'
    assert sanitize_html(pasted) == ""


def test_saving_a_body_with_an_embed_that_does_not_validate_says_why():
    with pytest.raises(ValidationError) as refused:
        embeds.validate_embeds('<figure data-embed="myspace" data-embed-id="1">')
    assert "YouTube" in str(refused.value)
    embeds.validate_embeds(YOUTUBE)


def test_the_admin_refuses_such_a_body_and_keeps_the_text(client, editor):
    body = '<p>Keep me.</p><figure data-embed="myspace" data-embed-id="9"></figure>'
    response = client.post(
        "/admin/articles/article/add/",
        article_form_data(body=body, title="Embeds", slug="embeds"),
    )
    assert response.status_code == 200
    assert "This address is not one we can embed" in response.content.decode()
    assert "Keep me." in response.content.decode()


def test_the_editor_endpoint_answers_with_the_markup_to_insert(client, writer):
    response = client.get(
        "/admin/articles/article/embed/",
        {"address": "https://youtu.be/dQw4w9WgXcQ", "title": "Night port"},
    )
    assert response.status_code == 200
    answer = response.json()
    assert answer["provider"] == "youtube"
    assert answer["markup"] == (
        '<figure data-embed="youtube" data-embed-id="dQw4w9WgXcQ" '
        'data-embed-title="Night port"></figure>'
    )


def test_the_editor_endpoint_names_the_allowed_providers_for_other_addresses(
    client, writer
):
    response = client.get(
        "/admin/articles/article/embed/", {"address": "https://evil.example/v/1"}
    )
    assert response.status_code == 400
    assert "Datawrapper" in response.json()["error"]


def test_the_editor_endpoint_is_for_signed_in_staff_only(client):
    response = client.get(
        "/admin/articles/article/embed/", {"address": "https://youtu.be/dQw4w9WgXcQ"}
    )
    assert response.status_code == 302


def test_the_page_shows_a_placeholder_linking_to_the_original(client):
    article = make_article(body=f"<p>Intro.</p>{YOUTUBE}{DATAWRAPPER}")
    page = lxml_html.fromstring(client.get(article.get_absolute_url()).content)
    figures = page.xpath("//figure[contains(@class, 'embed')]")
    assert len(figures) == 2
    youtube, chart = figures
    assert youtube.get("data-embed-player") == (
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    )
    link = youtube.xpath(".//a[@class='embed-original']")[0]
    assert link.get("href") == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    assert link.text_content() == "Port of Callao at night (on YouTube)"
    assert "Datawrapper" in chart.get("data-embed-button")
    # No third-party request before the reader asks: no iframe, no script.
    assert not page.xpath("//iframe")
    assert page.xpath("//script[contains(@src, 'js/embeds.js')]")


def test_analysis_sections_and_organization_news_show_embeds_too(client):
    article = make_article(sections=[{"heading": "", "body": DATAWRAPPER}])
    item = make_news_item(body=YOUTUBE)
    assert b"embed--chart" in client.get(article.get_absolute_url()).content
    assert b"embed--video" in client.get(item.get_absolute_url()).content


def test_embeds_cost_no_query(client):
    plain = make_article(body="<p>Intro.</p>")
    embedded = make_article(body=f"<p>Intro.</p>{YOUTUBE}{DATAWRAPPER}")
    assert queries_for(client, embedded.get_absolute_url()) == queries_for(
        client, plain.get_absolute_url()
    )


def test_frame_src_lists_exactly_the_providers(client):
    policy = client.get("/en/")["Content-Security-Policy"]
    frame_src = next(
        part.split()[1:] for part in policy.split("; ") if part.startswith("frame-src")
    )
    assert sorted(frame_src) == sorted(
        {provider.frame_origin for provider in PROVIDERS.values()}
    )


def test_the_admin_and_its_preview_frame_the_same_providers(client, editor):
    article = make_article(status="draft", published_at=None, body=YOUTUBE)
    preview = client.get(article.get_preview_url())
    assert preview.status_code == 200
    assert "https://www.youtube-nocookie.com" in preview["Content-Security-Policy"]
    assert "frame-src" in client.get("/admin/")["Content-Security-Policy"]


def test_feeds_carry_a_link_instead_of_the_player(client):
    make_article(body=f"<p>Intro.</p>{YOUTUBE}", language="en")
    feed = feedparser.parse(client.get("/en/feeds/rss/").content)
    content = feed.entries[0].content[0].value
    assert "<iframe" not in content
    assert "data-embed" not in content
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in content


def test_republished_copies_carry_a_link_instead_of_the_player():
    article = make_article(body=f"<p>Intro.</p>{DATAWRAPPER}")
    copy = republish_html(article, counting_image=False)
    assert "<iframe" not in copy
    assert "data-embed" not in copy
    assert '<a href="https://datawrapper.dwcdn.net/aB3xZ/">' in copy

"""An uploaded image is readable by its address only once something public
shows it (as a featured image or a figure in the text); staff read every
upload."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Status
from articles.renditions import original_of
from tests.factories import (
    image_upload,
    make_article,
    make_author,
    make_image,
    make_news_item,
    make_user,
)

pytestmark = pytest.mark.django_db

DRAFT = {"status": Status.DRAFT, "published_at": None}


def addresses(article) -> list[str]:
    """The original and every rendition and crop a page may name."""
    image = article.featured_image
    urls = [image.file.url]
    urls += [r.url for group in image.renditions.values() for r in group]
    urls += [crop.url for crop in image.crops]
    return urls


def statuses(client, urls: list[str]) -> set[int]:
    return {client.get(url).status_code for url in urls}


def test_a_drafts_image_and_renditions_are_not_found_by_their_address(client):
    draft = make_article(
        featured_image=make_image("leaked-memo.png", (900, 600)), **DRAFT
    )

    assert statuses(client, addresses(draft)) == {404}


def test_a_published_articles_image_and_renditions_are_served(client):
    article = make_article(featured_image=make_image("harbour.png", (900, 600)))

    responses = [client.get(url) for url in addresses(article)]

    assert {response.status_code for response in responses} == {200}
    assert responses[0]["Cache-Control"] == "public, max-age=3600"
    assert b"".join(responses[0].streaming_content).startswith(b"\x89PNG")


def test_staff_see_a_drafts_image_uncached(client):
    draft = make_article(featured_image=make_image("draft.png"), **DRAFT)
    client.force_login(make_user("Writers"))

    response = client.get(draft.featured_image.file.url)

    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_a_scheduled_or_trashed_articles_image_is_not_served(client):
    scheduled = make_article(
        featured_image=make_image("embargo.png"),
        published_at=timezone.now() + timedelta(days=1),
    )
    trashed = make_article(featured_image=make_image("pulled.png"))
    trashed.move_to_trash()

    assert statuses(client, addresses(scheduled) + addresses(trashed)) == {404}


def test_unpublishing_an_article_takes_its_image_off_the_site(client):
    article = make_article(featured_image=make_image("retracted.png"))
    assert client.get(article.featured_image.file.url).status_code == 200

    article.status = Status.DRAFT
    article.save()

    assert client.get(article.featured_image.file.url).status_code == 404


def test_a_similar_name_does_not_open_a_drafts_renditions(client):
    make_article(featured_image=make_image("photo.v2.png", (900, 600)))
    draft = make_article(featured_image=make_image("photo.png", (900, 600)), **DRAFT)

    assert statuses(client, addresses(draft)) == {404}


def test_draft_organization_news_image_is_not_served_until_published(client):
    item = make_news_item(featured_image=make_image("award.png"), **DRAFT)
    assert client.get(item.featured_image.file.url).status_code == 404

    item.status = Status.PUBLISHED
    item.save()

    assert client.get(item.featured_image.file.url).status_code == 200


def test_an_image_shown_only_as_a_figure_is_public_once_its_article_is(client):
    image = make_image("figure.png", (900, 600))
    body = f'<p>Text.</p><figure data-image="{image.pk}"></figure>'
    draft = make_article(body=body, **DRAFT)
    assert client.get(image.file.url).status_code == 404

    draft.status, draft.published_at = Status.PUBLISHED, timezone.now()
    draft.save()

    assert client.get(image.file.url).status_code == 200
    assert client.get(image.renditions["webp"][0].url).status_code == 200


def test_a_figure_in_an_analysis_section_makes_its_image_public(client):
    image = make_image("analysis.png")
    make_article(sections=[{"body": f'<figure data-image="{image.pk}"></figure>'}])
    assert client.get(image.file.url).status_code == 200


def test_an_image_with_a_longer_number_is_not_made_public_by_another(client):
    image = make_image("one.png")
    make_article(body=f'<figure data-image="{image.pk}0"></figure>')
    assert client.get(image.file.url).status_code == 404


def test_a_library_image_nothing_shows_is_not_served(client):
    image = make_image("unused.png")
    assert client.get(image.file.url).status_code == 404


def test_author_photos_are_public(client):
    author = make_author(photo=image_upload("reporter.png"))

    assert client.get(author.photo.url).status_code == 200


def test_missing_files_and_paths_out_of_media_are_not_found(client):
    client.force_login(make_user("Editors"))

    assert client.get("/media/articles/none.png").status_code == 404
    assert client.get("/media/../../etc/passwd").status_code == 404
    assert client.get("/media/%2e%2e/%2e%2e/etc/passwd").status_code == 404


def test_the_web_server_sends_the_file_when_told_where(client, settings):
    settings.NEWSROOM_MEDIA_ACCEL_REDIRECT = "/protected-media/"
    article = make_article(featured_image=make_image("harbour.png"))

    response = client.get(article.featured_image.file.url)

    assert (
        response["X-Accel-Redirect"]
        == f"/protected-media/{article.featured_image.file.name}"
    )
    assert response.content == b""


def test_renditions_name_the_image_they_were_made_from():
    assert original_of("renditions/articles/2026/11/photo-v2-480.webp") == (
        "articles/2026/11",
        "photo-v2",
    )
    assert original_of("articles/2026/11/photo-480.webp") is None


def test_a_public_image_costs_one_query(client, django_assert_num_queries):
    article = make_article(featured_image=make_image("harbour.png", (900, 600)))
    rendition = article.featured_image.renditions["webp"][0].url

    with django_assert_num_queries(1):
        client.get(article.featured_image.file.url)
    with django_assert_num_queries(1):
        client.get(rendition)


def test_a_figure_taken_out_of_the_text_no_longer_makes_its_image_public(client):
    image = make_image("figure.png")
    article = make_article(
        sections=[{"body": f'<figure data-image="{image.pk}"></figure>'}]
    )
    assert client.get(image.file.url).status_code == 200
    section = article.sections.get()
    section.body = "<p>The chart is gone.</p>"
    section.save()
    assert client.get(image.file.url).status_code == 404


def test_whether_an_image_is_public_is_asked_without_reading_any_text(client):
    """At archive scale a search through every article's text took seconds,
    for each request of an image that no published text shows."""
    image = make_image("unused.png")
    make_article(body="<p>Text.</p>")
    with CaptureQueriesContext(connection) as queries:
        assert client.get(image.file.url).status_code == 404
    assert not [q for q in queries.captured_queries if "body_html" in q["sql"]]

"""The media library: images described once (alt text, caption, credit, may
be republished, focal point), searchable in the admin, chosen as the featured
image of articles and organization news, and refused with a form error when
the upload is not a sound image."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import ProtectedError
from django.urls import reverse

from articles.models import Article, Image, Revision
from tests import hostile_images as hostile
from tests.admin_forms import article_form_data
from tests.factories import make_article, make_image, make_news_item, make_user

pytestmark = pytest.mark.django_db


def upload_form(data: bytes, **fields) -> dict:
    return {
        "alt": "Boats at the pier",
        "caption": "",
        "credit": "",
        "focal_x": "0.5",
        "focal_y": "0.5",
        "file": SimpleUploadedFile("pier.jpg", data, content_type="image/jpeg"),
        **fields,
    }


def stored_files(settings) -> list[Path]:
    return [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()]


DAMAGED = "The file is not an image, or it is damaged."
REFUSED = {
    "not-an-image": (lambda: b"<?php echo 'not an image'; ?>", DAMAGED),
    "truncated": (hostile.truncated_jpeg, DAMAGED),
    "decompression-bomb": (
        lambda: hostile.png_declaring(20_000, 8_900),
        "The image is 20000 × 8900 pixels; the largest accepted has 25 million pixels.",
    ),
}


@pytest.mark.parametrize(("build", "message"), REFUSED.values(), ids=REFUSED.keys())
def test_an_unsound_upload_is_a_form_error_and_nothing_is_stored(
    client, editor, settings, build, message
):
    response = client.post(reverse("admin:articles_image_add"), upload_form(build()))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["file"] == [message]
    assert not Image.objects.exists()
    assert stored_files(settings) == []


def test_an_image_over_the_size_limit_is_refused_naming_the_limit(
    client, editor, settings
):
    settings.NEWSROOM_MAX_IMAGE_BYTES = 2048
    response = client.post(
        reverse("admin:articles_image_add"),
        upload_form(hostile.photo((400, 300))),
    )
    [error] = response.context["adminform"].form.errors["file"]
    assert "the largest accepted is 2.0\xa0KB" in error
    assert not Image.objects.exists()
    assert stored_files(settings) == []


def test_an_upload_records_its_size_and_who_uploaded_it(client, writer):
    response = client.post(
        reverse("admin:articles_image_add"),
        upload_form(hostile.photo((640, 480)), caption="The pier", credit="Ana"),
    )
    assert response.status_code == 302
    image = Image.objects.get()
    assert (image.width, image.height) == (640, 480)
    assert image.uploaded_by == writer
    assert (image.focal_x, image.focal_y) == (0.5, 0.5)
    assert image.may_republish is False


def test_an_image_needs_a_description_for_readers_who_cannot_see_it(client, editor):
    response = client.post(
        reverse("admin:articles_image_add"),
        upload_form(hostile.photo((64, 48)), alt=""),
    )
    assert "alt" in response.context["adminform"].form.errors
    assert not Image.objects.exists()


def test_a_focal_point_outside_the_picture_is_refused(client, editor):
    image = make_image()
    response = client.post(
        reverse("admin:articles_image_change", args=[image.pk]),
        {"alt": image.alt, "caption": "", "credit": "", "focal_x": "1.2",
         "focal_y": "0.3"},
    )  # fmt: skip
    assert "focal_x" in response.context["adminform"].form.errors


def test_the_library_is_searched_by_description_caption_and_credit(client, editor):
    make_image(alt="Fishing boats in Callao")
    make_image(alt="A mine", caption="Tailings by the river")
    make_image(alt="A port", credit="Photo: Harbour Watch")
    make_image(alt="Unrelated")
    url = reverse("admin:articles_image_changelist")
    for word, expected in [("boats", 1), ("tailings", 1), ("harbour", 1)]:
        response = client.get(url, {"q": word})
        assert response.context["cl"].result_count == expected


def test_the_list_counts_images(client, editor):
    make_image()
    make_image()
    response = client.get(reverse("admin:articles_image_changelist"))
    assert "2 images" in response.text


def test_the_list_shows_a_thumbnail_of_each_image(client, editor):
    image = make_image(size=(900, 600))
    response = client.get(reverse("admin:articles_image_changelist"))
    html = response.content.decode()
    assert 'class="library-thumbnail"' in html
    assert image.renditions["jpg"][0].url in html


def test_the_featured_image_is_picked_by_searching_the_library(client, editor):
    image = make_image(alt="Fishing boats", caption="Callao at dawn")
    make_image(alt="A mine")
    response = client.get(
        reverse("admin:autocomplete"),
        {
            "term": "callao",
            "app_label": "articles",
            "model_name": "article",
            "field_name": "featured_image",
        },
    )
    assert response.json()["results"] == [{"id": str(image.pk), "text": image.alt}]


def test_an_article_saved_in_the_admin_shows_the_chosen_image(client, editor):
    image = make_image()
    response = client.post(
        reverse("admin:articles_article_add"),
        article_form_data(featured_image=image.pk),
    )
    assert response.status_code == 302
    assert Article.objects.get().featured_image == image


def test_one_image_serves_articles_and_organization_news():
    image = make_image()
    article = make_article(featured_image=image)
    item = make_news_item(featured_image=image)
    assert list(image.featured_in_articles.all()) == [article]
    assert list(image.featured_in_news.all()) == [item]


def test_an_image_in_use_cannot_be_deleted_from_the_library():
    image = make_image()
    make_article(featured_image=image)
    with pytest.raises(ProtectedError):
        image.delete()


def test_the_admin_names_what_keeps_an_image_from_being_deleted(client, editor):
    image = make_image()
    article = make_article(featured_image=image, title="The harbour story")
    response = client.get(reverse("admin:articles_image_delete", args=[image.pk]))
    assert article.title in response.content.decode()
    assert Image.objects.exists()


def test_writers_add_and_describe_images_but_do_not_delete_them():
    writer = make_user("Writers")
    assert writer.has_perms(["articles.add_image", "articles.change_image"])
    assert not writer.has_perm("articles.delete_image")


def test_the_form_has_a_focal_point_picker_and_number_fields(client, editor):
    image = make_image(size=(300, 200), focal_x=0.25, focal_y=0.75)
    response = client.get(reverse("admin:articles_image_change", args=[image.pk]))
    html = response.content.decode()
    assert 'class="focal-picker"' in html
    assert 'name="focal_x"' in html and 'value="0.25"' in html
    assert "js/focal-point.js" in html


def test_images_left_without_renditions_are_queued_again_from_the_list(
    client, editor, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    waiting = make_image()
    ready = make_image()
    Image.objects.filter(pk=ready.pk).update(renditions_ready=True)
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    }

    response = client.post(
        reverse("admin:articles_image_changelist"),
        {"action": "queue_renditions", "_selected_action": [waiting.pk, ready.pk]},
        follow=True,
    )

    assert "1 image queued for its renditions." in response.text
    waiting.refresh_from_db()
    assert waiting.renditions_ready


def test_a_revision_keeps_the_featured_image_and_restores_it():
    image = make_image()
    article = make_article(featured_image=image)
    revision = Revision.objects.record(article)
    assert revision.data["featured_image"] == [[image.pk, image.alt]]

    article.featured_image = None
    article.save()
    revision.restore()

    article.refresh_from_db()
    assert article.featured_image == image


def test_the_figure_picker_searches_the_library_with_thumbnails(client, writer):
    image = make_image(alt="Fishing boats", caption="Callao at dawn", credit="Ana")
    make_image(alt="A mine")

    response = client.get(reverse("admin:articles_image_choices"), {"term": "dawn"})

    assert response.json() == {
        "results": [
            {
                "id": image.pk,
                "alt": "Fishing boats",
                "caption": "Callao at dawn",
                "credit": "Ana",
                "thumbnail": image.renditions["jpg"][0].url,
                "width": 40,
                "height": 30,
            }
        ]
    }


def test_the_figure_picker_is_for_staff_who_may_see_the_library(client):
    client.force_login(make_user())
    response = client.get(reverse("admin:articles_image_choices"), {"term": "x"})
    assert response.status_code == 403

"""Crops for social cards and search engines keep the image's focal point."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as Picture

from articles.renditions import crop_box, crop_name
from articles.structured_data import image_objects
from tests.factories import make_article, make_image

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("focus", "box"),
    [
        ((0.5, 0.5), (400, 0, 1200, 800)),
        ((0.1, 0.5), (0, 0, 800, 800)),
        ((0.9, 0.5), (800, 0, 1600, 800)),
        ((0.3, 0.0), (80, 0, 880, 800)),
    ],
)
def test_a_square_crop_is_centred_on_the_focal_point_within_the_edges(focus, box):
    assert crop_box(1600, 800, (1, 1), focus) == box


def test_a_centred_crop_keeps_the_name_crops_had_before_focal_points():
    assert crop_name("library/a.jpg", "1x1") == "renditions/library/a-1x1.jpg"
    assert crop_name("library/a.jpg", "1x1", (0.25, 0.7)) == (
        "renditions/library/a-1x1at25x70.jpg"
    )


def two_halves() -> SimpleUploadedFile:
    """1600 × 800: red on the left half, blue on the right."""
    picture = Picture.new("RGB", (1600, 800), "blue")
    picture.paste((255, 0, 0), (0, 0, 800, 800))
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    return SimpleUploadedFile("halves.png", buffer.getvalue())


def colour_of(url_name: str) -> tuple[int, int, int]:
    with default_storage.open(url_name) as stored, Picture.open(stored) as crop:
        return crop.convert("RGB").resize((1, 1)).getpixel((0, 0))


def test_the_square_crop_shows_the_side_the_focal_point_is_on(
    django_capture_on_commit_callbacks,
):
    image = make_image(focal_x=0.1, focal_y=0.5, file=two_halves())
    red, _green, blue = colour_of(crop_name(image.file.name, "1x1", image.focus))
    assert red > 200 and blue < 50

    image.focal_x = 0.9
    with django_capture_on_commit_callbacks(execute=True):
        image.save()
    red, _green, blue = colour_of(crop_name(image.file.name, "1x1", image.focus))
    assert blue > 200 and red < 50


def test_json_ld_and_social_cards_name_the_focal_point_crops(client, settings):
    settings.SITE_URL = "https://news.example.org"
    image = make_image(size=(2000, 1500), focal_x=0.2, focal_y=0.3, credit="Ana")
    article = make_article(featured_image=image)

    data = image_objects(image)
    assert len(data) == 3
    assert all("at20x30.jpg" in entry["url"] for entry in data)
    assert {entry["creditText"] for entry in data} == {"Ana"}

    page = client.get(article.get_absolute_url()).text
    assert (
        'property="og:image" content="https://news.example.org/media/renditions/'
        in (page)
    )
    assert "-16x9at20x30.jpg" in page


def test_until_the_crops_exist_cards_name_the_original_with_its_size(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    image = make_image(size=(2000, 1500))

    [original] = image_objects(image)

    assert original["url"].endswith(image.file.url)
    assert (original["width"], original["height"]) == (2000, 1500)

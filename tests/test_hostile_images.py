"""Hostile images are refused with a form error, never a 500, and refusing
them costs little memory: bounds are read from the header, and the full
decode runs in a separate process limited in memory and time. Uploads reach
the site through the media library (and author photos, the site logo)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms import modelform_factory
from django.urls import reverse

from articles.models import Author, Image
from tests import hostile_images as hostile
from tests.factories import make_user

pytestmark = pytest.mark.django_db

REFUSED = {
    "bomb-png-284-bytes": lambda: hostile.png_declaring(20_000, 8_900),
    "bomb-png-within-pillow-limit": lambda: hostile.png_declaring(9_000, 9_000),
    "bomb-gif": lambda: hostile.gif_declaring(65_535, 65_535),
    "bomb-jpeg": lambda: hostile.jpeg_declaring(60_000, 60_000),
    "truncated-jpeg": hostile.truncated_jpeg,
    "truncated-png": hostile.truncated_png,
    "png-100000x1": hostile.wide_png,
    "cve-2022-44268-png": hostile.profile_png,
    "tiff": lambda: hostile.other_format("TIFF"),
    "psd-like-bmp": lambda: hostile.other_format("BMP"),
    "40-megapixels": lambda: hostile.png_declaring(7_700, 5_160, rows=5_160),
}


def upload(data: bytes, name: str = "photo.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="image/png")


def image_form(data: bytes):
    form_class = modelform_factory(Image, fields=["file", "alt"])
    return form_class(data={"alt": "A photo"}, files={"file": upload(data)})


@pytest.mark.parametrize("build", REFUSED.values(), ids=REFUSED.keys())
def test_a_hostile_image_is_a_form_error(build):
    form = image_form(build())
    assert not form.is_valid()
    assert form.has_error("file")


@pytest.mark.parametrize("build", REFUSED.values(), ids=REFUSED.keys())
def test_the_admin_answers_a_hostile_image_with_the_form_again(client, settings, build):
    client.force_login(make_user("Editors"))
    response = client.post(
        reverse("admin:articles_image_add"),
        {"alt": "A photo", "focal_x": "0.5", "focal_y": "0.5", "file": upload(build())},
    )
    assert response.status_code == 200
    assert "file" in response.context["adminform"].form.errors
    assert not Image.objects.exists()
    assert not any(Path(settings.MEDIA_ROOT).rglob("*.*"))


def test_an_author_photo_is_checked_the_same_way(client):
    client.force_login(make_user("Editors"))
    response = client.post(
        reverse("admin:articles_author_add"),
        {"name": "Ana", "bio": "", "photo": upload(hostile.truncated_jpeg())},
    )
    assert response.status_code == 200
    assert not Author.objects.exists()


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "GIF", "WEBP"])
def test_ordinary_images_in_every_accepted_format_are_accepted(fmt):
    assert image_form(hostile.photo((1200, 800), fmt)).is_valid()


def test_a_wide_logo_is_still_accepted():
    assert image_form(hostile.photo((600, 60), "PNG")).is_valid()


def test_the_pixel_bound_is_a_setting(settings):
    settings.NEWSROOM_MAX_IMAGE_PIXELS = 1_000_000
    form = image_form(hostile.photo((1200, 900)))
    assert form.errors["file"] == [
        "The image is 1200 × 900 pixels; the largest accepted has 1 million pixels."
    ]


def test_the_decoder_is_bounded_in_memory(settings):
    # 3,000 × 2,500 RGB needs 22 MB decoded; the decoding process gets less.
    # (A PNG: JPEGs are checked at an eighth of their size.)
    settings.NEWSROOM_IMAGE_DECODE_MEMORY = 40 * 1024 * 1024
    assert not image_form(hostile.photo((3_000, 2_500), "PNG")).is_valid()
    settings.NEWSROOM_IMAGE_DECODE_MEMORY = 200 * 1024 * 1024
    assert image_form(hostile.photo((3_000, 2_500), "PNG")).is_valid()


def test_a_jpeg_damaged_near_its_end_is_refused():
    whole = hostile.photo((1200, 800))
    assert not image_form(whole[: len(whole) - 2000]).is_valid()


def test_the_decoder_is_bounded_in_time(settings):
    # No CPU second at all: the decoding process is stopped before it ends,
    # as one caught in a decoder's endless loop would be.
    settings.NEWSROOM_IMAGE_DECODE_SECONDS = 0
    form = image_form(hostile.photo((1200, 800)))
    assert form.errors["file"] == ["The file is not an image, or it is damaged."]


def test_a_stored_image_is_not_decoded_again_on_the_next_save():
    image = image_form(hostile.photo((40, 30))).save()
    image.refresh_from_db()
    Path(image.file.path).write_bytes(b"damaged since it was checked")
    image.full_clean()


MEASURE = """
import json, os, resource, sys
import django
os.environ["DJANGO_SETTINGS_MODULE"] = "newsroom.settings"
django.setup()
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms import modelform_factory
from articles.models import Image
from tests import hostile_images as hostile
from tests.test_hostile_images import REFUSED

data = REFUSED[sys.argv[1]]()
form_class = modelform_factory(Image, fields=["file", "alt"])
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
form = form_class(
    data={"alt": "A photo"},
    files={"file": SimpleUploadedFile("x.png", data, content_type="image/png")},
)
valid = form.is_valid()
print(json.dumps({
    "bytes": len(data),
    "valid": valid,
    "growth_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before,
    "decoder_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
}))
"""


def peak_memory(sample: str) -> dict:
    """Refuse ``sample`` in a fresh process; report its peak memory growth."""
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, sample],
        cwd=Path(__file__).parent.parent,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


@pytest.mark.parametrize("sample", REFUSED)
def test_refusing_a_hostile_image_costs_little_memory(sample):
    measured = peak_memory(sample)
    assert not measured["valid"]
    assert measured["growth_kb"] < 20 * 1024, measured
    assert measured["decoder_kb"] < 100 * 1024, measured

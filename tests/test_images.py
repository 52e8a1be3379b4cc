"""Uploaded images are verified by Pillow and bounded in bytes and pixels."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from articles.images import validate_image_file
from tests.factories import image_bytes, image_upload

pytestmark = pytest.mark.django_db


def test_a_real_image_is_accepted():
    validate_image_file(image_upload())


def test_a_text_file_named_like_an_image_is_refused():
    fake = SimpleUploadedFile("photo.png", b"<?php echo 'not an image'; ?>")
    with pytest.raises(ValidationError) as error:
        validate_image_file(fake)
    assert error.value.code == "invalid_image"


def test_a_truncated_image_is_refused():
    broken = SimpleUploadedFile("photo.png", image_bytes()[:60])
    with pytest.raises(ValidationError) as error:
        validate_image_file(broken)
    assert error.value.code == "invalid_image"


def test_a_file_over_the_byte_bound_is_refused(settings):
    settings.NEWSROOM_MAX_IMAGE_BYTES = 100
    with pytest.raises(ValidationError) as error:
        validate_image_file(image_upload(size=(200, 200)))
    assert error.value.code == "image_too_large"


def test_an_image_over_the_pixel_bound_is_refused_before_decoding(settings):
    settings.NEWSROOM_MAX_IMAGE_PIXELS = 100 * 100
    with pytest.raises(ValidationError) as error:
        validate_image_file(image_upload(size=(101, 100)))
    assert error.value.code == "image_too_many_pixels"


def test_validation_leaves_the_file_readable_from_where_it_was():
    upload = image_upload()
    upload.seek(5)
    validate_image_file(upload)
    assert upload.tell() == 5

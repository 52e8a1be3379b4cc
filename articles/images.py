"""Bounds on uploaded images, checked before the image is decoded in full."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError


def validate_image_file(upload: File) -> None:
    """Refuse files over the byte or pixel bound, and files Pillow cannot verify.

    Django's ImageField already refuses what Pillow cannot open; this adds the
    bounds, and reads only the header to learn the size, so a decompression
    bomb is refused before it is expanded.
    """
    max_bytes = settings.NEWSROOM_MAX_IMAGE_BYTES
    if upload.size is not None and upload.size > max_bytes:
        raise ValidationError(
            _("The image is %(size)s; the largest accepted is %(max)s."),
            code="image_too_large",
            params={
                "size": filesizeformat(upload.size),
                "max": filesizeformat(max_bytes),
            },
        )
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            width, height = image.size
            if width * height > settings.NEWSROOM_MAX_IMAGE_PIXELS:
                raise ValidationError(
                    _(
                        "The image is %(width)s × %(height)s pixels; the largest "
                        "accepted has %(max)s million pixels."
                    ),
                    code="image_too_many_pixels",
                    params={
                        "width": width,
                        "height": height,
                        "max": settings.NEWSROOM_MAX_IMAGE_PIXELS // 1_000_000,
                    },
                )
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError):
        raise ValidationError(
            _("The file is not an image, or it is damaged."), code="invalid_image"
        ) from None
    finally:
        upload.seek(position)

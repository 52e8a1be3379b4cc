"""Bounds on uploaded images: the header is read first, then the image is
decoded in full in a separate, bounded process before it is accepted.

A file that fails either step is a form error. What passes is an image of
an accepted format, within the byte, pixel and aspect-ratio bounds, that
decodes completely: renditions can then be made from it without surprises.
"""

import subprocess
import sys
from pathlib import Path

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import models
from django.db.models.fields.files import FieldFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image

# What newsrooms publish and browsers show; the other decoders Pillow ships
# (TIFF, PSD, ICNS, FLI…) are where its crash and out-of-memory reports live.
FORMATS = ("JPEG", "PNG", "GIF", "WEBP")
DECODER = Path(__file__).with_name("decode_image.py")
# Set on an upload once it passed, so the model's validator, which sees the
# same upload after the form's, does not decode it a second time.
CHECKED = "newsroom_image_checked"

INVALID = _("The file is not an image, or it is damaged.")


def validate_image_file(upload: File) -> None:
    """Refuse files over the bounds, of another format, or that do not decode.

    A file already in storage was checked when it was uploaded and is not
    read again.
    """
    if isinstance(upload, FieldFile):
        if upload._committed:
            return
        upload = upload.file
    if getattr(upload, CHECKED, False):
        return
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
    position = upload.tell()
    try:
        upload.seek(0)
        check_size(*read_size(upload))
        upload.seek(0)
        decode(upload.read())
    finally:
        upload.seek(position)
    setattr(upload, CHECKED, True)


def read_size(upload: File) -> tuple[int, int]:
    """The image's width and height, from its header alone."""
    try:
        with Image.open(upload, formats=FORMATS) as image:
            if "profile" in image.info:
                # A PNG text chunk that makes ImageMagick copy the file it
                # names into images it writes (CVE-2022-44268): harmless
                # here, but not to a partner resizing the original.
                raise ValueError("ImageMagick profile chunk")
            return image.size
    except Exception:
        # Pillow raises what its decoders raise (OSError, ValueError,
        # SyntaxError, struct.error, DecompressionBombError…): all are a
        # damaged or hostile file to the person uploading it.
        raise ValidationError(INVALID, code="invalid_image") from None


def check_size(width: int, height: int) -> None:
    max_pixels = settings.NEWSROOM_MAX_IMAGE_PIXELS
    if width * height > max_pixels:
        raise ValidationError(
            _(
                "The image is %(width)s × %(height)s pixels; the largest "
                "accepted has %(max)s million pixels."
            ),
            code="image_too_many_pixels",
            params={
                "width": width,
                "height": height,
                "max": f"{max_pixels / 1_000_000:g}",
            },
        )
    max_ratio = settings.NEWSROOM_MAX_IMAGE_ASPECT_RATIO
    if max(width, height) > max_ratio * min(width, height):
        raise ValidationError(
            _(
                "The image is %(width)s × %(height)s pixels; one side may be at "
                "most %(ratio)s times the other."
            ),
            code="image_too_narrow",
            params={"width": width, "height": height, "ratio": max_ratio},
        )


def decode(data: bytes) -> None:
    """Decode ``data`` in full in a process bounded in memory and time."""
    seconds = settings.NEWSROOM_IMAGE_DECODE_SECONDS
    command = [
        sys.executable,
        "-I",
        str(DECODER),
        str(settings.NEWSROOM_IMAGE_DECODE_MEMORY),
        str(seconds),
        str(settings.NEWSROOM_MAX_IMAGE_PIXELS),
        ",".join(FORMATS),
    ]
    try:
        subprocess.run(
            command, input=data, capture_output=True, timeout=seconds + 1, check=True
        )
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
        raise ValidationError(INVALID, code="invalid_image") from None


class CheckedImageFormField(forms.ImageField):
    """Checks the upload before the model sees it: assigning an image to a
    model reads its dimensions, and for a hostile file that read alone could
    allocate the whole bitmap."""

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)
        if upload is not None:
            validate_image_file(upload)
        return super().to_python(data)


class CheckedImageField(models.ImageField):
    """An ImageField whose form field checks the upload first."""

    default_validators = [validate_image_file]

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": CheckedImageFormField, **kwargs})

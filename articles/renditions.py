"""Smaller copies of uploaded images, made once when the image is saved.

Pages then name the copies by a rule (``renditions/<name>-<width>.<ext>``),
so rendering a page never opens an image or asks the storage what exists.
"""

import io
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.db.models.fields.files import ImageFieldFile
from PIL import Image, ImageOps

WIDTHS = (480, 800, 1200, 1600)
FORMATS = {"webp": ("WEBP", "image/webp"), "jpg": ("JPEG", "image/jpeg")}


@dataclass(frozen=True)
class Rendition:
    url: str
    width: int


def rendition_widths(original_width: int | None) -> list[int]:
    """The widths made for an image: the standard ones it is wider than, and
    its own width when it is narrower than the largest."""
    if not original_width:
        return []
    widths = [width for width in WIDTHS if width < original_width]
    if original_width <= WIDTHS[-1]:
        widths.append(original_width)
    return widths or [WIDTHS[-1]]


def rendition_name(name: str, width: int, extension: str) -> str:
    path = PurePosixPath(name)
    return str(
        PurePosixPath("renditions") / path.parent / f"{path.stem}-{width}.{extension}"
    )


def make_renditions(image: ImageFieldFile) -> None:
    """Write every rendition of ``image`` that the storage does not hold yet."""
    if not image:
        return
    storage = image.storage
    with image.open("rb") as source, Image.open(source) as original:
        original = ImageOps.exif_transpose(original).convert("RGB")
        for width in rendition_widths(original.width):
            height = round(original.height * width / original.width)
            resized = None
            for extension, (pillow_format, _mime) in FORMATS.items():
                name = rendition_name(image.name, width, extension)
                if storage.exists(name):
                    continue
                resized = resized or original.resize((width, height), Image.LANCZOS)
                buffer = io.BytesIO()
                resized.save(buffer, pillow_format, quality=80, optimize=True)
                storage.save(name, ContentFile(buffer.getvalue()))


def renditions(
    image: ImageFieldFile, original_width: int | None
) -> dict[str, list[Rendition]]:
    """Rendition URLs by extension, narrowest first, without touching storage."""
    if not image:
        return {}
    return {
        extension: [
            Rendition(
                image.storage.url(rendition_name(image.name, width, extension)), width
            )
            for width in rendition_widths(original_width)
        ]
        for extension in FORMATS
    }

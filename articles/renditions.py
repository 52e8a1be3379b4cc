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
# Aspect ratios search engines ask for, each cropped from the centre and
# at most this wide.
CROPS = {"16x9": (16, 9), "4x3": (4, 3), "1x1": (1, 1)}
CROP_MAX_WIDTH = 1600
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


def original_of(name: str) -> tuple[str, str] | None:
    """The folder and stem of the image a rendition or crop was made from,
    the inverse of ``rendition_name`` and ``crop_name``; None for a name that
    is not a rendition. The original's extension is not in the name."""
    path = PurePosixPath(name)
    if path.parts[:1] != ("renditions",) or "-" not in path.stem:
        return None
    stem, _suffix = path.stem.rsplit("-", 1)
    return str(PurePosixPath(*path.parts[1:-1])), stem


@dataclass(frozen=True)
class Crop:
    url: str
    width: int
    height: int


def crop_box(
    width: int, height: int, ratio: tuple[int, int]
) -> tuple[int, int, int, int]:
    """The largest centred box of ``ratio`` inside a ``width`` × ``height`` image."""
    across, down = ratio
    crop_width = min(width, height * across // down)
    crop_height = crop_width * down // across
    left, top = (width - crop_width) // 2, (height - crop_height) // 2
    return left, top, left + crop_width, top + crop_height


def crop_size(width: int, height: int, ratio: tuple[int, int]) -> tuple[int, int]:
    left, top, right, bottom = crop_box(width, height, ratio)
    crop_width = min(right - left, CROP_MAX_WIDTH)
    return crop_width, crop_width * ratio[1] // ratio[0]


def crop_name(name: str, label: str) -> str:
    path = PurePosixPath(name)
    return str(PurePosixPath("renditions") / path.parent / f"{path.stem}-{label}.jpg")


def crops(image: ImageFieldFile, width: int | None, height: int | None) -> list[Crop]:
    """The cropped copies' URLs and sizes, without touching storage."""
    if not (image and width and height):
        return []
    return [
        Crop(
            image.storage.url(crop_name(image.name, label)),
            *crop_size(width, height, ratio),
        )
        for label, ratio in CROPS.items()
    ]


def make_renditions(image: ImageFieldFile) -> None:
    """Write every rendition and crop of ``image`` the storage does not hold yet."""
    if not image:
        return
    storage = image.storage
    with image.open("rb") as source, Image.open(source) as original:
        original = ImageOps.exif_transpose(original).convert("RGB")
        for label, ratio in CROPS.items():
            name = crop_name(image.name, label)
            if storage.exists(name):
                continue
            size = crop_size(original.width, original.height, ratio)
            cropped = original.crop(crop_box(original.width, original.height, ratio))
            buffer = io.BytesIO()
            cropped.resize(size, Image.LANCZOS).save(buffer, "JPEG", quality=82)
            storage.save(name, ContentFile(buffer.getvalue()))
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

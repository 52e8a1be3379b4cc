"""Smaller copies of uploaded images, made in the background once an image
is saved (``articles.tasks``).

Pages name the copies by a rule (``renditions/<name>-<width>.<ext>``), so
rendering a page never opens an image or asks the storage what exists; until
the copies are made, pages show the original (``Image.renditions_ready``).
"""

import io
import posixpath
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.db.models.fields.files import ImageFieldFile
from PIL import Image, ImageOps

WIDTHS = (480, 800, 1200, 1600)
# Aspect ratios search engines and social cards ask for, each cropped around
# the image's focal point and at most this wide.
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
    # String operations, not PurePosixPath: a page names ten renditions of
    # each image it shows.
    folder, _slash, file = name.rpartition("/")
    stem = file.rsplit(".", 1)[0] if "." in file.lstrip(".") else file
    return posixpath.join("renditions", folder, f"{stem}-{width}.{extension}")


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


CENTRE = (0.5, 0.5)


def crop_box(
    width: int,
    height: int,
    ratio: tuple[int, int],
    focus: tuple[float, float] = CENTRE,
) -> tuple[int, int, int, int]:
    """The largest box of ``ratio`` inside a ``width`` × ``height`` image,
    centred on the focal point ``focus`` (fractions of the width and height)
    as far as the edges allow."""
    across, down = ratio
    crop_width = min(width, height * across // down)
    crop_height = crop_width * down // across
    left = _centred(focus[0] * width, crop_width, width)
    top = _centred(focus[1] * height, crop_height, height)
    return left, top, left + crop_width, top + crop_height


def _centred(point: float, length: int, bound: int) -> int:
    return min(max(round(point - length / 2), 0), bound - length)


def crop_size(width: int, height: int, ratio: tuple[int, int]) -> tuple[int, int]:
    left, top, right, bottom = crop_box(width, height, ratio)
    crop_width = min(right - left, CROP_MAX_WIDTH)
    return crop_width, crop_width * ratio[1] // ratio[0]


def crop_name(name: str, label: str, focus: tuple[float, float] = CENTRE) -> str:
    """The crop's file name. A focal point other than the centre is part of
    the name (in whole percent, and without a hyphen, which ``original_of``
    splits on), so moving it makes new files and no cache keeps an old crop;
    centred crops keep the names they had before focal points existed."""
    if focus != CENTRE:
        label = f"{label}at{round(focus[0] * 100)}x{round(focus[1] * 100)}"
    path = PurePosixPath(name)
    return str(PurePosixPath("renditions") / path.parent / f"{path.stem}-{label}.jpg")


def crops(
    image: ImageFieldFile,
    width: int | None,
    height: int | None,
    focus: tuple[float, float] = CENTRE,
) -> list[Crop]:
    """The cropped copies' URLs and sizes, without touching storage."""
    if not (image and width and height):
        return []
    return [
        Crop(
            image.storage.url(crop_name(image.name, label, focus)),
            *crop_size(width, height, ratio),
        )
        for label, ratio in CROPS.items()
    ]


def make_renditions(image: ImageFieldFile, focus: tuple[float, float] = CENTRE) -> None:
    """Write every rendition and crop of ``image`` the storage does not hold yet."""
    if not image:
        return
    storage = image.storage
    with image.open("rb") as source, Image.open(source) as original:
        original = ImageOps.exif_transpose(original).convert("RGB")
        for label, ratio in CROPS.items():
            name = crop_name(image.name, label, focus)
            if storage.exists(name):
                continue
            size = crop_size(original.width, original.height, ratio)
            box = crop_box(original.width, original.height, ratio, focus)
            cropped = original.crop(box)
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

"""The site's icons, drawn from the logo in the site settings: the favicon
(16, 32 and 48 pixels in one ICO file) and the touch and app icons (180, 192
and 512 pixels). Made once when the logo changes, named like renditions of
it (so they are public exactly when the logo is); without a logo, the static
icons drawn from the default mark."""

import io
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.db.models.fields.files import ImageFieldFile
from django.templatetags.static import static
from PIL import Image

FAVICON_SIZES = [(16, 16), (32, 32), (48, 48)]
# label: (size, extension). Labels hold no hyphen: renditions are named
# "<stem>-<label>", and the stem is read back up to the last hyphen.
ICONS = {
    "favicon": (48, "ico"),
    "touch": (180, "png"),
    "icon192": (192, "png"),
    "icon512": (512, "png"),
}
STATIC_ICONS = {
    "favicon": "img/favicon.ico",
    "touch": "img/apple-touch-icon.png",
    "icon192": "img/icon-192.png",
    "icon512": "img/icon-512.png",
}


def icon_name(logo_name: str, label: str) -> str:
    path = PurePosixPath(logo_name)
    extension = ICONS[label][1]
    return str(
        PurePosixPath("renditions") / path.parent / f"{path.stem}-{label}.{extension}"
    )


def icon_urls(logo: ImageFieldFile) -> dict[str, str]:
    """Each icon's address, without touching storage."""
    if not logo:
        return {label: static(path) for label, path in STATIC_ICONS.items()}
    return {label: logo.storage.url(icon_name(logo.name, label)) for label in ICONS}


def make_icons(logo: ImageFieldFile) -> None:
    """Draw every icon from ``logo``: the whole logo, centred on a square,
    transparent canvas, so a wide wordmark is shrunk rather than cut."""
    with logo.open("rb") as source, Image.open(source) as original:
        image = original.convert("RGBA")
    side = max(image.size)
    square = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    square.paste(image, ((side - image.width) // 2, (side - image.height) // 2))
    for label, (size, extension) in ICONS.items():
        buffer = io.BytesIO()
        icon = square.resize((size, size), Image.LANCZOS)
        if extension == "ico":
            icon.save(buffer, "ICO", sizes=FAVICON_SIZES)
        else:
            icon.save(buffer, "PNG", optimize=True)
        name = icon_name(logo.name, label)
        logo.storage.delete(name)
        logo.storage.save(name, ContentFile(buffer.getvalue()))

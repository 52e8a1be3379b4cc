"""Hostile image files built with Pillow or by hand, for upload tests.

Each builder returns the bytes of one file of a kind that has broken image
pipelines: bombs that declare a huge bitmap in a few bytes, truncations,
extreme shapes, formats whose decoders carry Pillow's crash reports, and a
PNG that asks ImageMagick to embed a local file (CVE-2022-44268).
"""

import io
import struct
import zlib

from PIL import Image, PngImagePlugin


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data)
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def png_declaring(width: int, height: int, rows: int = 1) -> bytes:
    """An RGBA PNG whose header claims ``width`` × ``height`` pixels but whose
    data holds ``rows`` rows: a few hundred bytes that ask for gigabytes."""
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    data = zlib.compress(b"\x00" * (1 + 4 * width) * rows, 9)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", data)
        + _chunk(b"IEND", b"")
    )


def gif_declaring(width: int, height: int) -> bytes:
    """A GIF whose logical screen and frame claim ``width`` × ``height``."""
    data = bytearray(encoded(Image.new("P", (4, 4)), "GIF"))
    data[6:10] = struct.pack("<HH", width, height)
    frame = data.index(b",")
    data[frame + 5 : frame + 9] = struct.pack("<HH", width, height)
    return bytes(data)


def jpeg_declaring(width: int, height: int) -> bytes:
    """A JPEG whose frame header claims ``width`` × ``height``."""
    data = bytearray(encoded(Image.new("RGB", (16, 16)), "JPEG"))
    frame = data.index(b"\xff\xc0")
    data[frame + 5 : frame + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def truncated_jpeg() -> bytes:
    """A real photograph-sized JPEG cut off halfway through its scan."""
    image = Image.effect_noise((800, 600), 60).convert("RGB")
    data = encoded(image, "JPEG")
    return data[: len(data) // 2]


def truncated_png() -> bytes:
    """A real PNG cut off halfway through its pixel data."""
    data = encoded(Image.effect_noise((800, 600), 60), "PNG")
    return data[: len(data) // 2]


def wide_png(width: int = 100_000) -> bytes:
    """A real PNG one pixel high."""
    return encoded(Image.new("L", (width, 1), 128), "PNG")


def profile_png(path: str = "/etc/passwd") -> bytes:
    """A valid PNG with the tEXt chunk that makes ImageMagick read ``path``
    into images it writes (CVE-2022-44268)."""
    info = PngImagePlugin.PngInfo()
    info.add_text("profile", path)
    return encoded(Image.new("RGB", (40, 30), "teal"), "PNG", pnginfo=info)


def other_format(fmt: str) -> bytes:
    """A valid image in a format the newsroom does not accept (TIFF, PSD…)."""
    return encoded(Image.new("RGB", (40, 30), "teal"), fmt)


def photo(size: tuple[int, int], fmt: str = "JPEG") -> bytes:
    return encoded(Image.new("RGB", size, "teal"), fmt)


def encoded(image: Image.Image, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()

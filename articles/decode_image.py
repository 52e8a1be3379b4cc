"""Decode the image on standard input in full; exit 0 if it decodes.

``articles.images`` runs this file in a process of its own, limited in
memory and CPU time before Pillow is even imported, so that a decompression
bomb or a decoder bug costs this process and never the site's workers.
Arguments: memory bytes, CPU seconds, pixel bound, accepted formats.
"""

import io
import resource
import sys


def main(memory: int, seconds: int, max_pixels: int, formats: list[str]) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds))
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = max_pixels
    with Image.open(io.BytesIO(sys.stdin.buffer.read()), formats=formats) as image:
        if image.format == "JPEG":
            # Scaled down by 8 in the decoder: every compressed byte is still
            # read and checked (a truncated or corrupt file fails the same),
            # in a third of the time and a sixty-fourth of the memory.
            image.draft(image.mode, (image.width // 8, image.height // 8))
        image.load()


if __name__ == "__main__":
    memory, seconds, max_pixels, formats = sys.argv[1:5]
    main(int(memory), int(seconds), int(max_pixels), formats.split(","))

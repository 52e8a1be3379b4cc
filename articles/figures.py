"""Figures from the media library inside rich text.

The stored HTML names a library image and nothing else
(``<figure data-image="123"></figure>``, see ``articles.sanitize``); what a
reader gets is made here, from the library, when a page, feed or copy is
rendered. So correcting a caption or a credit in the library corrects every
article that shows the image, and a figure whose image is gone renders
nothing.
"""

from collections.abc import Iterable, Mapping

from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from articles.models import Image
from articles.models.media import FIGURE
from articles.structured_data import absolute


def prefetch_figures(items: Iterable) -> None:
    """Fetch the figures of every article or news item of ``items`` in one
    query (none without figures), as ``item.figure_images``."""
    items = list(items)
    images = Image.objects.for_figures(
        html for item in items for html in item.rich_text()
    )
    for item in items:
        item.__dict__["figure_images"] = images


def render_figures(html: str, images: Mapping[int, Image]) -> SafeString:
    """``html`` with each library figure made a responsive ``<picture>`` with
    its caption and credit, as the featured image is. ``html`` must be
    sanitized: it is marked safe."""

    def figure(match) -> str:
        image = images.get(int(match.group(1)))
        if image is None:
            return ""
        return render_to_string("includes/library_figure.html", {"image": image})

    # Safe: every caller passes a body_html cleaned by nh3 when it was saved
    # (articles.sanitize), and each figure comes from an autoescaped template.
    return mark_safe(FIGURE.sub(figure, html))


def portable_figures(
    html: str, images: Mapping[int, Image], *, republishing: bool
) -> str:
    """``html`` with each library figure made a plain ``<figure>`` with an
    absolute image address, for feed readers and other sites. In a copy for
    republishing, images the newsroom may not pass on are left out."""

    def figure(match) -> str:
        image = images.get(int(match.group(1)))
        if image is None or (republishing and not image.may_republish):
            return ""
        return portable_image(image)

    return FIGURE.sub(figure, html)


def portable_image(image: Image) -> str:
    """A library image as a plain ``<figure>`` another site can show: the
    original at its absolute address, with caption and credit."""
    caption = " ".join(part for part in [image.caption, image.credit] if part)
    return format_html(
        '<figure><img src="{}" alt="{}" width="{}" height="{}">{}</figure>',
        absolute(image.file.url),
        image.alt,
        image.width,
        image.height,
        format_html("<figcaption>{}</figcaption>", caption) if caption else "",
    )

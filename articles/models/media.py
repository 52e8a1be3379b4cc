"""The media library: images as objects of their own, described once and
used as featured images and inline figures by articles and organization news.

Slow work on an image (renditions, focal-point crops) runs in the background
(``articles.tasks``); saving an image only records it.
"""

import re
from collections.abc import Iterable

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from articles.images import CheckedImageField
from articles.renditions import Crop, Rendition, crops, renditions
from articles.tasks import make_image_renditions

# How rich text names a library image once sanitized (articles.sanitize):
# ``<figure data-image="123"></figure>``; articles.figures renders it.
FIGURE = re.compile(r'<figure data-image="(\d+)"></figure>')

FRACTION = [MinValueValidator(0.0), MaxValueValidator(1.0)]
# The JPEG a browser without WebP gets: sharp enough in a card and the lead.
FALLBACK_WIDTH = 800


def figure_ids(html_parts: Iterable[str]) -> set[int]:
    """The library images the sanitized ``html_parts`` show as figures."""
    return {int(pk) for html in html_parts for pk in FIGURE.findall(html)}


def figures_field(related_name: str) -> models.ManyToManyField:
    """The library images a text shows as figures, kept from the text on
    every save: whether an image is public is then a look-up, not a read of
    every article's text."""
    return models.ManyToManyField(
        "articles.Image",
        blank=True,
        editable=False,
        related_name=related_name,
        verbose_name=_("figures"),
    )


class ImageQuerySet(models.QuerySet):
    def for_figures(self, html_parts: Iterable[str]) -> dict[int, "Image"]:
        """The images the figures of ``html_parts`` show, by id, in one query
        (none when there is no figure). A figure whose image is gone is not
        in the result, and renders nothing."""
        return self.in_bulk(figure_ids(html_parts))

    def figures_of(self, html_parts: Iterable[str]) -> "ImageQuerySet":
        """The images the figures of ``html_parts`` show, those that exist."""
        return self.filter(pk__in=figure_ids(html_parts))

    def shown_by(self, published_articles, published_news) -> "ImageQuerySet":
        """Images a published article or news item shows, as its featured
        image or as a figure in its body or analysis sections: each question
        a look-up through an index, never a read of the articles' text."""
        return self.filter(
            Q(Exists(published_articles.filter(featured_image=OuterRef("pk"))))
            | Q(Exists(published_news.filter(featured_image=OuterRef("pk"))))
            | Q(Exists(published_articles.filter(figures=OuterRef("pk"))))
            | Q(Exists(published_news.filter(figures=OuterRef("pk"))))
        )


class Image(models.Model):
    file = CheckedImageField(
        _("image file"),
        upload_to="library/%Y/%m/",
        width_field="width",
        height_field="height",
    )
    width = models.PositiveIntegerField(_("width"), editable=False, null=True)
    height = models.PositiveIntegerField(_("height"), editable=False, null=True)
    alt = models.CharField(
        _("description (alt text)"),
        max_length=300,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    credit = models.CharField(_("credit"), max_length=200, blank=True)
    may_republish = models.BooleanField(
        _("may be republished"),
        default=False,
        help_text=_(
            "Tick only if the newsroom holds the rights to let other outlets "
            "republish this image with the articles that show it."
        ),
    )
    focal_x = models.FloatField(
        _("focal point across"),
        default=0.5,
        validators=FRACTION,
        help_text=_("0 is the left edge, 1 the right edge."),
    )
    focal_y = models.FloatField(
        _("focal point down"),
        default=0.5,
        validators=FRACTION,
        help_text=_("0 is the top edge, 1 the bottom edge."),
    )
    renditions_ready = models.BooleanField(
        _("renditions made"), default=False, editable=False
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    objects = ImageQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("image")
        verbose_name_plural = _("images")
        constraints = [
            models.CheckConstraint(
                condition=Q(focal_x__gte=0, focal_x__lte=1)
                & Q(focal_y__gte=0, focal_y__lte=1),
                name="image_focal_point_inside",
            )
        ]

    def __str__(self) -> str:
        return Truncator(self.alt).chars(80)

    def save(self, *args, **kwargs) -> None:
        """Record the image; renditions and crops for a new file or focal
        point are made by a background task once the save is committed."""
        stored = (
            Image.objects.filter(pk=self.pk)
            .values("file", "focal_x", "focal_y")
            .first()
            if self.pk
            else None
        )
        changed = stored != {
            "file": self.file.name,
            "focal_x": self.focal_x,
            "focal_y": self.focal_y,
        }
        if changed:
            self.renditions_ready = False
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "renditions_ready"}
        super().save(*args, **kwargs)
        if changed:
            transaction.on_commit(lambda: make_image_renditions.enqueue(self.pk))

    @property
    def focus(self) -> tuple[float, float]:
        return (self.focal_x, self.focal_y)

    @property
    def renditions(self) -> dict[str, list[Rendition]]:
        """Rendition URLs by format once they are made; empty until then, and
        pages show the original."""
        if not self.renditions_ready:
            return {}
        return renditions(self.file, self.width)

    @cached_property
    def srcsets(self) -> dict[str, str]:
        """The WebP renditions as an HTML ``srcset``, and ``src``, one JPEG
        for the few browsers without WebP: written once for the image rather
        than by a template loop in each card that shows it. Every browser that
        reads ``srcset`` reads WebP, so a JPEG ``srcset`` would only add a
        kilobyte to each card. Empty until the renditions are made."""
        found = self.renditions
        if not found:
            return {}
        jpegs = found["jpg"]
        fallback = [r for r in jpegs if r.width <= FALLBACK_WIDTH] or jpegs
        return {
            "src": fallback[-1].url,
            "webp": ", ".join(f"{r.url} {r.width}w" for r in found["webp"]),
        }

    @property
    def crops(self) -> list[Crop]:
        """16:9, 4:3 and 1:1 copies around the focal point, for search engines
        and social cards; the original, uncropped, until they are made."""
        if not self.renditions_ready:
            return [Crop(self.file.url, self.width, self.height)] if self.file else []
        return crops(self.file, self.width, self.height, self.focus)

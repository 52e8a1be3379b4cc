from django.db import models, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from articles.embeds import validate_embeds
from articles.models.media import Image, figures_field
from articles.models.publishing import Publishable
from articles.sanitize import sanitize_html


class OrganizationNewsItem(Publishable):
    """News about the newsroom itself: awards, events, citations of its work."""

    excerpt = models.TextField(_("excerpt"), max_length=400)
    body = models.TextField(_("body"), blank=True, validators=[validate_embeds])
    body_html = models.TextField(editable=False, blank=True)
    # PROTECT, as for articles (articles.models.article).
    featured_image = models.ForeignKey(
        "articles.Image",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="featured_in_news",
        verbose_name=_("image"),
    )
    figures = figures_field(related_name="figure_in_news")

    revision_fields = (
        *Publishable.revision_fields,
        "excerpt",
        "body",
        "featured_image",
    )

    class Meta(Publishable.Meta):
        verbose_name = _("organization news item")
        verbose_name_plural = _("organization news")
        permissions = [
            (
                "publish_organizationnewsitem",
                _("Can publish, schedule and unpublish organization news"),
            ),
        ]

    def save(self, *args, **kwargs) -> None:
        self.body_html = sanitize_html(self.body)
        with transaction.atomic():
            super().save(*args, **kwargs)
            self.figures.set(Image.objects.figures_of([self.body_html]))

    def get_absolute_url(self) -> str:
        with translation.override(self.language):
            return reverse(
                "articles:organization-news-detail", kwargs={"slug": self.slug}
            )

    def rich_text(self) -> list[str]:
        return [self.body_html]

    @cached_property
    def figure_images(self) -> dict[int, Image]:
        """The library images of this item's figures, by id, in one query."""
        return Image.objects.for_figures(self.rich_text())

    def get_preview_url(self) -> str:
        with translation.override(self.language):
            return reverse("articles:organization-news-preview", kwargs={"pk": self.pk})

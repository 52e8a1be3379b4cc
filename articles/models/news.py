from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from articles.embeds import validate_embeds
from articles.images import CheckedImageField
from articles.models.publishing import Publishable
from articles.sanitize import sanitize_html


class OrganizationNewsItem(Publishable):
    """News about the newsroom itself: awards, events, citations of its work."""

    excerpt = models.TextField(_("excerpt"), max_length=400)
    body = models.TextField(_("body"), blank=True, validators=[validate_embeds])
    body_html = models.TextField(editable=False, blank=True)
    image = CheckedImageField(
        _("image"),
        width_field="image_width",
        height_field="image_height",
        upload_to="organization/%Y/",
        blank=True,
    )
    image_width = models.PositiveIntegerField(editable=False, null=True)
    image_height = models.PositiveIntegerField(editable=False, null=True)
    image_alt = models.CharField(
        _("image description (alt text)"), max_length=300, blank=True
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
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        with translation.override(self.language):
            return reverse(
                "articles:organization-news-detail", kwargs={"slug": self.slug}
            )

    def get_preview_url(self) -> str:
        with translation.override(self.language):
            return reverse("articles:organization-news-preview", kwargs={"pk": self.pk})

"""Corrections and updates: dated notes on an article, kept as a matter of
record. They are added beside the article, never by editing its body."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models.article import Article


class CorrectionKind(models.TextChoices):
    CORRECTION = "correction", _("Correction")
    UPDATE = "update", _("Update")
    EDITORS_NOTE = "editors-note", _("Editor's note")
    CLARIFICATION = "clarification", _("Clarification")


# The kinds that amend what the article said, as opposed to adding to it:
# schema.org's CorrectionComment, and the "corrected" wording, are theirs.
AMENDING_KINDS = frozenset({CorrectionKind.CORRECTION, CorrectionKind.CLARIFICATION})


class CorrectionQuerySet(models.QuerySet):
    def public(self) -> "CorrectionQuerySet":
        """Notes readers may see: those on a published article."""
        return self.filter(article__in=Article.objects.published())

    def for_language(self, language: str) -> "CorrectionQuerySet":
        return self.filter(article__language=language)


class Correction(models.Model):
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="corrections"
    )
    kind = models.CharField(
        _("kind"),
        max_length=16,
        choices=CorrectionKind,
        default=CorrectionKind.CORRECTION,
    )
    text = models.TextField(
        _("text"),
        max_length=2000,
        help_text=_(
            "What was wrong and what is right, or what changed. Plain text; "
            "shown below the headline and in full at the end of the article."
        ),
    )
    published_at = models.DateTimeField(_("date"), default=timezone.now)

    objects = CorrectionQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("correction or update")
        verbose_name_plural = _("corrections and updates")
        indexes = [
            # The public listing: newest notes first.
            models.Index(fields=["published_at", "id"], name="correction_listing"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}, {self.published_at:%Y-%m-%d}"

    def save(self, *args, **kwargs) -> None:
        super().save(*args, **kwargs)
        # The article changed for its readers: its modification time (JSON-LD
        # dateModified, feeds, sitemaps) follows, without saving the article.
        Article.objects.filter(pk=self.article_id).update(updated_at=timezone.now())

    def get_absolute_url(self) -> str:
        return f"{self.article.get_absolute_url()}#correction-{self.pk}"

    def clean(self) -> None:
        if self.published_at and self.published_at > timezone.now():
            raise ValidationError(
                {"published_at": _("A correction cannot be dated in the future.")}
            )

    @property
    def amends(self) -> bool:
        """A correction or clarification, not an addition."""
        return self.kind in AMENDING_KINDS

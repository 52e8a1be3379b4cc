"""Where other outlets republished the newsroom's articles, and how often read."""

from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models.article import Article

UNKNOWN_HOST = "unknown"


class RepublicationQuerySet(models.QuerySet):
    @transaction.atomic
    def record_view(self, article: Article, url: str, host: str) -> None:
        """Count one view of ``article`` republished at ``url``, today."""
        now = timezone.now()
        republication, created = self.get_or_create(
            article=article,
            url=url,
            defaults={"host": host, "first_seen": now, "last_seen": now, "views": 1},
        )
        if not created:
            self.filter(pk=republication.pk).update(views=F("views") + 1, last_seen=now)
        day, created = RepublicationDay.objects.get_or_create(
            republication=republication, day=timezone.localdate(now)
        )
        RepublicationDay.objects.filter(pk=day.pk).update(views=F("views") + 1)


class Republication(models.Model):
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="republications"
    )
    url = models.URLField(_("republished at"), max_length=2000, blank=True)
    host = models.CharField(_("outlet"), max_length=255, db_index=True)
    first_seen = models.DateTimeField(_("first seen"))
    last_seen = models.DateTimeField(_("last seen"), db_index=True)
    views = models.PositiveIntegerField(_("views"), default=0)

    objects = RepublicationQuerySet.as_manager()

    class Meta:
        ordering = ["-views"]
        verbose_name = _("republication")
        verbose_name_plural = _("republications")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "url"], name="one_row_per_republished_page"
            )
        ]

    def __str__(self) -> str:
        return self.url or self.host


class RepublicationDay(models.Model):
    """Views of one republished page on one day, so reports can cover a period."""

    republication = models.ForeignKey(
        Republication, on_delete=models.CASCADE, related_name="days"
    )
    day = models.DateField(db_index=True)
    views = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-day"]
        constraints = [
            models.UniqueConstraint(
                fields=["republication", "day"], name="one_row_per_page_per_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.republication} {self.day}: {self.views}"

"""Other outlets an article is credited to: the one that first published it,
and the partners it was published with."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Outlet(models.Model):
    """A news organization the newsroom publishes with, kept once and chosen
    on every article it shares."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    url = models.URLField(_("website"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner outlet")
        verbose_name_plural = _("partner outlets")

    def __str__(self) -> str:
        return self.name

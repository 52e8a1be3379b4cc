"""The licences an article may be published under, and the terms a page,
feed or republished copy states for one article."""

import re
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from articles.models.site import ORGANIZATION_PLACEHOLDER, SiteSettings


@dataclass(frozen=True)
class LicenceTerms:
    """What readers and republishers are told about one article's licence:
    its name, its address (empty when it has none), the notice in the page's
    language and whether other outlets may republish under it."""

    name: str
    url: str
    notice: str
    allows_republishing: bool

    @property
    def badge(self) -> str:
        """ "CC BY-NC" for a Creative Commons licence address, else empty."""
        match = re.search(r"creativecommons\.org/licenses/([a-z-]+)/", self.url)
        return f"CC {match.group(1).upper()}" if match else ""


def site_licence(site: SiteSettings) -> LicenceTerms:
    """The site's default licence, from the site settings in one language."""
    return LicenceTerms(
        name=site.licence_name,
        url=site.licence_url,
        notice=site.licence_notice_text,
        allows_republishing=True,
    )


class Licence(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    name_es = models.CharField(
        _("name in Spanish"),
        max_length=120,
        blank=True,
        help_text=_("Leave empty when it is written the same."),
    )
    url = models.URLField(
        _("address"),
        blank=True,
        help_text=_("The licence's text, such as a Creative Commons deed."),
    )
    allows_republishing = models.BooleanField(
        _("allows republishing"),
        default=True,
        help_text=_(
            "Other outlets may republish articles under this licence: the "
            "republish button and the partner feed offer them."
        ),
    )
    notice = models.TextField(
        _("notice"),
        help_text=_(
            "Shown at the end of each article under this licence. "
            "{organization} is replaced by the organization name."
        ),
    )
    notice_es = models.TextField(
        _("notice in Spanish"),
        blank=True,
        help_text=_("Leave empty to show the notice above on Spanish pages too."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("licence")
        verbose_name_plural = _("licences")

    def __str__(self) -> str:
        return self.name

    def terms(self, site: SiteSettings, language: str) -> LicenceTerms:
        """This licence as stated on a page in ``language``."""
        notice = getattr(self, f"notice_{language}", "") or self.notice
        return LicenceTerms(
            name=getattr(self, f"name_{language}", "") or self.name,
            url=self.url,
            notice=notice.replace(ORGANIZATION_PLACEHOLDER, site.organization_name),
            allows_republishing=self.allows_republishing,
        )

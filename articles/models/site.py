import copy
import re

from django.conf import settings as django_settings
from django.core.cache import cache
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.templatetags.static import static
from django.utils.translation import gettext_lazy as _

from articles.images import CheckedImageField
from articles.site_icons import icon_urls, make_icons

ORGANIZATION_PLACEHOLDER = "{organization}"


class SiteSettings(models.Model):
    """The one row of texts and choices editors change without a deployment."""

    CACHE_KEY = "articles:site-settings"
    # Not forever: a change saved while the cache was unreachable could not
    # drop the cached row, and must still reach pages soon after.
    CACHE_SECONDS = 10 * 60

    organization_name = models.CharField(
        _("organization name"), max_length=120, default="Newsroom"
    )
    logo = CheckedImageField(
        _("logo"),
        upload_to="site/",
        blank=True,
        help_text=_(
            "Shown to search engines as the publisher's logo; a wide image at "
            "most 600 × 60 pixels works best."
        ),
    )
    share_image = CheckedImageField(
        _("default share image"),
        upload_to="site/",
        width_field="share_image_width",
        height_field="share_image_height",
        blank=True,
        help_text=_(
            "Shown by social networks and search engines for an article "
            "without an image; at least 1200 pixels wide. Left empty, the "
            "logo stands in."
        ),
    )
    share_image_width = models.PositiveIntegerField(editable=False, null=True)
    share_image_height = models.PositiveIntegerField(editable=False, null=True)
    tagline = models.CharField(
        _("tagline"),
        max_length=200,
        default="Independent reporting on crime, power and accountability.",
    )
    donation_enabled = models.BooleanField(_("show the donation appeal"), default=True)
    donation_appeal = models.TextField(
        _("donation appeal"),
        default=(
            "Our reporting is free to read and free to republish. Keeping it that "
            "way depends on readers like you."
        ),
    )
    donation_button_label = models.CharField(
        _("donation button label"), max_length=40, default="Donate"
    )
    donation_url = models.URLField(_("donation page address"), blank=True)
    donation_page_text = models.TextField(
        _("donation page text"),
        default=(
            "Investigations take months. Donations pay for records requests, "
            "travel to the places we report on, and the safety of our reporters. "
            "Every article stays free to read and free to republish."
        ),
        help_text=_("Why to give, shown on the site's own donation page."),
    )
    comments_email = models.EmailField(
        _("address for readers' comments"),
        blank=True,
        help_text=_("Readers' comments are stored in the admin and sent here."),
    )
    comment_invitation = models.CharField(
        _("comment invitation"),
        max_length=300,
        default="What do you think? Send the editors your comments.",
    )
    licence_notice = models.TextField(
        _("licensing notice"),
        default=(
            "You may copy and distribute this article for non-commercial purposes, "
            "crediting {organization} in the byline and linking to the original "
            "at the top and at the bottom of the article."
        ),
        help_text=_("{organization} is replaced by the organization name."),
    )
    licence_name = models.CharField(
        _("licence name"),
        max_length=120,
        default="Creative Commons Attribution-NonCommercial 4.0 International",
    )
    licence_url = models.URLField(
        _("licence address"), default="https://creativecommons.org/licenses/by-nc/4.0/"
    )
    republish_rules = models.TextField(
        _("republishing rules"),
        default=(
            "Credit {organization} and the author in the byline.\n"
            "Link to the original at the top and at the bottom of the article.\n"
            "Do not edit the article beyond style and length.\n"
            "Do not sell the article or put it behind a paywall.\n"
            "Republish images only where they are marked as republishable."
        ),
        help_text=_("One rule per line. {organization} is replaced by the name."),
    )
    no_republish_kinds = models.JSONField(
        _("kinds never republished"),
        default=list,
        blank=True,
        help_text=_("Articles of these kinds offer no republishing."),
    )
    no_republish_topics = models.ManyToManyField(
        "articles.Topic",
        blank=True,
        related_name="+",
        verbose_name=_("topics never republished"),
        help_text=_("Articles on any of these topics offer no republishing."),
    )
    analysis_heading_template = models.CharField(
        _("analysis heading"),
        max_length=120,
        default=f"{ORGANIZATION_PLACEHOLDER} Analysis",
        help_text=_(
            "The heading of an analysis section whose own heading is empty. "
            "{organization} is replaced by the organization name."
        ),
    )
    menu_countries = models.ManyToManyField(
        "articles.Country",
        blank=True,
        related_name="+",
        verbose_name=_("countries in the menu"),
        help_text=_(
            "Leave empty to show the countries with the most published articles."
        ),
    )
    menu_topics = models.ManyToManyField(
        "articles.Topic",
        blank=True,
        related_name="+",
        verbose_name=_("topics in the menu"),
        help_text=_("Leave empty to show the topics with the most published articles."),
    )
    related_count = models.PositiveSmallIntegerField(
        _("related articles shown"),
        default=3,
        validators=[MinValueValidator(0), MaxValueValidator(12)],
    )

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(pk=1), name="site_settings_singleton"
            )
        ]

    def __str__(self) -> str:
        return str(_("Site settings"))

    def save(self, *args, **kwargs) -> None:
        self.pk = 1
        stored = (
            SiteSettings.objects.filter(pk=1).values_list("logo", flat=True).first()
        )
        super().save(*args, **kwargs)
        cache.delete(self.CACHE_KEY)
        if self.logo and self.logo.name != stored:
            make_icons(self.logo)

    @property
    def logo_path(self) -> str:
        """The logo's address on this site: the uploaded one or the default."""
        return self.logo.url if self.logo else static("img/logo.png")

    @property
    def icon_urls(self) -> dict[str, str]:
        """The favicon and touch icons: drawn from the logo, or the default."""
        return icon_urls(self.logo)

    @classmethod
    def load(cls) -> "SiteSettings":
        """The settings row, from the cache when it is there (and from the
        database when the cache is unreachable); created on first use."""
        settings = cache.get(cls.CACHE_KEY)
        if settings is None:
            settings, _created = cls.objects.get_or_create(pk=1)
            # Cached with the row, so pages need no query to apply them.
            settings.no_republish_topic_ids = frozenset(
                settings.no_republish_topics.values_list("pk", flat=True)
            )
            settings.texts_by_language = {
                text.language: text.overrides() for text in settings.texts.all()
            }
            cache.set(cls.CACHE_KEY, settings, timeout=cls.CACHE_SECONDS)
        return settings

    def for_language(self, language: str) -> "SiteSettings":
        """These settings with the texts editors wrote for ``language``; a text
        left empty there falls back to the main one."""
        overrides = self.texts_by_language.get(language)
        if not overrides:
            return self
        localized = copy.copy(self)
        for name, value in overrides.items():
            setattr(localized, name, value)
        return localized

    @classmethod
    def forget(cls) -> None:
        """Drop the cached row: its many-to-many fields changed."""
        cache.delete(cls.CACHE_KEY)

    def with_organization(self, text: str) -> str:
        return text.replace(ORGANIZATION_PLACEHOLDER, self.organization_name)

    @property
    def shows_donation_appeal(self) -> bool:
        return self.donation_enabled

    @property
    def licence_badge(self) -> str:
        """ "CC BY-NC" for a Creative Commons licence address, else empty."""
        match = re.search(r"creativecommons\.org/licenses/([a-z-]+)/", self.licence_url)
        return f"CC {match.group(1).upper()}" if match else ""

    @property
    def republish_rule_lines(self) -> list[str]:
        text = self.with_organization(self.republish_rules)
        return [line.strip() for line in text.splitlines() if line.strip()]

    @property
    def analysis_heading(self) -> str:
        return self.with_organization(self.analysis_heading_template)

    @property
    def licence_notice_text(self) -> str:
        return self.with_organization(self.licence_notice)


TRANSLATED_FIELDS = [
    "tagline",
    "donation_appeal",
    "donation_button_label",
    "donation_page_text",
    "comment_invitation",
    "licence_notice",
    "licence_name",
    "republish_rules",
    "analysis_heading_template",
]


class SiteText(models.Model):
    """The site settings' texts in another language than the main one."""

    site = models.ForeignKey(
        SiteSettings, on_delete=models.CASCADE, related_name="texts"
    )
    language = models.CharField(
        _("language"), max_length=8, choices=django_settings.LANGUAGES
    )
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    donation_appeal = models.TextField(_("donation appeal"), blank=True)
    donation_button_label = models.CharField(
        _("donation button label"), max_length=40, blank=True
    )
    donation_page_text = models.TextField(_("donation page text"), blank=True)
    comment_invitation = models.CharField(
        _("comment invitation"), max_length=300, blank=True
    )
    licence_notice = models.TextField(_("licensing notice"), blank=True)
    licence_name = models.CharField(_("licence name"), max_length=120, blank=True)
    republish_rules = models.TextField(_("republishing rules"), blank=True)
    analysis_heading_template = models.CharField(
        _("analysis heading"), max_length=120, blank=True
    )

    class Meta:
        verbose_name = _("texts in another language")
        verbose_name_plural = _("texts in other languages")
        constraints = [
            models.UniqueConstraint(
                fields=["site", "language"], name="one_text_set_per_language"
            )
        ]

    def __str__(self) -> str:
        return self.get_language_display()

    def save(self, *args, **kwargs) -> None:
        super().save(*args, **kwargs)
        SiteSettings.forget()

    def overrides(self) -> dict[str, str]:
        return {
            name: getattr(self, name)
            for name in TRANSLATED_FIELDS
            if getattr(self, name)
        }

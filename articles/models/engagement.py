"""What readers tell the newsroom: votes, messages to the editors, donation clicks.

No raw IP address is stored: only a keyed hash that changes every day, enough
to bound how often one address votes and useless for following anyone.
"""

import hashlib
import hmac
from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models.article import Article


def address_hash(ip_address: str, purpose: str, day: date | None = None) -> str:
    """A daily-salted, keyed hash of an IP address for one purpose."""
    day = day or timezone.localdate()
    key = f"{settings.SECRET_KEY}:{purpose}:{day.isoformat()}".encode()
    return hmac.new(key, ip_address.encode(), hashlib.sha256).hexdigest()


class RetainedQuerySet(models.QuerySet):
    """Rows holding personal data that is erased after a retention period."""

    def older_than(self, days: int) -> "RetainedQuerySet":
        return self.filter(created_at__lt=timezone.now() - timedelta(days=days))


class Feedback(models.Model):
    """One reader's answer to "Was this content helpful?" on one article."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="feedback"
    )
    helpful = models.BooleanField(_("helpful"))
    reason = models.TextField(_("reason"), max_length=500, blank=True)
    reader = models.CharField(
        _("reader token"),
        max_length=64,
        blank=True,
        help_text=_("A random token from the reader's cookie; erased after a while."),
    )
    address_hash = models.CharField(max_length=64, blank=True, db_index=True)
    created_at = models.DateTimeField(_("voted"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    objects = RetainedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("reader feedback")
        verbose_name_plural = _("reader feedback")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "reader"],
                condition=~Q(reader=""),
                name="one_vote_per_reader_per_article",
            )
        ]

    def __str__(self) -> str:
        return f"{self.article}: {_('yes') if self.helpful else _('no')}"


class MessageStatus(models.TextChoices):
    NEW = "new", _("New")
    READ = "read", _("Read")
    ANSWERED = "answered", _("Answered")
    SPAM = "spam", _("Spam")


class ReaderMessage(models.Model):
    """A comment a reader sends the editors; never published on the site."""

    article = models.ForeignKey(
        Article,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reader_messages",
        verbose_name=_("article"),
    )
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("e-mail"), blank=True)
    message = models.TextField(_("message"), max_length=5000)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=MessageStatus,
        default=MessageStatus.NEW,
        db_index=True,
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now, db_index=True)

    objects = RetainedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("reader message")
        verbose_name_plural = _("reader messages")

    def __str__(self) -> str:
        return f"{self.name}: {self.message[:60]}"


class DonationClick(models.Model):
    """A click on the donation appeal, counted on its way to the provider."""

    article = models.ForeignKey(
        Article,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="donation_clicks",
        verbose_name=_("article"),
    )
    created_at = models.DateTimeField(_("clicked"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("donation click")
        verbose_name_plural = _("donation clicks")

    def __str__(self) -> str:
        return f"{self.article or _('no article')} @ {self.created_at:%Y-%m-%d %H:%M}"

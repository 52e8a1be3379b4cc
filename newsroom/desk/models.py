"""What the desk keeps: notes between writer and editor, and each person's
choice about e-mail."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Step(models.TextChoices):
    """The workflow steps (``articles.models.STEPS``), as their buttons say."""

    SUBMIT_FOR_REVIEW = "submit_for_review", _("Submit for review")
    REQUEST_CHANGES = "request_changes", _("Request changes")
    PUBLISH = "publish", _("Publish now")
    SCHEDULE = "schedule", _("Schedule…")
    UNPUBLISH = "unpublish", _("Unpublish")


class NoteQuerySet(models.QuerySet):
    def about(self, item: models.Model) -> "NoteQuerySet":
        return self.filter(
            content_type=ContentType.objects.get_for_model(item), object_id=item.pk
        )

    def latest_about(self, items: list[models.Model]) -> dict[int, "Note"]:
        """The newest note on each of ``items`` (all of one model), by item id,
        in one query."""
        if not items:
            return {}
        notes = self.filter(
            content_type=ContentType.objects.get_for_model(items[0]),
            object_id__in=[item.pk for item in items],
        ).order_by("object_id", "-created_at", "-pk")
        latest: dict[int, Note] = {}
        for note in notes.select_related("author"):
            latest.setdefault(note.object_id, note)
        return latest


class Note(models.Model):
    """A short message about one article or news item, between the people who
    work on it. Kept with the item's history; never shown to readers."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("written by"),
    )
    text = models.TextField(_("note"), max_length=1000)
    step = models.CharField(
        _("workflow step"),
        max_length=20,
        choices=Step,
        blank=True,
        help_text=_("The step this note came with, if any."),
    )
    created_at = models.DateTimeField(_("written"), auto_now_add=True, db_index=True)

    objects = NoteQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        verbose_name = _("note")
        verbose_name_plural = _("notes")

    def __str__(self) -> str:
        return self.text[:60]


class ProfileQuerySet(models.QuerySet):
    def for_user(self, user) -> "Profile":
        profile, _created = self.get_or_create(user=user)
        return profile


class Profile(models.Model):
    """One person's desk settings."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="desk_profile",
        verbose_name=_("account"),
    )
    email_notifications = models.BooleanField(
        _("e-mail me about my work"),
        default=True,
        help_text=_(
            "Editors: an article sent to review. Writers: your article sent "
            "back, published or scheduled."
        ),
    )

    objects = ProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("desk profile")
        verbose_name_plural = _("desk profiles")

    def __str__(self) -> str:
        return str(self.user)

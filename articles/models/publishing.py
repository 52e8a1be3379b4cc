"""The one publishing rule shared by every kind of public content."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models.trash import Trashable, TrashQuerySet
from articles.slugs import unique_slug


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")


class PublishableQuerySet(TrashQuerySet):
    def published(self) -> "PublishableQuerySet":
        """Items a reader may see: published, with a publication time now or past.

        A future publication time is a schedule: the item appears by itself when
        the time comes, because this filter is evaluated on every query.
        """
        return self.not_in_trash().filter(
            status=Status.PUBLISHED, published_at__lte=timezone.now()
        )

    def for_language(self, language: str) -> "PublishableQuerySet":
        return self.filter(language=language)

    def scheduled(self) -> "PublishableQuerySet":
        return self.filter(status=Status.PUBLISHED, published_at__gt=timezone.now())


class Publishable(Trashable):
    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(
        _("slug"),
        max_length=255,
        unique=True,
        blank=True,
        help_text=_("The address of the page. Left empty, it is made from the title."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_(
            "A time in the future schedules the item: it stays hidden until then."
        ),
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        db_index=True,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-published_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        if self.status == Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        if not self.slug:
            self.slug = unique_slug(type(self), self.title, exclude_pk=self.pk)
        super().save(*args, **kwargs)

    @property
    def is_published(self) -> bool:
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
            and not self.in_trash
        )

    @property
    def is_scheduled(self) -> bool:
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    @property
    def state_label(self) -> str:
        """What an editor calls the item's state: a schedule is not yet published."""
        return _("Scheduled") if self.is_scheduled else self.get_status_display()

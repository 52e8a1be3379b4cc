"""The one publishing rule shared by every kind of public content."""

from datetime import datetime

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models.trash import Trashable, TrashQuerySet
from articles.slugs import unique_slug


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")


class WorkflowError(Exception):
    """A step that the item's state or the user's permissions do not allow.

    Its message is written for the editor who tried the step.
    """


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

    # Workflow: the only way content moves between states, whoever asks (the
    # admin, a form, a management command, an import). ``user`` is the person
    # taking the step; None is the newsroom itself (a command or an import),
    # which may take any step the state allows.

    @classmethod
    def publish_permission(cls) -> str:
        return f"{cls._meta.app_label}.publish_{cls._meta.model_name}"

    @classmethod
    def may_publish(cls, user: AbstractBaseUser | None) -> bool:
        return user is None or user.has_perm(cls.publish_permission())

    def may_edit(self, user: AbstractBaseUser | None) -> bool:
        """Publishers edit everything; others edit what is not yet public."""
        if user is None:
            return True
        opts = self._meta
        if not user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
            return False
        return self.may_publish(user) or self.status != Status.PUBLISHED

    def submit_for_review(self, user: AbstractBaseUser | None) -> None:
        if not self.may_edit(user):
            raise WorkflowError(_("You may not change this item."))
        if self.status != Status.DRAFT:
            raise WorkflowError(_("Only a draft can be sent to review."))
        self.status = Status.IN_REVIEW
        self._take_step(user, _("Sent to review"))

    def publish(self, user: AbstractBaseUser | None) -> None:
        """Publish now. An item published before keeps its date; a scheduled
        one published early takes today's."""
        self._require_publisher(user)
        if self.is_published:
            raise WorkflowError(_("It is already published."))
        now = timezone.now()
        self.status = Status.PUBLISHED
        if self.published_at is None or self.published_at > now:
            self.published_at = now
        self._take_step(user, _("Published"))

    def schedule(self, user: AbstractBaseUser | None, when: datetime) -> None:
        self._require_publisher(user)
        if self.is_published:
            raise WorkflowError(_("It is already published."))
        if when <= timezone.now():
            raise WorkflowError(_("Give a publication time in the future."))
        self.status = Status.PUBLISHED
        self.published_at = when
        self._take_step(
            user,
            _("Scheduled for %(time)s")
            % {"time": timezone.localtime(when).strftime("%Y-%m-%d %H:%M")},
        )

    def unpublish(self, user: AbstractBaseUser | None) -> None:
        """Back to draft, out of every public page, feed and sitemap at once.
        The publication time stays, so republishing keeps the original date."""
        self._require_publisher(user)
        if self.status != Status.PUBLISHED:
            raise WorkflowError(_("It is not published."))
        self.status = Status.DRAFT
        self._take_step(user, _("Unpublished"))

    def record_step(self, user: AbstractBaseUser | None, note: str) -> None:
        """Keep a workflow step in the item's history; kinds of content that
        keep one override this."""

    def _require_publisher(self, user: AbstractBaseUser | None) -> None:
        if not self.may_publish(user):
            raise WorkflowError(_("Only editors may publish, schedule or unpublish."))

    def _take_step(self, user: AbstractBaseUser | None, note: str) -> None:
        with transaction.atomic():
            self.save(update_fields=["status", "published_at", "updated_at"])
            self.record_step(user, note)

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

"""The one publishing rule shared by every kind of public content."""

from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models.trash import Trashable, TrashQuerySet
from articles.slugs import unique_slug


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "review", _("In review")
    CHANGES_REQUESTED = "changes", _("Changes requested")
    PUBLISHED = "published", _("Published")


class WorkflowError(Exception):
    """A step that the item's state or the user's permissions do not allow.

    Its message is written for the editor who tried the step.
    """


# The steps, by the name of the method that takes each one.
STEPS = ("submit_for_review", "request_changes", "publish", "schedule", "unpublish")

# Sent inside the step's transaction, once the item is saved and the step kept in
# its history, with ``item``, ``user``, ``step`` (one of STEPS) and ``note`` (what
# the person taking the step wrote, or ""). It lets apps built on top of the
# articles (notes, notifications) follow every step, whoever takes it, without
# this module knowing them.
step_taken = Signal()


@dataclass
class RestoreReport:
    """What a restore could not bring back, as labels to show the editor."""

    missing: list[str] = field(default_factory=list)
    not_allowed: list[str] = field(default_factory=list)


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
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PublishableQuerySet.as_manager()

    # The fields a revision copies as they are and a restore puts back. Status
    # and publication time are recorded for the history but never restored:
    # restoring text must not publish or unpublish.
    revision_fields: tuple[str, ...] = ("title", "slug", "language")

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
        self.check_step("submit_for_review", user)
        self.status = Status.IN_REVIEW
        self._take_step(user, "submit_for_review", _("Sent to review"))

    def request_changes(self, user: AbstractBaseUser | None, note: str) -> None:
        """Send an item in review back to its writer, saying what to change."""
        self.check_step("request_changes", user, note=note)
        self.status = Status.CHANGES_REQUESTED
        self._take_step(
            user,
            "request_changes",
            _("Changes requested: %(note)s") % {"note": note.strip()},
            note.strip(),
        )

    def publish(self, user: AbstractBaseUser | None) -> None:
        """Publish now. An item published before keeps its date; a scheduled
        one published early takes today's."""
        self.check_step("publish", user)
        now = timezone.now()
        self.status = Status.PUBLISHED
        if self.published_at is None or self.published_at > now:
            self.published_at = now
        self._take_step(user, "publish", _("Published"))

    def schedule(self, user: AbstractBaseUser | None, when: datetime) -> None:
        self.check_step("schedule", user, when=when)
        self.status = Status.PUBLISHED
        self.published_at = when
        self._take_step(
            user,
            "schedule",
            _("Scheduled for %(time)s")
            % {"time": timezone.localtime(when).strftime("%Y-%m-%d %H:%M")},
        )

    def unpublish(self, user: AbstractBaseUser | None, reason: str) -> None:
        """Back to draft, out of every public page, feed and sitemap at once.
        The publication time stays, so republishing keeps the original date;
        the reason stays in the history."""
        self.check_step("unpublish", user, note=reason)
        self.status = Status.DRAFT
        self._take_step(
            user,
            "unpublish",
            _("Unpublished: %(reason)s") % {"reason": reason.strip()},
            reason.strip(),
        )

    def take(
        self,
        step: str,
        user: AbstractBaseUser | None,
        *,
        note: str = "",
        when: datetime | None = None,
    ) -> None:
        """Take ``step`` by its name: for forms whose buttons name the step."""
        if step == "request_changes":
            self.request_changes(user, note)
        elif step == "schedule":
            self.schedule(user, when)
        elif step == "unpublish":
            self.unpublish(user, note)
        elif step in ("submit_for_review", "publish"):
            getattr(self, step)(user)
        else:
            raise WorkflowError(_("There is no such step."))

    def step_refusal(self, step: str, user: AbstractBaseUser | None) -> str | None:
        """Why the item's state or the user's permissions forbid ``step`` now,
        or None when they allow it."""
        publisher = self.may_publish(user)
        if step == "submit_for_review":
            if not self.may_edit(user):
                return _("You may not change this item.")
            if self.status not in (Status.DRAFT, Status.CHANGES_REQUESTED):
                return _(
                    "Only a draft, or an item sent back for changes, can be sent "
                    "to review."
                )
            return None
        if not publisher:
            return _("Only editors may publish, schedule, unpublish or send back.")
        if step == "request_changes" and self.status != Status.IN_REVIEW:
            return _("Only an item in review can be sent back for changes.")
        if step in ("publish", "schedule") and self.is_published:
            return _("It is already published.")
        if step == "unpublish" and self.status != Status.PUBLISHED:
            return _("It is not published.")
        return None

    def check_step(
        self,
        step: str,
        user: AbstractBaseUser | None,
        *,
        note: str = "",
        when: datetime | None = None,
    ) -> None:
        """Raise WorkflowError, changing nothing, when ``step`` may not be taken
        now with this note or time: a form checks before it saves anything."""
        if step not in STEPS:
            raise WorkflowError(_("There is no such step."))
        refusal = self.step_refusal(step, user) or self._input_refusal(step, note, when)
        if refusal is not None:
            raise WorkflowError(refusal)

    def _input_refusal(self, step: str, note: str, when: datetime | None) -> str | None:
        """Why what came with an allowed step (the item's content, the note,
        the time) is not enough for it."""
        if step in ("publish", "schedule") and (problem := self.publication_refusal()):
            return problem
        if step == "schedule" and (when is None or when <= timezone.now()):
            return _("Give a publication time in the future.")
        if step == "request_changes" and not note.strip():
            return _("Say what needs changing: the note goes to the writer.")
        if step == "unpublish" and not note.strip():
            return _("Give the reason for unpublishing: it stays in the history.")
        return None

    def available_steps(self, user: AbstractBaseUser | None) -> list[str]:
        """The steps the item's state and the user's permissions allow now."""
        return [step for step in STEPS if self.step_refusal(step, user) is None]

    def publication_refusal(self) -> str | None:
        """Why the item is not ready for readers; kinds of content with
        required parts override this."""
        return None

    def record_step(self, user: AbstractBaseUser | None, note: str) -> None:
        """Keep a workflow step in the item's history, as a revision."""
        self.revisions.record(self, user=user, note=note)

    # Revisions (articles.models.revision): each kind of content says what a
    # copy of it holds and how it is put back.

    def snapshot(self) -> dict:
        """Everything an editor can change on the item, as JSON-ready data;
        kinds with related content (authors, tags…) extend it."""
        data = {}
        for name in self.revision_fields:
            value = getattr(self, name)
            if self._meta.get_field(name).many_to_one:
                # [id, label]: the id to restore, the label to name it in the
                # history even after the object is gone.
                data[name] = [[value.pk, str(value)]] if value else []
            elif isinstance(value, FieldFile):
                data[name] = value.name or ""
            else:
                data[name] = value
        data["status"] = self.status
        data["published_at"] = (
            self.published_at.isoformat() if self.published_at else None
        )
        return data

    def restore_snapshot(
        self, data: dict, user: AbstractBaseUser | None
    ) -> RestoreReport:
        """Put ``data``'s content back on the item and save it; kinds with
        related content extend it. ``user`` may change the item (checked by
        the revision)."""
        report = RestoreReport(missing=self.restore_fields(data))
        self.save()
        return report

    def restore_fields(self, data: dict) -> list[str]:
        """Set ``revision_fields`` from ``data``, without saving, and return
        the labels of related objects that are gone since. An address another
        item took since stays today's; a field the revision predates stays
        as it is."""
        current_slug = self.slug
        missing = []
        for name in self.revision_fields:
            if name not in data:
                continue
            field = self._meta.get_field(name)
            if field.many_to_one:
                pairs = data[name]
                found = field.related_model.objects.in_bulk([pk for pk, _ in pairs])
                missing.extend(label for pk, label in pairs if pk not in found)
                setattr(self, name, next(iter(found.values()), None))
            else:
                setattr(self, name, data[name])
        if type(self).objects.filter(slug=self.slug).exclude(pk=self.pk).exists():
            self.slug = current_slug
        return missing

    def _take_step(
        self, user: AbstractBaseUser | None, step: str, history: str, note: str = ""
    ) -> None:
        with transaction.atomic():
            self.save(update_fields=["status", "published_at", "updated_at"])
            self.record_step(user, history)
            step_taken.send(
                sender=type(self), item=self, user=user, step=step, note=note
            )

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

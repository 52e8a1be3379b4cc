"""The trash: deleted content is kept for a while so an editor can take it back.

Only the marker lives here. The public never sees an item in the trash because
``PublishableQuerySet.published()`` leaves it out; its revisions, reader
feedback and republication history stay untouched until it is purged.
"""

from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TrashQuerySet(models.QuerySet):
    def in_trash(self) -> "TrashQuerySet":
        return self.filter(trashed_at__isnull=False)

    def not_in_trash(self) -> "TrashQuerySet":
        return self.filter(trashed_at__isnull=True)

    def in_trash_longer_than(self, days: int) -> "TrashQuerySet":
        return self.filter(trashed_at__lt=timezone.now() - timedelta(days=days))

    def move_to_trash(self) -> int:
        # An update, not save(): trashing changes nothing but the marker, so
        # it neither counts as an edit nor rebuilds derived fields.
        return self.not_in_trash().update(trashed_at=timezone.now())

    def restore_from_trash(self) -> int:
        return self.in_trash().update(trashed_at=None)


class Trashable(models.Model):
    trashed_at = models.DateTimeField(
        _("moved to the trash"),
        null=True,
        blank=True,
        editable=False,
        db_index=True,
    )

    class Meta:
        abstract = True

    @property
    def in_trash(self) -> bool:
        return self.trashed_at is not None

    def move_to_trash(self) -> None:
        type(self).objects.filter(pk=self.pk).move_to_trash()
        self.refresh_from_db(fields=["trashed_at"])

    def restore_from_trash(self) -> None:
        type(self).objects.filter(pk=self.pk).restore_from_trash()
        self.trashed_at = None

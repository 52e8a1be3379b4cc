"""Revisions: a full copy of an item's content (an article or a piece of
organization news) at each save in the admin and each workflow step.

What the copy holds and how it is put back is each model's own
(``Publishable.snapshot`` and ``restore_snapshot``); this module keeps the
copies, one foreign key per kind of content.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from articles.models.article import Article
from articles.models.news import OrganizationNewsItem
from articles.models.publishing import Publishable, RestoreReport


class RevisionQuerySet(models.QuerySet):
    def saved(self) -> "RevisionQuerySet":
        """The history: what was saved, without working copies."""
        return self.filter(autosave=False)

    def working_copy(self, article: Article | None, user) -> "Revision | None":
        """``user``'s autosave of ``article`` (None: of a new article) that
        is newer than the article's last save, if there is one."""
        found = self.filter(autosave=True, article=article, user=user).first()
        if found and article is not None and found.created_at < article.updated_at:
            return None
        return found

    def autosave(self, article: Article | None, user, fields: dict) -> "Revision":
        """Keep ``fields`` (the form as typed) as ``user``'s one working copy
        of ``article``, replacing the previous one; the article is untouched."""
        revision, _created = self.update_or_create(
            article=article,
            user=user,
            autosave=True,
            defaults={"data": {"fields": fields}, "created_at": timezone.now()},
        )
        return revision

    def record(self, item: Publishable, user=None, note: str = "") -> "Revision":
        # A workflow note can be longer than the history's column.
        note = Truncator(note).chars(Revision._meta.get_field("note").max_length)
        return self.create(
            **{Revision.field_for(type(item)): item},
            user=user,
            data=item.snapshot(),
            note=note,
        )


class Revision(models.Model):
    # Empty only for a working copy of an article not saved yet.
    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="revisions",
    )
    news_item = models.ForeignKey(
        OrganizationNewsItem,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="revisions",
    )
    created_at = models.DateTimeField(_("saved"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("saved by"),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    data = models.JSONField(_("content"))
    # A working copy saved while the form is open: the form's fields as typed,
    # one per article and person, replaced at each autosave and deleted when
    # the form is saved. The history (saved()) leaves it out.
    autosave = models.BooleanField(_("autosave"), default=False, editable=False)

    objects = RevisionQuerySet.as_manager()

    # The kinds of content with revisions, each with its foreign key: exactly
    # one of them is set on each revision.
    ITEM_FIELDS = ("article", "news_item")

    class Meta:
        ordering = ["-created_at", "-pk"]
        get_latest_by = "created_at"
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        constraints = [
            models.CheckConstraint(
                # Of one item; of none only for a working copy of an article
                # not saved yet.
                condition=(
                    models.Q(article__isnull=False, news_item__isnull=True)
                    | models.Q(article__isnull=True, news_item__isnull=False)
                    | models.Q(
                        article__isnull=True, news_item__isnull=True, autosave=True
                    )
                ),
                name="revision_of_one_item",
            ),
            models.UniqueConstraint(
                fields=["article", "user"],
                condition=models.Q(autosave=True),
                name="one_autosave_per_article_and_user",
            ),
        ]

    def __str__(self) -> str:
        item = self.item or _("a new article")
        return f"{item} @ {self.created_at:%Y-%m-%d %H:%M}"

    @classmethod
    def field_for(cls, model: type[Publishable]) -> str:
        return next(
            name
            for name in cls.ITEM_FIELDS
            if cls._meta.get_field(name).related_model is model
        )

    @property
    def item(self) -> Publishable | None:
        """The article or news item; None for a working copy of an article
        not saved yet."""
        return next(
            (
                getattr(self, name)
                for name in self.ITEM_FIELDS
                if getattr(self, f"{name}_id") is not None
            ),
            None,
        )

    def restore(self, user=None) -> RestoreReport:
        """Put this revision's content back on its item and record that as a
        new revision, so the restore itself can be undone.

        ``user`` must be allowed to change the item (else PermissionDenied);
        the item's ``restore_snapshot`` says what else it leaves alone for
        them. Without a user (a command, a migration) everything is restored.
        """
        item = self.item
        if user is not None and not item.may_edit(user):
            raise PermissionDenied
        with transaction.atomic():
            report = item.restore_snapshot(self.data, user)
            note = _("Restored the revision of %(date)s") % {
                "date": f"{self.created_at:%Y-%m-%d %H:%M}"
            }
            Revision.objects.record(item, user=user, note=note)
        return report

"""Revisions: a full copy of an article's content at each save in the admin."""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from articles.models.article import (
    AnalysisSection,
    Article,
    ArticleAuthor,
    RelatedArticle,
)
from articles.models.media import Image
from articles.models.taxonomy import Author, Country, Topic

# Fields copied as they are. Status and publication time are recorded for the
# history but never restored: restoring text must not publish or unpublish.
CONTENT_FIELDS = [
    "kind",
    "title",
    "slug",
    "dek",
    "body",
    "language",
    "allow_republishing",
]
WORKFLOW_FIELDS = ["status", "published_at"]


def _pairs(objects) -> list[list]:
    return [[obj.pk, str(obj)] for obj in objects]


def snapshot(article: Article) -> dict:
    """Everything an editor can change on ``article``, as JSON-ready data.

    Related objects are kept as ``[id, label]`` pairs: the id to restore, the
    label to show in the history even after the object is gone.
    """
    data = {name: getattr(article, name) for name in CONTENT_FIELDS}
    data["featured_image"] = _pairs(
        [article.featured_image] if article.featured_image else []
    )
    data["status"] = article.status
    data["published_at"] = (
        article.published_at.isoformat() if article.published_at else None
    )
    data["country"] = _pairs([article.country] if article.country else [])
    data["translation"] = _pairs([article.translation] if article.translation else [])
    data["authors"] = _pairs(
        link.author for link in article.article_authors.select_related("author")
    )
    data["topics"] = _pairs(article.topics.order_by("name"))
    data["tags"] = sorted(article.tags.names(), key=str.lower)
    data["sections"] = [
        {"heading": section.heading, "body": section.body}
        for section in article.sections.all()
    ]
    data["related"] = _pairs(
        link.related for link in article.related_links.select_related("related")
    )
    return data


@dataclass
class RestoreReport:
    """What a restore could not bring back, as labels to show the editor."""

    missing: list[str] = field(default_factory=list)
    not_allowed: list[str] = field(default_factory=list)


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

    def record(self, article: Article, user=None, note: str = "") -> "Revision":
        # A workflow note can be longer than the history's column.
        note = Truncator(note).chars(Revision._meta.get_field("note").max_length)
        return self.create(
            article=article, user=user, data=snapshot(article), note=note
        )


class Revision(models.Model):
    # Empty only for a working copy of an article not saved yet.
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="revisions", null=True
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

    class Meta:
        ordering = ["-created_at", "-pk"]
        get_latest_by = "created_at"
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "user"],
                condition=models.Q(autosave=True),
                name="one_autosave_per_article_and_user",
            )
        ]

    def __str__(self) -> str:
        article = self.article or _("a new article")
        return f"{article} @ {self.created_at:%Y-%m-%d %H:%M}"

    def restore(self, user=None) -> RestoreReport:
        """Put this revision's content back on the article and record that as
        a new revision, so the restore itself can be undone.

        Restoring changes only what ``user`` may change: the article itself
        (else PermissionDenied) and, through the translation link, the other
        articles that link would rewire. A link that would touch an article
        the user may not change is left as it is today and reported. Without
        a user (a command, a migration) everything is restored.
        """
        article, data = self.article, self.data
        if user is not None and not article.may_edit(user):
            raise PermissionDenied
        report = RestoreReport()
        missing = report.missing

        def existing(model, pairs):
            found = model.objects.in_bulk([pk for pk, _label in pairs])
            missing.extend(label for pk, label in pairs if pk not in found)
            return [found[pk] for pk, _label in pairs if pk in found]

        with transaction.atomic():
            current_slug = article.slug
            for name in CONTENT_FIELDS:
                setattr(article, name, data.get(name, getattr(article, name)))
            if (
                Article.objects.filter(slug=article.slug)
                .exclude(pk=article.pk)
                .exists()
            ):
                # Another article took the old address since; keep today's.
                article.slug = current_slug
            article.country = next(iter(existing(Country, data["country"])), None)
            # Revisions from before the media library carry no library image.
            if "featured_image" in data:
                article.featured_image = next(
                    iter(existing(Image, data["featured_image"])), None
                )
            translation = next(iter(existing(Article, data["translation"])), None)
            relinked = article.articles_relinked_by(translation and translation.pk)
            report.not_allowed.extend(
                str(other)
                for other in relinked
                if user is not None and not other.may_edit(user)
            )
            if not report.not_allowed:
                article.translation = translation
            article.save()
            article.topics.set(existing(Topic, data["topics"]))
            article.tags.set(data["tags"], clear=True)
            article.article_authors.all().delete()
            ArticleAuthor.objects.bulk_create(
                ArticleAuthor(article=article, author=author, position=position)
                for position, author in enumerate(existing(Author, data["authors"]))
            )
            article.sections.all().delete()
            for position, section in enumerate(data["sections"]):
                AnalysisSection.objects.create(
                    article=article, position=position, **section
                )
            article.related_links.all().delete()
            RelatedArticle.objects.bulk_create(
                RelatedArticle(article=article, related=related, position=position)
                for position, related in enumerate(existing(Article, data["related"]))
                if related.pk != article.pk
            )
            note = _("Restored the revision of %(date)s") % {
                "date": f"{self.created_at:%Y-%m-%d %H:%M}"
            }
            Revision.objects.record(article, user=user, note=note)
        return report

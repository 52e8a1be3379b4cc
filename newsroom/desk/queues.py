"""What each person finds on the desk: the work that is theirs to do."""

from dataclasses import dataclass, field
from datetime import datetime

from django.db import models
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from articles.models import (
    Article,
    Feedback,
    OrganizationNewsItem,
    Publishable,
    ReaderMessage,
    Status,
)
from newsroom.desk.models import Note

ROWS = 8


@dataclass
class Row:
    label: str
    url: str
    when: datetime | None = None
    detail: str = ""
    note: Note | None = None


@dataclass
class Queue:
    key: str
    title: str
    empty: str
    rows: list[Row] = field(default_factory=list)
    more_url: str = ""


def article_url(article: Article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def item_url(item: Publishable) -> str:
    opts = item._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk])


def item_detail(item: Publishable) -> str:
    """What kind of item a row opens, and in which language."""
    kind = (
        item.get_kind_display()
        if isinstance(item, Article)
        else capfirst(item._meta.verbose_name)
    )
    return f"{kind} · {item.language.upper()}"


def article_list_url(query: str) -> str:
    return f"{reverse('admin:articles_article_changelist')}?{query}"


def item_rows(
    querysets: list[models.QuerySet],
    when: str,
    with_notes: bool = False,
    oldest_first: bool = False,
) -> list[Row]:
    """Rows that open each item, the first ROWS of ``querysets`` (each of one
    model, ordered by ``when``) taken together in order of ``when``; each
    with its latest note when asked."""
    rows = []
    for queryset in querysets:
        items = list(queryset[:ROWS])
        notes = Note.objects.latest_about(items) if with_notes else {}
        rows += [
            Row(
                label=item.title,
                url=item_url(item),
                when=getattr(item, when),
                detail=item_detail(item),
                note=notes.get(item.pk),
            )
            for item in items
        ]
    rows.sort(key=lambda row: row.when, reverse=not oldest_first)
    return rows[:ROWS]


def article_rows(
    articles: models.QuerySet, when: str, with_notes: bool = False
) -> list[Row]:
    """Rows that open each article; with its latest note when asked."""
    return item_rows([articles], when, with_notes)


def writer_queues(user) -> list[Queue]:
    mine = Article.objects.filter(created_by=user).order_by("-updated_at")
    return [
        Queue(
            "sent-back",
            _("Sent back to me"),
            _("Nothing sent back."),
            article_rows(
                mine.filter(status=Status.CHANGES_REQUESTED),
                "updated_at",
                with_notes=True,
            ),
        ),
        Queue(
            "drafts",
            _("My drafts"),
            _("No drafts."),
            article_rows(mine.filter(status=Status.DRAFT), "updated_at"),
            article_list_url("work=mine&status__exact=draft"),
        ),
        Queue(
            "in-review",
            _("My articles in review"),
            _("Nothing waiting for review."),
            article_rows(
                mine.filter(status=Status.IN_REVIEW), "updated_at", with_notes=True
            ),
        ),
    ]


def editor_queues(user) -> list[Queue]:
    # Organization news shares the workflow: its items join the articles in
    # the queues of those who may change it.
    kinds = [Article]
    if user.has_perm("articles.change_organizationnewsitem"):
        kinds.append(OrganizationNewsItem)
    return [
        Queue(
            "review",
            _("Review queue, oldest first"),
            _("Nothing waits for review."),
            item_rows(
                [
                    model.objects.filter(status=Status.IN_REVIEW).order_by("updated_at")
                    for model in kinds
                ],
                "updated_at",
                with_notes=True,
                oldest_first=True,
            ),
            article_list_url("work=review"),
        ),
        Queue(
            "scheduled",
            _("Scheduled"),
            _("Nothing is scheduled."),
            item_rows(
                [model.objects.scheduled().order_by("published_at") for model in kinds],
                "published_at",
                oldest_first=True,
            ),
        ),
        Queue(
            "published",
            _("Recently published"),
            _("Nothing published yet."),
            item_rows([model.objects.published() for model in kinds], "published_at"),
        ),
        Queue(
            "untranslated",
            _("Published without a translation"),
            _("Every published article has its translation."),
            article_rows(
                Article.objects.published().filter(translation__isnull=True),
                "published_at",
            ),
            article_list_url("translated=no"),
        ),
        Queue(
            "feedback",
            _("Latest reader feedback"),
            _("No feedback yet."),
            [
                Row(
                    label=str(vote.article),
                    url=article_url(vote.article),
                    when=vote.created_at,
                    detail=vote.reason
                    or (_("Helpful") if vote.helpful else _("Not helpful")),
                )
                for vote in Feedback.objects.select_related("article")[:ROWS]
            ],
            reverse("admin:articles_feedback_changelist"),
        ),
        Queue(
            "messages",
            _("Latest reader messages"),
            _("No messages yet."),
            [
                Row(
                    label=message.name,
                    url=reverse(
                        "admin:articles_readermessage_change", args=[message.pk]
                    ),
                    when=message.created_at,
                    detail=message.message[:140],
                )
                for message in ReaderMessage.objects.all()[:ROWS]
            ],
            reverse("admin:articles_readermessage_changelist"),
        ),
    ]


def queues_for(user) -> list[Queue]:
    """The editor's queues for those who may publish, the writer's for those
    who write and wait for an editor."""
    if Article.may_publish(user):
        return editor_queues(user)
    if user.has_perm("articles.add_article"):
        return writer_queues(user)
    return []

"""What each person finds on the desk: the work that is theirs to do."""

from dataclasses import dataclass, field
from datetime import datetime

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Feedback, ReaderMessage, Status
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


def article_list_url(query: str) -> str:
    return f"{reverse('admin:articles_article_changelist')}?{query}"


def article_rows(
    articles: models.QuerySet, when: str, with_notes: bool = False
) -> list[Row]:
    """Rows that open each article; with its latest note when asked."""
    articles = list(articles[:ROWS])
    notes = Note.objects.latest_about(articles) if with_notes else {}
    return [
        Row(
            label=article.title,
            url=article_url(article),
            when=getattr(article, when),
            detail=f"{article.get_kind_display()} · {article.language.upper()}",
            note=notes.get(article.pk),
        )
        for article in articles
    ]


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


def editor_queues() -> list[Queue]:
    return [
        Queue(
            "review",
            _("Review queue, oldest first"),
            _("Nothing waits for review."),
            article_rows(
                Article.objects.filter(status=Status.IN_REVIEW).order_by("updated_at"),
                "updated_at",
                with_notes=True,
            ),
            article_list_url("work=review"),
        ),
        Queue(
            "scheduled",
            _("Scheduled"),
            _("Nothing is scheduled."),
            article_rows(
                Article.objects.scheduled().order_by("published_at"), "published_at"
            ),
        ),
        Queue(
            "published",
            _("Recently published"),
            _("Nothing published yet."),
            article_rows(Article.objects.published(), "published_at"),
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
        return editor_queues()
    if user.has_perm("articles.add_article"):
        return writer_queues(user)
    return []

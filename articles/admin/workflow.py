"""Admin actions that move articles through draft → review → published."""

from collections.abc import Callable
from datetime import datetime

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from articles.models import Article, Revision, Status


class PublishAtForm(forms.Form):
    publish_at = forms.DateTimeField(
        label=_("Publication time (for “Schedule”)"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )


class WorkflowActionForm(PublishAtForm, helpers.ActionForm):
    """The action bar, with the time the "Schedule" action uses."""


class WorkflowActionsMixin:
    action_form = WorkflowActionForm
    actions = ["send_to_review", "publish", "schedule", "unpublish"]

    def has_publish_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("articles.publish_article")

    @admin.action(
        description=_("Send selected articles to review"), permissions=["change"]
    )
    def send_to_review(self, request: HttpRequest, queryset) -> None:
        def apply(article: Article) -> None:
            article.status = Status.IN_REVIEW

        self.transition(
            request,
            queryset,
            allowed=lambda article: article.status == Status.DRAFT,
            apply=apply,
            note=_("Sent to review"),
            done=lambda n: ngettext(
                "%(count)d article sent to review.",
                "%(count)d articles sent to review.",
                n,
            ),
        )

    @admin.action(
        description=_("Publish selected articles now"), permissions=["publish"]
    )
    def publish(self, request: HttpRequest, queryset) -> None:
        now = timezone.now()

        def apply(article: Article) -> None:
            article.status = Status.PUBLISHED
            # An article published before keeps its date; a scheduled one
            # published early takes today's.
            if article.published_at is None or article.published_at > now:
                article.published_at = now

        self.transition(
            request,
            queryset,
            allowed=lambda article: not article.is_published,
            apply=apply,
            note=_("Published"),
            done=lambda n: ngettext(
                "%(count)d article published.", "%(count)d articles published.", n
            ),
        )

    @admin.action(
        description=_("Schedule selected articles for the time given"),
        permissions=["publish"],
    )
    def schedule(self, request: HttpRequest, queryset) -> None:
        form = PublishAtForm(request.POST)
        publish_at: datetime | None = (
            form.cleaned_data["publish_at"] if form.is_valid() else None
        )
        if publish_at is None or publish_at <= timezone.now():
            self.message_user(
                request,
                _("Give a publication time in the future to schedule articles."),
                messages.ERROR,
            )
            return

        def apply(article: Article) -> None:
            article.status = Status.PUBLISHED
            article.published_at = publish_at

        self.transition(
            request,
            queryset,
            allowed=lambda article: not article.is_published,
            apply=apply,
            note=_("Scheduled for %(time)s")
            % {"time": timezone.localtime(publish_at).strftime("%Y-%m-%d %H:%M")},
            done=lambda n: ngettext(
                "%(count)d article scheduled.", "%(count)d articles scheduled.", n
            ),
        )

    @admin.action(
        description=_("Unpublish selected articles (back to draft)"),
        permissions=["publish"],
    )
    def unpublish(self, request: HttpRequest, queryset) -> None:
        def apply(article: Article) -> None:
            article.status = Status.DRAFT

        self.transition(
            request,
            queryset,
            allowed=lambda article: article.status == Status.PUBLISHED,
            apply=apply,
            note=_("Unpublished"),
            done=lambda n: ngettext(
                "%(count)d article unpublished.", "%(count)d articles unpublished.", n
            ),
        )

    def transition(
        self,
        request: HttpRequest,
        queryset,
        *,
        allowed: Callable[[Article], bool],
        apply: Callable[[Article], None],
        note: str,
        done: Callable[[int], str],
    ) -> None:
        """Apply one workflow step to each article it fits and the user may
        change, record a revision for each, and report what was skipped."""
        changed = skipped = 0
        with transaction.atomic():
            for article in queryset:
                if not (
                    allowed(article) and self.has_change_permission(request, article)
                ):
                    skipped += 1
                    continue
                apply(article)
                article.save(update_fields=["status", "published_at", "updated_at"])
                Revision.objects.record(article, user=request.user, note=note)
                changed += 1
        if changed:
            self.message_user(
                request, done(changed) % {"count": changed}, messages.SUCCESS
            )
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)d article was skipped: its state does not allow this "
                    "step, or you may not change it.",
                    "%(count)d articles were skipped: their state does not allow "
                    "this step, or you may not change them.",
                    skipped,
                )
                % {"count": skipped},
                messages.WARNING,
            )

"""Admin actions that move content through draft → review → published.

The steps and their rules live on the content's model (``Publishable``); these
actions only apply them to each selected item and report what was skipped.
"""

from collections.abc import Callable

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import model_ngettext
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from articles.models import Publishable, WorkflowError


class PublishAtForm(forms.Form):
    publish_at = forms.DateTimeField(
        label=_("Publication time (for “Schedule”)"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    reason = forms.CharField(
        label=_("Reason (for “Unpublish”)"), required=False, max_length=500
    )


class WorkflowActionForm(PublishAtForm, helpers.ActionForm):
    """The action bar, with the time the "Schedule" action uses."""


class WorkflowActionsMixin:
    action_form = WorkflowActionForm
    actions = ["send_to_review", "publish", "schedule", "unpublish"]

    def has_publish_permission(self, request: HttpRequest) -> bool:
        return self.model.may_publish(request.user)

    @admin.action(
        description=_("Send selected %(verbose_name_plural)s to review"),
        permissions=["change"],
    )
    def send_to_review(self, request: HttpRequest, queryset) -> None:
        self.take_step(
            request,
            queryset,
            lambda item: item.submit_for_review(request.user),
            _("%(count)d %(items)s sent to review."),
        )

    @admin.action(
        description=_("Publish selected %(verbose_name_plural)s now"),
        permissions=["publish"],
    )
    def publish(self, request: HttpRequest, queryset) -> None:
        self.take_step(
            request,
            queryset,
            lambda item: item.publish(request.user),
            _("%(count)d %(items)s published."),
        )

    @admin.action(
        description=_("Schedule selected %(verbose_name_plural)s for the time given"),
        permissions=["publish"],
    )
    def schedule(self, request: HttpRequest, queryset) -> None:
        form = PublishAtForm(request.POST)
        publish_at = form.cleaned_data["publish_at"] if form.is_valid() else None
        if publish_at is None:
            self.message_user(
                request,
                _("Give a publication time in the future to schedule them."),
                messages.ERROR,
            )
            return
        self.take_step(
            request,
            queryset,
            lambda item: item.schedule(request.user, publish_at),
            _("%(count)d %(items)s scheduled."),
        )

    @admin.action(
        description=_("Unpublish selected %(verbose_name_plural)s (back to draft)"),
        permissions=["publish"],
    )
    def unpublish(self, request: HttpRequest, queryset) -> None:
        form = PublishAtForm(request.POST)
        reason = form.cleaned_data["reason"] if form.is_valid() else ""
        self.take_step(
            request,
            queryset,
            lambda item: item.unpublish(request.user, reason),
            _("%(count)d %(items)s unpublished."),
        )

    def take_step(
        self,
        request: HttpRequest,
        queryset,
        step: Callable[[Publishable], None],
        done: str,
    ) -> None:
        """Take one workflow step on each selected item, and report how many
        moved and why the others did not."""
        changed = 0
        refusals: dict[str, int] = {}
        with transaction.atomic():
            for item in queryset:
                try:
                    step(item)
                except WorkflowError as error:
                    refusals[str(error)] = refusals.get(str(error), 0) + 1
                else:
                    changed += 1
        if changed:
            self.message_user(
                request,
                done % {"count": changed, "items": model_ngettext(queryset, changed)},
                messages.SUCCESS,
            )
        for reason, count in refusals.items():
            self.message_user(
                request,
                _("%(count)d %(items)s skipped: %(reason)s")
                % {
                    "count": count,
                    "items": model_ngettext(queryset, count),
                    "reason": reason,
                },
                messages.WARNING,
            )

"""The desk in the admin: workflow buttons and notes on the forms of articles
and organization news, each person's desk profile.

The articles' own admin classes are extended here, not edited, so the
articles app never depends on the desk.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from articles.admin.articles import ArticleAdmin, ArticleAuthorInline
from articles.admin.news import OrganizationNewsItemAdmin
from articles.models import Article, Author, OrganizationNewsItem
from newsroom.desk.forms import ADD_NOTE, WorkflowFields
from newsroom.desk.models import Note, Profile, Step

STEP_DONE = {
    "submit_for_review": _("Sent to review: the editors are told."),
    "request_changes": _("Sent back to the writer with your note."),
    "publish": _("Published."),
    "schedule": _("Scheduled."),
    "unpublish": _("Unpublished; the reason is kept in the history."),
    ADD_NOTE: _("Note added."),
}


class WorkflowAdminMixin:
    """Buttons for the steps the item's state and the user's permissions
    allow, a note field, and the item's thread of notes."""

    # The revisions' form (links to the history and the preview) with the
    # workflow below it. Not named admin/desk/change_form.html, which the
    # admin would use for the desk's own models.
    change_form_template = "admin/desk/workflow_change_form.html"
    object_history_template = "admin/desk/object_history.html"

    class Media:
        js = ["desk/ordering.js", "desk/action-bar.js"]

    def get_form(self, request: HttpRequest, obj=None, change=False, **kwargs):
        base = super().get_form(request, obj, change, **kwargs)

        class Form(WorkflowFields, base):
            workflow_user = request.user

        return Form

    def change_view(
        self, request: HttpRequest, object_id, form_url="", extra_context=None
    ):
        item = self.get_object(request, unquote(object_id))
        context = {**(extra_context or {})}
        if item is not None:
            context.update(self.workflow_context(request, item))
        return super().change_view(request, object_id, form_url, context)

    def history_view(self, request: HttpRequest, object_id, extra_context=None):
        item = self.get_object(request, unquote(object_id))
        context = {**(extra_context or {})}
        if item is not None:
            context["notes"] = Note.objects.about(item).select_related("author")
        return super().history_view(request, object_id, context)

    def workflow_context(self, request: HttpRequest, item) -> dict:
        steps = item.available_steps(request.user)
        return {
            "workflow_buttons": [
                (step, label) for step, label in Step.choices if step in steps
            ],
            "workflow_may_schedule": "schedule" in steps,
            "workflow_may_note": self.has_change_permission(request, item),
            "notes": Note.objects.about(item).select_related("author"),
        }

    def save_related(self, request: HttpRequest, form, formsets, change: bool):
        super().save_related(request, form, formsets, change)
        step, note = form.requested_step, form.cleaned_data["workflow_note"].strip()
        if note and step not in ("request_changes", "unpublish"):
            # Any other note joins the thread as it is; these two steps
            # carry theirs in the step itself.
            Note.objects.create(
                item=form.instance,
                author=request.user,
                text=note,
                step="" if step == ADD_NOTE else step,
            )
        if step and step != ADD_NOTE:
            # Checked by the form a moment ago, in this same transaction.
            form.instance.take(
                step,
                request.user,
                note=note,
                when=form.cleaned_data["workflow_publish_at"],
            )

    def response_change(self, request: HttpRequest, obj):
        step = request.POST.get("_workflow")
        if step not in STEP_DONE:
            return super().response_change(request, obj)
        self.message_user(request, STEP_DONE[step], messages.SUCCESS)
        if self.has_change_permission(request, obj):
            return HttpResponseRedirect(request.path)
        return HttpResponseRedirect(
            reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist")
        )


admin.site.unregister(Article)
admin.site.unregister(OrganizationNewsItem)


@admin.register(Article)
class DeskArticleAdmin(WorkflowAdminMixin, ArticleAdmin):
    def get_formset_kwargs(self, request: HttpRequest, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        # A new article starts with its writer's own byline. Offered only on
        # the empty form: once posted, the byline is what the writer sent.
        if (
            isinstance(inline, ArticleAuthorInline)
            and obj.pk is None
            and request.method == "GET"
        ):
            own = Author.objects.filter(user=request.user).first()
            if own is not None:
                kwargs["initial"] = [{"author": own.pk}]
        return kwargs


@admin.register(OrganizationNewsItem)
class DeskOrganizationNewsItemAdmin(WorkflowAdminMixin, OrganizationNewsItemAdmin):
    def save_model(self, request: HttpRequest, obj, form, change: bool):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def view_on_site(self, obj: OrganizationNewsItem) -> str:
        return obj.get_absolute_url() if obj.is_published else obj.get_preview_url()


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    """Each person sees and changes their own desk profile, and nobody else's."""

    fields = ["email_notifications"]

    def get_queryset(self, request: HttpRequest):
        return super().get_queryset(request).filter(user=request.user)

    def changelist_view(self, request: HttpRequest, extra_context=None):
        profile = Profile.objects.for_user(request.user)
        return HttpResponseRedirect(
            reverse("admin:desk_profile_change", args=[profile.pk])
        )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

"""Delete moves to the trash; the trash lists, restores and deletes for good."""

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.models import CHANGE, LogEntry
from django.http import HttpRequest, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _


class TrashFilter(admin.SimpleListFilter):
    """The list shows what is not in the trash unless asked for the trash."""

    title = _("trash")
    parameter_name = "trash"

    def lookups(self, request, model_admin):
        return [("yes", _("In the trash"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.in_trash()
        return queryset.not_in_trash()

    def choices(self, changelist):
        yield {
            "selected": self.value() is None,
            "query_string": changelist.get_query_string(remove=[self.parameter_name]),
            "display": _("Not in the trash"),
        }
        yield from list(super().choices(changelist))[1:]


class TrashAdminMixin:
    """For a ModelAdmin of a ``Trashable`` model. Deleting an item moves it to
    the trash; deleting an item already in the trash deletes it for good, with
    everything that depends on it."""

    move_to_trash_template = "admin/move_to_trash_confirmation.html"
    trash_actions = ("restore_from_trash", "delete_selected")

    def get_list_filter(self, request: HttpRequest):
        return [*super().get_list_filter(request), TrashFilter]

    def viewing_trash(self, request: HttpRequest) -> bool:
        return request.GET.get(TrashFilter.parameter_name) == "yes"

    def get_list_display(self, request: HttpRequest):
        list_display = super().get_list_display(request)
        if self.viewing_trash(request):
            return [*list_display, "trashed_at"]
        return list_display

    def get_actions(self, request: HttpRequest):
        # The trash offers restoring and deleting for good, and nothing else;
        # everywhere else deleting is moving to the trash.
        actions = super().get_actions(request)
        in_trash = self.viewing_trash(request)
        actions = {
            name: action
            for name, action in actions.items()
            if (name in self.trash_actions) == in_trash
        }
        if "delete_selected" in actions:
            function, name, _description = actions["delete_selected"]
            actions[name] = (
                function,
                name,
                _("Delete selected %(verbose_name_plural)s for good"),
            )
        return actions

    @admin.action(
        description=_("Move selected %(verbose_name_plural)s to the trash"),
        permissions=["delete"],
    )
    def move_to_trash(self, request: HttpRequest, queryset) -> None:
        allowed = [
            item
            for item in queryset.not_in_trash()
            if self.has_delete_permission(request, item)
        ]
        moved = queryset.filter(pk__in=[item.pk for item in allowed]).move_to_trash()
        self.log_trash(request, allowed, gettext("Moved to the trash."))
        self.message_user(
            request,
            ngettext(
                "%(count)d item moved to the trash.",
                "%(count)d items moved to the trash.",
                moved,
            )
            % {"count": moved},
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Restore selected %(verbose_name_plural)s from the trash"),
        permissions=["change"],
    )
    def restore_from_trash(self, request: HttpRequest, queryset) -> None:
        allowed = [
            item
            for item in queryset.in_trash()
            if self.has_change_permission(request, item)
        ]
        restored = queryset.filter(
            pk__in=[item.pk for item in allowed]
        ).restore_from_trash()
        self.log_trash(request, allowed, gettext("Restored from the trash."))
        self.message_user(
            request,
            ngettext(
                "%(count)d item restored from the trash.",
                "%(count)d items restored from the trash.",
                restored,
            )
            % {"count": restored},
            messages.SUCCESS,
        )

    def get_deleted_objects(self, objs, request: HttpRequest):
        if not any(obj.in_trash for obj in objs):
            # Moving to the trash deletes nothing, so no related row is listed
            # or needs a delete permission.
            return [str(obj) for obj in objs], {}, set(), []
        return super().get_deleted_objects(objs, request)

    def log_trash(self, request: HttpRequest, items: list, message: str) -> None:
        """Moving in and out of the trash is a change in the admin's history;
        only deleting for good is a deletion."""
        if items:
            LogEntry.objects.log_actions(
                user_id=request.user.pk,
                queryset=items,
                action_flag=CHANGE,
                change_message=message,
            )

    def log_deletions(self, request: HttpRequest, queryset):
        self.log_trash(
            request,
            [item for item in queryset if not item.in_trash],
            gettext("Moved to the trash."),
        )
        return super().log_deletions(request, [i for i in queryset if i.in_trash])

    def delete_model(self, request: HttpRequest, obj) -> None:
        if obj.in_trash:
            super().delete_model(request, obj)
        else:
            obj.move_to_trash()

    def delete_queryset(self, request: HttpRequest, queryset) -> None:
        allowed = [
            item.pk
            for item in queryset.in_trash()
            if self.has_delete_permission(request, item)
        ]
        super().delete_queryset(request, queryset.filter(pk__in=allowed))

    def get_search_results(self, request: HttpRequest, queryset, search_term: str):
        queryset, may_have_duplicates = super().get_search_results(
            request, queryset, search_term
        )
        if getattr(request.resolver_match, "url_name", "") == "autocomplete":
            # Nothing in the trash is offered as a translation or a pick.
            queryset = queryset.not_in_trash()
        return queryset, may_have_duplicates

    def render_delete_form(self, request: HttpRequest, context):
        if context["object"].in_trash:
            return super().render_delete_form(request, context)
        context["trash_days"] = settings.NEWSROOM_TRASH_DAYS
        return TemplateResponse(request, self.move_to_trash_template, context)

    def response_delete(self, request: HttpRequest, obj_display: str, obj_id):
        if not self.model.objects.filter(pk=obj_id).exists():
            return super().response_delete(request, obj_display, obj_id)
        self.message_user(
            request,
            _(
                "The %(name)s “%(obj)s” was moved to the trash; it can be "
                "restored from there for %(days)d days."
            )
            % {
                "name": self.opts.verbose_name,
                "obj": obj_display,
                "days": settings.NEWSROOM_TRASH_DAYS,
            },
            messages.SUCCESS,
        )
        return HttpResponseRedirect(
            reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist")
        )

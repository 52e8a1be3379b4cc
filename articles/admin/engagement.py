from django.contrib import admin, messages
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from articles.models import DonationClick, Feedback, MessageStatus, ReaderMessage


class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows readers created: editors read and sort them, never invent them."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(Feedback)
class FeedbackAdmin(ReadOnlyAdmin):
    list_display = ["article", "helpful", "reason", "created_at"]
    list_filter = ["helpful", ("created_at", admin.DateFieldListFilter)]
    list_select_related = ["article"]
    search_fields = ["reason", "article__title"]
    date_hierarchy = "created_at"
    fields = ["article", "helpful", "reason", "created_at", "updated_at"]
    readonly_fields = fields

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(ReaderMessage)
class ReaderMessageAdmin(ReadOnlyAdmin):
    list_display = ["name", "article", "created_at", "status"]
    list_filter = ["status", ("created_at", admin.DateFieldListFilter)]
    list_select_related = ["article"]
    list_editable = ["status"]
    search_fields = ["name", "email", "message", "article__title"]
    date_hierarchy = "created_at"
    fields = ["article", "name", "email", "message", "created_at", "status"]
    readonly_fields = ["article", "name", "email", "message", "created_at"]
    actions = ["mark_read", "mark_answered", "mark_spam"]

    def set_status(self, request: HttpRequest, queryset, status: str) -> None:
        count = queryset.update(status=status)
        self.message_user(
            request,
            ngettext(
                "%(count)d message marked “%(status)s”.",
                "%(count)d messages marked “%(status)s”.",
                count,
            )
            % {"count": count, "status": MessageStatus(status).label},
            messages.SUCCESS,
        )

    @admin.action(description=_("Mark as read"))
    def mark_read(self, request: HttpRequest, queryset) -> None:
        self.set_status(request, queryset, MessageStatus.READ)

    @admin.action(description=_("Mark as answered"))
    def mark_answered(self, request: HttpRequest, queryset) -> None:
        self.set_status(request, queryset, MessageStatus.ANSWERED)

    @admin.action(description=_("Mark as spam"))
    def mark_spam(self, request: HttpRequest, queryset) -> None:
        self.set_status(request, queryset, MessageStatus.SPAM)


@admin.register(DonationClick)
class DonationClickAdmin(ReadOnlyAdmin):
    list_display = ["article", "created_at"]
    list_filter = [("created_at", admin.DateFieldListFilter)]
    list_select_related = ["article"]
    search_fields = ["article__title"]
    date_hierarchy = "created_at"
    readonly_fields = ["article", "created_at"]

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

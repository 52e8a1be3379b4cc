from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from articles.admin.editor import RichTextAdminMixin
from articles.admin.revisions import RevisionsAdminMixin
from articles.admin.trash import TrashAdminMixin
from articles.admin.workflow import WorkflowActionsMixin
from articles.models import OrganizationNewsItem


@admin.register(OrganizationNewsItem)
class OrganizationNewsItemAdmin(
    TrashAdminMixin,
    WorkflowActionsMixin,
    RevisionsAdminMixin,
    RichTextAdminMixin,
    admin.ModelAdmin,
):
    list_display = ["title", "state", "published_at", "language"]
    list_filter = ["status", "language", ("published_at", admin.DateFieldListFilter)]
    search_fields = ["title", "excerpt", "body"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["featured_image"]
    actions = [*WorkflowActionsMixin.actions, "move_to_trash", "restore_from_trash"]
    fields = [
        "title",
        "slug",
        "language",
        "excerpt",
        "body",
        "featured_image",
        "status",
        "published_at",
    ]

    class Media:
        css = {"all": ["css/admin.css"]}

    def get_readonly_fields(self, request: HttpRequest, obj=None):
        # The state changes only through the workflow steps, which check it.
        return ("status",)

    @admin.display(description=_("state"), ordering="status")
    def state(self, obj: OrganizationNewsItem) -> str:
        return obj.state_label

from django.contrib import admin

from articles.admin.trash import TrashAdminMixin
from articles.models import OrganizationNewsItem


@admin.register(OrganizationNewsItem)
class OrganizationNewsItemAdmin(TrashAdminMixin, admin.ModelAdmin):
    list_display = ["title", "status", "published_at", "language"]
    list_filter = ["status", "language", ("published_at", admin.DateFieldListFilter)]
    search_fields = ["title", "excerpt", "body"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    actions = ["move_to_trash", "restore_from_trash"]
    fields = [
        "title",
        "slug",
        "language",
        "excerpt",
        "body",
        "image",
        "image_alt",
        "status",
        "published_at",
    ]

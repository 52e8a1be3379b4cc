from django.contrib import admin

from articles.models import OrganizationNewsItem


@admin.register(OrganizationNewsItem)
class OrganizationNewsItemAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "published_at"]
    list_filter = ["status", ("published_at", admin.DateFieldListFilter)]
    search_fields = ["title", "excerpt", "body"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    fields = [
        "title",
        "slug",
        "excerpt",
        "body",
        "image",
        "image_alt",
        "status",
        "published_at",
    ]

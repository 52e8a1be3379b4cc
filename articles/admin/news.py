from django.contrib import admin

from articles.models import OrganizationNewsItem


@admin.register(OrganizationNewsItem)
class OrganizationNewsItemAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "published_at", "language"]
    list_filter = ["status", "language", ("published_at", admin.DateFieldListFilter)]
    search_fields = ["title", "excerpt", "body"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
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

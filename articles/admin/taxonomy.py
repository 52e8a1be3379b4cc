from django.contrib import admin
from django.db.models import Count
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from articles.models import Author, Country, TagCounterpart, Topic


class ArticleCountAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "article_count"]
    search_fields = ["name"]
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(description=_("articles"), ordering="article_count")
    def article_count(self, obj) -> int:
        return obj.article_count


@admin.register(Country)
class CountryAdmin(ArticleCountAdmin):
    list_display = ["name", "name_es", "region", "slug", "article_count"]
    list_filter = ["region"]
    search_fields = ["name", "name_es"]


@admin.register(Topic)
class TopicAdmin(ArticleCountAdmin):
    list_display = ["name", "name_es", "slug", "article_count"]
    search_fields = ["name", "name_es"]


@admin.register(Author)
class AuthorAdmin(ArticleCountAdmin):
    list_display = ["name", "kind", "slug", "article_count"]
    list_filter = ["kind"]
    fields = [
        "kind",
        "name",
        "name_es",
        "byline_article",
        "byline_article_es",
        "slug",
        "user",
        "bio",
        "bio_es",
        "photo",
    ]

    # Writers edit their own byline (Author.may_edit); who signs as whom is
    # the editors' choice.
    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or obj.may_edit(request.user)

    def get_readonly_fields(self, request: HttpRequest, obj=None):
        return () if request.user.has_perm("articles.add_author") else ("user",)


@admin.register(TagCounterpart)
class TagCounterpartAdmin(admin.ModelAdmin):
    """Pairs of tags naming one thing in two languages, for the switcher."""

    list_display = ["tag", "counterpart"]
    search_fields = ["tag__name", "counterpart__name"]
    autocomplete_fields = ["tag", "counterpart"]

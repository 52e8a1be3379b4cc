from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from articles.models import Licence


@admin.register(Licence)
class LicenceAdmin(admin.ModelAdmin):
    list_display = ["name", "url", "allows_republishing", "article_count"]
    list_filter = ["allows_republishing"]
    search_fields = ["name", "name_es"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fields = ["name", "name_es", "url", "allows_republishing", "notice", "notice_es"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(description=_("articles"), ordering="article_count")
    def article_count(self, obj: Licence) -> int:
        return obj.article_count

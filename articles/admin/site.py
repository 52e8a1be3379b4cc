from django.contrib import admin
from django.db import models
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from articles.models import SiteSettings


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin):
    """One row: the list page goes straight to its form, and it is never deleted."""

    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (_("Organization"), {"fields": ["organization_name", "tagline"]}),
        (
            _("Donations"),
            {
                "fields": [
                    "donation_enabled",
                    "donation_appeal",
                    "donation_button_label",
                    "donation_url",
                    "donation_page_text",
                ]
            },
        ),
        (_("Comments"), {"fields": ["comment_invitation", "comments_email"]}),
        (
            _("Licence and republishing"),
            {"fields": ["licence_notice", "licence_name", "licence_url"]},
        ),
        (_("Articles"), {"fields": ["analysis_heading_template", "related_count"]}),
    ]

    def changelist_view(self, request: HttpRequest, extra_context=None):
        settings = SiteSettings.load()
        return HttpResponseRedirect(
            reverse("admin:articles_sitesettings_change", args=[settings.pk])
        )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

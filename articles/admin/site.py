from django import forms
from django.conf import settings
from django.contrib import admin
from django.db import models
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from articles.models import Kind, SiteSettings, SiteText


class SiteTextInline(admin.StackedInline):
    model = SiteText
    extra = 0
    max_num = len(settings.LANGUAGES) - 1
    classes = ["collapse"]


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin):
    """One row: the list page goes straight to its form, and it is never deleted."""

    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (
            _("Organization"),
            {"fields": ["organization_name", "tagline", "logo", "share_image"]},
        ),
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
            {
                "fields": [
                    "licence_notice",
                    "licence_name",
                    "licence_url",
                    "republish_rules",
                    "no_republish_kinds",
                    "no_republish_topics",
                ]
            },
        ),
        (_("Articles"), {"fields": ["analysis_heading_template", "related_count"]}),
        (_("Menu"), {"fields": ["menu_countries", "menu_topics"]}),
    ]

    filter_horizontal = ["no_republish_topics", "menu_countries", "menu_topics"]
    inlines = [SiteTextInline]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "no_republish_kinds":
            return forms.TypedMultipleChoiceField(
                choices=Kind.choices,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                label=db_field.verbose_name,
                help_text=db_field.help_text,
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def save_related(self, request: HttpRequest, form, formsets, change: bool):
        super().save_related(request, form, formsets, change)
        SiteSettings.forget()

    def changelist_view(self, request: HttpRequest, extra_context=None):
        settings = SiteSettings.load()
        return HttpResponseRedirect(
            reverse("admin:articles_sitesettings_change", args=[settings.pk])
        )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

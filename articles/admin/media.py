"""The media library in the admin: search by description, caption and credit,
a thumbnail per row, and the focal point chosen by clicking the picture
(static/js/focal-point.js), with two number fields as the way without a
mouse or without JavaScript."""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, JsonResponse
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from articles.models import Image
from articles.tasks import make_image_renditions

THUMBNAIL_WIDTH = 96
CHOICES = 20


class ImageForm(forms.ModelForm):
    class Meta:
        model = Image
        fields = [
            "file",
            "alt",
            "caption",
            "credit",
            "may_republish",
            "focal_x",
            "focal_y",
        ]
        widgets = {
            "focal_x": forms.NumberInput(attrs={"step": "0.01", "min": 0, "max": 1}),
            "focal_y": forms.NumberInput(attrs={"step": "0.01", "min": 0, "max": 1}),
        }


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    form = ImageForm
    list_display = ["thumbnail", "alt", "credit", "may_republish", "created_at"]
    list_display_links = ["thumbnail", "alt"]
    list_filter = [
        "may_republish",
        "renditions_ready",
        ("created_at", admin.DateFieldListFilter),
    ]
    # Also what the featured-image and figure pickers search
    # (autocomplete_fields on articles and organization news).
    search_fields = ["alt", "caption", "credit"]
    date_hierarchy = "created_at"
    actions = ["queue_renditions"]
    readonly_fields = ["focal_point", "uploaded_by", "created_at"]
    fieldsets = [
        (None, {"fields": ["file", "alt", "caption", "credit", "may_republish"]}),
        (
            _("Focal point"),
            {
                "fields": ["focal_point", "focal_x", "focal_y"],
                "description": _(
                    "The part of the picture that must stay in every crop, for "
                    "social cards and search engines. Click it on the picture, "
                    "or type fractions of the width and height (0.5 and 0.5 "
                    "is the centre)."
                ),
            },
        ),
        (_("Uploaded"), {"fields": ["uploaded_by", "created_at"]}),
    ]

    class Media:
        css = {"all": ["css/admin.css"]}
        js = ["js/focal-point.js"]

    def get_urls(self):
        return [
            path(
                "choices/",
                self.admin_site.admin_view(self.choices_view),
                name="articles_image_choices",
            ),
            *super().get_urls(),
        ]

    def choices_view(self, request: HttpRequest) -> JsonResponse:
        """Library images matching ``?term=`` as the editor's figure picker
        shows them: id, description, caption, credit and a thumbnail; the
        same search as the list, newest first, ``CHOICES`` at most."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        images, _duplicates = self.get_search_results(
            request, self.get_queryset(request), request.GET.get("term", "")
        )
        return JsonResponse(
            {
                "results": [
                    {
                        "id": image.pk,
                        "alt": image.alt,
                        "caption": image.caption,
                        "credit": image.credit,
                        "thumbnail": self.thumbnail_url(image),
                        "width": image.width,
                        "height": image.height,
                    }
                    for image in images[:CHOICES]
                ]
            }
        )

    def save_model(self, request: HttpRequest, obj: Image, form, change) -> None:
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Make the missing renditions of the selected images"))
    def queue_renditions(self, request: HttpRequest, queryset) -> None:
        """For images whose task failed or that came in without one (the
        organization news images moved into the library by migration 0026)."""
        waiting = list(
            queryset.filter(renditions_ready=False).values_list("pk", flat=True)
        )
        for pk in waiting:
            make_image_renditions.enqueue(pk)
        self.message_user(
            request,
            ngettext(
                "%(count)d image queued for its renditions.",
                "%(count)d images queued for their renditions.",
                len(waiting),
            )
            % {"count": len(waiting)},
        )

    @staticmethod
    def thumbnail_url(obj: Image) -> str:
        """The smallest rendition, or the original until renditions exist."""
        smallest = obj.renditions.get("jpg", [])
        return smallest[0].url if smallest else obj.file.url

    @admin.display(description=_("image"))
    def thumbnail(self, obj: Image) -> str:
        url = self.thumbnail_url(obj)
        height = round(obj.height * THUMBNAIL_WIDTH / obj.width) if obj.width else ""
        # The row's first cell, a header and a link: the description names it
        # for screen readers, as the next column does for the eye.
        return format_html(
            '<img class="library-thumbnail" src="{}" alt="{}" width="{}" height="{}">',
            url,
            obj.alt,
            THUMBNAIL_WIDTH,
            height,
        )

    @admin.display(description=_("picture"))
    def focal_point(self, obj: Image) -> str:
        if not obj.file:
            return _("Save the image first; then click its focal point here.")
        return format_html(
            '<div class="focal-picker" data-x="{}" data-y="{}">'
            '<img src="{}" alt="" width="{}" height="{}">'
            '<span class="focal-marker" hidden></span></div>',
            obj.focal_x,
            obj.focal_y,
            obj.file.url,
            obj.width,
            obj.height,
        )

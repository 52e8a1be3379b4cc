"""The rich-text editor of article bodies, analysis sections and organization
news: django-prose-editor's Tiptap build, configured from here.

Its own preset scripts find the editor through an inline import map, which
the admin's Content-Security-Policy forbids; static/js/rich-text-editor.js
imports the library's module by its path instead and reads everything else
(extensions, labels, endpoints) from the textarea's data attributes.
"""

import json

from django import forms
from django.http import HttpRequest, JsonResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from articles import embeds
from articles.admin.media import ImageAdmin
from articles.models import Image

# What the toolbar offers. Every tag an extension writes is in the
# sanitizer's allow-list (tests/test_rich_text_editor.py compares them), so
# what a writer sees while typing is what the page shows.
EXTENSIONS = {
    "Document": True,
    "Paragraph": True,
    "Text": True,
    "HardBreak": True,
    "Heading": {"levels": [2, 3, 4]},
    "Bold": True,
    "Italic": True,
    "Strike": True,
    "Underline": True,
    "Subscript": True,
    "Superscript": True,
    "Code": True,
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "Link": {"enableTarget": False},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "History": True,
    "Dropcursor": True,
    "Gapcursor": True,
    "Menu": True,
}
# The newsroom's own nodes (static/js/rich-text-editor.js) and the markup
# each writes.
NEWSROOM_NODES = {
    "SeeAlso": {"aside": {"class"}},
    "Embed": {"figure": {"data-embed", "data-embed-id", "data-embed-title"}},
    "LibraryFigure": {"figure": {"data-image"}},
}

LABELS = {
    "seeAlso": _("“See also” box"),
    "embed": _("Embed a video, chart, document or map"),
    "embedAddress": _("Address of the page to embed"),
    "embedTitle": _("Title (read by screen readers)"),
    "embedHelp": _("From %(providers)s."),
    "insert": _("Insert"),
    "figure": _("Figure from the library"),
    "figureSearch": _("Search the library by description, caption or credit"),
    "figureLatest": _("Leave it empty to see the newest images."),
    "figureNone": _("No image in the library matches. Try other words."),
    "figureChoose": _("Image"),
    "search": _("Search"),
    "wordCount": _("%(words)s words · about %(minutes)s min to read"),
}


class RichTextEditor(forms.Textarea):
    """A textarea the editor script replaces; without JavaScript it stays a
    textarea of HTML, which the sanitizer cleans as always."""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        labels = {key: str(label) for key, label in LABELS.items()}
        labels["embedHelp"] = labels["embedHelp"] % {
            "providers": embeds.provider_names()
        }
        context["widget"]["attrs"].update(
            {
                "data-rich-text": json.dumps(
                    {"extensions": EXTENSIONS, "nodes": list(NEWSROOM_NODES)},
                    separators=(",", ":"),
                ),
                "data-rich-text-labels": json.dumps(labels, separators=(",", ":")),
                "data-embed-url": reverse("admin:articles_article_embed"),
                # The library's own search (articles/admin/media.py).
                "data-figure-search-url": reverse("admin:articles_image_choices"),
                "data-figure-previews": json.dumps(
                    figure_previews(value), separators=(",", ":")
                ),
            }
        )
        return context

    def use_required_attribute(self, initial) -> bool:
        # The textarea is hidden behind the editor: a browser could not point
        # at it to say it is required. The server still says so.
        return False

    @property
    def media(self) -> forms.Media:
        return forms.Media(
            css={
                "all": [
                    "django_prose_editor/material-icons.css",
                    "django_prose_editor/editor.css",
                    "django_prose_editor/overrides.css",
                    "css/rich-text.css",
                ]
            },
            js=[forms.Script("js/rich-text-editor.js", type="module")],
        )


def figure_previews(html: str | None) -> dict[int, dict[str, str]]:
    """What the editor shows of each library figure in ``html``: the stored
    HTML names only the image, and an editor needs to see which one it is.
    One query when there are figures, none otherwise."""
    return {
        pk: {"alt": image.alt, "thumbnail": ImageAdmin.thumbnail_url(image)}
        for pk, image in Image.objects.for_figures([html or ""]).items()
    }


class RichTextAdminMixin:
    """Gives every rich-text body of a ModelAdmin or inline the editor."""

    rich_text_fields = ("body",)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in self.rich_text_fields:
            kwargs["widget"] = RichTextEditor
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class EmbedAddressAdminMixin:
    """The editor's embed dialog asks here whether an address can be embedded:
    a JSON answer with the markup to insert, or the reason it cannot."""

    def get_urls(self):
        return [
            path(
                "embed/",
                self.admin_site.admin_view(self.embed_view),
                name="articles_article_embed",
            ),
            *super().get_urls(),
        ]

    def embed_view(self, request: HttpRequest) -> JsonResponse:
        embed = embeds.parse_address(
            request.GET.get("address", ""), request.GET.get("title", "")
        )
        if embed is None:
            return JsonResponse({"error": embeds.unknown_address_message()}, status=400)
        return JsonResponse(
            {
                "provider": embed.provider.name,
                "id": embed.id,
                "title": embed.title,
                "markup": embed.markup(),
            }
        )

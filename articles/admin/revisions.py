"""Admin screens to see an item's revisions (articles, organization news),
compare one with now, restore it."""

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from articles.models import Publishable, Revision

FIELD_LABELS = {
    "title": _("Title"),
    "slug": _("Slug"),
    "kind": _("Kind"),
    "dek": _("Summary"),
    "excerpt": _("Excerpt"),
    "body": _("Body"),
    "sections": _("Analysis sections"),
    "authors": _("Authors"),
    "country": _("Primary country"),
    "countries": _("Countries"),
    "topics": _("Topics"),
    "tags": _("Tags"),
    "related": _("Related articles"),
    "language": _("Language"),
    "translation": _("Translation"),
    "featured_image": _("Featured image"),
    "allow_republishing": _("Allow republishing"),
    "licence": _("Licence"),
    "original_outlet": _("Originally published by"),
    "original_url": _("Original address"),
    "partners": _("In partnership with"),
    "corrections": _("Corrections and updates"),
    "status": _("Status"),
    "published_at": _("Publication time"),
}


@dataclass
class FieldComparison:
    label: str
    old: str
    new: str
    segments: list[tuple[str, str]]

    @property
    def changed(self) -> bool:
        return self.old != self.new


def as_text(value) -> str:
    """One field of a snapshot as an editor would read it."""
    if isinstance(value, list):
        if value and isinstance(value[0], dict):
            return "\n\n".join(
                f"{section['heading']}\n{section['body']}".strip() for section in value
            )
        if value and isinstance(value[0], list):
            return ", ".join(label for _pk, label in value)
        return ", ".join(str(item) for item in value)
    if value is None:
        return ""
    return str(value)


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """(operation, text) pieces that turn ``old`` into ``new`` word by word."""
    old_words, new_words = re.split(r"(\s+)", old), re.split(r"(\s+)", new)
    pieces: list[tuple[str, str]] = []
    matcher = SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        if operation == "equal":
            pieces.append(("equal", "".join(old_words[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(("delete", "".join(old_words[i1:i2])))
        if j2 > j1:
            pieces.append(("insert", "".join(new_words[j1:j2])))
    return pieces


def compare(old: dict, new: dict) -> list[FieldComparison]:
    """A row for each field either snapshot holds (their kind's fields)."""
    rows = []
    for name, label in FIELD_LABELS.items():
        if name not in old and name not in new:
            continue
        old_text, new_text = as_text(old.get(name)), as_text(new.get(name))
        rows.append(
            FieldComparison(
                str(label), old_text, new_text, word_diff(old_text, new_text)
            )
        )
    return rows


class RevisionsAdminMixin:
    """History, comparison and restore for a Publishable with revisions; a
    revision is recorded at each save."""

    change_form_template = "admin/articles/article/change_form.html"

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path(
                "<path:object_id>/revisions/",
                self.admin_site.admin_view(self.revisions_view),
                name=f"{prefix}_revisions",
            ),
            path(
                "<path:object_id>/revisions/<int:revision_id>/",
                self.admin_site.admin_view(self.revision_view),
                name=f"{prefix}_revision",
            ),
        ] + super().get_urls()

    def get_item(self, request: HttpRequest, object_id: str) -> Publishable:
        item = self.get_object(request, object_id)
        if item is None:
            raise Http404
        if not self.has_view_or_change_permission(request, item):
            raise PermissionDenied
        return item

    def revisions_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        article = self.get_item(request, object_id)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": article,
            "title": _("Revisions of “%(title)s”") % {"title": article.title},
            "revisions": article.revisions.saved().select_related("user"),
        }
        return TemplateResponse(
            request, "admin/articles/article/revisions.html", context
        )

    def revision_view(
        self, request: HttpRequest, object_id: str, revision_id: int
    ) -> HttpResponse:
        article = self.get_item(request, object_id)
        revision = get_object_or_404(article.revisions.saved(), pk=revision_id)
        can_restore = self.has_change_permission(request, article)
        if request.method == "POST":
            if not can_restore:
                raise PermissionDenied
            report = revision.restore(user=request.user)
            self.message_user(
                request,
                _("The revision of %(date)s was restored.")
                % {"date": f"{revision.created_at:%Y-%m-%d %H:%M}"},
                messages.SUCCESS,
            )
            if report.missing:
                self.message_user(
                    request,
                    _("These no longer exist and were left out: %(items)s")
                    % {"items": ", ".join(report.missing)},
                    messages.WARNING,
                )
            if report.not_allowed:
                self.message_user(
                    request,
                    _(
                        "The translation link was left as it is: restoring it "
                        "would change articles you may not edit: %(items)s"
                    )
                    % {"items": ", ".join(report.not_allowed)},
                    messages.WARNING,
                )
            return HttpResponseRedirect(
                reverse(
                    f"admin:{self.opts.app_label}_{self.opts.model_name}_change",
                    args=[article.pk],
                )
            )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": article,
            "revision": revision,
            "can_restore": can_restore,
            "title": _("Compare a revision with the current version"),
            "rows": compare(revision.data, article.snapshot()),
        }
        return TemplateResponse(
            request, "admin/articles/article/revision_compare.html", context
        )

    def save_related(self, request: HttpRequest, form, formsets, change: bool):
        super().save_related(request, form, formsets, change)
        # Recorded after the inlines and tags are saved, so the revision holds
        # the whole item as the editor left it.
        Revision.objects.record(form.instance, user=request.user)

"""The import for editors: upload an export, read the dry-run report, confirm.

The import runs in the request: the project has no task queue yet. The
upload is bounded by NEWSROOM_WORDPRESS_MAX_UPLOAD_BYTES and waits between
the two steps in a private temporary folder, never under MEDIA_ROOT.
"""

import secrets
import tempfile
import time
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from newsroom.wordpress.importer import WordPressImport
from newsroom.wordpress.mapping import MappingError, load_mapping
from newsroom.wordpress.models import ImportedPost, LegacyPath
from newsroom.wordpress.wxr import WXRError

SESSION_KEY = "wordpress_import"
ABANDONED_AFTER_SECONDS = 24 * 60 * 60


def upload_folder() -> Path:
    folder = Path(settings.FILE_UPLOAD_TEMP_DIR or tempfile.gettempdir())
    folder = folder / "newsroom-wordpress"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def discard_abandoned_uploads() -> None:
    """Uploads whose dry run was never confirmed, once they are a day old."""
    for upload in upload_folder().glob("*.xml"):
        if time.time() - upload.stat().st_mtime > ABANDONED_AFTER_SECONDS:
            upload.unlink(missing_ok=True)


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("WordPress export (WXR file)"))
    language = forms.ChoiceField(
        label=gettext_lazy("Language of the posts"),
        choices=[("", gettext_lazy("As the mapping or the export says"))]
        + list(settings.LANGUAGES),
        required=False,
    )
    mapping = forms.CharField(
        label=gettext_lazy("Mapping"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "cols": 60}),
        help_text=gettext_lazy(
            "Optional, in TOML: how categories become kinds, countries, "
            "topics, tags or languages (see the README)."
        ),
    )
    overwrite = forms.BooleanField(
        label=gettext_lazy("Replace articles edited here since the last import"),
        required=False,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.NEWSROOM_WORDPRESS_MAX_UPLOAD_BYTES
        if upload.size > limit:
            raise ValidationError(
                _(
                    "The file is %(size)s; the largest accepted here is %(max)s. "
                    "Import larger exports with the import_wordpress command."
                )
                % {"size": filesizeformat(upload.size), "max": filesizeformat(limit)}
            )
        return upload

    def clean_mapping(self) -> str:
        text = self.cleaned_data["mapping"]
        try:
            load_mapping(text)
        except MappingError as error:
            raise ValidationError(str(error)) from None
        return text


def run_import(pending: dict, *, dry_run: bool):
    with (upload_folder() / pending["name"]).open("rb") as stream:
        return WordPressImport(
            stream,
            load_mapping(pending["mapping"]),
            language=pending["language"],
            overwrite=pending["overwrite"],
            dry_run=dry_run,
        ).run()


@admin.register(ImportedPost)
class ImportedPostAdmin(admin.ModelAdmin):
    list_display = ["article", "source", "post_id", "imported_at"]
    list_filter = ["source"]
    search_fields = ["article__title", "guid", "seo_title"]
    date_hierarchy = "imported_at"
    list_select_related = ["article"]
    readonly_fields = ["source", "post_id", "guid", "article", "seo_title"]
    change_list_template = "admin/wordpress/importedpost/change_list.html"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def get_urls(self):
        return [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="wordpress_import",
            )
        ] + super().get_urls()

    def import_view(self, request: HttpRequest) -> HttpResponse:
        # The import publishes what was published on WordPress.
        if not request.user.has_perm("articles.publish_article"):
            raise PermissionDenied
        form, report = ImportForm(), None
        pending = request.session.get(SESSION_KEY)
        if request.method == "POST" and "confirm" in request.POST:
            return self.confirm(request, pending)
        if request.method == "POST":
            form = ImportForm(request.POST, request.FILES)
            if form.is_valid():
                report = self.dry_run(request, form)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Import a WordPress export"),
            "form": form,
            "report": report,
            "max_bytes": settings.NEWSROOM_WORDPRESS_MAX_UPLOAD_BYTES,
        }
        return TemplateResponse(request, "admin/wordpress/import.html", context)

    def dry_run(self, request: HttpRequest, form: ImportForm):
        """Keep the upload for the confirmation and report what it would do."""
        self.discard(request)
        discard_abandoned_uploads()
        name = f"{secrets.token_hex(16)}.xml"
        with (upload_folder() / name).open("wb") as stored:
            for chunk in form.cleaned_data["file"].chunks():
                stored.write(chunk)
        pending = {
            "name": name,
            "language": form.cleaned_data["language"],
            "mapping": form.cleaned_data["mapping"],
            "overwrite": form.cleaned_data["overwrite"],
        }
        try:
            report = run_import(pending, dry_run=True)
        except WXRError as error:
            (upload_folder() / name).unlink()
            form.add_error(
                "file", _("%(error)s Nothing was imported.") % {"error": error}
            )
            return None
        request.session[SESSION_KEY] = pending
        return report

    def confirm(self, request: HttpRequest, pending: dict | None) -> HttpResponse:
        changelist = reverse("admin:wordpress_importedpost_changelist")
        if not pending or request.POST.get("confirm") != pending["name"]:
            self.message_user(
                request,
                _("That import was already run or replaced; upload the file again."),
                messages.ERROR,
            )
            return HttpResponseRedirect(reverse("admin:wordpress_import"))
        try:
            report = run_import(pending, dry_run=False)
        except WXRError as error:
            self.message_user(request, str(error), messages.ERROR)
            return HttpResponseRedirect(reverse("admin:wordpress_import"))
        finally:
            self.discard(request)
        self.message_user(request, report.summary, messages.SUCCESS)
        return HttpResponseRedirect(changelist)

    def discard(self, request: HttpRequest) -> None:
        pending = request.session.pop(SESSION_KEY, None)
        if pending:
            (upload_folder() / pending["name"]).unlink(missing_ok=True)


@admin.register(LegacyPath)
class LegacyPathAdmin(admin.ModelAdmin):
    list_display = ["path", "article"]
    search_fields = ["path", "article__title"]
    list_select_related = ["article"]
    autocomplete_fields = ["article"]

"""Autosave: the article form keeps a working copy of what is typed.

static/js/autosave.js posts the form's fields every NEWSROOM_AUTOSAVE_SECONDS
and when the page is left; they are kept as the person's one autosave
revision of the article, and the live article is not touched. Reopening the
form offers to put them back into it; saving the form is still the only way
to change the article, through its edit-conflict check.
"""

from django.conf import settings
from django.db.models import Q
from django.http import Http404, HttpRequest, JsonResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from articles.models import Article, Revision

# What a working copy leaves out: the form's own machinery.
NOT_KEPT = {"csrfmiddlewaretoken", "edited_version"}


class AutosaveAdminMixin:
    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        view = require_POST(self.autosave_view)
        return [
            path("autosave/", view, name=f"{prefix}_autosave"),
            path("<path:object_id>/autosave/", view, name=f"{prefix}_autosave"),
            *super().get_urls(),
        ]

    def autosave_view(
        self, request: HttpRequest, object_id: str | None = None
    ) -> JsonResponse:
        # Not wrapped in admin_view: a lapsed session must answer 403 to the
        # page's script, not redirect it to the sign-in page.
        if not self.admin_site.has_permission(request):
            return JsonResponse({"error": _("Sign in again.")}, status=403)
        article = None
        if object_id is not None:
            article = self.get_object(request, object_id)
            if article is None:
                raise Http404
            allowed = self.has_change_permission(request, article)
        else:
            allowed = self.has_add_permission(request)
        if not allowed:
            return JsonResponse({"error": _("You may not edit this.")}, status=403)
        fields = {
            name: request.POST.getlist(name)
            for name in request.POST
            if name not in NOT_KEPT
        }
        revision = Revision.objects.autosave(article, request.user, fields)
        return JsonResponse({"saved": revision.created_at.isoformat()})

    def autosave_context(self, request: HttpRequest, article: Article | None) -> dict:
        url_name = f"admin:{self.opts.app_label}_{self.opts.model_name}_autosave"
        args = [article.pk] if article else []
        return {
            "autosave_url": reverse(url_name, args=args),
            "autosave_seconds": settings.NEWSROOM_AUTOSAVE_SECONDS,
            "working_copy": Revision.objects.working_copy(article, request.user),
        }

    def add_view(self, request: HttpRequest, form_url="", extra_context=None):
        context = {**self.autosave_context(request, None), **(extra_context or {})}
        return super().add_view(request, form_url, context)

    def change_view(
        self, request: HttpRequest, object_id, form_url="", extra_context=None
    ):
        article = self.get_object(request, object_id)
        context = {**(extra_context or {})}
        if article is not None:
            context.update(self.autosave_context(request, article))
        return super().change_view(request, object_id, form_url, context)

    def save_related(self, request: HttpRequest, form, formsets, change: bool):
        super().save_related(request, form, formsets, change)
        # Saved now: the working copy is in the history, and a new article's
        # copy is no longer a draft waiting for its form.
        copies = Q(article=form.instance)
        if not change:
            copies |= Q(article__isnull=True)
        Revision.objects.filter(copies, autosave=True, user=request.user).delete()

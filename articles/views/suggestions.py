"""Suggestions for the news index's tag and author fields, as the reader types."""

from django.http import Http404, HttpRequest, JsonResponse
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.views import View
from django.views.decorators.cache import cache_control

from articles.subjects import SUBJECT_KINDS

SUGGESTIONS = 8
MAX_TEXT = 60


@method_decorator(cache_control(public=True, max_age=5 * 60), name="dispatch")
class SubjectSuggestionsView(View):
    """A few public subjects of one kind whose name or slug starts with ``q``,
    in the page's language: ``{"results": [{"value": slug, "label": name}]}``."""

    def get(self, request: HttpRequest, kind: str) -> JsonResponse:
        if kind not in SUBJECT_KINDS:
            raise Http404
        text = request.GET.get("q", "")[:MAX_TEXT]
        subjects = SUBJECT_KINDS[kind].suggestions(text, get_language(), SUGGESTIONS)
        return JsonResponse(
            {
                "results": [
                    {
                        "value": subject.slug,
                        "label": getattr(subject, "display_name", subject.name),
                    }
                    for subject in subjects
                ]
            }
        )

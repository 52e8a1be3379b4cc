"""The public record of corrections and updates, in the reader's language."""

from django.utils.translation import get_language
from django.views.generic import ListView

from articles.models import Correction
from articles.pagination import ArchivePaginationMixin

CORRECTIONS_PER_PAGE = 20


class CorrectionListView(ArchivePaginationMixin, ListView):
    """Every published article's corrections and updates, newest first."""

    template_name = "articles/correction_list.html"
    context_object_name = "corrections"
    paginate_by = CORRECTIONS_PER_PAGE

    def get_queryset(self):
        return (
            Correction.objects.public()
            .for_language(get_language())
            .select_related("article")
        )

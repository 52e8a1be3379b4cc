from django.contrib import admin

from articles.models import Correction


class CorrectionInline(admin.StackedInline):
    """Corrections and updates are added beside the article, dated, newest
    first; the body is left as readers first read it."""

    model = Correction
    fields = ["kind", "published_at", "text"]
    extra = 0

from django import forms
from django.contrib import admin
from django.db import models

from articles.models import Correction


class CorrectionInline(admin.StackedInline):
    """Corrections and updates are added beside the article, dated, newest
    first; the body is left as readers first read it."""

    model = Correction
    fields = ["kind", "published_at", "text"]
    extra = 0
    # A note is a sentence or two: a short box keeps the form scannable.
    formfield_overrides = {
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 3})}
    }

import django_filters
from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Kind
from articles.subjects import AUTHOR, COUNTRY, SUBJECT_KINDS, TAG, TOPIC, SubjectKind

ALL_LANGUAGES = "all"


def subject_filter(kind: SubjectKind, empty_label: str):
    return django_filters.ModelChoiceFilter(
        label=kind.label,
        field_name=kind.article_lookup,
        queryset=kind.model.objects.none(),
        to_field_name="slug",
        empty_label=empty_label,
    )


class ArticleFilter(django_filters.FilterSet):
    """The news index's filters; every value is a slug or a code, so a
    filtered list is a short, shareable address."""

    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=Kind.choices, empty_label=_("Any kind")
    )
    # Choices are set per request in __init__: only public subjects.
    country = subject_filter(COUNTRY, _("Any country"))
    topic = subject_filter(TOPIC, _("Any topic"))
    tag = subject_filter(TAG, _("Any tag"))
    author = subject_filter(AUTHOR, _("Any author"))
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        choices=[*settings.LANGUAGES, (ALL_LANGUAGES, _("All languages"))],
        empty_label=_("This page’s language"),
        method="filter_language",
    )
    published_from = django_filters.DateFilter(
        label=_("Published from"),
        field_name="published_at",
        lookup_expr="date__gte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    published_until = django_filters.DateFilter(
        label=_("Published until"),
        field_name="published_at",
        lookup_expr="date__lte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    class Meta:
        model = Article
        fields = [
            "kind",
            "country",
            "topic",
            "tag",
            "author",
            "language",
            "published_from",
            "published_until",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Offer the subjects readers may see in the language being listed.
        language = self.data.get("language") or get_language()
        if language not in dict(settings.LANGUAGES):
            language = None
        for kind in SUBJECT_KINDS.values():
            self.filters[kind.name].queryset = kind.public(language).order_by("name")

    def filter_queryset(self, queryset):
        # Left empty, the language filter means the reader's own language.
        if not self.form.cleaned_data.get("language"):
            queryset = queryset.for_language(get_language())
        return super().filter_queryset(queryset)

    def filter_language(self, queryset, name: str, value: str):
        return queryset if value == ALL_LANGUAGES else queryset.for_language(value)

    @property
    def active_count(self) -> int:
        """How many filters the reader set, valid or not."""
        return sum(1 for name in self.filters if self.data.get(name))

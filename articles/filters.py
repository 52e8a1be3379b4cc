import django_filters
from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from articles.models import Article, Author, Country, Kind, Topic

ALL_LANGUAGES = "all"


class ArticleFilter(django_filters.FilterSet):
    """The news index's filters; every value is a slug or a code, so a
    filtered list is a short, shareable address."""

    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=Kind.choices, empty_label=_("Any kind")
    )
    country = django_filters.ModelChoiceFilter(
        label=_("Country"),
        queryset=Country.objects.all(),
        to_field_name="slug",
        empty_label=_("Any country"),
    )
    topic = django_filters.ModelChoiceFilter(
        label=_("Topic"),
        field_name="topics",
        queryset=Topic.objects.all(),
        to_field_name="slug",
        empty_label=_("Any topic"),
    )
    tag = django_filters.ModelChoiceFilter(
        label=_("Tag"),
        field_name="tags",
        queryset=Tag.objects.order_by("name"),
        to_field_name="slug",
        empty_label=_("Any tag"),
    )
    author = django_filters.ModelChoiceFilter(
        label=_("Author"),
        field_name="authors",
        queryset=Author.objects.all(),
        to_field_name="slug",
        empty_label=_("Any author"),
    )
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

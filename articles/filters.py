from datetime import date, datetime, time, timedelta

import django_filters
from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Kind
from articles.public_cache import RESPONSE_SECONDS, current_version
from articles.subjects import AUTHOR, COUNTRY, TAG, TOPIC, SubjectKind

ALL_LANGUAGES = "all"


def start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


class SubjectField(forms.ModelChoiceField):
    """A subject typed as its slug or its name. With thousands of tags and
    hundreds of authors a choice list would weigh more than the page; a
    script offers suggestions as the reader types (js/subject-suggest.js)."""

    widget = forms.TextInput
    default_error_messages = {
        "invalid_choice": _("Nothing has been published with “%(value)s”."),
    }

    def to_python(self, value):
        if value in self.empty_values:
            return None
        value = str(value).strip()[:120]
        subject = self.queryset.filter(Q(slug=value) | Q(name__iexact=value)).first()
        if subject is None:
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return subject


class SubjectFilter(django_filters.ModelChoiceFilter):
    field_class = SubjectField


def suggesting(kind: SubjectKind) -> forms.TextInput:
    return forms.TextInput(
        attrs={
            "autocomplete": "off",
            "data-suggest": reverse("articles:subject-suggestions", args=[kind.name]),
        }
    )


SUBJECT_FILTERS = {"country": COUNTRY, "topic": TOPIC, "tag": TAG, "author": AUTHOR}


class ArticleFilter(django_filters.FilterSet):
    """The news index's filters; every value is a slug or a code, so a
    filtered list is a short, shareable address."""

    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=Kind.choices, empty_label=_("Any kind")
    )
    country = django_filters.ModelChoiceFilter(
        label=_("Country"),
        field_name="countries",
        queryset=COUNTRY.model.objects.none(),  # set per request
        to_field_name="slug",
        empty_label=_("Any country"),
    )
    topic = django_filters.ModelChoiceFilter(
        label=_("Topic"),
        field_name="topics",
        queryset=TOPIC.model.objects.none(),  # set per request
        to_field_name="slug",
        empty_label=_("Any topic"),
    )
    tag = SubjectFilter(
        label=_("Tag"),
        field_name="tags",
        queryset=TAG.model.objects.none(),  # set per request
        to_field_name="slug",
    )
    author = SubjectFilter(
        label=_("Author"),
        field_name="authors",
        queryset=AUTHOR.model.objects.none(),  # set per request
        to_field_name="slug",
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        choices=[*settings.LANGUAGES, (ALL_LANGUAGES, _("All languages"))],
        empty_label=_("This page’s language"),
        method="filter_language",
    )
    published_from = django_filters.DateFilter(
        label=_("Published from"),
        method="filter_published_from",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    published_until = django_filters.DateFilter(
        label=_("Published until"),
        method="filter_published_until",
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Subjects on offer (and accepted) are those public in the language
        # listed: the page's, the one chosen, or any for "all languages".
        language = self.data.get("language") or get_language()
        self.listed_language = (
            language if language in dict(settings.LANGUAGES) else None
        )
        for name, kind in SUBJECT_FILTERS.items():
            self.filters[name].queryset = kind.public(self.listed_language)
        for name in ("tag", "author"):
            self.filters[name].extra["widget"] = suggesting(SUBJECT_FILTERS[name])

    @property
    def form(self):
        if not hasattr(self, "_form"):
            form = super().form
            for name in ("country", "topic"):
                field = form.fields[name]
                field.widget.choices = [
                    ("", field.empty_label),
                    *self.public_choices(name),
                ]
        return self._form

    def public_choices(self, name: str) -> list[tuple[str, str]]:
        """The country or topic choices, cached until the public content
        changes: finding which of them have a published article reads far
        more than one subject does, and a stale list could name a subject
        whose last article was just unpublished."""
        listed = self.listed_language or ALL_LANGUAGES
        return cache.get_or_set(
            f"filter-choices:{current_version()}:{name}:{listed}:{get_language()}",
            lambda: [
                (subject.slug, subject.display_name)
                for subject in SUBJECT_FILTERS[name].public_among_few(
                    self.listed_language
                )
            ],
            RESPONSE_SECONDS,
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

    # Compared with the first moment of a day in the site's time zone, not
    # through a date cast of every row, so the listing index keeps serving.

    def filter_published_from(self, queryset, name: str, value: date):
        return queryset.filter(published_at__gte=start_of(value))

    def filter_published_until(self, queryset, name: str, value: date):
        return queryset.filter(published_at__lt=start_of(value + timedelta(days=1)))

    def filter_language(self, queryset, name: str, value: str):
        return queryset if value == ALL_LANGUAGES else queryset.for_language(value)

    @property
    def active_count(self) -> int:
        """How many filters the reader set, valid or not."""
        return sum(1 for name in self.filters if self.data.get(name))

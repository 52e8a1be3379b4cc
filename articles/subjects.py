"""What articles are about: countries, topics, tags and authors.

The one table of subject kinds that URLs, views, feeds, sitemaps and filters
read, and the one rule for when a subject is public: while at least one
published article uses it (in the page's language, where a listing is per
language). A tag, author or country used only by drafts or scheduled
articles has no page, no feed, no sitemap entry and no filter choice.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import models
from django.db.models import Exists, Max, OuterRef
from django.http import Http404
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from taggit.models import Tag

from articles.models import Article, Author, Country, TagCounterpart, Topic


@dataclass(frozen=True)
class PublishedSubject:
    """A public subject as a sitemap lists it."""

    pk: int
    slug: str
    latest: dict[str, datetime]
    """The newest publication about the subject in each language it is
    public in, and only those."""
    languages: tuple[str, ...]
    """Those languages, in the order of ``settings.LANGUAGES``."""

    @property
    def last_published(self) -> datetime:
        return max(self.latest.values())


@dataclass(frozen=True)
class SubjectKind:
    name: str
    """Singular: route names (``articles:country``), filter parameters."""
    segment: str
    """Plural, ASCII and never translated: the sitemap section key and the
    English URL word."""
    url_word: str
    """The plural in the page's language for URLs (``/es/paises/…``)."""
    model: type[models.Model]
    article_lookup: str
    """The lookup from an article to this subject (``countries``, ``topics``)."""
    label: str
    counterpart: Callable[[models.Model], models.Model | None] | None = None
    """The subject naming the same thing in another language, where subjects
    of this kind are written per language (tags)."""

    def surrogate_key(self, subject: models.Model) -> str:
        """The name under which a CDN can purge the pages about ``subject``."""
        return f"{self.name}-{subject.pk}"

    def articles_about(self, subject: models.Model) -> models.QuerySet:
        """Published articles about ``subject``, in every language."""
        return Article.objects.published().filter(**{self.article_lookup: subject})

    def public(self, language: str | None = None) -> models.QuerySet:
        """Subjects used by at least one published article, in ``language``
        when one is given."""
        return self.model.objects.filter(self._used_by_published(language))

    def public_among_few(self, language: str | None = None) -> list[models.Model]:
        """What ``public()`` finds, asked of each subject in turn: each
        question stops at the first article. For the kinds of a few dozen
        subjects (countries, topics), where PostgreSQL plans ``public()`` as
        a semi-join reading every link to them (55 ms against 2 at 100,000
        articles)."""
        subjects = self.model.objects.annotate(
            is_public=self._used_by_published(language)
        )
        return [subject for subject in subjects if subject.is_public]

    def published_subjects(self) -> list[PublishedSubject]:
        """Every public subject with its newest publication in each language
        it is public in, by primary key: two queries, not one per subject.

        The newest publications are grouped over the articles' links to
        subjects alone, which the public articles' index answers without
        reading the table; the slugs are read after, for the subjects found.
        """
        lookup = self.article_lookup
        newest = (
            Article.objects.published()
            .filter(**{f"{lookup}__isnull": False})
            .values_list(lookup, "language")
            .annotate(latest=Max("published_at"))
            .order_by()
        )
        latest: dict[int, dict[str, datetime]] = {}
        for pk, language, published_at in newest:
            latest.setdefault(pk, {})[language] = published_at
        slugs = (
            self.model.objects.filter(pk__in=latest)
            .order_by("pk")
            .values_list("pk", "slug")
        )
        codes = [code for code, _name in settings.LANGUAGES]
        return [
            PublishedSubject(
                pk, slug, latest[pk], tuple(c for c in codes if c in latest[pk])
            )
            for pk, slug in slugs
        ]

    def suggestions(self, text: str, language: str, limit: int) -> models.QuerySet:
        """At most ``limit`` public subjects in ``language`` whose name or
        slug starts with ``text``, by name: what an autocomplete offers."""
        text = text.strip()
        if not text:
            return self.model.objects.none()
        starts = models.Q(name__istartswith=text)
        if slug := slugify(text):
            starts |= models.Q(slug__startswith=slug)
        return self.public(language).filter(starts).order_by("name")[:limit]

    def url(self, subject: models.Model) -> str:
        """The subject's page in the active language."""
        return reverse(f"articles:{self.name}", kwargs={"slug": subject.slug})

    def get_public_or_404(self, slug: str, language: str) -> models.Model:
        try:
            return self.public(language).get(slug=slug)
        except self.model.DoesNotExist:
            raise Http404(_("Nothing has been published about this yet.")) from None

    def languages_of(self, subject: models.Model) -> set[str]:
        """The languages in which ``subject`` has a public page: one query,
        asking of each language whether one such article exists, which stops
        at the first instead of reading every article about the subject."""
        found = (
            self.model.objects.filter(pk=subject.pk)
            .values(
                **{
                    code: Exists(self.articles_about(subject).for_language(code))
                    for code, _name in settings.LANGUAGES
                }
            )
            .first()
        )
        return {code for code, exists in (found or {}).items() if exists}

    def _used_by_published(self, language: str | None) -> Exists:
        articles = Article.objects.published()
        if language:
            articles = articles.for_language(language)
        return Exists(articles.filter(**{self.article_lookup: OuterRef("pk")}))


# The URL words are msgids of their own ("countries" in a URL is not the
# "Countries" of a heading), marked with a context so translators see it.
COUNTRY = SubjectKind(
    "country",
    "countries",
    pgettext_lazy("URL word", "countries"),
    Country,
    "countries",
    _("Country"),
)
TOPIC = SubjectKind(
    "topic", "topics", pgettext_lazy("URL word", "topics"), Topic, "topics", _("Topic")
)
TAG = SubjectKind(
    "tag",
    "tags",
    pgettext_lazy("URL word", "tags"),
    Tag,
    "tags",
    _("Tag"),
    counterpart=TagCounterpart.of,
)
AUTHOR = SubjectKind(
    "author",
    "authors",
    pgettext_lazy("URL word", "authors"),
    Author,
    "authors",
    _("Author"),
)

SUBJECT_KINDS: dict[str, SubjectKind] = {
    kind.name: kind for kind in (COUNTRY, TOPIC, TAG, AUTHOR)
}

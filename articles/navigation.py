"""The site's primary navigation: the kinds of article, then the countries and
topics readers look for, as editors chose them in the site settings or, until
they do, the most written about.

Every page shows it, so it is computed once per language and cached until the
public content changes (``articles.public_cache`` forgets it then).
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, QuerySet
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Country, Kind, SiteSettings, Topic
from articles.subjects import COUNTRY, TOPIC, SubjectKind

SUBJECTS_IN_MENU = 5
LATEST_ARTICLES_COUNTED = 500
CACHE_KEY = "articles:navigation:{language}"

# The index of each kind, named as a section of the site.
SECTION_NAMES = {
    Kind.NEWS: _("News"),
    Kind.INVESTIGATION: _("Investigations"),
    Kind.ANALYSIS: _("Analysis"),
    Kind.BRIEF: _("Briefs"),
    Kind.PROFILE: _("Profiles"),
}


@dataclass(frozen=True)
class Section:
    kind: str
    name: str


@dataclass(frozen=True)
class Navigation:
    sections: list[Section]
    countries: list[Country]
    topics: list[Topic]


def primary_navigation(language: str) -> Navigation:
    key = CACHE_KEY.format(language=language)
    navigation = cache.get(key)
    if navigation is None:
        navigation = build_navigation(language)
        cache.set(key, navigation, timeout=None)
    return navigation


def forget_navigation() -> None:
    cache.delete_many(
        [CACHE_KEY.format(language=code) for code, _name in settings.LANGUAGES]
    )


def build_navigation(language: str) -> Navigation:
    site = SiteSettings.load()
    return Navigation(
        sections=[Section(kind, str(name)) for kind, name in SECTION_NAMES.items()],
        countries=menu_subjects(COUNTRY, site.menu_countries.all(), language),
        topics=menu_subjects(TOPIC, site.menu_topics.all(), language),
    )


def menu_subjects(kind: SubjectKind, chosen: QuerySet, language: str) -> list:
    """The chosen subjects that have a page in ``language``; when none has,
    the ones most written about in its latest published articles."""
    picked = list(kind.public(language).filter(pk__in=chosen.values("pk")))
    if picked:
        return picked
    # The latest articles, not the whole archive: what readers look for now,
    # counted through the links of a bounded number of articles. A subject
    # of a published article is public in its language.
    latest = (
        Article.objects.published()
        .for_language(language)
        .order_by("-published_at", "-pk")[:LATEST_ARTICLES_COUNTED]
    )
    # Countries and topics both name their articles "articles"; filtered
    # first, so that only those links are counted.
    return list(
        kind.model.objects.filter(articles__in=latest.values("pk"))
        .annotate(uses=Count("articles"))
        .order_by("-uses", "name")[:SUBJECTS_IN_MENU]
    )

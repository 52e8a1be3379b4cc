"""Derived data kept in step with the rows it is derived from."""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver
from taggit.models import Tag

from articles.models import AnalysisSection, Article
from articles.search import drop_sqlite_triggers, ensure_sqlite_index
from articles.slugs import ensure_reversible_slug
from articles.xml_characters import strip_forbidden_characters


@receiver([post_save, post_delete], sender=AnalysisSection)
def refresh_from_sections(sender, instance: AnalysisSection, **kwargs) -> None:
    # The admin saves sections after their article, so the article's own save
    # cannot see them; this runs in the same transaction as the section.
    origin = kwargs.get("origin")
    if isinstance(origin, Article) or getattr(origin, "model", None) is Article:
        return  # deleted with its article: nothing is left to keep in step
    instance.article.refresh_search_text()
    instance.article.record_figures()


@receiver(m2m_changed, sender=Article.countries.through)
def keep_primary_country(
    sender, instance, action: str, reverse: bool, pk_set, **kwargs
) -> None:
    # The admin sets the countries after saving the article, from what the
    # editor ticked: the primary country comes back if it was left out, and
    # whatever removes countries (a script, a restore) cannot drop it either.
    if action not in ("post_remove", "post_clear"):
        return
    if reverse:
        articles = Article.objects.filter(country=instance)
        if pk_set is not None:
            articles = articles.filter(pk__in=pk_set)
        pairs = articles.values_list("pk", "country_id")
    else:
        pairs = [(instance.pk, instance.country_id)] if instance.country_id else []
    sender.objects.bulk_create(
        [sender(article_id=article, country_id=country) for article, country in pairs],
        ignore_conflicts=True,
    )


@receiver(pre_save, sender=Tag)
def give_tag_a_reversible_slug(sender, instance: Tag, **kwargs) -> None:
    # taggit makes the slug in its own save; TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING
    # folds accents there, but a name of punctuation alone ("???", "—") still
    # slugifies to nothing, and a tag page needs an address.
    ensure_reversible_slug(instance, fallback="tag")


@receiver(pre_save)
def strip_characters_xml_forbids(sender, instance, **kwargs) -> None:
    # A receiver rather than a save() method: one place covers the admin,
    # imports and commands for every model, taggit's Tag included. Django's
    # own models (sessions, passwords) hold no editor's text.
    if not sender.__module__.startswith("django."):
        strip_forbidden_characters(instance)


def drop_search_triggers(sender, using: str, **kwargs) -> None:
    """Connected to pre_migrate: see ``drop_sqlite_triggers``."""
    drop_sqlite_triggers(using)


def create_search_index(sender, using: str, **kwargs) -> None:
    """Connected to post_migrate: SQLite drops triggers when a migration
    rebuilds the article table, so they are checked after every migrate."""
    ensure_sqlite_index(using)

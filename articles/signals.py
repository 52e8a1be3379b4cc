"""Derived data kept in step with the rows it is derived from."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from articles.models import AnalysisSection
from articles.search import ensure_sqlite_index


@receiver([post_save, post_delete], sender=AnalysisSection)
def refresh_article_search_text(sender, instance: AnalysisSection, **kwargs) -> None:
    # The admin saves sections after their article, so the article's own save
    # cannot see them; this runs in the same transaction as the section.
    instance.article.refresh_search_text()


def create_search_index(sender, using: str, **kwargs) -> None:
    """Connected to post_migrate: SQLite drops triggers when a migration
    rebuilds the article table, so they are checked after every migrate."""
    ensure_sqlite_index(using)

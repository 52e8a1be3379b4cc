"""Indexes of the published, untrashed articles alone, which listings,
pagination, sitemaps and subject sitemaps read without visiting the table.

The listing indexes of 0015 lack ``trashed_at``, which every public query
tests, so PostgreSQL had to fetch each row to check it: a deep page or a
sitemap file read tens of thousands of rows to skip them. These are partial
indexes whose condition is the publishing rule's fixed part, so an
index-only scan answers the rule, and they hold no drafts. Built
concurrently on PostgreSQL, as in 0015.
"""

import importlib

from django.db import migrations, models

concurrently = importlib.import_module(
    "articles.migrations.0015_search_vector_and_listing_indexes"
)

PUBLIC = models.Q(status="published", trashed_at__isnull=True)


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("articles", "0027_featured_image_fields_removed"),
    ]

    operations = [
        concurrently.AddIndexConcurrentlyOnPostgreSQL(
            model_name="article",
            index=models.Index(
                fields=["published_at", "id"],
                include=["language", "country", "original_url"],
                condition=PUBLIC,
                name="article_public",
            ),
        ),
        concurrently.AddIndexConcurrentlyOnPostgreSQL(
            model_name="article",
            index=models.Index(
                fields=["language", "published_at", "id"],
                condition=PUBLIC,
                name="article_public_listing",
            ),
        ),
    ]

"""The search vector is kept in its article's row (compressed), not in the
TOAST table beside it.

A common word's search reads the newest articles until a thousand match,
testing and ranking each one's vector: out of line, each vector was several
TOAST pages read twice (once to match, once to rank), about 12,000 buffers
for "port" at 100,000 articles (14 ms from memory, 57 ms when evicted).
Kept in the row, the same search reads 1,700 buffers (3 ms, 15 ms evicted).
Existing rows are rewritten in batches (migration 0025's refill). Nothing to
do on SQLite, whose index is FTS5's own.
"""

from importlib import import_module

from django.db import migrations

refill = import_module(
    "articles.migrations.0025_search_vector_splits_hyphenated_numbers"
).refill


def set_storage(storage: str):
    def change(apps, schema_editor) -> None:
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(
                "ALTER TABLE articles_article "
                f"ALTER COLUMN search_vector SET STORAGE {storage}"
            )
            refill(schema_editor)
            # Every row was rewritten: until the visibility map is rebuilt,
            # the listings' index-only scans would read the table (a page
            # 2,000 deep took 170 ms instead of 16).
            schema_editor.execute("VACUUM ANALYZE articles_article")

    return change


class Migration(migrations.Migration):
    atomic = False

    dependencies = [("articles", "0033_figures")]

    operations = [
        migrations.RunPython(set_storage("MAIN"), set_storage("EXTENDED")),
    ]

"""A stored, weighted search vector and the indexes listings read through.

On PostgreSQL: text search configurations that ignore accents, a trigger that
keeps ``search_vector`` current (title A, summary B, authors C, body and
analysis sections D, in the article's language), a batched fill of existing
rows, and every index built CONCURRENTLY so a live archive keeps serving
while they build. On SQLite the column is added and left empty (FTS5 serves
search there) and the indexes are built the ordinary way.
"""

import django.contrib.postgres.search
from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations, models

FILL_BATCH = 2000

CONFIGURATIONS = {"english": "english_stem", "spanish": "spanish_stem", "simple": "simple"}

VECTOR_FUNCTION = """
CREATE OR REPLACE FUNCTION articles_article_search_vector() RETURNS trigger AS $$
DECLARE
    config regconfig := CASE NEW.language
        WHEN 'en' THEN 'newsroom_english'::regconfig
        WHEN 'es' THEN 'newsroom_spanish'::regconfig
        ELSE 'newsroom_simple'::regconfig
    END;
    byline text := (
        SELECT string_agg(author.name, ' ')
        FROM articles_articleauthor link
        JOIN articles_author author ON author.id = link.author_id
        WHERE link.article_id = NEW.id
    );
BEGIN
    NEW.search_vector :=
        setweight(to_tsvector(config, coalesce(NEW.title, '')), 'A')
        || setweight(to_tsvector(config, coalesce(NEW.dek, '')), 'B')
        || setweight(to_tsvector(config, coalesce(byline, '')), 'C')
        || setweight(to_tsvector(config, coalesce(NEW.search_text, '')), 'D');
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER articles_article_search_vector
BEFORE INSERT OR UPDATE OF title, dek, search_text, language ON articles_article
FOR EACH ROW EXECUTE FUNCTION articles_article_search_vector();

-- A byline change or an author's new name reaches the vector: touching the
-- title fires the trigger above.
CREATE OR REPLACE FUNCTION articles_byline_changed() RETURNS trigger AS $$
BEGIN
    IF TG_TABLE_NAME = 'articles_author' THEN
        UPDATE articles_article SET title = title WHERE id IN (
            SELECT article_id FROM articles_articleauthor WHERE author_id = NEW.id
        );
    ELSE
        UPDATE articles_article SET title = title
        WHERE id IN (NEW.article_id, OLD.article_id);
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER articles_articleauthor_byline
AFTER INSERT OR UPDATE OR DELETE ON articles_articleauthor
FOR EACH ROW EXECUTE FUNCTION articles_byline_changed();

CREATE TRIGGER articles_author_byline
AFTER UPDATE OF name ON articles_author
FOR EACH ROW EXECUTE FUNCTION articles_byline_changed();
"""

DROP_VECTOR_FUNCTION = """
DROP TRIGGER IF EXISTS articles_author_byline ON articles_author;
DROP TRIGGER IF EXISTS articles_articleauthor_byline ON articles_articleauthor;
DROP TRIGGER IF EXISTS articles_article_search_vector ON articles_article;
DROP FUNCTION IF EXISTS articles_byline_changed();
DROP FUNCTION IF EXISTS articles_article_search_vector();
"""


def on_postgresql(schema_editor) -> bool:
    return schema_editor.connection.vendor == "postgresql"


def create_configurations(apps, schema_editor) -> None:
    if not on_postgresql(schema_editor):
        return
    for name, stemmer in CONFIGURATIONS.items():
        schema_editor.execute(
            f"DROP TEXT SEARCH CONFIGURATION IF EXISTS newsroom_{name};"
            f"CREATE TEXT SEARCH CONFIGURATION newsroom_{name} (COPY = {name});"
            f"ALTER TEXT SEARCH CONFIGURATION newsroom_{name} ALTER MAPPING FOR "
            f"hword, hword_part, word WITH unaccent, {stemmer};"
        )


def drop_configurations(apps, schema_editor) -> None:
    if on_postgresql(schema_editor):
        for name in CONFIGURATIONS:
            schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION newsroom_{name}")


def create_trigger(apps, schema_editor) -> None:
    if on_postgresql(schema_editor):
        schema_editor.execute(VECTOR_FUNCTION)


def drop_trigger(apps, schema_editor) -> None:
    if on_postgresql(schema_editor):
        schema_editor.execute(DROP_VECTOR_FUNCTION)


def fill_search_vectors(apps, schema_editor) -> None:
    """Fire the trigger for existing rows, a committed batch at a time, so a
    large archive is never locked as a whole."""
    if not on_postgresql(schema_editor):
        return
    Article = apps.get_model("articles", "Article")
    last = Article.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    for start in range(0, last + 1, FILL_BATCH):
        schema_editor.execute(
            "UPDATE articles_article SET title = title "
            "WHERE id >= %s AND id < %s AND search_vector IS NULL",
            [start, start + FILL_BATCH],
        )


class AddIndexConcurrentlyOnPostgreSQL(migrations.AddIndex):
    """CREATE INDEX CONCURRENTLY on PostgreSQL (the table stays writable while
    it builds; needs a non-atomic migration), a plain index elsewhere."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        model = to_state.apps.get_model(app_label, self.model_name)
        if not self.allow_migrate_model(schema_editor.connection.alias, model):
            return
        if on_postgresql(schema_editor):
            schema_editor.add_index(model, self.index, concurrently=True)
        else:
            schema_editor.add_index(model, self.index)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        model = from_state.apps.get_model(app_label, self.model_name)
        if not self.allow_migrate_model(schema_editor.connection.alias, model):
            return
        if on_postgresql(schema_editor):
            schema_editor.remove_index(model, self.index, concurrently=True)
        else:
            schema_editor.remove_index(model, self.index)


def create_vector_index(apps, schema_editor) -> None:
    # Outside the model's declared indexes: see Article.search_vector.
    if on_postgresql(schema_editor):
        schema_editor.execute(
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS article_search_vector "
            "ON articles_article USING gin (search_vector)"
        )


def drop_vector_index(apps, schema_editor) -> None:
    if on_postgresql(schema_editor):
        schema_editor.execute("DROP INDEX CONCURRENTLY IF EXISTS article_search_vector")


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("articles", "0014_address_quota"),
    ]

    operations = [
        UnaccentExtension(),
        migrations.RunPython(create_configurations, drop_configurations),
        migrations.AddField(
            model_name="article",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(
                editable=False, null=True
            ),
        ),
        migrations.RunPython(create_trigger, drop_trigger),
        migrations.RunPython(fill_search_vectors, migrations.RunPython.noop),
        migrations.RunPython(create_vector_index, drop_vector_index),
        AddIndexConcurrentlyOnPostgreSQL(
            model_name="article",
            index=models.Index(
                fields=["status", "published_at", "id"], name="article_published"
            ),
        ),
        # Replaced by the one above, which also orders ties and serves ids
        # from the index alone.
        migrations.RemoveIndex(
            model_name="article", name="articles_ar_status_7759bd_idx"
        ),
        AddIndexConcurrentlyOnPostgreSQL(
            model_name="article",
            index=models.Index(
                fields=["language", "status", "published_at", "id"],
                name="article_listing",
            ),
        ),
        AddIndexConcurrentlyOnPostgreSQL(
            model_name="article",
            index=models.Index(
                fields=["language", "status", "kind", "published_at", "id"],
                name="article_kind_listing",
            ),
        ),
        AddIndexConcurrentlyOnPostgreSQL(
            model_name="article",
            index=models.Index(
                fields=["country", "language", "status", "published_at"],
                name="article_country_listing",
            ),
        ),
    ]

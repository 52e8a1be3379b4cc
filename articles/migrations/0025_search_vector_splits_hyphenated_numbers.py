"""PostgreSQL's parser reads "MS-13" as the word "ms" and the signed number
"-13", so neither "MS 13" nor "MS13" (searched as "ms13" or the phrase
"ms 13") could find it. The search vector now reads a hyphen between a word
character and a digit as a space, the way the query is read
(``articles.search.spellings``), and existing rows are refilled in batches.
Nothing to do on SQLite: its FTS5 tokenizer already splits at hyphens.
"""

from django.db import migrations

FILL_BATCH = 2000


def vector_function(prepare: str) -> str:
    """The trigger function of migration 0015, with each text passed through
    ``prepare`` (a format string taking the text)."""
    title, dek, byline, body = (
        prepare.format(f"coalesce({text}, '')")
        for text in ("NEW.title", "NEW.dek", "byline", "NEW.search_text")
    )
    return f"""
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
        setweight(to_tsvector(config, {title}), 'A')
        || setweight(to_tsvector(config, {dek}), 'B')
        || setweight(to_tsvector(config, {byline}), 'C')
        || setweight(to_tsvector(config, {body}), 'D');
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
"""


SPLIT_HYPHENATED_NUMBERS = r"regexp_replace({}, '(\w)-(?=\d)', '\1 ', 'g')"


def refill(schema_editor) -> None:
    """Fire the trigger for every row, a committed batch at a time."""
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT coalesce(max(id), 0) FROM articles_article")
        last = cursor.fetchone()[0]
    for start in range(0, last + 1, FILL_BATCH):
        schema_editor.execute(
            "UPDATE articles_article SET title = title WHERE id >= %s AND id < %s",
            [start, start + FILL_BATCH],
        )


def split_hyphenated_numbers(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(vector_function(SPLIT_HYPHENATED_NUMBERS))
        refill(schema_editor)


def keep_hyphenated_numbers(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(vector_function("{}"))
        refill(schema_editor)


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("articles", "0024_standard_licences"),
    ]

    operations = [
        migrations.RunPython(split_hyphenated_numbers, keep_hyphenated_numbers),
    ]

"""Ranked full-text search over published articles.

PostgreSQL ranks with its own full-text search (weighted title, summary,
text); SQLite with an FTS5 index kept current by triggers. Both return the
same thing: article ids, best first, with a snippet whose matched words are
marked, for one language.
"""

import re
from dataclasses import dataclass

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
)
from django.db import connection, connections
from django.db.models import F, TextField, Value
from django.db.models.functions import Concat

from articles.models import Article

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
MAX_RESULTS = 200
# Control characters never occur in article text; they mark the matched words
# in a snippet until the template turns them into <mark> elements.
START, STOP = "\x02", "\x03"
POSTGRES_CONFIGS = {"en": "english", "es": "spanish"}
FTS_TABLE = "articles_article_fts"


@dataclass
class Hit:
    article_id: int
    snippet: list[tuple[bool, str]]


def terms(query: str) -> list[str]:
    """The words of a reader's query; punctuation and operators are dropped."""
    return re.findall(r"\w+", query[:MAX_QUERY_LENGTH])[:MAX_TERMS]


def split_snippet(snippet: str) -> list[tuple[bool, str]]:
    """``(is_match, text)`` pieces of a marked snippet."""
    pieces, matched = [], False
    for part in re.split(f"([{START}{STOP}])", snippet or ""):
        if part == START:
            matched = True
        elif part == STOP:
            matched = False
        elif part:
            pieces.append((matched, part))
    return pieces


def search(query: str, language: str) -> list[Hit]:
    words = terms(query)
    if not words:
        return []
    if connection.vendor == "postgresql":
        return _search_postgresql(words, language)
    return _search_sqlite(words, language)


def _search_postgresql(words: list[str], language: str) -> list[Hit]:
    config = POSTGRES_CONFIGS.get(language, "simple")
    vector = (
        SearchVector("title", weight="A", config=config)
        + SearchVector("dek", weight="B", config=config)
        + SearchVector("search_text", weight="C", config=config)
    )
    search_query = SearchQuery(" ".join(words), search_type="plain", config=config)
    rows = (
        Article.objects.published()
        .for_language(language)
        .annotate(document=vector)
        .filter(document=search_query)
        .annotate(
            rank=SearchRank(F("document"), search_query),
            snippet=SearchHeadline(
                Concat("dek", Value(" "), "search_text", output_field=TextField()),
                search_query,
                config=config,
                start_sel=START,
                stop_sel=STOP,
                max_words=35,
                min_words=15,
                max_fragments=2,
                fragment_delimiter=" … ",
            ),
        )
        .order_by("-rank", "-published_at")
        .values_list("pk", "snippet")[:MAX_RESULTS]
    )
    return [Hit(pk, split_snippet(snippet)) for pk, snippet in rows]


def _search_sqlite(words: list[str], language: str) -> list[Hit]:
    # Each word quoted, so FTS5 reads it as a word and never as syntax.
    match = " ".join('"{}"'.format(word.replace('"', "")) for word in words)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid, snippet({FTS_TABLE}, -1, %s, %s, ' … ', 30) "
            f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s "
            f"ORDER BY bm25({FTS_TABLE}, 10.0, 4.0, 1.0) LIMIT %s",
            [START, STOP, match, MAX_RESULTS * 5],
        )
        ranked = cursor.fetchall()
    visible = set(
        Article.objects.published()
        .for_language(language)
        .filter(pk__in=[pk for pk, _snippet in ranked])
        .values_list("pk", flat=True)
    )
    return [Hit(pk, split_snippet(snippet)) for pk, snippet in ranked if pk in visible][
        :MAX_RESULTS
    ]


def ensure_sqlite_index(using: str = "default") -> None:
    """Create the FTS5 index and its triggers on SQLite if they are missing,
    and fill the index from the article table when they were."""
    db = connections[using]
    if db.vendor != "sqlite":
        return
    table = Article._meta.db_table
    columns = "title, dek, search_text"
    new_values = "new.id, new.title, new.dek, new.search_text"
    old_values = "'delete', old.id, old.title, old.dek, old.search_text"
    statements = [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
        f"{columns}, content='{table}', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 2')",
        f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_insert AFTER INSERT ON {table} "
        f"BEGIN INSERT INTO {FTS_TABLE}(rowid, {columns}) VALUES ({new_values}); END",
        f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_delete AFTER DELETE ON {table} "
        f"BEGIN INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {columns}) "
        f"VALUES ({old_values}); END",
        f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_update AFTER UPDATE ON {table} "
        f"BEGIN INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {columns}) "
        f"VALUES ({old_values}); "
        f"INSERT INTO {FTS_TABLE}(rowid, {columns}) VALUES ({new_values}); END",
    ]
    with db.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM sqlite_master "
            "WHERE type = 'trigger' AND name LIKE %s",
            [f"{FTS_TABLE}_%"],
        )
        complete = cursor.fetchone()[0] == 3
        if complete:
            return
        for statement in statements:
            cursor.execute(statement)
        cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")

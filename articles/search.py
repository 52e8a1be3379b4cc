"""Ranked full-text search over published articles.

PostgreSQL matches against a stored, weighted vector (title, summary,
authors, body and sections; see migration 0012) through a GIN index, in the
article's language with accents ignored; SQLite against an FTS5 index kept
current by triggers. Either way the cost is bounded whatever the archive's
size: at most ``MAX_RESULTS + 1`` matches are ranked (the newest ones), and
snippets are made only for the articles on the page shown.
"""

import re

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection, connections
from django.db.models import F, Q, QuerySet, TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Concat

from articles.models import Article

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
MAX_RESULTS = 1000
"""Beyond this many matches a reader is told "more than 1,000 results"."""
# Control characters never occur in article text; they mark the matched words
# in a snippet until the template turns them into <mark> elements.
START, STOP = "\x02", "\x03"
# Text search configurations that ignore accents, made by migration 0012.
POSTGRES_CONFIGS = {"en": "newsroom_english", "es": "newsroom_spanish"}
POSTGRES_FALLBACK_CONFIG = "newsroom_simple"
FTS_TABLE = "articles_article_fts"


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


def matching(queryset: QuerySet, query: str, language: str | None = None) -> QuerySet:
    """``queryset`` narrowed to articles containing every word of ``query``,
    through the full-text index; in any language when ``language`` is None."""
    words = terms(query)
    if not words:
        return queryset.none()
    if connection.vendor != "postgresql":
        return queryset.filter(pk__in=RawSQL(_FTS_MATCHES, [_fts_match(words)]))
    languages = [language] if language else [*POSTGRES_CONFIGS, None]
    condition = Q()
    for code in languages:
        in_language = (
            Q(language=code) if code else ~Q(language__in=list(POSTGRES_CONFIGS))
        )
        condition |= in_language & Q(search_vector=_postgres_query(words, code))
    return queryset.filter(condition)


def ranked_ids(query: str, language: str) -> list[int]:
    """Ids of published articles in ``language`` matching ``query``, best
    first: at most ``MAX_RESULTS + 1``, so that a caller can say "more than"."""
    words = terms(query)
    if not words:
        return []
    found = matching(Article.objects.published(), query, language).for_language(
        language
    )
    newest = found.order_by("-published_at", "-pk")[: MAX_RESULTS + 1]
    if connection.vendor == "postgresql":
        rank = SearchRank(F("search_vector"), _postgres_query(words, language))
    else:
        rank = RawSQL(_FTS_RANK, [_fts_match(words)])
    return list(
        Article.objects.filter(pk__in=newest.values("pk"))
        .annotate(rank=rank)
        .order_by("-rank", "-published_at", "-pk")
        .values_list("pk", flat=True)
    )


def snippets(ids: list[int], query: str, language: str) -> dict[int, list]:
    """Marked snippets of the articles ``ids`` (those on the page shown)."""
    words = terms(query)
    if not words or not ids:
        return {}
    if connection.vendor == "postgresql":
        rows = (
            Article.objects.filter(pk__in=ids)
            .annotate(
                snippet=SearchHeadline(
                    Concat("dek", Value(" "), "search_text", output_field=TextField()),
                    _postgres_query(words, language),
                    config=POSTGRES_CONFIGS.get(language, POSTGRES_FALLBACK_CONFIG),
                    start_sel=START,
                    stop_sel=STOP,
                    max_words=35,
                    min_words=15,
                    max_fragments=2,
                    fragment_delimiter=" … ",
                )
            )
            .values_list("pk", "snippet")
        )
    else:
        placeholders = ", ".join(["%s"] * len(ids))
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid, snippet({FTS_TABLE}, -1, %s, %s, ' … ', 30) "
                f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s "
                f"AND rowid IN ({placeholders})",
                [START, STOP, _fts_match(words), *ids],
            )
            rows = cursor.fetchall()
    return {pk: split_snippet(snippet) for pk, snippet in rows}


def _postgres_query(words: list[str], language: str | None) -> SearchQuery:
    config = POSTGRES_CONFIGS.get(language, POSTGRES_FALLBACK_CONFIG)
    return SearchQuery(" ".join(words), search_type="plain", config=config)


def _fts_match(words: list[str]) -> str:
    # Each word quoted, so FTS5 reads it as a word and never as syntax.
    return " ".join('"{}"'.format(word.replace('"', "")) for word in words)


_FTS_MATCHES = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"
# bm25 is lower for better matches; negated so that "-rank" puts them first.
_FTS_RANK = (
    f"SELECT -bm25({FTS_TABLE}, 10.0, 4.0, 1.0) FROM {FTS_TABLE} "
    f"WHERE {FTS_TABLE} MATCH %s AND rowid = articles_article.id"
)


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

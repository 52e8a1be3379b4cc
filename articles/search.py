"""Ranked full-text search over published articles.

PostgreSQL matches against a stored, weighted vector (title, summary,
authors, body and sections; see migration 0015) through a GIN index, stemmed
in the article's language with accents ignored, and reads the query in the
page's language; SQLite against an FTS5 index of the same fields kept
current by triggers, stemmed by Porter (English) with accents ignored.
Either way the cost is bounded whatever the archive's size: at most
``MAX_RESULTS + 1`` matches are ranked (the newest ones), and snippets are
made only for the articles on the page shown.

A name is found however it is punctuated: a query word written with
hyphens, dots or apostrophes, or with letters and digits run together,
matches both its parts in a row and its parts run together ("MS-13",
"MS13" and "MS 13" find each other).
"""

import functools
import operator
import re

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection, connections
from django.db.models import F, Q, QuerySet
from django.db.models.expressions import RawSQL

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
# A snippet: up to two passages of 15 to 35 words around the query's words.
SNIPPET_OPTIONS = (
    f'StartSel="{START}", StopSel="{STOP}", MaxWords=35, MinWords=15, '
    'MaxFragments=2, FragmentDelimiter=" … "'
)
# How much of an article's text is read for a snippet before all of it.
SNIPPET_OPENING = 1500


# A word, or words joined by punctuation that names carry ("MS-13", "O'Brien").
TERM = re.compile(r"\w+(?:[-.'’]\w+)*")
# The parts of a term: runs of letters, runs of digits ("MS13": "MS", "13").
PART = re.compile(r"[^\W\d_]+|\d+")


def terms(query: str) -> list[str]:
    """The words of a reader's query; other punctuation and operators are
    dropped."""
    return TERM.findall(query[:MAX_QUERY_LENGTH])[:MAX_TERMS]


def spellings(term: str) -> list[str]:
    """``term`` run together, then its parts as a phrase when it has several."""
    parts = PART.findall(term)
    joined = "".join(re.findall(r"\w+", term))
    return [joined, " ".join(parts)] if len(parts) > 1 else [joined]


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
    # Ranked as they are read, then sorted here: a second query ranking them
    # by id would read each row again. The sort is stable, so equal ranks
    # stay newest first.
    ranked = newest.annotate(rank=rank).values_list("pk", "rank")
    return [pk for pk, _rank in sorted(ranked, key=lambda row: -row[1])]


def snippets(ids: list[int], query: str, language: str) -> dict[int, list]:
    """Marked snippets of the articles ``ids`` (those on the page shown)."""
    words = terms(query)
    if not words or not ids:
        return {}
    if connection.vendor == "postgresql":
        rows = _postgres_snippets(ids, words, language)
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


def _postgres_snippets(ids: list[int], words: list[str], language: str) -> list:
    """``(id, snippet)`` of each article, from its summary and text.

    ts_headline parses all the text it is given, which is most of what a
    search for a common word costs: each article's opening is read first,
    and the whole text only where the words are not in the opening. The
    opening's headline is a subquery that OFFSET 0 keeps apart: folded into
    the CASE, it would be computed twice."""
    config = POSTGRES_CONFIGS.get(language, POSTGRES_FALLBACK_CONFIG)
    articles = Article.objects.all()
    compiler = articles.query.get_compiler(connection=connection)
    tsquery, tsquery_params = compiler.compile(
        _postgres_query(words, language).resolve_expression(articles.query)
    )
    table = Article._meta.db_table
    whole = _headline_sql("article.dek || ' ' || article.search_text")
    opening = _headline_sql("article.dek || ' ' || left(article.search_text, %s)")
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT article.id, CASE WHEN strpos(opening.snippet, %s) > 0 "
            f"THEN opening.snippet ELSE {whole} END "
            f"FROM {table} article "
            f"CROSS JOIN (SELECT {tsquery} AS q) query "
            f"CROSS JOIN LATERAL (SELECT {opening} AS snippet OFFSET 0) opening "
            "WHERE article.id = ANY(%s)",
            [
                START,
                config,
                SNIPPET_OPTIONS,
                *tsquery_params,
                config,
                SNIPPET_OPENING,
                SNIPPET_OPTIONS,
                list(ids),
            ],
        )
        return cursor.fetchall()


def _headline_sql(text: str) -> str:
    """ts_headline of ``text`` for the query ``query.q``, its configuration
    and options left as parameters."""
    return f"ts_headline(%s::regconfig, {text}, query.q, %s)"


def _postgres_query(words: list[str], language: str | None) -> SearchQuery:
    """Every term, parsed by the configuration of ``language``: plain words
    in one plain query, each compound as its spellings run together or its
    parts in a row."""
    config = POSTGRES_CONFIGS.get(language, POSTGRES_FALLBACK_CONFIG)
    forms = [spellings(word) for word in words]
    plain = [spelling for spelling, *parts in forms if not parts]
    queries = [SearchQuery(" ".join(plain), config=config)] if plain else []
    queries += [
        SearchQuery(joined, config=config)
        | SearchQuery(parts, search_type="phrase", config=config)
        for joined, *rest in forms
        for parts in rest
    ]
    return functools.reduce(operator.and_, queries)


def _fts_match(words: list[str]) -> str:
    # Each spelling quoted, so FTS5 reads it as a word or a phrase, never as
    # syntax; quotes are not in a term.
    return " AND ".join(
        "({})".format(" OR ".join(f'"{form}"' for form in spellings(word)))
        for word in words
    )


_FTS_MATCHES = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"
# bm25 is lower for better matches; negated so that "-rank" puts them first.
_FTS_RANK = (
    f"SELECT -bm25({FTS_TABLE}, 10.0, 4.0, 2.0, 1.0) FROM {FTS_TABLE} "
    f"WHERE {FTS_TABLE} MATCH %s AND rowid = articles_article.id"
)


# The SQLite index holds its own copy of the text (no external content): a
# byline is not a column of the article table, and a row can then be replaced
# by id whatever it held before.
FTS_COLUMNS = "title, dek, byline, body"
FTS_TOKENIZER = "porter unicode61 remove_diacritics 2"


def _fts_rows(article_ids: str) -> str:
    """The statement indexing the articles whose id is ``article_ids`` (an
    SQL condition: "= new.id", "IN (...)")."""
    return (
        f"INSERT INTO {FTS_TABLE}(rowid, {FTS_COLUMNS}) "
        "SELECT article.id, article.title, article.dek, ("
        "SELECT group_concat(author.name, ' ') FROM articles_articleauthor link "
        "JOIN articles_author author ON author.id = link.author_id "
        "WHERE link.article_id = article.id), article.search_text "
        f"FROM {Article._meta.db_table} article WHERE article.id {article_ids};"
    )


def _fts_refresh(article_ids: str) -> str:
    """A trigger's statements replacing the index rows of those articles."""
    return f"DELETE FROM {FTS_TABLE} WHERE rowid {article_ids}; " + _fts_rows(
        article_ids
    )


def _fts_definition() -> dict[str, str]:
    """The FTS5 table and its triggers, by name, as SQLite stores them."""
    table = Article._meta.db_table
    by_author = (
        "IN (SELECT article_id FROM articles_articleauthor WHERE author_id = new.id)"
    )
    triggers = {
        "insert": f"AFTER INSERT ON {table}",
        "update": f"AFTER UPDATE OF title, dek, search_text ON {table}",
        "byline_insert": "AFTER INSERT ON articles_articleauthor",
        "byline_update": "AFTER UPDATE ON articles_articleauthor",
        "byline_delete": "AFTER DELETE ON articles_articleauthor",
        "author_renamed": "AFTER UPDATE OF name ON articles_author",
    }
    actions = {
        "insert": _fts_refresh("= new.id"),
        "update": _fts_refresh("= new.id"),
        "byline_insert": _fts_refresh("= new.article_id"),
        "byline_update": _fts_refresh("IN (old.article_id, new.article_id)"),
        "byline_delete": _fts_refresh("= old.article_id"),
        "author_renamed": _fts_refresh(by_author),
    }
    definition = {
        FTS_TABLE: f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5({FTS_COLUMNS}, "
        f"tokenize='{FTS_TOKENIZER}')",
        f"{FTS_TABLE}_delete": f"CREATE TRIGGER {FTS_TABLE}_delete "
        f"AFTER DELETE ON {table} "
        f"BEGIN DELETE FROM {FTS_TABLE} WHERE rowid = old.id; END",
    }
    for name, event in triggers.items():
        definition[f"{FTS_TABLE}_{name}"] = (
            f"CREATE TRIGGER {FTS_TABLE}_{name} {event} BEGIN {actions[name]} END"
        )
    return definition


def drop_sqlite_triggers(using: str = "default") -> None:
    """Drop the FTS5 index's triggers on SQLite before migrations run: the
    byline triggers name the article table from other tables, and SQLite
    refuses to rebuild a table that a trigger elsewhere names.
    ``ensure_sqlite_index`` puts them back after the migrations."""
    db = connections[using]
    if db.vendor != "sqlite":
        return
    with db.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s",
            [f"{FTS_TABLE}%"],
        )
        for (name,) in cursor.fetchall():
            cursor.execute(f"DROP TRIGGER {name}")


def ensure_sqlite_index(using: str = "default") -> None:
    """Create the FTS5 index and its triggers on SQLite when they are missing
    or differ from their definition here (an older tokenizer, a trigger that
    a migration rebuilding a table dropped), and fill the index."""
    db = connections[using]
    if db.vendor != "sqlite":
        return
    definition = _fts_definition()
    with db.cursor() as cursor:
        cursor.execute(
            "SELECT name, type, sql FROM sqlite_master "
            "WHERE type IN ('table', 'trigger') AND name LIKE %s",
            [f"{FTS_TABLE}%"],
        )
        existing = {name: (kind, sql) for name, kind, sql in cursor.fetchall()}
        current = {name: sql for name, (_kind, sql) in existing.items()}
        if all(current.get(name) == sql for name, sql in definition.items()):
            return
        for name, (kind, _sql) in existing.items():
            if kind == "trigger":
                cursor.execute(f"DROP TRIGGER {name}")
        cursor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
        for statement in definition.values():
            cursor.execute(statement)
        cursor.execute(_fts_rows("IS NOT NULL"))

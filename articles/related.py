"""Related content: articles scored by what they share with the one shown.

A shared country weighs ``COUNTRY_WEIGHT``, a shared topic ``TOPIC_WEIGHT``,
and a shared tag its rarity: close to 1 for a tag few articles carry, 0 for
one that every article in the language carries (a format tag such as
"Infographics" then links nothing). Among equals, an article of the same
kind comes first, then the newest. When too few articles share a subject,
the newest of the same kind and language, then of any kind, fill the
section, so that it never empties.

The cost does not grow with the archive: candidates are read in at most
three small queries through the indexed subject tables, at most
``RELATED_CANDIDATES`` each, and up to two for the fallback when they are
too few, then scored in one query over that bounded set.
Tag frequencies come from the cache, counted only for the tags of the
article shown when they are missing.

Nothing here imports the project's models: the queryset method
``ArticleQuerySet.related_by_subject`` delegates to ``scored()``.
"""

import math
from collections.abc import Iterable

from django.core.cache import cache
from django.db.models import (
    Case,
    Count,
    Expression,
    FloatField,
    Func,
    Model,
    OuterRef,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce

RELATED_CANDIDATES = 20
"""Per candidate group, the most articles considered as related content."""
COUNTRY_WEIGHT = 2.0
TOPIC_WEIGHT = 1.0
SUBJECT_WEIGHTS = {"countries": COUNTRY_WEIGHT, "topics": TOPIC_WEIGHT}
"""Relations to subjects of a fixed weight; a field may be a foreign key or a
many-to-many (each shared subject counts). ``countries`` holds every country
of an article, the primary one included."""
RARE_TAG_ARTICLES = 150
"""A tag on more articles than this still adds its (small) weight to a
candidate's score, but finds no candidates: reading every article it is on
would grow with the archive."""
TAG_COUNT_SECONDS = 15 * 60
"""How long tag frequencies are cached; a weight need not follow each
publication to the minute."""


def scored(
    queryset: QuerySet, article: Model, wanted: int, exclude: Iterable[int] = ()
) -> QuerySet:
    """Articles of ``queryset`` in ``article``'s language, other than
    ``article`` and ``exclude``, best related first; the newest of its kind,
    then of any kind, are added when fewer than ``wanted`` share a subject
    with it. Reads ``article``'s tags and many-to-many subjects from its
    prefetched relations."""
    in_language = queryset.for_language(article.language)
    weights = {
        relation: dict.fromkeys(subject_ids(article, relation), weight)
        for relation, weight in SUBJECT_WEIGHTS.items()
    }
    counts, total = tag_counts(
        in_language, article.language, [tag.pk for tag in article.tags.all()]
    )
    weights["tags"] = {tag: rarity(count, total) for tag, count in counts.items()}
    rare = {
        tag: weight
        for tag, weight in weights["tags"].items()
        if counts[tag] <= RARE_TAG_ARTICLES
    }
    others = in_language.exclude(pk__in=[article.pk, *exclude])
    candidates = candidate_ids(others, article, weights, rare)
    # Too few related: the newest of the same kind, then of any kind.
    for fallback in (others.filter(kind=article.kind), others):
        if len(candidates) >= wanted:
            break
        newest = fallback.order_by("-published_at", "-pk").values_list("pk", flat=True)
        candidates.update(newest[:wanted])
    score = sum(
        (
            shared(queryset.model, relation, by_subject)
            for relation, by_subject in weights.items()
            if by_subject
        ),
        Value(0.0),
    )
    return (
        queryset.filter(pk__in=candidates)
        .annotate(
            relatedness=score,
            same_kind=Case(When(kind=article.kind, then=1), default=0),
        )
        .order_by("-relatedness", "-same_kind", "-published_at", "-pk")
    )


def subject_ids(article: Model, relation: str) -> list[int]:
    """Ids of ``article``'s subjects through ``relation``, without a query
    (a many-to-many must be prefetched)."""
    field = article._meta.get_field(relation)
    if field.many_to_many:
        return [subject.pk for subject in getattr(article, relation).all()]
    value = getattr(article, field.attname)
    return [] if value is None else [value]


def rarity(count: int, total: int) -> float:
    """A tag's weight: 1 when it is on one article of ``total``, 0 when it is
    on all of them (an inverse document frequency scaled to 0..1)."""
    if total < 2:
        return 1.0
    return max(0.0, math.log(total / max(count, 1)) / math.log(total))


def tag_counts(
    in_language: QuerySet, language: str, tags: list[int]
) -> tuple[dict[int, int], int]:
    """How many articles of ``in_language`` carry each of ``tags``, and how
    many there are: from the cache, counting only the missing ones."""
    keys = {tag: f"related:tag-articles:{language}:{tag}" for tag in tags}
    total_key = f"related:articles:{language}"
    found = cache.get_many([*keys.values(), total_key])
    counts = {tag: found[key] for tag, key in keys.items() if key in found}
    missing = [tag for tag in tags if tag not in counts]
    total = found.get(total_key, 0)
    if missing:
        # One query for the tags and the total both.
        every = in_language.order_by().values(n=Func("pk", function="COUNT"))
        rows = list(
            in_language.filter(tags__in=missing)
            .order_by()
            .values_list("tags")
            .annotate(n=Count("pk"), total=Subquery(every))
        )
        fresh = dict.fromkeys(missing, 0) | {tag: n for tag, n, _total in rows}
        counts |= fresh
        stored = {keys[tag]: count for tag, count in fresh.items()}
        if rows:
            total = stored[total_key] = rows[0][2]
        cache.set_many(stored, TAG_COUNT_SECONDS)
    return counts, total


def candidate_ids(
    others: QuerySet,
    article: Model,
    weights: dict[str, dict[int, float]],
    rare_tags: dict[int, float],
) -> set[int]:
    """Articles sharing a subject with ``article``, the set scored: per
    group, at most ``RELATED_CANDIDATES``."""
    newest = others.order_by("-published_at", "-pk")
    groups = [
        newest.filter(**{f"{relation}__in": list(weights[relation])})
        for relation in SUBJECT_WEIGHTS
        if weights[relation]
    ]
    if rare_tags:
        # Rarest first: every row of a rare tag is read, which its rarity
        # bounds, and a tag on a few articles outranks one on hundreds.
        groups.append(
            others.filter(tags__in=list(rare_tags))
            .values("pk")
            .annotate(weight=_weighted_sum("tags", rare_tags))
            .order_by("-weight", "-published_at", "-pk")
        )
    return {
        pk
        for group in groups
        for pk in group.values_list("pk", flat=True)[:RELATED_CANDIDATES]
    }


def shared(model: type[Model], relation: str, weights: dict[int, float]) -> Expression:
    """The sum of ``weights`` of the subjects a row shares through
    ``relation``: read from the row itself for a foreign key, by one indexed
    lookup per scored row for a many-to-many."""
    if not model._meta.get_field(relation).many_to_many:
        return _weight_of(relation, weights)
    rows = (
        model._base_manager.filter(
            pk=OuterRef("pk"), **{f"{relation}__in": list(weights)}
        )
        .order_by()
        .values("pk")
        .annotate(weight=_weighted_sum(relation, weights))
        .values("weight")
    )
    return Coalesce(Subquery(rows), Value(0.0))


def _weighted_sum(relation: str, weights: dict[int, float]) -> Sum:
    return Sum(_weight_of(relation, weights))


def _weight_of(relation: str, weights: dict[int, float]) -> Case:
    return Case(
        *[When(**{relation: pk}, then=Value(w)) for pk, w in weights.items()],
        default=Value(0.0),
        output_field=FloatField(),
    )

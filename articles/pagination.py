"""Pagination whose cost does not grow with the archive.

A page's rows are found in two steps: the ids by an index-only walk of the
listing index (OFFSET over narrow index entries, not over whole rows), then
the rows themselves by id. The total that "Page 3 of 2,995" needs is counted
once per listing and cached until the content changes, not on every page
view. Where every page of a listing is read (a sitemap's files), where each
page starts is found once per version instead, and a page is read from its
start: no OFFSET at all.
"""

import hashlib
import math
from collections.abc import Callable
from datetime import datetime
from urllib.parse import urlencode

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import F, QuerySet, Window
from django.db.models.functions import RowNumber
from django.utils.functional import cached_property

from articles.public_cache import RESPONSE_SECONDS, current_version


class ArchivePaginator(Paginator):
    def __init__(
        self,
        object_list,
        per_page,
        *args,
        count_key: str,
        max_count: int | None = None,
        rows=None,
        **kwargs,
    ):
        """``count_key`` names the listing (its filters and language), so
        that the cached count is shared by every page of it; ``max_count``
        stops counting there (for searches, whose matches need not all be
        read); ``rows``, when given, is what a page's rows are read from by
        id (``values()`` rows with their ``pk`` welcome), so that its joins
        stay out of the walk of the index."""
        super().__init__(object_list, per_page, *args, **kwargs)
        self.max_count = max_count
        self.rows = object_list if rows is None else rows
        digest = hashlib.sha256(count_key.encode()).hexdigest()[:32]
        self.count_key = f"archive-count:{current_version()}:{digest}"

    @cached_property
    def count(self) -> int:
        counted = self.object_list
        if self.max_count is not None:
            counted = counted[: self.max_count]
        return cache.get_or_set(self.count_key, counted.count, RESPONSE_SECONDS)

    def page(self, number) -> Page:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        ids = list(self.object_list.values_list("pk", flat=True)[bottom:top])
        rows = {_pk(row): row for row in self.rows.filter(pk__in=ids)}
        return self._get_page([rows[pk] for pk in ids if pk in rows], number, self)


class NewestFirstPaginator(Paginator):
    """Pages of a queryset ordered newest first (by ``published_at``, then
    ``pk``), each read from its first item on. Where every page starts, and
    the count, are found once per version of the content by one walk of the
    index; a late page then reads its own rows rather than stepping over
    every entry before them.

    ``name`` names the listing; ``rows``, when given, is the same queryset
    with what a page shows (``values()`` rows, say)."""

    ORDER = (F("published_at").desc(), F("pk").desc())

    def __init__(self, object_list: QuerySet, per_page: int, *, name: str, rows=None):
        super().__init__(object_list, per_page)
        self.rows = object_list if rows is None else rows
        self.key = f"page-starts:{current_version()}:{name}"

    @cached_property
    def bounds(self) -> tuple[int, list[tuple[datetime, int]]]:
        """The count, and the (published_at, pk) of each page's first item."""
        return cache.get_or_set(self.key, self._bounds, RESPONSE_SECONDS)

    @cached_property
    def count(self) -> int:
        return self.bounds[0]

    def page(self, number) -> Page:
        number = self.validate_number(number)
        count, starts = self.bounds
        rows = (
            self._from(starts[number - 1], self.rows)[: self.per_page] if count else []
        )
        return self._get_page(list(rows), number, self)

    def _bounds(self) -> tuple[int, list[tuple[datetime, int]]]:
        position = Window(RowNumber(), order_by=self.ORDER) - 1
        starts = list(
            self.object_list.annotate(place=position % self.per_page)
            .filter(place=0)
            .values_list("published_at", "pk")
        )
        if not starts:
            return 0, []
        # Full pages, and the last one counted alone: COUNT(*) OVER () beside
        # the row numbers would keep every row of the walk in memory.
        last = self._from(starts[-1], self.object_list).count()
        return (len(starts) - 1) * self.per_page + last, starts

    @staticmethod
    def _from(start: tuple[datetime, int], queryset: QuerySet) -> QuerySet:
        """``queryset`` from ``start`` on, older items after it."""
        published_at, pk = start
        return queryset.filter(published_at__lte=published_at).exclude(
            published_at=published_at, pk__gt=pk
        )


class PagedList:
    """A list computed once per version of the public content and cached in
    pages of ``per_page`` items, beside its length: reading one page (a
    sitemap file), or only the length (the sitemap index, counting files),
    does not unpickle the whole list. Django's ``Paginator`` reads it as it
    reads a list, by ``len()`` and slices (without a step)."""

    def __init__(self, name: str, per_page: int, compute: Callable[[], list]):
        self.key = f"paged-list:{current_version()}:{name}"
        self.per_page = per_page
        self.compute = compute

    def __len__(self) -> int:
        return self.length

    @cached_property
    def length(self) -> int:
        length = cache.get(f"{self.key}:length")
        return len(self._store()) if length is None else length

    def __getitem__(self, index: slice) -> list:
        start, stop, _step = index.indices(self.length)
        numbers = range(start // self.per_page, math.ceil(stop / self.per_page))
        keys = [f"{self.key}:{number}" for number in numbers]
        pages = cache.get_many(keys)
        if len(pages) < len(keys):
            return self._store()[index]
        items = [item for key in keys for item in pages[key]]
        offset = numbers.start * self.per_page
        return items[start - offset : stop - offset]

    def _store(self) -> list:
        items = self.compute()
        pages = {
            f"{self.key}:{number}": items[bottom : bottom + self.per_page]
            for number, bottom in enumerate(range(0, len(items), self.per_page))
        }
        cache.set_many({f"{self.key}:length": len(items), **pages}, RESPONSE_SECONDS)
        return items


def _pk(row) -> int:
    """A model instance's primary key, or that of a ``values()`` row that
    includes it."""
    return row["pk"] if isinstance(row, dict) else row.pk


class ArchivePaginationMixin:
    """For a ListView over the archive: an ``ArchivePaginator`` whose count is
    shared by every page of the same listing (its path and language, and the
    values of ``count_key_parameters``; other parameters cannot multiply the
    cached counts)."""

    count_key_parameters: tuple[str, ...] = ()

    def listing_filters(self) -> str:
        """The values of ``count_key_parameters`` in the query string, in a
        fixed order: what names the listing whatever its page."""
        return urlencode(
            [
                (name, self.request.GET.get(name, ""))
                for name in self.count_key_parameters
            ]
        )

    def get_paginator(self, queryset, per_page, orphans=0, **kwargs):
        return ArchivePaginator(
            queryset,
            per_page,
            orphans=orphans,
            count_key=f"{self.request.path}?{self.listing_filters()}",
            **kwargs,
        )

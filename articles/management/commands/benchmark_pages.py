import statistics
import time
import tracemalloc
from functools import partial

from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client

from articles.models import Article

PAGES = [
    "/en/",
    "/en/news/",
    "/en/search/?q=port",
    "/en/organization/",
    "/en/feeds/rss/",
]


def count_query(queries: list[str], execute, sql, params, many, context):
    queries.append(sql)
    return execute(sql, params, many, context)


class Command(BaseCommand):
    help = (
        "Time the main public pages against this database: median and 95th "
        "percentile render time, queries, and peak memory per request. Reads "
        "only; run it on a copy of production data or on the demo content."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--requests", type=int, default=50)

    def handle(self, *args, requests: int, **options) -> None:
        client = Client(HTTP_HOST="127.0.0.1")
        # Over HTTPS: production settings redirect plain HTTP.
        fetch = partial(client.get, secure=True)
        article = Article.objects.published().for_language("en").first()
        pages = PAGES + ([article.get_absolute_url()] if article else [])
        self.stdout.write(
            f"{'page':45} {'median ms':>10} {'p95 ms':>8} "
            f"{'queries':>8} {'peak KiB':>9}"
        )
        for url in pages:
            fetch(url)  # warm caches and templates, as a running site is
            timings = []
            for _ in range(requests):
                start = time.perf_counter()
                response = fetch(url)
                timings.append((time.perf_counter() - start) * 1000)
            queries: list[str] = []
            with connection.execute_wrapper(partial(count_query, queries)):
                fetch(url)
            tracemalloc.start()
            fetch(url)
            _current, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            p95 = statistics.quantiles(timings, n=20)[-1]
            self.stdout.write(
                f"{url[:45]:45} {statistics.median(timings):10.1f} {p95:8.1f} "
                f"{len(queries):8d} {peak / 1024:9.0f}"
                + (
                    ""
                    if response.status_code == 200
                    else f"  (HTTP {response.status_code})"
                )
            )

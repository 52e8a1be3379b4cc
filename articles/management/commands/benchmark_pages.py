import gc
import os
import re
import statistics
import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.models import User
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection
from django.db.models import Count
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import translation

from articles.management import save_benchmark
from articles.models import Article, Country
from articles.public_cache import new_version
from articles.sitemaps import SITEMAPS
from articles.subjects import TAG

COMMON_WORDS = {"en": "port", "es": "puerto"}
PLAN_WIDTH = 110


class QueryLog:
    """Every query a request makes, with its duration, to name the slowest."""

    def __init__(self) -> None:
        self.queries: list[tuple[float, str, object]] = []

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.queries.append((time.perf_counter() - start, sql, params))

    def slowest(self) -> tuple[float, str, object]:
        return max(self.queries, key=lambda query: query[0])


class InProcessServer:
    """GET requests as gunicorn makes them, through Django's WSGI handler,
    with the cookies of ``client`` (signed in or not); a context manager.

    Django's test client disconnects ``close_old_connections`` from the
    request signals around each request, as it must (the connection may hold
    a test's transaction), and each reconnection leaves objects behind that
    every later full garbage collection walks: over the thousands of requests
    of a run, the last pages measured paid for the first ones in their p95.
    Here it is disconnected once, for the run, which lasts minutes, far
    below the connections' CONN_MAX_AGE."""

    def __init__(self, client: Client) -> None:
        self.handler = WSGIHandler()
        self.factory = RequestFactory(HTTP_HOST="127.0.0.1")
        self.client = client

    def __enter__(self) -> "InProcessServer":
        for signal in (request_started, request_finished):
            signal.disconnect(close_old_connections)
        return self

    def __exit__(self, *exc_info) -> None:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)

    def get(self, url: str) -> tuple[int, bytes]:
        """The status and body of ``url``, over HTTPS (production settings
        redirect plain HTTP)."""
        statuses = []
        # The client's cookies of the moment: signing out replaces them.
        self.factory.cookies = self.client.cookies
        environ = self.factory.get(url, secure=True).environ
        body = self.handler(environ, lambda status, *_headers: statuses.append(status))
        try:
            content = b"".join(body)
        finally:
            body.close()  # as a server does
        return int(statuses[0].split()[0]), content


class Command(BaseCommand):
    help = (
        "Time the public pages, search, sitemaps, feeds and the admin list "
        "against this database: median and 95th percentile in-process time, "
        "median CPU time of this process (Python's share, steady on a busy "
        "machine), "
        "queries, HTML size, and the plan of each page's slowest query; then "
        "the time to save a library image and an article with a large photo. The "
        "page cache is off: this measures building each page. With "
        "--scale N, first tops the archive up to N published articles with "
        "generate_articles (once: later runs reuse them)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--requests", type=int, default=30)
        parser.add_argument(
            "--seconds",
            type=float,
            default=10,
            help="Stop timing a page after this long, whatever --requests says.",
        )
        parser.add_argument("--scale", type=int, default=0)
        parser.add_argument("--no-plans", action="store_true")
        parser.add_argument(
            "--after-change",
            action="store_true",
            help="Retire the public content's version before each request: "
            "the first render after an editor's change, with nothing cached "
            "under the version.",
        )
        parser.add_argument(
            "--only", default="", help="Measure only pages whose name contains this."
        )

    def handle(
        self,
        *args,
        requests: int,
        seconds: float,
        scale: int,
        no_plans: bool,
        only: str,
        after_change: bool,
        **opts,
    ) -> None:
        self.top_up(scale)
        # What building each page costs; serving from the page cache is
        # measured under load by `make bench`.
        settings.NEWSROOM_PAGE_CACHE = False
        client = Client(HTTP_HOST="127.0.0.1")
        editor, _created = User.objects.get_or_create(
            username="benchmark-editor",
            defaults={"is_staff": True, "is_superuser": True},
        )
        # As newsroom/wsgi.py does once started: full collections then leave
        # out what start-up loaded.
        gc.collect()
        gc.freeze()
        plans = []
        self.stdout.write(self.load_average())
        self.stdout.write(
            f"{'page':58} {'median ms':>9} {'p95 ms':>8} {'cpu ms':>7} "
            f"{'queries':>7} {'KiB':>6}"
        )
        with InProcessServer(client) as server:
            for name, url, staff in self.pages():
                if only not in name:
                    continue
                if staff:
                    client.force_login(editor)
                else:
                    client.logout()
                result = self.measure(server, url, requests, seconds, after_change)
                self.stdout.write(result["line"].format(name=name[:58]))
                plans.append((name, result["slowest"]))
        self.stdout.write(self.load_average())
        if only in "saves":
            client.force_login(editor)
            self.stdout.write("")
            save_benchmark.run(client, self.stdout.write)
        if not no_plans:
            for name, (duration, sql, params) in plans:
                self.stdout.write(
                    f"\n== {name}: slowest query {duration * 1000:.1f} ms"
                )
                self.stdout.write(self.plan(sql, params))

    def top_up(self, scale: int) -> None:
        missing = scale - Article.objects.published().count()
        if missing > 0:
            call_command(
                "generate_articles", missing, drafts=scale // 100, stdout=self.stdout
            )
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    # VACUUM too: index-only scans need the visibility map
                    # that a running site's autovacuum keeps.
                    cursor.execute("VACUUM ANALYZE")

    def load_average(self) -> str:
        """Wall times on a shared machine mean little without it; CPU time
        is the steadier figure."""
        one, five, fifteen = os.getloadavg()
        return f"load average {one:.2f} {five:.2f} {fifteen:.2f}, {os.cpu_count()} CPUs"

    def measure(
        self,
        server: InProcessServer,
        url: str,
        requests: int,
        seconds: float,
        after_change: bool = False,
    ):
        def prepare():
            if after_change:
                new_version()

        server.get(url)  # warm templates and settings, as on a running site
        timings, cpu = [], []
        deadline = time.perf_counter() + seconds
        for _request in range(requests):
            prepare()
            start, start_cpu = time.perf_counter(), time.process_time()
            response = server.get(url)
            timings.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
            if time.perf_counter() > deadline:
                break
        prepare()
        log = QueryLog()
        with connection.execute_wrapper(log):
            response = server.get(url)
        p95 = (
            statistics.quantiles(timings, n=20)[-1] if len(timings) > 1 else timings[0]
        )
        code, content = response
        status = "" if code == 200 else f"  HTTP {code}"
        line = (
            f"{{name:58}} {statistics.median(timings):9.1f} {p95:8.1f} "
            f"{statistics.median(cpu):7.1f} "
            f"{len(log.queries):7d} {len(content) / 1024:6.1f}{status}"
        )
        return {"line": line, "slowest": log.slowest() if log.queries else (0, "", ())}

    def pages(self) -> list[tuple[str, str, bool]]:
        """(name, address, needs an editor) for every page measured."""
        published = Article.objects.published()
        article = published.for_language("en").filter(tags__isnull=False).first()
        top_tag = self.most_used_tag()
        country = Country.objects.filter(articles__in=published).first()
        pages = []
        for language in ("en", "es"):
            with translation.override(language):
                pages.append((f"home /{language}/", reverse("articles:home"), False))
        with translation.override("en"):
            index = reverse("articles:article-list")
            pages += [
                ("article page", article.get_absolute_url(), False),
                ("news index, page 1", index, False),
                ("news index, page 2,000", f"{index}?page=2000", False),
                ("news index, last page", f"{index}?page=last", False),
                (
                    "news index, country + tag",
                    f"{index}?{urlencode({'country': country.slug, 'tag': top_tag})}",
                    False,
                ),
                (
                    "tag page, most used tag",
                    reverse("articles:tag", args=[top_tag]),
                    False,
                ),
                ("rss feed", reverse("articles:feed-rss"), False),
                ("atom feed", reverse("articles:feed-atom"), False),
                (
                    "rss feed, most used tag",
                    reverse("articles:feed-rss-tag", args=[top_tag]),
                    False,
                ),
                (
                    "rss feed, country",
                    reverse("articles:feed-rss-country", args=[country.slug]),
                    False,
                ),
                ("partner feed", reverse("articles:feed-partner"), False),
            ]
        for language in ("en", "es"):
            with translation.override(language):
                url = reverse("articles:search")
                for label, word in [
                    ("common", COMMON_WORDS[language]),
                    ("rare", self.rare_word(language)),
                ]:
                    pages.append(
                        (f"search /{language}/, {label} word “{word}”",
                         f"{url}?{urlencode({'q': word})}", False)
                    )  # fmt: skip
        pages += [
            ("sitemap index", reverse("sitemap-index"), False),
            ("news sitemap", reverse("sitemap-news"), False),
        ]
        for section, sitemap_class in SITEMAPS.items():
            location = reverse("sitemap-section", args=[section])
            for page in sitemap_class().paginator.page_range:
                pages.append(
                    (f"sitemap {section} p{page}", f"{location}?p={page}", False)
                )
        admin = reverse("admin:articles_article_changelist")
        top_tag_id = (
            TAG.public("en").filter(slug=top_tag).values_list("pk", flat=True).first()
        )
        pages += [
            ("admin article list", admin, True),
            ("admin article list, page 200", f"{admin}?p=200", True),
            ("admin article list, search", f"{admin}?q=port", True),
            (
                "admin article list, tag filter",
                f"{admin}?{urlencode({'tags__id__exact': top_tag_id})}",
                True,
            ),
            ("admin article list, my work", f"{admin}?work=mine", True),
            ("admin article list, review queue", f"{admin}?work=review", True),
        ]
        return pages

    def most_used_tag(self) -> str:
        return (
            TAG.public("en")
            .annotate(uses=Count("article"))
            .order_by("-uses")
            .values_list("slug", flat=True)
            .first()
        )

    def rare_word(self, language: str) -> str:
        """An invented word from a title (see generate_articles), or a word
        of the newest title when the archive was not generated."""
        titles = (
            Article.objects.published()
            .for_language(language)
            .values_list("title", flat=True)
        )
        for title in titles[:50]:
            if invented := re.findall(r"\b\w+ix\b", title):
                return invented[0]
        return next(iter(re.findall(r"\w{5,}", titles.first() or "")), "archive")

    def plan(self, sql: str, params) -> str:
        if not sql:
            return "(no query)"
        explain = (
            "EXPLAIN ANALYZE "
            if connection.vendor == "postgresql"
            else "EXPLAIN QUERY PLAN "
        )
        with connection.cursor() as cursor:
            cursor.execute(explain + sql, params)
            rows = cursor.fetchall()
        return "\n".join(
            "  " + " ".join(str(column) for column in row)[:PLAN_WIDTH] for row in rows
        )

"""The full hostile-input run, `make fuzz`: not part of `make test`.

Every payload of the XSS corpus, in every variant, is planted in every text
field (the site's settings hold the last of each batch of ten); each public
page and feed is checked for executable markup, and the pages are loaded in
Chromium, with its Content-Security-Policy bypassed so that the sanitizer,
not the policy, is what is tested, while hooks count dialogs, marked
console messages and script errors. Then every public route and form is
sent hostile values, counting 5xx answers. Counts are printed; any
execution or 5xx fails the run. FUZZ_LIMIT=n runs only the first n variants.
"""

import itertools
import os
from urllib.parse import urlsplit

import pytest
from django.test import Client
from lxml import etree, html

from articles.models import Article, OrganizationNewsItem, Status
from tests.xss import executable_markup, feed_html, payloads, plant, variants

pytestmark = [
    pytest.mark.fuzz,
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

HOSTILE_VALUES = [
    "", "\x00", "%00", "-1", "0", "99999999999999999999999", "1e309", "NaN",
    "../../../../etc/passwd", "' OR '1'='1", "😀" * 40, "a" * 5000, "[]",
    "2026-13-45", "<script>alert(1)</script>", "\u202e", "\r\nSet-Cookie: x=1",
]  # fmt: skip
# Query parameters any view might read, besides those the forms name.
QUERY_NAMES = ["page", "q", "kind", "language", "article", "feedback", "next"]
EXECUTION_MARK = "xss-executed"
# Variants planted together: each has its own pages; lists and feeds show
# the batch at once.
BATCH = 10


@pytest.fixture
def no_cache(settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    }


def test_no_payload_runs_and_no_request_fails(live_server, browser, no_cache, capsys):
    corpus = [variant for payload in payloads() for variant in variants(payload)]
    corpus = corpus[: int(os.environ.get("FUZZ_LIMIT") or len(corpus))]
    xss = run_xss(corpus, live_server.url, browser)
    requests, failures = run_requests(plant(payloads()[0]))

    with capsys.disabled():
        print(
            f"\nfuzz: {len(corpus)} variants of {len(payloads())} payloads, each in"
            f" every text field; {xss['checked']} pages and feeds checked,"
            f" {xss['loaded']} loaded in Chromium"
            f"\nfuzz: executable markup {len(xss['markup'])},"
            f" dialogs {len(xss['dialogs'])}, marked console messages"
            f" {len(xss['console'])}, script errors {len(xss['errors'])}"
            f"\nfuzz: {requests} requests to public URLs and forms,"
            f" {len(failures)} answered 5xx"
        )
        for problem in itertools.chain(
            xss["markup"], xss["dialogs"], xss["console"], xss["errors"], failures
        ):
            print(f"  {problem}")
    assert not (xss["markup"] or xss["dialogs"] or xss["console"] or xss["errors"])
    assert not failures


def run_xss(corpus: list[str], origin: str, browser) -> dict:
    found = {"markup": [], "dialogs": [], "console": [], "errors": []}
    checked = loaded = 0
    client = Client()
    context = browser.new_context(bypass_csp=True)
    # Payloads name outside hosts; nothing may leave the machine.
    host = urlsplit(origin).netloc
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if urlsplit(route.request.url).netloc == host
            else route.abort()
        ),
    )
    page = context.new_page()
    current = {"variant": ""}

    def on_dialog(dialog):
        found["dialogs"].append(f"{dialog.type} on {page.url}: {current['variant']!r}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on(
        "console",
        lambda message: (
            EXECUTION_MARK in message.text
            and found["console"].append(f"{page.url}: {current['variant']!r}")
        ),
    )
    page.on(
        "pageerror",
        lambda error: found["errors"].append(
            f"{page.url}: {error}: {current['variant']!r}"
        ),
    )
    for start in range(0, len(corpus), BATCH):
        batch = corpus[start : start + BATCH]
        planted = [plant(variant) for variant in batch]
        for variant, item in zip(batch, planted, strict=True):
            current["variant"] = variant
            for url in item.pages():
                checked += 1
                found["markup"] += page_problems(client, url, variant)
            for url in item.own_pages():
                page.goto(origin + url)
                loaded += 1
        current["variant"] = f"batch of {batch[0]!r}…"
        for url in planted[-1].shared_pages():
            page.goto(origin + url)
            loaded += 1
        # The feeds hold the newest 30 articles: the whole batch.
        for url in planted[-1].feeds():
            checked += 1
            response = client.get(url)
            if response.status_code >= 500:
                found["markup"].append(f"{response.status_code} at {url}")
                continue
            for fragment in feed_html(response.content):
                for problem in executable_markup(fragment):
                    found["markup"].append(f"{url}: {problem}")
        # Only the next batch is public: lists and feeds show it alone.
        Article.objects.update(status=Status.DRAFT)
        OrganizationNewsItem.objects.update(status=Status.DRAFT)
    context.close()
    return {**found, "checked": checked, "loaded": loaded}


def page_problems(client: Client, url: str, variant: str) -> list[str]:
    response = client.get(url)
    if response.status_code != 200:
        # A planted page that is missing would be a page left unchecked.
        return [f"{response.status_code} at {url}"]
    return [
        f"{url}: {problem}: {variant!r}" for problem in executable_markup(response.text)
    ]


def run_requests(planted) -> tuple[int, list[str]]:
    """Every public URL, with hostile query values, and every form on the
    pages, with hostile field values; the 5xx answers."""
    client = Client(raise_request_exception=False)
    urls = set(planted.pages() + planted.feeds())
    for index in ("/sitemap.xml",):
        for location in etree.fromstring(client.get(index).content).iter():
            if location.tag.endswith("loc"):
                section = etree.fromstring(
                    client.get(urlsplit(location.text).path).content
                )
                urls |= {
                    urlsplit(loc.text).path
                    for loc in section.iter()
                    if "loc" in loc.tag
                }
    urls |= {"/robots.txt", "/sitemap-news.xml", "/en/donate/go/", "/es/"}
    forms, failures, count = [], [], 0

    def send(method: str, url: str, data: dict) -> None:
        nonlocal count
        count += 1
        response = getattr(client, method)(url, data)
        if response.status_code >= 500:
            failures.append(f"{response.status_code} {method.upper()} {url} {data!r}")

    for url in sorted(urls):
        response = client.get(url)
        count += 1
        if response.status_code >= 500:
            failures.append(f"{response.status_code} GET {url}")
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            forms += page_forms(url, response.text)
        for name, value in itertools.product(QUERY_NAMES, HOSTILE_VALUES):
            send("get", url, {name: value})
    for path in ("news", "tags", "countries", "topics", "authors", "organization"):
        for value in HOSTILE_VALUES:
            count += 1
            url = f"/en/{path}/{value}/"
            try:
                status = client.get(url).status_code
            except Exception as error:  # a URL the client itself cannot send
                failures.append(f"{type(error).__name__} GET {url!r}")
                continue
            if status >= 500:
                failures.append(f"{status} GET {url!r}")
    for method, action, fields in {(f[0], f[1], tuple(f[2].items())) for f in forms}:
        defaults = dict(fields)
        for name, value in itertools.product(defaults, HOSTILE_VALUES):
            send(method, action, {**defaults, name: value})
    return count, failures


def page_forms(url: str, page: str) -> list[tuple[str, str, dict]]:
    """(method, action, default values) of each form on ``page``."""
    forms = []
    for form in html.fromstring(page).forms:
        fields = {
            name: value if isinstance(value, str) else ""
            for name, value in form.fields.items()
            if name and name != "csrfmiddlewaretoken"
        }
        method = (form.method or "get").lower()
        forms.append((method, urlsplit(form.action or url).path or url, fields))
    return forms

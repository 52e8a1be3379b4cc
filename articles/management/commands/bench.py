"""Requests per second of the public pages over HTTP, against a floor.

The site and the floor (newsroom/bench_floor.py: the article page's exact
response, headers and bytes, from a bare Django view) are served by the same
gunicorn set-up in one run, and load rounds alternate between them, so a busy
machine slows both alike; the ratio to the floor is the result, absolute
numbers vary by machine.
"""

import http.client
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles.models import Article

HOST = "127.0.0.1"
# The site runs with production settings, which redirect plain HTTP; the
# bench speaks to it as the TLS proxy in front would.
HEADERS = {"X-Forwarded-Proto": "https"}
SERVER_ENV = {"BEHIND_TLS_PROXY": "1"}
SETTLE_SECONDS = 1
# What gunicorn writes into every response itself.
SERVER_HEADERS = {"date", "server", "connection", "transfer-encoding"}
# wrk: a fresh query string on every request, so the page cache never hits.
VARYING_SCRIPT = """
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format(nil, "{path}?bench=" .. counter)
end
"""


@dataclass
class Round:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    failures: int


class Server:
    """gunicorn serving ``application`` on a free loopback port."""

    def __init__(self, application: str, folder: Path, workers: int, **env: str):
        with socket.socket() as probe:
            probe.bind((HOST, 0))
            self.port = probe.getsockname()[1]
        self.log = (folder / f"{application}.log").open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", application]
            + ["--bind", f"{HOST}:{self.port}", "--workers", str(workers)]
            + ["--worker-class", "sync", "--log-level", "warning"],
            cwd=settings.BASE_DIR,
            env={**os.environ, **SERVER_ENV, **env},
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def get(self, path: str) -> tuple[int, bytes]:
        status, _headers, body = self.response(path)
        return status, body

    def response(self, path: str) -> tuple[int, list[tuple[str, str]], bytes]:
        """Status, headers (but those gunicorn adds) and body of ``path``."""
        deadline = time.monotonic() + 30
        while True:
            try:
                connection = http.client.HTTPConnection(HOST, self.port, timeout=10)
                connection.request("GET", path, headers=HEADERS)
                response = connection.getresponse()
                headers = [
                    (name, value)
                    for name, value in response.getheaders()
                    if name.lower() not in SERVER_HEADERS
                ]
                return response.status, headers, response.read()
            except ConnectionRefusedError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise CommandError(
                        f"gunicorn did not start; see {self.log.name}"
                    ) from None
                time.sleep(0.1)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.close()


class Command(BaseCommand):
    help = (
        "Serve the site and a floor (a bare Django view returning the article "
        "page's bytes) with gunicorn, load them in alternating rounds, and print "
        "requests per second, p50/p99 latency and each page's ratio to the "
        "floor. Needs production settings (DEBUG=0); `make bench` sets them."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--seconds", type=int, default=3, help="per round")
        parser.add_argument("--rounds", type=int, default=3)
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument("--connections", type=int, default=4)

    def handle(self, *args, seconds, rounds, workers, connections, **options):
        if settings.DEBUG:
            raise CommandError("Run with production settings: DEBUG=0.")
        article = Article.objects.published().for_language("en").first()
        if article is None:
            raise CommandError("No published article: load_demo_content first.")
        url = article.get_absolute_url()
        pages = [
            ("article, page cache", url, False),
            ("home", "/en/", False),
            ("index", "/en/news/", False),
            ("search", "/en/search/?q=port", False),
            ("feed", "/en/feeds/rss/", False),
            ("article, uncached", url, True),
        ]
        load = self.wrk if shutil.which("wrk") else self.python_load
        if load == self.python_load:
            self.stderr.write("wrk not found: a slower Python load generator is used.")
        with tempfile.TemporaryDirectory(prefix="newsroom-bench-") as name:
            folder = Path(name)
            site = Server("newsroom.wsgi", folder, workers)
            servers = [site]
            try:
                site.get(url)  # stored in the page cache
                article_page = site.response(url)
                status, headers, body = article_page
                if status != 200:
                    raise CommandError(f"{url} answered {status}")
                (folder / "floor.html").write_bytes(body)
                (folder / "floor-headers.json").write_text(json.dumps(headers))
                floor = Server(
                    "newsroom.bench_floor",
                    folder,
                    workers,
                    BENCH_FLOOR_BODY=str(folder / "floor.html"),
                    BENCH_FLOOR_HEADERS=str(folder / "floor-headers.json"),
                )
                servers.append(floor)
                if floor.response("/") != article_page:
                    raise CommandError("The floor does not answer as the article does.")
                for _label, path, _vary in pages:
                    site.get(path)  # warm templates and the page cache
                # Each page's round follows a floor round of its own, and
                # its ratio is taken to that one: the load other work puts on
                # the machine changes from one minute to the next.
                results: dict[str, list[tuple[Round, Round]]] = {}

                def measure(server: Server, path: str, vary: bool) -> Round:
                    measured = load(server, path, vary, seconds, connections, folder)
                    # Requests still queued when the load stopped (slow
                    # renders) must not eat into the next round.
                    time.sleep(SETTLE_SECONDS)
                    return measured

                for _ in range(rounds):
                    for label, path, vary in pages:
                        beside = measure(floor, "/", False)
                        measured = measure(site, path, vary)
                        results.setdefault(label, []).append((measured, beside))
            finally:
                for server in servers:
                    server.stop()
        self.report(results, load, seconds, rounds, workers, connections, len(body))

    def report(self, results, load, seconds, rounds, workers, connections, size):
        self.stdout.write(
            f"gunicorn, {workers} sync workers; {load.__name__.replace('_', ' ')}, "
            f"{connections} connections, {rounds} rounds of {seconds} s; "
            f"article page {size} bytes, uncompressed"
        )
        self.stdout.write(
            f"{'page':22} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'floor':>7}"
        )
        floors = [floor for pairs in results.values() for _, floor in pairs]
        self.write_row("floor", floors, 1.0)
        for label, pairs in results.items():
            ratio = statistics.median(
                measured.requests_per_second / floor.requests_per_second
                for measured, floor in pairs
            )
            self.write_row(label, [measured for measured, _ in pairs], ratio)

    def write_row(self, label: str, rounds: list[Round], ratio: float) -> None:
        failures = sum(r.failures for r in rounds)
        self.stdout.write(
            f"{label:22} "
            f"{statistics.median(r.requests_per_second for r in rounds):8.0f} "
            f"{statistics.median(r.p50_ms for r in rounds):8.2f} "
            f"{statistics.median(r.p99_ms for r in rounds):8.2f} "
            f"{ratio:7.0%}" + (f"  ({failures} failed requests)" if failures else "")
        )

    def wrk(self, server, path, vary, seconds, connections, folder) -> Round:
        command = ["wrk", "--latency", "-t1", f"-c{connections}", f"-d{seconds}s"]
        for header, value in HEADERS.items():
            command += ["-H", f"{header}: {value}"]
        if vary:
            script = folder / "vary.lua"
            script.write_text(VARYING_SCRIPT.replace("{path}", path))
            command += ["-s", str(script)]
        command.append(f"http://{HOST}:{server.port}{path}")
        output = subprocess.run(
            command, capture_output=True, text=True, check=True, timeout=seconds + 30
        ).stdout
        failures = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
        errors = re.search(
            r"Socket errors: .*?(\d+), write (\d+), timeout (\d+)",
            output,
        )
        return Round(
            float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1]),
            wrk_milliseconds(re.search(r"\s50%\s+(\S+)", output)[1]),
            wrk_milliseconds(re.search(r"\s99%\s+(\S+)", output)[1]),
            (int(failures[1]) if failures else 0)
            + (sum(map(int, errors.groups())) if errors else 0),
        )

    def python_load(self, server, path, vary, seconds, connections, folder) -> Round:
        """Keep-alive connections in threads: a fallback where wrk is missing,
        itself slow enough to flatten the ratios toward 100 %."""
        timings: list[float] = []
        failures = [0]
        stop = time.monotonic() + seconds

        def client(number: int) -> None:
            connection = http.client.HTTPConnection(HOST, server.port, timeout=10)
            sent = 0
            while time.monotonic() < stop:
                sent += 1
                address = f"{path}?bench={number}-{sent}" if vary else path
                start = time.perf_counter()
                connection.request("GET", address, headers=HEADERS)
                response = connection.getresponse()
                response.read()
                timings.append((time.perf_counter() - start) * 1000)
                failures[0] += response.status != 200

        threads = [
            threading.Thread(target=client, args=(n,)) for n in range(connections)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        centiles = statistics.quantiles(timings, n=100)
        return Round(len(timings) / seconds, centiles[49], centiles[98], failures[0])


def wrk_milliseconds(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

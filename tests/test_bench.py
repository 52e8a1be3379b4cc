"""`make bench`: the site and its floor under gunicorn, one short round each.

It runs as `make bench` does, in processes of its own on a demo database of
its own, so what it checks is the command a reader of the README would run.
"""

import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from articles.management.commands.bench import wrk_milliseconds

pytestmark = pytest.mark.cluster

PAGES = ["article, uncached", "article, page cache", "home", "index", "search", "feed"]


def manage(*command: str, env: dict) -> str:
    return subprocess.run(
        [sys.executable, "manage.py", *command],
        env=env,
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    ).stdout


def test_bench_prints_each_page_against_the_floor(tmp_path):
    env = {
        "PATH": "/usr/bin:/bin:/usr/sbin:/sbin",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'bench.sqlite3'}",
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    manage("migrate", "--noinput", env=env)
    manage("collectstatic", "--noinput", env=env)
    manage("load_demo_content", env=env)

    output = manage("bench", "--seconds", "1", "--rounds", "1", env=env)

    rows = {
        match["page"].strip(): match
        for match in re.finditer(
            r"^(?P<page>[a-z, ]+?)\s+(?P<rate>\d+)\s+[\d.]+\s+[\d.]+\s+"
            r"(?P<ratio>\d+)%(?P<failed>.*)$",
            output,
            re.MULTILINE,
        )
    }
    assert rows["floor"]["ratio"] == "100"
    for page in PAGES:
        assert int(rows[page]["rate"]) > 0, output
        assert rows[page]["failed"] == "", output
    # Served from the page cache, the article is far cheaper than rendered.
    assert int(rows["article, page cache"]["rate"]) > 3 * int(
        rows["article, uncached"]["rate"]
    )


def test_wrk_latencies_are_read_in_milliseconds():
    assert wrk_milliseconds("850.00us") == pytest.approx(0.85)
    assert wrk_milliseconds("1.48ms") == 1.48
    assert wrk_milliseconds("1.20s") == 1200

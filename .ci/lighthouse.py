"""Lighthouse at mobile settings, with the machine's Chromium, on the home and
article pages of the demo site in both languages: the median of three runs
of each page must score 100 in every category (Lighthouse's own advice for
variable machines is the median of several runs).

Run by `make audit`, which installs Lighthouse from npm and the demo content.
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / ".venv/node/node_modules/.bin/lighthouse"
CHROMIUM = "/usr/bin/chromium"
PORT = int(os.environ.get("AUDIT_PORT", "8765"))
ORIGIN = f"http://127.0.0.1:{PORT}"
PAGES = [
    "/en/",
    "/es/",
    "/en/news/banana-terminals-inspections-lag/",
    "/es/noticias/terminales-bananeras-inspecciones/",
]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
RUNS = 3


def scores(url: str, attempts: int = 3) -> dict[str, float]:
    """One Lighthouse run's scores. A run that fails to record its trace
    (NO_NAVSTART on a busy machine) is tried again."""
    for _attempt in range(attempts - 1):
        try:
            return lighthouse(url)
        except subprocess.CalledProcessError:
            continue
    return lighthouse(url)


def lighthouse(url: str) -> dict[str, float]:
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={report.name}",
                f"--only-categories={','.join(CATEGORIES)}",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu "
                "--disable-dev-shm-usage",
            ],
            check=True,
            env={**os.environ, "CHROME_PATH": CHROMIUM},
            timeout=300,
        )
        result = json.loads(Path(report.name).read_text())
    return {name: result["categories"][name]["score"] for name in CATEGORIES}


def wait_for(url: str) -> None:
    for _attempt in range(50):
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"the site did not answer at {url}")


def main() -> int:
    server = subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "runserver",
            "--nostatic",
            "--noreload",
            f"127.0.0.1:{PORT}",
        ],
        cwd=ROOT,
        env={**os.environ, "SITE_URL": ORIGIN},
    )
    failed = False
    try:
        wait_for(ORIGIN + PAGES[0])
        for path in PAGES:
            runs = [scores(ORIGIN + path) for _run in range(RUNS)]
            median = {
                name: statistics.median(r[name] for r in runs) for name in CATEGORIES
            }
            print(
                path, " ".join(f"{name}={round(s * 100)}" for name, s in median.items())
            )
            failed |= any(score < 1 for score in median.values())
    finally:
        server.terminate()
        server.wait()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

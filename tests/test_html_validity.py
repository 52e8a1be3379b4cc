"""Public pages are valid HTML according to the Nu Html Checker."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db

VNU = Path(__file__).resolve().parent.parent / (
    ".venv/node/node_modules/vnu-jar/build/dist/vnu.jar"
)
PAGES = [
    "/en/",
    "/es/",
    "/en/news/",
    "/en/news/?country=atlantis",
    "/en/news/banana-terminals-inspections-lag/",
    "/es/noticias/terminales-bananeras-inspecciones/",
    "/es/noticias/honduras-prison-extortion-cells/sin-traduccion/",
    "/en/news/banana-terminals-inspections-lag/comment/",
    "/en/news/banana-terminals-inspections-lag/?feedback=reason",
    "/en/news/banana-terminals-inspections-lag/republish/",
    # With an embed's click-to-load placeholder.
    "/en/news/gold-dredges-return-madre-de-dios/",
    "/en/search/?q=port",
    "/es/buscar/?q=",
    "/en/countries/peru/",
    "/es/paises/peru/",
    "/es/organizacion/",
    "/en/tags/amazon/",
    "/en/authors/marta-quispe/",
    "/en/organization/",
    "/en/organization/frontera-desk-trains-local-reporters/",
    "/es/donar/",
    "/en/no-such-page/",
]


@pytest.fixture(scope="module")
def checker():
    java = shutil.which("java")
    if not (java and VNU.exists()):
        if os.environ.get("NEWSROOM_REQUIRE_CHECKERS"):
            pytest.fail("the Nu Html Checker needs java and `make test` to install it")
        pytest.skip(
            "the Nu Html Checker needs java and vnu-jar (make test installs it)"
        )
    return [java, "-jar", str(VNU)]


def test_public_pages_are_valid_html(client, checker, tmp_path, demo_content):
    files = []
    for number, url in enumerate(PAGES):
        response = client.get(url)
        assert response.status_code in (200, 404), url
        path = tmp_path / f"page-{number}.html"
        path.write_bytes(response.content)
        files.append((path, url))

    result = subprocess.run(
        [*checker, "--format", "json", "--errors-only", *[str(p) for p, _ in files]],
        capture_output=True,
        text=True,
        timeout=300,
    )

    urls = {path.name: url for path, url in files}
    errors = [
        f"{urls.get(Path(m.get('url', '')).name)}:{m.get('lastLine')}: {m['message']}"
        for m in json.loads(result.stderr or '{"messages": []}')["messages"]
    ]
    assert not errors, "\n".join(errors)

"""The article page stays light: its HTML and stylesheet under 40 KB."""

from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db

STYLESHEET = Path(__file__).resolve().parent.parent / "static/css/site.css"
ARTICLE_PAGE_LIMIT = 40_000


@pytest.mark.parametrize(
    "path",
    [
        "/en/news/banana-terminals-inspections-lag/",
        "/es/noticias/terminales-bananeras-inspecciones/",
    ],
)
def test_article_html_and_css_weigh_under_40_kb(client, demo_content, path):
    html = client.get(path).content
    assert len(html) + STYLESHEET.stat().st_size < ARTICLE_PAGE_LIMIT, (
        len(html),
        STYLESHEET.stat().st_size,
    )

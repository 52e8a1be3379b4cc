"""Editors' HTML is cleaned when saved; what is rendered is the cleaned copy."""

import pytest

from articles.sanitize import sanitize_html
from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("<p>Hi<script>alert(1)</script></p>", "<p>Hi</p>"),
        ('<p onclick="steal()">Text</p>', "<p>Text</p>"),
        ('<img src="x" onerror="steal()">', ""),
        ('<a href="javascript:alert(1)">x</a>', "<a>x</a>"),
        ('<a href="JaVaScRiPt:alert(1)">x</a>', "<a>x</a>"),
        ('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', "<a>x</a>"),
        ("<p>open <b>bold", "<p>open <b>bold</b></p>"),
        ('<p style="color:red" class="x" id="y">t</p>', "<p>t</p>"),
        ('<iframe src="https://evil.example"></iframe><p>after</p>', "<p>after</p>"),
        ("<style>body{display:none}</style><p>t</p>", "<p>t</p>"),
        ("<!-- note --><p>t</p>", "<p>t</p>"),
    ],
)
def test_dangerous_markup_is_removed(dirty, clean):
    assert sanitize_html(dirty) == clean


def test_editorial_markup_is_kept():
    html = (
        '<h2>Sub</h2><p><a href="https://example.org/r" title="r">link</a> '
        "<em>e</em> <strong>s</strong></p><ul><li>i</li></ul>"
        "<blockquote><p>q</p></blockquote>"
        '<table><tr><th scope="col">h</th></tr><tr><td>d</td></tr></table>'
        '<aside class="see-also"><a href="/countries/peru/">Peru</a></aside>'
    )
    cleaned = sanitize_html(html)
    for piece in [
        "<h2>Sub</h2>",
        '<a href="https://example.org/r" title="r">link</a>',
        "<em>e</em>",
        "<ul><li>i</li></ul>",
        "<blockquote>",
        '<th scope="col">h</th>',
        '<aside class="see-also"><a href="/countries/peru/">Peru</a></aside>',
    ]:
        assert piece in cleaned


def test_only_the_see_also_class_survives():
    assert sanitize_html('<aside class="see-also evil">x</aside>') == (
        '<aside class="see-also">x</aside>'
    )


def test_article_keeps_what_the_editor_typed_and_renders_the_clean_copy(client):
    typed = '<p onmouseover="x()">Hello<script>alert(1)</script></p>'
    article = make_article(body=typed)

    assert article.body == typed
    assert article.body_html == "<p>Hello</p>"
    page = client.get(article.get_absolute_url()).text
    assert "<p>Hello</p>" in page
    assert "alert(1)" not in page
    assert "onmouseover" not in page


def test_analysis_sections_are_cleaned_too(client):
    article = make_article(
        sections=[{"heading": "", "body": '<p>Why<a href="javascript:x()">me</a></p>'}]
    )
    section = article.sections.get()
    assert section.body_html == "<p>Why<a>me</a></p>"
    assert "javascript:" not in client.get(article.get_absolute_url()).text

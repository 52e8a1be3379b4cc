"""The rich-text editor writes only what the sanitizer keeps, and the forms
that hold rich text use it."""

import pytest
from django_prose_editor.config import allowlist_from_extensions

from articles.admin.editor import EXTENSIONS, NEWSROOM_NODES
from articles.sanitize import ALLOWED_ATTRIBUTES, ALLOWED_CLASSES, ALLOWED_TAGS
from tests.factories import make_article

pytestmark = pytest.mark.django_db

# Attributes the editor's extensions may write that the stored page does not
# need: links never get rel (the Link extension's rel is set to null), and an
# ordered list's data-type repeats its type for the editor's own round trip.
EDITOR_ONLY = {"a": {"rel"}, "ol": {"data-type"}}


def editor_allow_list() -> tuple[set[str], dict[str, set[str]]]:
    built_in = allowlist_from_extensions(EXTENSIONS)
    tags = set(built_in["tags"])
    attributes = {tag: set(names) for tag, names in built_in["attributes"].items()}
    for markup in NEWSROOM_NODES.values():
        for tag, names in markup.items():
            tags.add(tag)
            attributes.setdefault(tag, set()).update(names)
    return tags, attributes


def test_every_tag_the_editor_writes_is_kept_by_the_sanitizer():
    tags, _attributes = editor_allow_list()
    assert tags <= ALLOWED_TAGS


def test_every_attribute_the_editor_writes_is_kept_by_the_sanitizer():
    _tags, attributes = editor_allow_list()
    for tag, names in attributes.items():
        kept = ALLOWED_ATTRIBUTES.get(tag, set()) | EDITOR_ONLY.get(tag, set())
        if "class" in names:
            # Only the classes the sanitizer names: the see-also box's.
            assert tag in ALLOWED_CLASSES
            names = names - {"class"}
        assert names <= kept, tag


def test_the_sanitizer_keeps_little_the_editor_cannot_write():
    """What the editor has no button for stays readable when pasted or
    imported (quotations, abbreviations, captions), and no more than that."""
    tags, _attributes = editor_allow_list()
    assert ALLOWED_TAGS - tags == {
        "abbr", "b", "caption", "cite", "figcaption", "i", "q", "small", "tfoot",
    }  # fmt: skip


def test_the_article_form_gives_body_and_analysis_sections_the_editor(client, editor):
    article = make_article(sections=[{"heading": "", "body": "<p>Why.</p>"}])
    page = client.get(f"/admin/articles/article/{article.pk}/change/")
    html = page.content.decode()
    assert html.count("data-rich-text=") == 3  # body, section, empty section row
    # A module script, from a static file: nothing inline for the policy.
    assert '<script src="/static/js/rich-text-editor.js" type="module">' in html


def test_organization_news_gets_the_editor(client, editor):
    html = client.get("/admin/articles/organizationnewsitem/add/").content.decode()
    assert "data-rich-text=" in html


def test_the_raw_html_help_text_is_gone(client, editor):
    html = client.get("/admin/articles/article/add/").content.decode()
    assert "aside class=" not in html


def test_the_form_shows_the_saved_length(client, editor):
    article = make_article(body="<p>" + "word " * 460 + "</p>")
    html = client.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    assert "460 words · about 2 min to read" in html

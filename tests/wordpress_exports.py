"""WordPress exports for the importer's tests, and a short way to import one.

The exports are others' test data, kept beside the repository (see
shared/fixtures/README.md); CI checks them out there.
"""

import io
from pathlib import Path

import pytest

from newsroom.wordpress.importer import WordPressImport
from newsroom.wordpress.mapping import load_mapping
from newsroom.wordpress.report import Report

WXR = Path(__file__).resolve().parents[1].parent / "shared" / "fixtures" / "wxr"
THEME_DATA = WXR / "themeunittestdata.wordpress.xml"

needs_exports = pytest.mark.skipif(
    not WXR.is_dir(), reason=f"the WordPress test exports are not in {WXR}"
)


def import_export(source: Path | bytes, mapping: str = "", **options) -> Report:
    """Import a fixture file, or an export given as bytes."""
    stream = io.BytesIO(source) if isinstance(source, bytes) else source.open("rb")
    with stream:
        return WordPressImport(stream, load_mapping(mapping), **options).run()


def export(*items: str, version: str = "1.2", scheme: str = "http") -> bytes:
    """A small WXR file around ``items``."""
    namespace = f"{scheme}://wordpress.org/export/{version}/"
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="{namespace}excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="{namespace}">
<channel>
<title>Old site</title>
<link>https://old.example.org</link>
<wp:wxr_version>{version}</wp:wxr_version>
<wp:base_blog_url>https://old.example.org</wp:base_blog_url>
<wp:author><wp:author_login>ana</wp:author_login>
<wp:author_display_name><![CDATA[Ana Pérez]]></wp:author_display_name></wp:author>
{"".join(items)}
</channel>
</rss>""".encode()


def post(
    post_id: int = 1,
    *,
    title: str = "A post",
    name: str = "a-post",
    content: str = "First paragraph.\n\nSecond paragraph.",
    excerpt: str = "",
    status: str = "publish",
    date_gmt: str = "2016-05-11 14:30:00",
    date: str = "2016-05-11 09:30:00",
    post_type: str = "post",
    extra: str = "",
) -> str:
    return f"""<item>
<title>{title}</title>
<link>https://old.example.org/2016/05/11/{name}/</link>
<guid isPermaLink="false">https://old.example.org/?p={post_id}</guid>
<dc:creator>ana</dc:creator>
<content:encoded><![CDATA[{content}]]></content:encoded>
<excerpt:encoded><![CDATA[{excerpt}]]></excerpt:encoded>
<wp:post_id>{post_id}</wp:post_id>
<wp:post_date>{date}</wp:post_date>
<wp:post_date_gmt>{date_gmt}</wp:post_date_gmt>
<wp:post_name>{name}</wp:post_name>
<wp:status>{status}</wp:status>
<wp:post_type>{post_type}</wp:post_type>
{extra}
</item>"""


def meta(key: str, value: str) -> str:
    return (
        f"<wp:postmeta><wp:meta_key>{key}</wp:meta_key>"
        f"<wp:meta_value><![CDATA[{value}]]></wp:meta_value></wp:postmeta>"
    )


def category(domain: str, slug: str, name: str) -> str:
    return (
        f'<category domain="{domain}" nicename="{slug}"><![CDATA[{name}]]></category>'
    )

import time
import tracemalloc

import pytest

from articles.models import Article, Author
from newsroom.wordpress.models import ImportedPost, LegacyPath
from newsroom.wordpress.wxr import WXRError, WXRReader
from tests.wordpress_exports import WXR, export, import_export, needs_exports, post

pytestmark = pytest.mark.django_db

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss><channel><title>&lol9;</title></channel></rss>"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss><channel><title>&secret;</title></channel></rss>"""
DTD_FETCH = b"""<?xml version="1.0"?>
<!DOCTYPE rss SYSTEM "http://attacker.invalid/wxr.dtd">
<rss><channel><title>x</title></channel></rss>"""


def refusal(source) -> WXRError:
    with pytest.raises(WXRError) as refused:
        import_export(source)
    return refused.value


@pytest.mark.parametrize("attack", [BILLION_LAUGHS, EXTERNAL_ENTITY, DTD_FETCH])
def test_entity_bombs_external_entities_and_dtds_are_refused_fast_and_small(attack):
    tracemalloc.start()
    start = time.perf_counter()
    error = refusal(attack)
    elapsed = time.perf_counter() - start
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    assert elapsed < 1
    assert peak < 5 * 1024 * 1024
    assert "document type (DTD)" in error.message
    assert error.line == 2
    assert not Article.objects.exists()


@needs_exports
@pytest.mark.parametrize(
    ("name", "line", "problem"),
    [
        ("malformed.xml", 27, "not a WordPress export"),
        ("malformed-simple.xml", 14, "not well-formed"),
        ("crazy-cdata.xml", 18, "not well-formed"),
        ("namespace-attacks.xml", 83, "not well-formed"),
        ("missing-version-tag.xml", 35, "no <wp:wxr_version>"),
        ("invalid-version-tag.xml", 33, "unknown WXR version “abc”"),
    ],
)
def test_refused_files_name_the_problem_and_line_and_change_nothing(
    name, line, problem
):
    import_export(export(post()))
    before = [model.objects.count() for model in (Article, Author, LegacyPath)]

    error = refusal(WXR / "edge-cases" / name)

    assert error.line == line
    assert problem in error.message
    assert str(error).startswith(f"Line {line}, column ")
    assert [model.objects.count() for model in (Article, Author, LegacyPath)] == before


def test_a_file_broken_after_good_posts_imports_none_of_them():
    good = export(post(1), post(2, name="second"))
    broken = good.replace(b"</channel>", b"</chanel>")

    refusal(broken)

    assert not Article.objects.exists()
    assert not ImportedPost.objects.exists()


def test_a_file_that_is_not_a_feed_is_refused_at_its_first_tag():
    error = refusal(b'<?xml version="1.0"?>\n<html><body>hi</body></html>')
    assert (error.line, error.column) == (2, 1)
    assert "<html>" in error.message


def test_absurdly_deep_nesting_is_refused_at_once():
    deep = export(post()).replace(b"<channel>", b"<channel>" + b"<x>" * 100_000)
    error = refusal(deep)
    assert "nested deeper" in error.message


def test_an_empty_file_is_refused():
    assert "empty" in refusal(b"").message


class EndlessExport:
    """A file-like WXR of ``items`` posts made as it is read, so the test
    itself holds no more of it than the reader does."""

    def __init__(self, items: int) -> None:
        head, _sep, tail = export("ITEMS").partition(b"ITEMS")
        body = post(content="Words. " * 2000).encode()
        self.parts = iter([head, *(body for _ in range(items)), tail])
        self.buffer = b""

    def read(self, size: int) -> bytes:
        while len(self.buffer) < size:
            part = next(self.parts, None)
            if part is None:
                break
            self.buffer += part
        chunk, self.buffer = self.buffer[:size], self.buffer[size:]
        return chunk


def test_the_reader_streams_a_large_export_in_bounded_memory():
    tracemalloc.start()
    reader = WXRReader(EndlessExport(items=2000))  # about 30 MB
    items = sum(1 for _entry in reader)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    assert items == 2001  # the author and the posts
    assert reader.bytes_read > 28_000_000
    assert peak < 3 * 1024 * 1024

"""A streaming reader of WordPress export (WXR) files.

The file is fed to expat in chunks and each author, term and item is handed
over as soon as its closing tag is read, so memory stays bounded by the
largest single post, not by the size of the export. defusedxml refuses any
document type declaration: a WordPress export never has one, and a DTD is
what entity bombs and external entities need.
"""

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser
from django.utils.translation import gettext as _

CHUNK_BYTES = 64 * 1024
# WXR nests six levels deep; a file nesting far deeper is an attack on memory.
MAX_DEPTH = 32
WXR_VERSIONS = {"1.0", "1.1", "1.2"}
# Each namespace in its http:// and https:// form, and for every WXR version.
PREFIXES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
}
for _scheme in ("http", "https"):
    for _version in WXR_VERSIONS:
        PREFIXES[f"{_scheme}://wordpress.org/export/{_version}/"] = "wp"
        PREFIXES[f"{_scheme}://wordpress.org/export/{_version}/excerpt/"] = "excerpt"


class WXRError(Exception):
    """A file refused as a whole, with where the problem was found."""

    def __init__(self, message: str, line: int, column: int) -> None:
        self.message, self.line, self.column = message, line, column
        super().__init__(
            _("Line %(line)s, column %(column)s: %(message)s")
            % {"line": line, "column": column, "message": message}
        )


@dataclass
class Site:
    title: str = ""
    link: str = ""
    base_blog_url: str = ""
    language: str = ""
    wxr_version: str = ""

    @property
    def key(self) -> str:
        """What identifies the source site across exports."""
        return (self.base_blog_url or self.link).rstrip("/")


@dataclass
class Author:
    login: str
    display_name: str = ""
    first_name: str = ""
    last_name: str = ""

    @property
    def name(self) -> str:
        full = f"{self.first_name} {self.last_name}".strip()
        return self.display_name.strip() or full or self.login


@dataclass
class Term:
    taxonomy: str
    slug: str
    name: str = ""
    parent: str = ""


@dataclass
class Category:
    """One <category> of an item: a category, tag, post format or byline."""

    domain: str
    slug: str
    name: str


@dataclass
class Item:
    line: int
    fields: dict[str, str] = field(default_factory=dict)
    categories: list[Category] = field(default_factory=list)
    meta: dict[str, list[str]] = field(default_factory=dict)
    comments: int = 0

    def get(self, name: str) -> str:
        return self.fields.get(name, "").strip()

    def first_meta(self, key: str) -> str:
        return (self.meta.get(key) or [""])[0].strip()


AUTHOR_FIELDS = {
    "wp:author_login": "login",
    "wp:author_display_name": "display_name",
    "wp:author_first_name": "first_name",
    "wp:author_last_name": "last_name",
}
TERM_ELEMENTS = {"wp:category": "category", "wp:tag": "post_tag", "wp:term": ""}
TERM_FIELDS = {
    "wp:category_nicename": "slug",
    "wp:cat_name": "name",
    "wp:category_parent": "parent",
    "wp:tag_slug": "slug",
    "wp:tag_name": "name",
    "wp:term_taxonomy": "taxonomy",
    "wp:term_slug": "slug",
    "wp:term_name": "name",
    "wp:term_parent": "parent",
}
SITE_FIELDS = {
    "title": "title",
    "link": "link",
    "wp:base_blog_url": "base_blog_url",
    "language": "language",
}


class _Builder:
    """The expat target: turns start/end/data calls into Site, Author, Term
    and Item objects, keeping only the element being read."""

    def __init__(self, position) -> None:
        self.position = position
        self.site = Site()
        self.ready: deque = deque()
        self.path: list[str | None] = []
        self.text: list[str] = []
        self.record: dict[str, str] = {}
        self.item: Item | None = None
        self.meta_key = ""

    def refuse(self, message: str):
        raise WXRError(message, *self.position())

    def name(self, tag: str) -> str | None:
        if tag.startswith("{"):
            uri, _sep, local = tag[1:].partition("}")
            prefix = PREFIXES.get(uri)
            return f"{prefix}:{local}" if prefix else None
        return tag

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        name = self.name(tag)
        depth = len(self.path)
        if depth >= MAX_DEPTH:
            self.refuse(
                _("elements are nested deeper than any WordPress export nests them.")
            )
        self.path.append(name)
        self.text = []
        if depth == 0 and name != "rss":
            self.refuse(
                _(
                    "this is not a WordPress export: it starts with <%(tag)s>, "
                    "not <rss>."
                )
                % {"tag": tag}
            )
        if depth == 1 and name != "channel":
            self.refuse(_("this is not a WordPress export: <rss> has no <channel>."))
        if depth != 2:
            if self.item is not None and depth == 3 and name == "category":
                self.record = dict(attrib)
            if self.item is not None and name == "wp:comment" and depth == 3:
                self.item.comments += 1
            return
        if name in {"item", "wp:author", *TERM_ELEMENTS} and not self.site.wxr_version:
            self.refuse(
                _(
                    "the file has no <wp:wxr_version> before its content, so it is "
                    "not a WordPress export this importer knows."
                )
            )
        self.record = {}
        if name == "item":
            self.item = Item(line=self.position()[0])

    def data(self, text: str) -> None:
        self.text.append(text)

    def end(self, tag: str) -> None:
        name = self.path.pop()
        depth = len(self.path)
        text = "".join(self.text)
        self.text = []
        if depth == 2 and name == "wp:wxr_version":
            if text.strip() not in WXR_VERSIONS:
                self.refuse(
                    _(
                        "unknown WXR version “%(version)s”; this importer reads "
                        "versions 1.0, 1.1 and 1.2."
                    )
                    % {"version": text.strip()[:20]}
                )
            self.site.wxr_version = text.strip()
        elif depth == 2 and name in SITE_FIELDS:
            setattr(self.site, SITE_FIELDS[name], text.strip())
        elif depth == 3 and self.path[2] == "wp:author" and name in AUTHOR_FIELDS:
            self.record[AUTHOR_FIELDS[name]] = text.strip()
        elif depth == 3 and self.path[2] in TERM_ELEMENTS and name in TERM_FIELDS:
            self.record[TERM_FIELDS[name]] = text.strip()
        elif depth == 2 and name == "wp:author":
            if self.record.get("login"):
                self.ready.append(Author(**self.record))
        elif depth == 2 and name in TERM_ELEMENTS:
            taxonomy = TERM_ELEMENTS[name] or self.record.pop("taxonomy", "")
            self.record.pop("taxonomy", None)
            if self.record.get("slug"):
                self.ready.append(Term(taxonomy=taxonomy, **self.record))
        elif self.item is not None:
            self._end_in_item(name, depth, text)

    def _end_in_item(self, name: str | None, depth: int, text: str) -> None:
        item = self.item
        if depth == 2:
            self.ready.append(item)
            self.item = None
        elif depth == 3 and name == "category":
            item.categories.append(
                Category(
                    domain=self.record.get("domain", "category"),
                    slug=self.record.get("nicename", ""),
                    name=text.strip(),
                )
            )
        elif depth == 3 and name and name != "wp:postmeta":
            item.fields[name] = text
        elif depth == 4 and self.path[3] == "wp:postmeta":
            if name == "wp:meta_key":
                self.meta_key = text.strip()
            elif name == "wp:meta_value":
                item.meta.setdefault(self.meta_key, []).append(text)


class WXRReader:
    """Iterate over the authors, terms and items of an export, in file order.

    ``site`` is filled from the channel's header as it is read, before the
    first author, term or item is handed over. ``bytes_read`` is how far
    the reader has got, for a progress bar.
    """

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.bytes_read = 0
        self._builder = _Builder(self._position)
        self._parser = DefusedXMLParser(target=self._builder, forbid_dtd=True)

    @property
    def site(self) -> Site:
        return self._builder.site

    def _position(self) -> tuple[int, int]:
        expat = self._parser.parser
        return expat.CurrentLineNumber, expat.CurrentColumnNumber + 1

    def __iter__(self) -> Iterator[Author | Term | Item]:
        ready = self._builder.ready
        try:
            while chunk := self.stream.read(CHUNK_BYTES):
                self.bytes_read += len(chunk)
                self._parser.feed(chunk)
                while ready:
                    yield ready.popleft()
            if not self.bytes_read:
                raise WXRError(_("the file is empty."), 1, 1)
            self._parser.close()
        except ParseError as error:
            line, column = error.position
            reason = str(error).split(":")[0]
            raise WXRError(
                _("the file is not well-formed XML: %(reason)s.") % {"reason": reason},
                line,
                column + 1,
            ) from None
        except DefusedXmlException:
            raise WXRError(
                _(
                    "the file declares a document type (DTD). WordPress exports "
                    "have none, and a DTD can expand entities without bound or "
                    "fetch other files, so the file is refused."
                ),
                *self._position(),
            ) from None
        while ready:
            yield ready.popleft()

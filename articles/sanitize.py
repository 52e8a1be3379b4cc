"""The allow-list for editors' rich text.

Editors' HTML is cleaned once, when it is saved, and the cleaned copy is the
only one a page renders; nothing else in the project trusts HTML.
"""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import nh3
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from articles import embeds
from articles.xml_characters import xml_safe

ALLOWED_TAGS = {
    "a", "abbr", "aside", "b", "blockquote", "br", "caption", "cite", "code", "em",
    "figcaption", "figure", "h2", "h3", "h4", "hr", "i", "li", "ol", "p", "q",
    "s", "small", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "u", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "abbr": {"title"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    # type: the numbering the editor's list properties choose (1, a, A, i, I).
    "ol": {"start", "reversed", "type"},
    # A figure from the media library: <figure data-image="123"></figure>,
    # rendered from the library's image, caption and credit (articles.figures).
    # An embed is stored as data too (articles/embeds.py): which provider,
    # which id, what title; embeds.normalize() drops any that does not validate.
    "figure": {"data-image", "data-embed", "data-embed-id", "data-embed-title"},
}
# The one class editors may use: <aside class="see-also"> marks a "see also"
# callout inside the body.
ALLOWED_CLASSES = {"aside": {"see-also"}}
# data: and javascript: are absent on purpose: both can carry script.
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def _drop_unsafe_attribute(element: str, attribute: str, value: str) -> str | None:
    """nh3 checks the schemes of href and src, not of cite: a
    "javascript:" quotation source would reach partners' copies. A library
    figure's image is a number, or the attribute goes."""
    if attribute == "data-image":
        return value if re.fullmatch(r"[1-9][0-9]{0,9}", value) else None
    if attribute == "cite":
        # Browsers ignore control characters and spaces inside a scheme.
        scheme = urlsplit(re.sub(r"[\x00-\x20]", "", value)).scheme.lower()
        if scheme and scheme not in URL_SCHEMES:
            return None
    return value


def sanitize_html(html: str) -> str:
    """Return ``html`` reduced to the allow-list, with every tag closed."""
    if not html:
        return ""
    # Runs before the text fields are stripped on save; nh3 cannot even read
    # a lone surrogate.
    cleaned = _clean(xml_safe(html))
    if "data-embed" in cleaned:
        # Cleaned again: removing an invalid embed up to its first closing tag
        # may leave the closing tag of a figure nested inside it.
        cleaned = _clean(embeds.normalize(cleaned))
    return empty_library_figures(cleaned) if "data-image" in cleaned else cleaned


def _clean(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=URL_SCHEMES,
        # Links carry no target attribute, so rel="noopener" buys nothing and
        # "noreferrer" would hide the newsroom from the outlets it cites.
        link_rel=None,
        strip_comments=True,
        attribute_filter=_drop_unsafe_attribute,
    ).strip()


class _LibraryFigures(HTMLParser):
    """Copies sanitized HTML, leaving library figures empty: what they show
    comes from the library when a page is rendered, never from the editor."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.parts: list[str] = []
        self.depth = 0  # figures open inside a library figure, itself included

    def handle_starttag(self, tag, attrs) -> None:
        if self.depth:
            self.depth += tag == "figure"
        elif tag == "figure" and dict(attrs).get("data-image"):
            self.parts.append(f'<figure data-image="{dict(attrs)["data-image"]}">')
            self.depth = 1
        else:
            self.parts.append(self.get_starttag_text())

    def handle_endtag(self, tag) -> None:
        if self.depth:
            self.depth -= tag == "figure"
            if self.depth:
                return
        self.parts.append(f"</{tag}>")

    def handle_data(self, data) -> None:
        if not self.depth:
            self.parts.append(data)

    def handle_entityref(self, name) -> None:
        self.handle_data(f"&{name};")

    def handle_charref(self, name) -> None:
        self.handle_data(f"&#{name};")


def empty_library_figures(html: str) -> str:
    """``html`` (nh3's well-formed output) with nothing inside a
    ``<figure data-image>``."""
    parser = _LibraryFigures()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


SEE_ALSO_OPEN = '<aside class="see-also">'


def clean_rich_text(html: str, language: str) -> str:
    """Sanitize ``html`` and label its "see also" boxes in ``language``.

    The label is written into the stored HTML so that pages, feeds and
    republished copies all carry it without re-parsing the body.
    """
    with translation.override(language):
        label = escape(gettext("See also:"))
    return sanitize_html(html).replace(
        SEE_ALSO_OPEN,
        f'{SEE_ALSO_OPEN}<strong class="see-also-label">{label}</strong> ',
    )

"""The allow-list for editors' rich text.

Editors' HTML is cleaned once, when it is saved, and the cleaned copy is the
only one a page renders; nothing else in the project trusts HTML.
"""

import re
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
    "ol": {"start", "reversed"},
    # An embed is stored as data (articles/embeds.py): which provider, which
    # id, what title. normalize() then drops any that does not validate.
    "figure": {"data-embed", "data-embed-id", "data-embed-title"},
}
# The one class editors may use: <aside class="see-also"> marks a "see also"
# callout inside the body.
ALLOWED_CLASSES = {"aside": {"see-also"}}
# data: and javascript: are absent on purpose: both can carry script.
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def _drop_unsafe_cite(element: str, attribute: str, value: str) -> str | None:
    """nh3 checks the schemes of href and src, not of cite: a
    "javascript:" quotation source would reach partners' copies."""
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
    if "data-embed" not in cleaned:
        return cleaned
    # Cleaned again: removing an invalid embed up to its first closing tag
    # may leave the closing tag of a figure nested inside it.
    return _clean(embeds.normalize(cleaned))


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
        attribute_filter=_drop_unsafe_cite,
    ).strip()


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

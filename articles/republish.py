"""The copy other outlets paste, with the attribution the licence requires.

The HTML is a pure function of the article and the site settings: the same
revision gives the same bytes, so tests compare it exactly and a republisher
who copies twice gets the same thing.
"""

import html
import itertools
import re

import nh3
from django.conf import settings
from django.core.signing import Signer
from django.urls import reverse
from django.utils import formats, translation
from django.utils.crypto import constant_time_compare
from django.utils.html import escape, format_html, format_html_join
from django.utils.translation import gettext

from articles import embeds
from articles.figures import portable_figures, portable_image
from articles.models import Article, SiteSettings
from articles.models.media import FIGURE

# What survives into another site's page: structure and links, nothing that
# styles, scripts or embeds.
COPY_TAGS = {
    "a", "b", "blockquote", "br", "caption", "em", "h2", "h3", "h4", "i", "li",
    "ol", "p", "strong", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    "figure",
}  # fmt: skip
COPY_ATTRIBUTES = {
    "a": {"href"},
    # Library figures, kept to be drawn by articles.figures after cleaning.
    "figure": {"data-image"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
}
TOKEN_SALT = "articles.republication-pixel"
# Inline on purpose: the republisher's CSS must not be able to enlarge the
# image, and a stylesheet of ours cannot reach their page.
PIXEL_STYLE = (
    "width:1px!important;height:1px!important;max-width:1px!important;"
    "max-height:1px!important;border:0!important;margin:0!important;"
    "padding:0!important;opacity:0!important;position:absolute!important"
)


def pixel_token(article: Article) -> str:
    return f"{article.pk}-{Signer(salt=TOKEN_SALT).signature(str(article.pk))}"


def article_id_from_token(token: str) -> int | None:
    """The article a counting-image token names, or None if it is forged."""
    pk, _dash, signature = token.partition("-")
    if not pk.isdigit() or len(pk) > 18:
        return None
    expected = Signer(salt=TOKEN_SALT).signature(pk)
    return int(pk) if constant_time_compare(signature, expected) else None


def pixel_url(article: Article) -> str:
    path = reverse("republication-pixel", kwargs={"token": pixel_token(article)})
    return settings.SITE_URL + path


def portable_html(body_html: str) -> str:
    """An article body reduced to the copy allow-list, links made absolute,
    "see also" boxes turned into plain paragraphs, embeds into links to the
    original (another site's policy may not allow the player). Library
    figures stay, to be drawn by ``articles.figures``; other figures lose
    their wrapper."""
    paragraphs = re.sub(r"<aside[^>]*>", "<p>", embeds.as_links(body_html))
    paragraphs = paragraphs.replace("</aside>", "</p>")
    cleaned = nh3.clean(
        paragraphs,
        tags=COPY_TAGS,
        attributes=COPY_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        url_relative=("rewrite_with_base", settings.SITE_URL + "/"),
        link_rel=None,
        strip_comments=True,
    ).strip()
    # split() alternates the text between library figures and their ids.
    parts = FIGURE.split(cleaned)
    return "".join(
        f'<figure data-image="{part}"></figure>'
        if odd
        else part.replace("<figure>", "").replace("</figure>", "")
        for odd, part in zip(itertools.cycle([False, True]), parts)
    )


def portable_body(article: Article, *, republishing: bool) -> str:
    """Body and analysis sections, fit for another site or a feed reader.
    Figures from the library come along, except, in a copy for
    ``republishing``, those the newsroom may not pass on."""
    images = article.figure_images

    def portable(body_html: str) -> str:
        return portable_figures(
            portable_html(body_html), images, republishing=republishing
        )

    parts = [portable(article.body_html)]
    for section in article.sections.all():
        parts.append(format_html("<h2>{}</h2>", section.display_heading))
        parts.append(portable(section.body_html))
    return "\n".join(part for part in parts if part)


def first_publisher(article: Article, site: SiteSettings) -> str:
    """Who published the piece first: the outlet it came from, else us."""
    outlet = article.original_outlet
    return outlet.name if outlet else site.organization_name


def portable_corrections(article: Article) -> str:
    """The article's corrections and updates, newest first, as paragraphs.
    Call it with the article's language active."""
    return format_html_join(
        "\n",
        "<p><strong>{} ({}):</strong> {}</p>",
        (
            (
                correction.get_kind_display(),
                formats.date_format(correction.published_at, "j F Y"),
                correction.text,
            )
            for correction in article.corrections.all()
        ),
    )


def attribution_footer(article: Article, site: SiteSettings) -> str:
    """The closing line the licence asks for: first publisher, licence, original.
    Call it with the article's language active."""
    url = article.canonical_url
    licence = article.licence_terms_under(site)
    if licence.allows_republishing:
        credit = gettext(
            "This article was first published by %(organization)s and is "
            "republished under"
        )
    else:
        credit = gettext("This article was published by %(organization)s under")
    licence_link = (
        format_html('<a href="{}">{}</a>', licence.url, licence.name)
        if licence.url
        else licence.name
    )
    return format_html(
        '<p>{} {}. {} <a href="{}">{}</a></p>',
        credit % {"organization": first_publisher(article, site)},
        licence_link,
        gettext("Read the original:"),
        url,
        url,
    )


def _byline(article: Article, site: SiteSettings) -> str:
    names = [author.byline_name for author in article.ordered_authors]
    if len(names) > 1:
        people = gettext("%(names)s and %(last)s") % {
            "names": ", ".join(names[:-1]),
            "last": names[-1],
        }
    else:
        people = "".join(names)
    credit = ", ".join(
        part for part in [people, first_publisher(article, site)] if part
    )
    return format_html(
        '<p>{} {} — <time datetime="{}">{}</time></p>',
        gettext("by"),
        credit,
        article.published_at.date().isoformat(),
        formats.date_format(article.published_at, "j F Y"),
    )


def republish_html(
    article: Article,
    *,
    counting_image: bool = True,
    site: SiteSettings | None = None,
) -> str:
    """The HTML a republisher pastes, in the article's language.

    Without ``counting_image`` it is the preview shown on our own pages, whose
    Content-Security-Policy refuses the image's inline style. ``site`` is the
    settings in the article's language, when the caller has them at hand.
    """
    site = site or SiteSettings.load().for_language(article.language)
    url = article.canonical_url
    with translation.override(article.language):
        parts = [
            format_html(
                '<p>{} <a href="{}">{}</a></p>',
                gettext("This article was originally published by %(organization)s at")
                % {"organization": first_publisher(article, site)},
                url,
                url,
            ),
            format_html("<h1>{}</h1>", article.title),
            format_html("<p>{}</p>", article.dek),
            _byline(article, site),
        ]
        image = article.featured_image
        if image and image.may_republish:
            parts.append(portable_image(image))
        parts.append(portable_body(article, republishing=True))
        parts.append(portable_corrections(article))
        parts.append(attribution_footer(article, site))
        if counting_image:
            parts.append(counting_image_html(article, site))
    return "\n".join(part for part in parts if part)


def counting_image_html(article: Article, site: SiteSettings) -> str:
    return format_html(
        "<!-- {} -->\n"
        '<img src="{}" alt="" width="1" height="1" '
        'referrerpolicy="no-referrer-when-downgrade" style="{}">',
        gettext(
            "Please keep this invisible image: it tells %(organization)s "
            "that its article was republished here."
        )
        % {"organization": site.organization_name},
        pixel_url(article),
        PIXEL_STYLE,
    )


BLOCK_END = re.compile(r"</(p|h1|h2|h3|h4|li|blockquote|tr|figure|table)>|<br>", re.I)


def republish_text(article: Article) -> str:
    """The same copy as plain text, for print and e-mail."""
    copy = re.sub(r"<!--.*?-->\s*<img[^>]*>", "", republish_html(article), flags=re.S)
    copy = re.sub(r'<a href="([^"]+)">([^<]*)</a>', _link_as_text, copy)
    text = html.unescape(re.sub(r"<[^>]+>", "", BLOCK_END.sub("\n\n", copy)))
    lines = [line.strip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def _link_as_text(match: re.Match) -> str:
    href, label = html.unescape(match.group(1)), match.group(2)
    return label if html.unescape(label) == href else f"{label} ({escape(href)})"

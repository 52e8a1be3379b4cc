"""WordPress post bodies turned into the HTML an editor could have typed.

WordPress stores classic posts without paragraph tags (its ``wpautop``
filter adds them when a page is shown), block posts with ``<!-- wp: -->``
comments, and both with shortcodes. The result passes the editor's own
sanitizer, so nothing reaches a page that the editor could not write.
"""

import html
import re
from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext_noop

from articles.sanitize import sanitize_html

BLOCK_TAGS = (
    r"(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|"
    r"li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|"
    r"legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|"
    r"details|menu|summary|iframe|audio|video)"
)
BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:.*?-->", re.S)
TAG = re.compile(r"<[^>]*>")
PRE = re.compile(r"<pre[\s>].*?</pre>", re.S | re.I)
IMG = re.compile(r"<img\b[^>]*>", re.I)
LINKED_IMG = re.compile(r"<a\b[^>]*>\s*<img\b[^>]*>\s*</a>", re.I)
SHORTCODE_ATTR = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s'"\]]+))""")
URL = re.compile(r"https?://[^\s<>\"'\]]+")
# A paragraph or line holding only a URL: WordPress shows it as an embed.
LONE_URL = re.compile(
    r"(^|<p>|<br />\n|\n)\s*(https?://[^\s<>\"]+)\s*(?=</p>|<br />|\n|$)"
)
EMPTY_PARAGRAPH = re.compile(r"<p>\s*</p>")
LINK_PARAGRAPH = re.compile(r"<p><a [^>]*>https?://[^<]*</a></p>")
FIRST_PARAGRAPH = re.compile(r"^\s*<p>(.*?)</p>", re.S)


@dataclass
class Body:
    html: str
    # What the conversion dropped or changed, by reason, for the report.
    notes: Counter = field(default_factory=Counter)


def shortcode(name: str) -> re.Pattern:
    """``[name attrs]content[/name]`` or ``[name attrs]``, not ``[[name]]``."""
    return re.compile(
        rf"(?<!\[)\[{name}(?![\w-])([^\]]*?)/?\](?:(.*?)\[/{name}\])?(?!\])", re.S
    )


def attributes(text: str) -> dict[str, str]:
    return {
        match[0].lower(): next(value for value in match[1:] if value is not None)
        for match in SHORTCODE_ATTR.findall(text)
    }


def link(url: str) -> str:
    url = html.escape(html.unescape(url), quote=True)
    return f'<a href="{url}">{url}</a>'


class Converter:
    def __init__(self) -> None:
        self.notes: Counter = Counter()

    def convert(self, raw: str) -> Body:
        text = raw.replace("\r\n", "\n").replace("\r", "\n")
        is_blocks = "<!-- wp:" in text
        text = BLOCK_COMMENT.sub("", text)
        text = self.shortcodes(text)
        if not is_blocks:
            text = autop(text)
        text = LONE_URL.sub(lambda m: m[1] + link(m[2]), text)
        images = len(IMG.findall(text))
        if images:
            self.notes[
                gettext_noop("inline images left out (no media library yet)")
            ] += images
        clean = EMPTY_PARAGRAPH.sub("", sanitize_html(text))
        return Body(re.sub(r"\n{3,}", "\n\n", clean), self.notes)

    def shortcodes(self, text: str) -> str:
        text = shortcode("(?:wp_)?caption").sub(self.caption, text)
        text = shortcode("gallery").sub(self.gallery, text)
        text = shortcode("embed").sub(self.embed, text)
        text = shortcode("(?:audio|video|playlist)").sub(self.media, text)
        # Shortcodes of plugins: a pair keeps its content, a lone tag is kept
        # as written, since "[sic]" in prose looks the same.
        return re.sub(
            r"(?<!\[)\[([a-z][\w-]*)(?:\s[^\]]*)?\](.*?)\[/\1\]",
            self.unknown,
            text,
            flags=re.S,
        )

    def caption(self, match: re.Match) -> str:
        attrs, content = attributes(match[1]), match[2] or ""
        caption = LINKED_IMG.sub("", content)
        caption = IMG.sub("", caption).strip() or attrs.get("caption", "")
        self.notes[gettext_noop("captioned images kept as their caption")] += 1
        if not caption.strip():
            return ""
        return f"<figure><figcaption>{caption.strip()}</figcaption></figure>"

    def gallery(self, match: re.Match) -> str:
        self.notes[gettext_noop("galleries left out (no media library yet)")] += 1
        return ""

    def embed(self, match: re.Match) -> str:
        url = (match[2] or "").strip() or attributes(match[1]).get("src", "")
        self.notes[gettext_noop("embeds kept as links")] += 1
        return f"<p>{link(url)}</p>" if URL.fullmatch(url) else ""

    def media(self, match: re.Match) -> str:
        urls = URL.findall(match[1])
        self.notes[gettext_noop("audio and video kept as links")] += 1
        return "".join(f"<p>{link(url)}</p>" for url in urls)

    def unknown(self, match: re.Match) -> str:
        self.notes[gettext_noop("plugin shortcodes replaced by their content")] += 1
        return match[2]


def convert_body(raw: str) -> Body:
    return Converter().convert(raw)


def dek_from_body(body: str, length: int) -> tuple[str, str]:
    """A summary for a post without an excerpt, and the body to keep.

    A leading paragraph moves out of the body into the summary, as on the
    reference page; a body starting otherwise (a heading, a list, an embed)
    stays whole and lends its first words.
    """
    match = FIRST_PARAGRAPH.match(body)
    first = plain_text(match[1]) if match else ""
    if first and not URL.fullmatch(first):
        return first, body[match.end() :].strip()
    # An embed's address is no summary.
    return shorten(plain_text(LINK_PARAGRAPH.sub("", body)), length), body


def shorten(text: str, length: int) -> str:
    if len(text) <= length:
        return text
    return text[: length - 1].rsplit(" ", 1)[0] + "…"


def plain_text(fragment: str) -> str:
    """The words of an HTML fragment: blocks and line breaks separate words,
    inline tags (a link, an emphasis) do not."""
    spaced = re.sub(rf"<(?:/?{BLOCK_TAGS}|br)\b[^>]*>", " ", fragment)
    return " ".join(html.unescape(TAG.sub("", spaced)).split())


def autop(text: str) -> str:
    """WordPress's ``wpautop``: blank lines make paragraphs, single line
    breaks make ``<br />``, block-level elements stay as they are."""
    if not text.strip():
        return ""
    preserved: list[str] = []

    def keep_pre(match: re.Match) -> str:
        preserved.append(match[0])
        return f"<pre wp-pre-tag-{len(preserved) - 1}></pre>"

    text = PRE.sub(keep_pre, text + "\n")
    # Line breaks inside a tag are not paragraph breaks.
    text = TAG.sub(lambda m: m[0].replace("\n", " "), text)
    text = re.sub(r"<br\s*/?>\s*<br\s*/?>", "\n\n", text)
    text = re.sub(rf"(<{BLOCK_TAGS}[\s/>])", r"\n\n\1", text)
    text = re.sub(rf"(</{BLOCK_TAGS}>)", r"\1\n\n", text)
    text = re.sub(r"<hr\s*?/?>", "<hr />\n\n", text)
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    text = "".join(f"<p>{p.strip(chr(10))}</p>\n" for p in paragraphs)
    text = re.sub(r"<p>\s*</p>", "", text)
    text = re.sub(r"<p>([^<]+)</(div|address|form)>", r"<p>\1</p></\2>", text)
    text = re.sub(rf"<p>\s*(</?{BLOCK_TAGS}[^>]*>)\s*</p>", r"\1", text)
    text = re.sub(r"<p>(<li.+?)</p>", r"\1", text)
    text = re.sub(r"<p><blockquote([^>]*)>", r"<blockquote\1><p>", text, flags=re.I)
    text = text.replace("</blockquote></p>", "</p></blockquote>")
    text = re.sub(rf"<p>\s*(</?{BLOCK_TAGS}[^>]*>)", r"\1", text)
    text = re.sub(rf"(</?{BLOCK_TAGS}[^>]*>)\s*</p>", r"\1", text)
    text = re.sub(r"(?<!<br />)\s*\n", "<br />\n", text)
    text = re.sub(rf"(</?{BLOCK_TAGS}[^>]*>)\s*<br />", r"\1", text)
    text = re.sub(
        r"<br />(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)", r"\1", text
    )
    text = re.sub(r"\n</p>$", "</p>", text)
    for number, block in enumerate(preserved):
        text = text.replace(f"<pre wp-pre-tag-{number}></pre>", block)
    return text

"""Third-party content in a body: videos, charts, documents and maps.

The body never holds a third party's HTML. The editor stores what an embed
is, ``<figure data-embed="youtube" data-embed-id="…" data-embed-title="…">``,
and every address (the player, the original page, the CSP origin) is derived
here from the provider and the id. PROVIDERS is the one table of them.
"""

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext

TITLE_MAX_LENGTH = 200


@dataclass(frozen=True)
class Provider:
    name: str
    label: str
    # The ids the provider uses, matched in full.
    id_pattern: str
    # Addresses a writer pastes, matched in full against host and path
    # (and query or fragment where the id lives there); group "id".
    addresses: tuple[str, ...]
    player: Callable[[str], str]
    original: Callable[[str], str]
    frame_origin: str
    # Videos keep 16:9; charts, documents and maps are given a height.
    shape: str = "video"

    def id_from(self, address: str) -> str | None:
        for pattern in self.addresses:
            if match := re.fullmatch(pattern, address):
                return match.group("id")
        return None

    def accepts(self, embed_id: str) -> bool:
        return re.fullmatch(self.id_pattern, embed_id) is not None


def _osm_player(embed_id: str) -> str:
    """OpenStreetMap's embeddable page takes a bounding box: one around the
    point, about as wide as the map the writer was looking at."""
    zoom, lat, lon = embed_id.split("/")
    half_width = 180 / 2 ** int(zoom)
    half_height = half_width / 2
    bbox = ",".join(
        f"{value:.5f}"
        for value in (
            float(lon) - half_width,
            float(lat) - half_height,
            float(lon) + half_width,
            float(lat) + half_height,
        )
    )
    return (
        "https://www.openstreetmap.org/export/embed.html"
        f"?bbox={bbox}&layer=mapnik&marker={lat},{lon}"
    )


_WWW = r"(?:www\.)?"
_OSM_POSITION = r"(?P<id>\d{1,2}/-?\d{1,2}(?:\.\d{1,7})?/-?\d{1,3}(?:\.\d{1,7})?)"

PROVIDERS = {
    provider.name: provider
    for provider in [
        Provider(
            name="youtube",
            label="YouTube",
            id_pattern=r"[A-Za-z0-9_-]{11}",
            addresses=(
                r"(?:www\.|m\.)?youtube\.com/watch\?(?:.*&)?"
                r"v=(?P<id>[A-Za-z0-9_-]{11})(?:[&#].*)?",
                r"youtu\.be/(?P<id>[A-Za-z0-9_-]{11})(?:\?.*)?",
                _WWW
                + r"youtube(?:-nocookie)?\.com/(?:embed|shorts|live)/"
                + r"(?P<id>[A-Za-z0-9_-]{11})(?:[/?].*)?",
            ),
            player=lambda id: f"https://www.youtube-nocookie.com/embed/{id}",
            original=lambda id: f"https://www.youtube.com/watch?v={id}",
            frame_origin="https://www.youtube-nocookie.com",
        ),
        Provider(
            name="vimeo",
            label="Vimeo",
            id_pattern=r"\d{1,12}",
            addresses=(
                _WWW + r"vimeo\.com/(?P<id>\d{1,12})(?:[/?#].*)?",
                r"player\.vimeo\.com/video/(?P<id>\d{1,12})(?:[/?#].*)?",
            ),
            player=lambda id: f"https://player.vimeo.com/video/{id}",
            original=lambda id: f"https://vimeo.com/{id}",
            frame_origin="https://player.vimeo.com",
        ),
        Provider(
            name="datawrapper",
            label="Datawrapper",
            id_pattern=r"[A-Za-z0-9]{5}",
            addresses=(
                r"datawrapper\.dwcdn\.net/(?P<id>[A-Za-z0-9]{5})(?:/\d{1,3})?/?"
                r"(?:[?#].*)?",
                _WWW + r"datawrapper\.de/_/(?P<id>[A-Za-z0-9]{5})/?(?:[?#].*)?",
            ),
            player=lambda id: f"https://datawrapper.dwcdn.net/{id}/",
            original=lambda id: f"https://datawrapper.dwcdn.net/{id}/",
            frame_origin="https://datawrapper.dwcdn.net",
            shape="chart",
        ),
        Provider(
            name="flourish",
            label="Flourish",
            id_pattern=r"(?:visualisation|story)/\d{1,12}",
            addresses=(
                r"(?:public\.flourish\.studio|flo\.uri\.sh)/"
                r"(?P<id>(?:visualisation|story)/\d{1,12})(?:/.*)?",
            ),
            player=lambda id: f"https://flo.uri.sh/{id}/embed",
            original=lambda id: f"https://public.flourish.studio/{id}/",
            frame_origin="https://flo.uri.sh",
            shape="chart",
        ),
        Provider(
            name="documentcloud",
            label="DocumentCloud",
            id_pattern=r"\d{1,12}-[a-z0-9-]{1,120}",
            addresses=(
                r"(?:www\.|embed\.)?documentcloud\.org/documents/"
                r"(?P<id>\d{1,12}-[a-z0-9-]{1,120}?)(?:\.html)?/?(?:[?#].*)?",
            ),
            player=lambda id: (
                f"https://embed.documentcloud.org/documents/{id}/?embed=1"
            ),
            original=lambda id: f"https://www.documentcloud.org/documents/{id}",
            frame_origin="https://embed.documentcloud.org",
            shape="document",
        ),
        Provider(
            name="openstreetmap",
            label="OpenStreetMap",
            id_pattern=_OSM_POSITION.replace("(?P<id>", "(?:"),
            addresses=(
                _WWW
                + r"openstreetmap\.org/(?:\?[^#]*)?#map="
                + _OSM_POSITION
                + r"(?:&.*)?",
            ),
            player=_osm_player,
            original=lambda id: f"https://www.openstreetmap.org/#map={id}",
            frame_origin="https://www.openstreetmap.org",
            shape="chart",
        ),
    ]
}


@dataclass(frozen=True)
class Embed:
    provider: Provider
    id: str
    title: str = ""

    @property
    def player_url(self) -> str:
        return self.provider.player(self.id)

    @property
    def original_url(self) -> str:
        return self.provider.original(self.id)

    def markup(self) -> str:
        """The form a body stores: data, not a third party's HTML."""
        return format_html(
            '<figure data-embed="{}" data-embed-id="{}" data-embed-title="{}">'
            "</figure>",
            self.provider.name,
            self.id,
            self.title,
        )


def frame_origins() -> list[str]:
    """What the Content-Security-Policy's frame-src allows: these and no more."""
    return sorted({provider.frame_origin for provider in PROVIDERS.values()})


def provider_names() -> str:
    return ", ".join(provider.label for provider in PROVIDERS.values())


def unknown_address_message() -> str:
    return gettext(
        "This address is not one we can embed. Paste the address of a page "
        "from one of these: %(providers)s."
    ) % {"providers": provider_names()}


def parse_address(address: str, title: str = "") -> Embed | None:
    """The embed a pasted address points at, or None if no provider knows it."""
    parts = urlsplit(address.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    located = parts.netloc.lower() + parts.path
    if parts.query:
        located += "?" + parts.query
    if parts.fragment:
        located += "#" + parts.fragment
    for provider in PROVIDERS.values():
        if embed_id := provider.id_from(located):
            return Embed(provider, embed_id, title.strip()[:TITLE_MAX_LENGTH])
    return None


def from_attributes(attributes: dict[str, str]) -> Embed | None:
    """The embed a stored figure names, or None if its provider or id does
    not validate."""
    provider = PROVIDERS.get(attributes.get("data-embed", ""))
    embed_id = attributes.get("data-embed-id", "")
    if provider is None or not provider.accepts(embed_id):
        return None
    title = html.unescape(attributes.get("data-embed-title", ""))
    return Embed(provider, embed_id, title.strip()[:TITLE_MAX_LENGTH])


# A figure that claims to be an embed, up to the first closing tag: an embed
# figure is empty, so whatever an attacker nests inside is dropped with it.
EMBED_FIGURE = re.compile(
    r"<figure\b(?P<attributes>[^>]*\bdata-embed[^>]*)>.*?</figure\s*>",
    re.DOTALL | re.IGNORECASE,
)
# Its opening tag alone, for checking what a writer typed (maybe unclosed).
EMBED_FIGURE_START = re.compile(
    r"<figure\b(?P<attributes>[^>]*\bdata-embed[^>]*)>", re.IGNORECASE
)
ATTRIBUTE = re.compile(r'([\w-]+)\s*=\s*"([^"]*)"')


def _embed_of(match: re.Match) -> Embed | None:
    attributes = dict(ATTRIBUTE.findall(match.group("attributes")))
    return from_attributes({name.lower(): value for name, value in attributes.items()})


def validate_embeds(html_text: str) -> None:
    """Refuse a body whose embeds would be dropped on save, saying which
    providers are allowed: a field validator of every rich-text body."""
    if any(
        _embed_of(match) is None for match in EMBED_FIGURE_START.finditer(html_text)
    ):
        raise ValidationError(unknown_address_message(), code="unknown_embed")


def normalize(html_text: str) -> str:
    """Valid embed figures in their stored form; invalid ones removed."""

    def replace(match: re.Match) -> str:
        embed = _embed_of(match)
        return embed.markup() if embed else ""

    return EMBED_FIGURE.sub(replace, html_text)


def as_placeholders(html_text: str) -> SafeString:
    """For the site's pages: each embed as a link to the original that a
    static script turns into a click-to-load player, so the reader's browser
    asks nothing of the third party until the reader chooses to."""

    def replace(match: re.Match) -> str:
        embed = _embed_of(match)
        if embed is None:
            return ""
        label = embed.provider.label
        return format_html(
            '<figure class="embed embed--{}" data-embed-player="{}" '
            'data-embed-title="{}" data-embed-button="{}">'
            '<a class="embed-original" href="{}">{}</a>'
            "</figure>",
            embed.provider.shape,
            embed.player_url,
            embed.title or label,
            gettext("Show it here (loads %(provider)s)") % {"provider": label},
            embed.original_url,
            _link_text(embed),
        )

    return SafeString(EMBED_FIGURE.sub(replace, html_text))


def as_links(html_text: str) -> str:
    """For feeds and republished copies: each embed as a plain link."""

    def replace(match: re.Match) -> str:
        embed = _embed_of(match)
        if embed is None:
            return ""
        return format_html(
            '<p><a href="{}">{}</a></p>', embed.original_url, _link_text(embed)
        )

    return EMBED_FIGURE.sub(replace, html_text)


def _link_text(embed: Embed) -> str:
    if embed.title:
        return gettext("%(title)s (on %(provider)s)") % {
            "title": embed.title,
            "provider": embed.provider.label,
        }
    return gettext("View on %(provider)s") % {"provider": embed.provider.label}

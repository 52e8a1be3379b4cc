"""What the parts of a WordPress item mean in Newsroom: its status, its
publication time, the addresses it had, its attachment's image details."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import unquote, urlsplit

from django.utils.translation import gettext as _

from articles.models import Status
from newsroom.wordpress.content import plain_text
from newsroom.wordpress.mapping import Mapping
from newsroom.wordpress.models import address_key, id_key
from newsroom.wordpress.wxr import Item

STATUSES = {
    "publish": Status.PUBLISHED,
    "future": Status.PUBLISHED,
    "draft": Status.DRAFT,
    "pending": Status.IN_REVIEW,
    "private": Status.DRAFT,
}
UPLOADS = "/wp-content/uploads/"
NO_DATE = "0000-00-00"
# Reports a problem with the post being imported.
Warn = Callable[[str], None]


@dataclass
class Attachment:
    """What a featured image needs from its attachment item."""

    file: str
    title: str
    alt: str
    caption: str
    credit: str

    @classmethod
    def from_item(cls, item: Item) -> "Attachment":
        url = item.get("wp:attachment_url")
        file = item.first_meta("_wp_attached_file")
        if not file:
            # Self-hosted sites keep uploads under /wp-content/uploads/,
            # WordPress.com at the root of its files host.
            path = unquote(urlsplit(url).path)
            file = path.split(UPLOADS, 1)[1] if UPLOADS in path else path.lstrip("/")
        return cls(
            file=file,
            title=plain_text(item.get("title")),
            alt=plain_text(item.first_meta("_wp_attachment_image_alt")),
            caption=plain_text(
                item.get("excerpt:encoded") or item.get("content:encoded")
            ),
            credit=credit_from_metadata(item.first_meta("_wp_attachment_metadata")),
        )


def credit_from_metadata(serialized: str) -> str:
    """The photographer credit inside PHP-serialized attachment metadata."""
    marker = 's:6:"credit";s:'
    if marker not in serialized:
        return ""
    length, _sep, rest = serialized.split(marker, 1)[1].partition(":")
    if not length.isdigit():
        return ""
    # PHP counts the string's length in bytes.
    return rest.encode()[1 : 1 + int(length)].decode(errors="ignore")


def parse_time(item: Item, mapping: Mapping) -> datetime | None:
    """The publication time in UTC: from the GMT date, else the local date in
    the site's time zone, else the RSS date."""
    gmt, local = item.get("wp:post_date_gmt"), item.get("wp:post_date")
    try:
        if gmt and not gmt.startswith(NO_DATE):
            return datetime.strptime(gmt, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
        if local and not local.startswith(NO_DATE):
            moment = datetime.strptime(local, "%Y-%m-%d %H:%M:%S")
            return moment.replace(tzinfo=mapping.time_zone).astimezone(UTC)
        if item.get("pubDate"):
            return parsedate_to_datetime(item.get("pubDate")).astimezone(UTC)
    except (ValueError, TypeError):
        return None
    return None


def status_for(
    item: Item, wp_status: str, published_at: datetime | None, warn: Warn
) -> str:
    """The Newsroom status of a post; what cannot stay public becomes a draft."""
    if item.get("wp:post_password"):
        warn(_("the post was protected by a password; it is imported as a draft."))
        return Status.DRAFT
    if wp_status == "private":
        warn(_("the post was private; it is imported as a draft."))
    if wp_status == "future" and published_at is None:
        warn(_("the post was scheduled without a date; it is imported as a draft."))
        return Status.DRAFT
    return STATUSES[wp_status]


def old_paths(item: Item, post_id: int) -> list[str]:
    """Every address the post answered on: its permalink, WordPress's ?p=
    form, and its permalink under each former slug."""
    paths = {id_key("p", post_id)}
    if item.get("wp:post_type") == "page":
        paths.add(id_key("page_id", post_id))
    permalink = address_key(item.get("link"))
    if permalink:
        paths.add(permalink)
    if permalink and not permalink.startswith("/?"):
        head, _sep, last = permalink.rpartition("/")
        if last == unquote(item.get("wp:post_name")):
            paths.update(
                f"{head}/{old}"
                for old in map(str.strip, item.meta.get("_wp_old_slug", []))
                if old
            )
    return sorted(paths)

"""Sharing an article: the image networks and search engines show for it,
and plain addresses of each network's share page, no scripts."""

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from django.utils.translation import gettext_lazy as _

from articles.models import Article, SiteSettings


@dataclass(frozen=True)
class ShareImage:
    path: str
    """The image's address on this site; pages make it absolute."""
    width: int | None
    height: int | None
    alt: str
    large: bool
    """Wide enough for a large card (Twitter's ``summary_large_image``)."""
    caption: str = ""
    credit: str = ""


def share_images_for(article: Article, site: SiteSettings) -> list[ShareImage]:
    """What represents ``article`` in Open Graph, Twitter cards and JSON-LD:
    its featured image's crops around the focal point (the original until
    they are made), else the site's default share image, else the logo.
    Never empty: Google's rich results require an image."""
    if image := article.featured_image:
        return [
            ShareImage(
                crop.url, crop.width, crop.height, image.alt, True,
                image.caption, image.credit,
            )
            for crop in image.crops
        ]  # fmt: skip
    name = site.organization_name
    if site.share_image:
        width, height = site.share_image_width, site.share_image_height
        return [ShareImage(site.share_image.url, width, height, name, True)]
    return [ShareImage(site.logo_path, None, None, name, False)]


@dataclass(frozen=True)
class ShareLink:
    network: str
    label: str
    url: str


def share_links(title: str, url: str) -> list[ShareLink]:
    return [
        ShareLink(
            "x",
            _("Share on X"),
            "https://twitter.com/intent/tweet?"
            + urlencode({"url": url, "text": title}),
        ),
        ShareLink(
            "facebook",
            _("Share on Facebook"),
            "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
        ),
        ShareLink(
            "linkedin",
            _("Share on LinkedIn"),
            "https://www.linkedin.com/sharing/share-offsite/?"
            + urlencode({"url": url}),
        ),
        ShareLink(
            "whatsapp",
            _("Share on WhatsApp"),
            "https://wa.me/?" + urlencode({"text": f"{title} {url}"}),
        ),
        ShareLink(
            "email",
            _("Share by e-mail"),
            "mailto:?" + urlencode({"subject": title, "body": url}, quote_via=quote),
        ),
    ]

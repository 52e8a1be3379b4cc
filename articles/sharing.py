"""Share links: plain addresses of each network's share page, no scripts."""

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from django.utils.translation import gettext_lazy as _


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

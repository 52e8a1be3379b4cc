"""The republish page and dialog, and the image that counts republications."""

import base64
import logging
import re
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.views import View
from django.views.generic import DetailView

from articles.clients import client_ip
from articles.models import (
    UNKNOWN_HOST,
    AddressQuota,
    Article,
    Republication,
    address_hash,
)
from articles.republish import article_id_from_token, republish_html, republish_text

logger = logging.getLogger(__name__)

GIF = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")
REPEAT_WINDOW = 30 * 60
# Crawlers, link previewers and tools: they fetch the image without a reader.
BOTS = re.compile(
    r"bot|crawl|spider|slurp|preview|fetch|scan|monitor|headless|phantom|"
    r"facebookexternalhit|facebot|whatsapp|telegram|skype|embedly|quora|"
    r"pinterest|vkshare|w3c_validator|curl|wget|python|java/|go-http|okhttp|"
    r"axios|node-fetch|libwww|httpclient|feed|rss",
    re.IGNORECASE,
)


class RepublishView(DetailView):
    """The republish page: works alone without JavaScript, and is the source
    the article page's dialog is built from."""

    template_name = "articles/republish.html"

    def get_queryset(self):
        return Article.objects.published().with_page_data()

    def get_object(self, queryset=None) -> Article:
        article = super().get_object(queryset)
        if not article.may_be_republished:
            raise Http404("This article may not be republished.")
        return article

    def get_context_data(self, **kwargs):
        article = self.object
        return super().get_context_data(
            copy_html=republish_html(article),
            preview_html=republish_html(article, counting_image=False),
            copy_text=republish_text(article),
            licence=article.licence_terms,
            **kwargs,
        )


class RepublicationPixelView(View):
    """A 1×1 image in republished copies. It always answers with the image,
    at once and uncached; whether the hit counts is decided quietly."""

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        try:
            self.count(request, token)
        except Exception:
            # Counting must never break or slow the republisher's page.
            logger.exception("Republication count failed for %s", token)
        response = HttpResponse(GIF, content_type="image/gif")
        response["Cache-Control"] = "no-store, max-age=0"
        response["Cross-Origin-Resource-Policy"] = "cross-origin"
        return response

    def count(self, request: HttpRequest, token: str) -> None:
        article_id = article_id_from_token(token)
        user_agent = request.headers.get("User-Agent", "")[:500]
        if article_id is None or not user_agent or BOTS.search(user_agent):
            return
        url, host = self.referring_page(request.headers.get("Referer", ""))
        if host and host in own_hosts():
            return
        address = client_ip(request)
        client = address_hash(f"{address} {user_agent}", "republish")
        # The repeat window is kept in the cache, and while the cache is
        # unreachable nothing is counted: a view lost beats one counted twice.
        if not cache.add(f"republished:{article_id}:{client}", 1, REPEAT_WINDOW):
            return
        article = Article.objects.published().filter(pk=article_id).first()
        if article is not None and AddressQuota.objects.allow(
            address, "republish", settings.NEWSROOM_REPUBLICATION_VIEWS_PER_ADDRESS
        ):
            Republication.objects.record_view(article, url, host or UNKNOWN_HOST)

    @staticmethod
    def referring_page(referrer: str) -> tuple[str, str]:
        """The republishing page's address without query or fragment, and
        its host; empty when the browser sent no usable referrer."""
        parts = urlsplit(referrer[:2000])
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return "", ""
        host = host_of(parts)
        return urlunsplit((parts.scheme, host, parts.path or "/", "", "")), host


def host_of(parts) -> str:
    """Host and port, as the outlet's site is told apart from ours by both."""
    host = (parts.hostname or "").lower()
    return f"{host}:{parts.port}" if parts.port else host


def own_hosts() -> set[str]:
    """Our site and admin: views from them are our own staff, not republishers."""
    return {host_of(urlsplit(settings.SITE_URL)), *settings.NEWSROOM_OWN_HOSTS}

"""RSS and Atom feeds: the whole site, each kind, country, topic, tag, author
and language, and a partner feed of republishable copies.

Each entry carries every author, categories, a summary, the full text with
the attribution the licence asks for, and licence links (Atom rel="license",
RSS creativeCommons:license).
"""

import io
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.cache import cache
from django.db.models import Prefetch
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import feedgenerator, translation
from django.utils.html import escape
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from articles.figures import prefetch_figures
from articles.models import Article, ArticleAuthor, Kind, SiteSettings
from articles.public_cache import RESPONSE_SECONDS, current_version
from articles.republish import (
    attribution_footer,
    portable_body,
    portable_corrections,
    republish_html,
)
from articles.structured_data import absolute
from articles.subjects import SubjectKind
from articles.xml_characters import xml_safe

ITEMS_PER_FEED = 30
# Part of every entry's cache key: a change to what an entry holds must not
# meet entries cached by the code before it.
ENTRY_FORMAT = 1
CC_RSS = "http://backend.userland.com/creativeCommonsRssModule"


class WrittenAtOnce:
    """A feed written to a string, then to the response in one piece.
    Written to the response directly, every tag, attribute and text is a
    write through a text wrapper into the response: thousands a feed, which
    cost more than everything else once the entries are cached."""

    def write(self, outfile, encoding):
        buffer = io.StringIO()
        super().write(buffer, encoding)
        outfile.write(buffer.getvalue())


class ArticleRss(WrittenAtOnce, feedgenerator.Rss201rev2Feed):
    """RSS 2.0 with every author (dc:creator), the full text
    (content:encoded), the update time (atom:updated) and the licence
    (creativeCommons:license)."""

    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:dc": "http://purl.org/dc/elements/1.1/",
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
            "xmlns:creativeCommons": CC_RSS,
        }

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        handler.addQuickElement("creativeCommons:license", self.feed["licence_url"])

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        # RSS 2.0 has no update date of its own; Atom's element is understood.
        handler.addQuickElement(
            "atom:updated", feedgenerator.rfc3339_date(item["updateddate"])
        )
        for name in item["authors"]:
            handler.addQuickElement("dc:creator", name)
        handler.addQuickElement("content:encoded", item["content"])
        if item["licence_url"]:
            handler.addQuickElement("creativeCommons:license", item["licence_url"])


class ArticleAtom(WrittenAtOnce, feedgenerator.Atom1Feed):
    """Atom 1.0 with every author, the full text and rel="license" links."""

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        handler.addQuickElement(
            "link", "", {"rel": "license", "href": self.feed["licence_url"]}
        )

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name in item["authors"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.endElement("author")
        handler.addQuickElement("content", item["content"], {"type": "html"})
        if item["licence_url"]:
            handler.addQuickElement(
                "link", "", {"rel": "license", "href": item["licence_url"]}
            )


@dataclass(frozen=True)
class FeedRequest:
    """What one request's feed is about. Built per request and handed to
    every method: a feed object serves every request and both languages, so
    nothing of a request may be kept on it."""

    subject: Any
    site: SiteSettings
    path: str
    language: str


class ArticleFeed(Feed):
    """The latest published articles, newest first. Subclasses narrow them."""

    feed_type = ArticleRss
    # How an entry renders its article; feeds that render the same way share
    # the cached entries (``items``).
    rendering = "full-text"

    def __init__(self, feed_type=None):
        super().__init__()
        if feed_type is not None:
            self.feed_type = feed_type

    def get_object(self, request: HttpRequest, **kwargs) -> FeedRequest:
        language = get_language()
        return FeedRequest(
            subject=self.get_subject(language, **kwargs),
            site=SiteSettings.load().for_language(language),
            path=request.path,
            language=language,
        )

    def get_subject(self, page_language: str, **url_kwargs) -> Any:
        """What the feed is about, from its address; None for the whole site."""
        return None

    def get_feed(self, obj, request: HttpRequest):
        """The feed with its own texts stripped of what XML 1.0 forbids:
        Django's writer refuses such characters, and one would fail the whole
        feed. Entries are stripped when they are rendered (``entry``)."""
        feed = super().get_feed(obj, request)
        feed.feed = {name: _xml_safe(value) for name, value in feed.feed.items()}
        return feed

    # Links name the configured public origin, not the request's Host header:
    # feeds are cached, and a proxy's internal host name must never leak.

    def feed_url(self, obj: FeedRequest) -> str:
        return absolute(obj.path)

    def articles(self, obj: FeedRequest):
        """Published articles in the language of the feed's address."""
        return Article.objects.published().for_language(obj.language)

    def items(self, obj: FeedRequest) -> list[dict]:
        """The entries of the latest articles, newest first.

        An article's entry is rendered once per version of the public content
        and shared by every feed that renders articles the same way (RSS and
        Atom, the whole site and each subject): a feed reads the addresses of
        its articles, then their entries in one cache read, and renders only
        those missing. Under the version, an edit or an unpublished article
        shows in every feed on the next request.
        """
        # Read before the articles: an entry rendered from rows older than
        # the version it is stored under could outlive a change.
        version = current_version()
        ids = list(
            self.articles(obj)
            .order_by("-published_at", "-pk")
            .values_list("pk", flat=True)[:ITEMS_PER_FEED]
        )
        keys = {pk: self.entry_key(version, obj.language, pk) for pk in ids}
        entries = cache.get_many(list(keys.values()))
        missing = [pk for pk in ids if keys[pk] not in entries]
        if missing:
            rendered = {
                keys[article.pk]: self.entry(article, obj)
                for article in self.articles_to_render(obj, missing)
            }
            cache.set_many(rendered, timeout=RESPONSE_SECONDS)
            entries.update(rendered)
        # An article unpublished between the two reads is left out.
        return [entries[keys[pk]] for pk in ids if keys[pk] in entries]

    def entry_key(self, version: str, language: str, pk: int) -> str:
        return f"feed-entry:{ENTRY_FORMAT}:{version}:{language}:{self.rendering}:{pk}"

    def articles_to_render(self, obj: FeedRequest, ids: list[int]) -> list[Article]:
        """The articles ``ids`` with everything their entries show, in a
        number of queries that does not grow with them."""
        articles = list(
            self.articles(obj)
            .filter(pk__in=ids)
            .select_related("country", "featured_image", "licence", "original_outlet")
            .prefetch_related(
                Prefetch(
                    "article_authors",
                    queryset=ArticleAuthor.objects.select_related("author"),
                ),
                "countries",
                "topics",
                "tags",
                "sections",
                "corrections",
            )
            # The sanitized HTML is what readers get: the source text and
            # the search columns would double what is read.
            .defer("body", "search_text", "search_vector")
        )
        prefetch_figures(articles)
        return articles

    def entry(self, article: Article, obj: FeedRequest) -> dict:
        """What the feed says about ``article``: the keyword arguments of
        ``add_item`` as plain values, fit to cache, stripped of what XML 1.0
        forbids."""
        if article.language == obj.language:
            site = obj.site
        else:
            site = SiteSettings.load().for_language(article.language)
        url = article.get_full_url()
        entry = {
            "title": article.title,
            # Readers render an RSS description and an Atom summary as HTML;
            # the summary is plain text, so "<img onerror=…>" must stay text.
            "description": escape(article.dek),
            "link": url,
            "unique_id": url,
            "pubdate": article.published_at,
            "updateddate": max(article.updated_at, article.published_at),
            "categories": self.entry_categories(article),
            "authors": [author.name for author in article.ordered_authors],
            "content": self.item_content(article, site),
            "licence_url": article.licence_terms_under(site).url,
        }
        return {name: _xml_safe(value) for name, value in entry.items()}

    def entry_categories(self, article: Article) -> list[str]:
        places = [country.name for country in article.all_countries]
        topics = [topic.name for topic in article.topics.all()]
        return places + topics + [tag.name for tag in article.tags.all()]

    def title(self, obj: FeedRequest) -> str:
        name = obj.site.organization_name
        subject = self.subject_name(obj)
        return f"{name}: {subject}" if subject else name

    def subject_name(self, obj: FeedRequest) -> str:
        return ""

    def description(self, obj: FeedRequest) -> str:
        return obj.site.tagline

    def subtitle(self, obj: FeedRequest) -> str:
        # Atom's name for RSS's description.
        return obj.site.tagline

    def link(self, obj: FeedRequest) -> str:
        return absolute(self.subject_link(obj))

    def subject_link(self, obj: FeedRequest) -> str:
        return reverse("articles:home")

    def feed_copyright(self, obj: FeedRequest) -> str:
        return str(obj.site.licence_name)

    def feed_extra_kwargs(self, obj: FeedRequest) -> dict:
        return {"licence_url": obj.site.licence_url}

    # The items are entries (``entry``); the framework reads them here.

    def item_title(self, item: dict) -> str:
        return item["title"]

    def item_description(self, item: dict) -> str:
        return item["description"]

    def item_link(self, item: dict) -> str:
        return item["link"]

    def item_guid(self, item: dict) -> str:
        return item["unique_id"]

    def item_pubdate(self, item: dict):
        return item["pubdate"]

    def item_updateddate(self, item: dict):
        return item["updateddate"]

    def item_categories(self, item: dict) -> list[str]:
        return item["categories"]

    def item_extra_kwargs(self, item: dict) -> dict:
        return {name: item[name] for name in ("authors", "content", "licence_url")}

    def item_content(self, item: Article, site: SiteSettings) -> str:
        """The full text with what the licence asks for; ``site`` is the
        settings in the item's language."""
        with translation.override(item.language):
            parts = [
                portable_body(item, republishing=False),
                portable_corrections(item),
                attribution_footer(item, site),
            ]
            return "\n".join(part for part in parts if part)


def _xml_safe(value):
    """A feed value (text, a list of texts, or anything else) made writable."""
    if isinstance(value, str):
        return xml_safe(value)
    if isinstance(value, (list, tuple)):
        return [_xml_safe(part) for part in value]
    return value


class SubjectFeed(ArticleFeed):
    """Articles about one public country, topic, tag or author."""

    def __init__(self, feed_type, subject_kind: SubjectKind):
        super().__init__(feed_type)
        self.subject_kind = subject_kind

    def get_subject(self, page_language: str, slug: str):
        return self.subject_kind.get_public_or_404(slug, page_language)

    def articles(self, obj: FeedRequest):
        lookup = {self.subject_kind.article_lookup: obj.subject}
        return super().articles(obj).filter(**lookup)

    def subject_name(self, obj: FeedRequest) -> str:
        return getattr(obj.subject, "display_name", obj.subject.name)

    def subject_link(self, obj: FeedRequest) -> str:
        return self.subject_kind.url(obj.subject)


class KindFeed(ArticleFeed):
    def get_subject(self, page_language: str, kind: str) -> Kind:
        if kind not in Kind.values:
            raise Http404(_("No such kind of article."))
        return Kind(kind)

    def subject_name(self, obj: FeedRequest) -> str:
        return str(obj.subject.label)

    def articles(self, obj: FeedRequest):
        return super().articles(obj).filter(kind=obj.subject)

    def subject_link(self, obj: FeedRequest) -> str:
        return f"{reverse('articles:article-list')}?kind={obj.subject.value}"


class LanguageFeed(ArticleFeed):
    def get_subject(self, page_language: str, language: str) -> str:
        if language not in dict(settings.LANGUAGES):
            raise Http404(_("No such language."))
        return language

    def subject_name(self, obj: FeedRequest) -> str:
        return str(dict(settings.LANGUAGES)[obj.subject])

    def articles(self, obj: FeedRequest):
        return Article.objects.published().for_language(obj.subject)

    def subject_link(self, obj: FeedRequest) -> str:
        return f"{reverse('articles:article-list')}?language={obj.subject}"


class PartnerFeed(ArticleFeed):
    """For outlets that republish: only articles that allow it, each with the
    exact copy of the republish dialog (attribution, counting image)."""

    rendering = "republish"

    def articles(self, obj: FeedRequest):
        return super().articles(obj).republishable()

    def title(self, obj: FeedRequest) -> str:
        return _("%(name)s: articles to republish") % {
            "name": obj.site.organization_name
        }

    def item_content(self, item: Article, site: SiteSettings) -> str:
        return republish_html(item, site=site)

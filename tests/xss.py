"""The XSS corpus, how to plant a payload in every text field, and how to
tell executable markup in what the public sees.

Shared by the CI sample (tests/test_xss_corpus.py) and the full run
(tests/test_fuzz.py, `make fuzz`).
"""

import itertools
import json
import re
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote

from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from lxml import etree, html
from taggit.models import Tag

from articles.models import (
    AnalysisSection,
    Article,
    ArticleAuthor,
    Author,
    Country,
    OrganizationNewsItem,
    SiteSettings,
    SiteText,
    Status,
    Topic,
)

CORPUS = Path(__file__).with_name("xss_payloads.txt")
# One payload in this many runs in CI; `make fuzz` runs them all, with variants.
CI_STRIDE = 4
# Attributes whose value a browser may follow or run as a URL.
URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "data", "srcdoc", "background",
    "cite", "poster", "xlink:href", "{http://www.w3.org/1999/xlink}href",
}  # fmt: skip
DANGEROUS_SCHEMES = re.compile(r"^(javascript|vbscript|data):", re.IGNORECASE)
ACTIVE_ELEMENTS = {
    "iframe", "frame", "frameset", "object", "embed", "applet", "base", "style",
    "svg", "math", "template",
}  # fmt: skip
OWN_SCRIPTS = re.compile(r"^/static/js/[\w.-]+\.js$")
# The site's own icons: an <svg> holding only a <use> of the static sprite.
OWN_ICONS = re.compile(r"^/static/img/[\w.-]+\.svg#[\w-]+$")
_numbers = itertools.count(1)


def payloads() -> list[str]:
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("# ")]


def ci_sample() -> list[str]:
    return payloads()[::CI_STRIDE]


def variants(payload: str) -> list[str]:
    """The payload as written and as it might arrive otherwise: upper case,
    behind an attribute or element break-out, split by a control character."""
    return [
        payload,
        payload.upper(),
        f'">{payload}',
        f"</p></aside>{payload}",
        f"{payload}\x0b{payload}",
    ]


def text_fields(model: type[models.Model]) -> list[models.Field]:
    """The fields an editor or a reader types free text into."""
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, (models.CharField, models.TextField))
        and field.editable
        and not field.choices
        and not isinstance(
            field, (models.SlugField, models.URLField, models.EmailField)
        )
    ]


def fill(instance: models.Model, payload: str, number: int) -> models.Model:
    """Put ``payload`` in every text field of ``instance``; unique fields get
    ``number`` in front so that each planted row stays distinct."""
    for field in text_fields(type(instance)):
        value = f"{number} {payload}" if field.unique else payload
        setattr(instance, field.attname, value[: field.max_length])
    return instance


@dataclass
class Planted:
    article: Article
    news_item: OrganizationNewsItem
    subjects: list[models.Model]
    tag: Tag

    def pages(self) -> list[str]:
        """Every public HTML page that shows some of the planted text."""
        return self.own_pages() + self.shared_pages()

    def own_pages(self) -> list[str]:
        """The pages of the planted article, its subjects and news item."""
        article = self.article
        with translation.override(article.language):
            return [
                article.get_absolute_url(),
                reverse("articles:article-republish", args=[article.slug]),
                reverse("articles:article-comment", args=[article.slug]),
                reverse("articles:tag", args=[self.tag.slug]),
                *[subject.get_absolute_url() for subject in self.subjects],
                self.news_item.get_absolute_url(),
            ]

    def shared_pages(self) -> list[str]:
        """Pages that list the planted article among others."""
        with translation.override(self.article.language):
            return [
                reverse("articles:home"),
                reverse("articles:article-list"),
                reverse("articles:search") + "?q=" + quote(self.article.title[:50]),
                reverse("articles:organization-news-list"),
                reverse("articles:donate"),
            ]

    def feeds(self) -> list[str]:
        with translation.override(self.article.language):
            country, topic, author = self.subjects
            return [
                reverse("articles:feed-rss"),
                reverse("articles:feed-atom"),
                reverse("articles:feed-partner"),
                reverse("articles:feed-rss-tag", args=[self.tag.slug]),
                reverse("articles:feed-atom-country", args=[country.slug]),
                reverse("articles:feed-rss-topic", args=[topic.slug]),
                reverse("articles:feed-atom-author", args=[author.slug]),
            ]


def plant(payload: str) -> Planted:
    """``payload`` in every text field of a published article and everything
    it shows: analysis section, tag, country, topic, author, an organization
    news item, and the site's settings in both languages."""
    number = next(_numbers)
    country = fill(Country(), payload, number)
    topic = fill(Topic(), payload, number)
    author = fill(Author(), payload, number)
    for subject in (country, topic, author):
        subject.save()
    article = fill(
        Article(
            status=Status.PUBLISHED,
            published_at=timezone.now() - timedelta(minutes=5),
            country=country,
        ),
        payload,
        number,
    )
    article.body = f"<p>{payload}</p>{payload}"
    article.save()
    ArticleAuthor.objects.create(article=article, author=author)
    article.topics.add(topic)
    article.tags.add(f"{number} {payload}"[:100])
    section = fill(AnalysisSection(article=article), payload, number)
    section.save()
    news_item = fill(
        OrganizationNewsItem(
            status=Status.PUBLISHED, published_at=timezone.now() - timedelta(minutes=5)
        ),
        payload,
        number,
    )
    news_item.save()
    site = fill(SiteSettings.load(), payload, number)
    site.save()
    for language in ("en", "es"):
        text, _created = SiteText.objects.get_or_create(site=site, language=language)
        fill(text, payload, number).save()
    return Planted(
        article=Article.objects.get(pk=article.pk),
        news_item=news_item,
        subjects=[country, topic, author],
        tag=article.tags.get(),
    )


def executable_markup(page: str) -> list[str]:
    """What in an HTML page or fragment could run script: script elements
    other than the site's own files and JSON-LD blocks, event-handler
    attributes, script-carrying URLs, and active elements. (Style attributes
    are not script; the republishable copy's counting image carries one.)"""
    if not page.strip():
        return []
    document = html.fromstring(page)
    found = []
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        if tag == "script":
            found += _script_problems(element)
        elif tag in ACTIVE_ELEMENTS and not (tag == "svg" and is_own_icon(element)):
            found.append(f"<{tag}> element")
        elif tag == "meta" and element.get("http-equiv", "").lower() == "refresh":
            found.append("<meta http-equiv=refresh>")
        for name, value in element.attrib.items():
            name = name.lower()
            if name.startswith("on"):
                found.append(f"{name}= on <{tag}>")
            elif name in URL_ATTRIBUTES and DANGEROUS_SCHEMES.match(
                re.sub(r"[\x00-\x20]", "", value)
            ):
                found.append(f"{name}={value[:40]!r} on <{tag}>")
    return found


def _script_problems(element) -> list[str]:
    if element.get("type") == "application/ld+json":
        text = element.text or ""
        json.loads(text)
        return ["a < inside JSON-LD"] if "<" in text else []
    if OWN_SCRIPTS.match(element.get("src", "")) and not (element.text or "").strip():
        return []
    return [f"<script src={element.get('src')!r}>{(element.text or '')[:40]}"]


def is_own_icon(element) -> bool:
    children = list(element)
    return (
        len(children) == 1
        and children[0].tag == "use"
        and not list(children[0])
        and set(children[0].attrib) == {"href"}
        and bool(OWN_ICONS.match(children[0].get("href", "")))
    )


# What feed readers render as HTML: RSS descriptions and content, Atom
# summaries and content of type html.
FEED_HTML = (
    "//item/description | //item/*[local-name()='encoded']"
    " | //*[local-name()='entry']/*[local-name()='summary' or local-name()='content']"
)


def feed_html(feed: bytes) -> list[str]:
    """The HTML a reader's feed client would render from ``feed``."""
    return [element.text or "" for element in etree.fromstring(feed).xpath(FEED_HTML)]

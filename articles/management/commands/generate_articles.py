"""An archive of invented articles at a newsroom's real size, for benchmarks
and for trying the site with ten years of work in it.

Words come from the demo newsroom's own English and Spanish text, drawn with
a long-tailed (Zipf-like) frequency, plus an invented word in every title so
that rare words exist; tags follow a long tail too (the most used tag is on
about one article in ten). Rows are written with bulk inserts, a batch per
transaction, so 100,000 articles take minutes, not hours.
"""

import html
import itertools
import random
import re
from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import slugify
from taggit.models import Tag

from articles import demo_content as demo
from articles.models import (
    AnalysisSection,
    Article,
    ArticleAuthor,
    Author,
    Country,
    Image,
    Kind,
    RelatedArticle,
    Status,
    TaggedArticle,
    Topic,
)

BATCH = 1000
TAGS = 5000
AUTHORS = 400
WORDS_PER_BODY = 600
YEARS = 10
KIND_WEIGHTS = {
    Kind.BRIEF: 40,
    Kind.NEWS: 30,
    Kind.ANALYSIS: 15,
    Kind.INVESTIGATION: 10,
    Kind.PROFILE: 5,
}
LANGUAGE_WEIGHTS = {"en": 60, "es": 40}
TRANSLATED_SHARE = 0.2
SYLLABLES = ["ka", "ro", "ven", "tul", "mi", "sar", "do", "pex", "lan", "qui", "bor"]
COUNTRIES = [
    ("Mexico", "México", "North America"),
    ("Guatemala", "", "Central America"),
    ("El Salvador", "", "Central America"),
    ("Nicaragua", "", "Central America"),
    ("Costa Rica", "", "Central America"),
    ("Panama", "Panamá", "Central America"),
    ("Venezuela", "", "Andes"),
    ("Bolivia", "", "Andes"),
    ("Chile", "", "Southern Cone"),
    ("Argentina", "", "Southern Cone"),
    ("Paraguay", "", "Southern Cone"),
    ("Uruguay", "", "Southern Cone"),
    ("Dominican Republic", "República Dominicana", "Caribbean"),
    ("Haiti", "Haití", "Caribbean"),
    ("Jamaica", "", "Caribbean"),
]
TOPICS = [
    ("Money laundering", "Lavado de dinero"),
    ("Corruption", "Corrupción"),
    ("Arms trafficking", "Tráfico de armas"),
    ("Human smuggling", "Tráfico de personas"),
    ("Gangs", "Pandillas"),
    ("Security policy", "Política de seguridad"),
]


def invented_word(number: int) -> str:
    """A word no dictionary has, different for every ``number``: a rare word."""
    letters = []
    while True:
        number, index = divmod(number, len(SYLLABLES))
        letters.append(SYLLABLES[index])
        if not number:
            return "".join(letters) + "ix"


def demo_vocabulary(language: str) -> list[str]:
    """The demo articles' words in ``language``, most frequent first."""
    counts: dict[str, int] = {}
    for data in demo.ARTICLES:
        if data["language"] != language:
            continue
        texts = [data["title"], data["dek"], data["body"]]
        texts += [section["body"] for section in data.get("sections", [])]
        for word in re.findall(
            r"[^\W\d_]+", html.unescape(strip_tags(" ".join(texts)))
        ):
            counts[word.lower()] = counts.get(word.lower(), 0) + 1
    return sorted(counts, key=lambda word: -counts[word])


def long_tail(count: int, offset: float) -> list[float]:
    """Cumulative weights of ``count`` items, the n-th weighing 1 / (n + offset)."""
    return list(itertools.accumulate(1 / (rank + offset) for rank in range(count)))


class Writer:
    """Invented text in one language, words drawn with a long tail."""

    def __init__(self, rng: random.Random, language: str) -> None:
        self.rng = rng
        self.words = demo_vocabulary(language)
        self.weights = long_tail(len(self.words), 1.5)

    def draw(self, count: int) -> list[str]:
        return self.rng.choices(self.words, cum_weights=self.weights, k=count)

    def sentence(self, count: int) -> str:
        return " ".join(self.draw(count)).capitalize() + "."

    def paragraphs(self, words: int) -> list[str]:
        result = []
        while words > 0:
            size = min(words, self.rng.randint(60, 140))
            result.append(
                " ".join(self.sentence(18) for _ in range(max(1, size // 18)))
            )
            words -= size
        return result


def html_of(paragraphs: list[str]) -> str:
    return "".join(f"<p>{html.escape(text)}</p>" for text in paragraphs)


class Command(BaseCommand):
    help = (
        "Add N invented published articles (and --drafts M unpublished ones) "
        "with authors, long-tailed tags, countries, topics, analysis sections, "
        "translations, editor's picks and reused images, in bulk. For "
        "benchmarks and manual testing; never on a production database."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("count", type=int)
        parser.add_argument("--drafts", type=int, default=0)
        parser.add_argument("--seed", type=int, default=12)

    def handle(self, *args, count: int, drafts: int, seed: int, **options) -> None:
        self.rng = random.Random(seed + Article.objects.count())
        self.writers = {code: Writer(self.rng, code) for code in LANGUAGE_WEIGHTS}
        self.authors = self.ensure_authors()
        self.tags = self.ensure_tags()
        self.countries = self.ensure_countries()
        self.topics = list(Topic.objects.values_list("pk", flat=True))
        self.images = list(Image.objects.values_list("pk", flat=True))
        self.tag_weights = long_tail(len(self.tags), 3)
        self.serial = (Article.objects.order_by("-pk").values_list("pk", flat=True)
                       .first() or 0)  # fmt: skip
        self.now = timezone.now()
        for start in range(0, count + drafts, BATCH):
            size = min(BATCH, count + drafts - start)
            published = max(0, min(size, count - start))
            self.write_batch(published, size - published)
            if options["verbosity"] > 1:
                self.stdout.write(f"{start + size} of {count + drafts}")
        if options["verbosity"]:
            self.stdout.write(
                f"Generated {count} published articles and {drafts} unpublished ones."
            )

    def ensure_authors(self) -> list[int]:
        missing = AUTHORS - Author.objects.count()
        Author.objects.bulk_create(
            Author(
                name=f"Reporter {n}", slug=f"reporter-{n}-{self.rng.randrange(10**9)}"
            )
            for n in range(max(0, missing))
        )
        return list(Author.objects.values_list("pk", flat=True))

    def ensure_tags(self) -> list[int]:
        existing = set(Tag.objects.values_list("name", flat=True))
        names = [
            name
            for number in range(TAGS)
            if (name := f"{invented_word(number * 7 + 3)} {number}") not in existing
        ]
        Tag.objects.bulk_create(
            Tag(name=name, slug=slugify(name)) for name in names[: TAGS - len(existing)]
        )
        # Most used first: the long tail's head is the lowest ids.
        return list(Tag.objects.order_by("pk").values_list("pk", flat=True))

    def ensure_countries(self) -> list[int]:
        for name, name_es, region in [*demo.COUNTRIES, *COUNTRIES]:
            Country.objects.get_or_create(
                name=name, defaults={"name_es": name_es, "region": region}
            )
        for name, name_es in [*demo.TOPICS, *TOPICS]:
            Topic.objects.get_or_create(name=name, defaults={"name_es": name_es})
        return list(Country.objects.values_list("pk", flat=True))

    @transaction.atomic
    def write_batch(self, published: int, unpublished: int) -> None:
        rng = self.rng
        articles = [self.article(status=Status.PUBLISHED) for _ in range(published)]
        articles += [self.article(status=None) for _ in range(unpublished)]
        Article.objects.bulk_create(articles)
        self.link_translations(articles)
        ArticleAuthor.objects.bulk_create(
            ArticleAuthor(article=article, author_id=author, position=position)
            for article in articles
            for position, author in enumerate(
                set(rng.choices(self.authors, k=rng.choice([1, 1, 1, 2, 2, 3])))
            )
        )
        TaggedArticle.objects.bulk_create(
            TaggedArticle(content_object=article, tag_id=tag)
            for article in articles
            for tag in set(
                rng.choices(
                    self.tags, cum_weights=self.tag_weights, k=rng.randint(0, 5)
                )
            )
        )
        Article.topics.through.objects.bulk_create(
            Article.topics.through(article=article, topic_id=topic)
            for article in articles
            for topic in set(rng.choices(self.topics, k=rng.randint(1, 2)))
        )
        AnalysisSection.objects.bulk_create(
            AnalysisSection(
                article=article,
                heading="",
                body=article.analysis,
                body_html=article.analysis,
            )
            for article in articles
            if article.analysis
        )
        RelatedArticle.objects.bulk_create(
            RelatedArticle(article=article, related=pick, position=position)
            for article in articles
            if rng.random() < 0.1
            for position, pick in enumerate(
                {rng.choice(articles) for _ in range(2)} - {article}
            )
        )

    def article(self, status: str | None) -> Article:
        rng = self.rng
        self.serial += 1
        language = rng.choices(*zip(*LANGUAGE_WEIGHTS.items(), strict=True))[0]
        writer = self.writers[language]
        title = " ".join(
            [*writer.draw(4), invented_word(self.serial), *writer.draw(4)]
        ).capitalize()
        paragraphs = writer.paragraphs(rng.randint(300, 900))
        analysis = html_of(writer.paragraphs(150)) if rng.random() < 0.4 else ""
        body = html_of(paragraphs)
        if status is None:
            # Drafts and reviews never published; one in ten is a schedule.
            status = rng.choice([Status.DRAFT, Status.DRAFT, Status.IN_REVIEW])
            scheduled = rng.random() < 0.1
            published_at = (
                self.now + timedelta(days=rng.randint(1, 30)) if scheduled else None
            )
            status = Status.PUBLISHED if scheduled else status
        else:
            published_at = self.now - timedelta(
                seconds=rng.randint(60, YEARS * 365 * 86400)
            )
        image = rng.choice(self.images) if self.images and rng.random() < 0.4 else None
        article = Article(
            title=title[:255],
            slug=f"{slugify(title)[:200]}-{self.serial}",
            status=status,
            published_at=published_at,
            language=language,
            kind=rng.choices(*zip(*KIND_WEIGHTS.items(), strict=True))[0],
            dek=writer.sentence(rng.randint(25, 45))[:600],
            body=body,
            body_html=body,
            search_text=" ".join([*paragraphs, html.unescape(strip_tags(analysis))]),
            country_id=rng.choice(self.countries) if rng.random() < 0.9 else None,
            featured_image_id=image,
        )
        article.analysis = analysis
        return article

    def link_translations(self, articles: list[Article]) -> None:
        """Pair some English and Spanish articles as each other's translation."""
        by_language: dict[str, list[Article]] = {}
        for article in articles:
            if self.rng.random() < TRANSLATED_SHARE:
                by_language.setdefault(article.language, []).append(article)
        pairs = list(
            zip(by_language.get("en", []), by_language.get("es", []), strict=False)
        )
        for english, spanish in pairs:
            english.translation, spanish.translation = spanish, english
        Article.objects.bulk_update(
            [article for pair in pairs for article in pair], ["translation"]
        )

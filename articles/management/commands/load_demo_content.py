import io
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw
from taggit.models import Tag

from articles import demo_content as demo
from articles.models import (
    AnalysisSection,
    Article,
    ArticleAuthor,
    Author,
    Correction,
    Country,
    OrganizationNewsItem,
    RelatedArticle,
    Revision,
    SiteSettings,
    SiteText,
    Status,
    TagCounterpart,
    Topic,
)
from articles.models import Image as LibraryImage


def demo_image(seed: str, colour: str, size: tuple[int, int] = (1600, 900)) -> bytes:
    """A JPEG of bands and circles in ``colour``, different for each ``seed``."""
    image = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    width, height = size
    base = Image.new("RGB", (1, 1), colour).getpixel((0, 0))
    for band in range(12):
        shade = tuple(min(255, channel + band * 9) for channel in base)
        top = height - (band + 1) * height // 14
        draw.rectangle([0, top, width, top + height // 28], fill=shade)
    for index, char in enumerate(seed):
        x = (ord(char) * 37 + index * 131) % width
        y = (ord(char) * 53 + index * 71) % (height // 2)
        radius = 20 + ord(char) % 60
        draw.ellipse(
            [x - radius, y - radius, x + radius, y + radius], outline="white", width=3
        )
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82)
    return buffer.getvalue()


class Command(BaseCommand):
    help = (
        "Create the demo newsroom: authors, countries, topics, briefs in English "
        "and Spanish with analysis sections, tags, related picks and organization "
        "news. Safe to run again: what exists is left as it is."
    )

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        settings = SiteSettings.load()
        if (
            settings.organization_name
            == SiteSettings._meta.get_field("organization_name").default
        ):
            for name, value in demo.ORGANIZATION.items():
                setattr(settings, name, value)
            settings.save()
            SiteText.objects.update_or_create(
                site=settings, language="es", defaults=demo.ORGANIZATION_SPANISH
            )

        authors = {
            data["name"]: Author.objects.get_or_create(
                name=data["name"],
                defaults={key: value for key, value in data.items() if key != "name"},
            )[0]
            for data in demo.AUTHORS
        }
        countries = {
            name: Country.objects.get_or_create(
                name=name, defaults={"name_es": name_es, "region": region}
            )[0]
            for name, name_es, region in demo.COUNTRIES
        }
        topics = {
            name: Topic.objects.get_or_create(name=name, defaults={"name_es": name_es})[
                0
            ]
            for name, name_es in demo.TOPICS
        }

        created = [
            self.create_article(data, authors, countries, topics)
            for data in demo.ARTICLES
            if not Article.objects.filter(slug=data["slug"]).exists()
        ]
        created_slugs = {article.slug for article in created}
        for data in demo.ARTICLES:
            if data["slug"] in created_slugs and data.get("translation"):
                article = Article.objects.get(slug=data["slug"])
                article.translation = Article.objects.get(slug=data["translation"])
                article.save()
        for slug, related_slugs in demo.RELATED.items():
            if slug in created_slugs:
                article = Article.objects.get(slug=slug)
                for position, related_slug in enumerate(related_slugs):
                    RelatedArticle.objects.create(
                        article=article,
                        related=Article.objects.get(slug=related_slug),
                        position=position,
                    )

        for name, counterpart_name in demo.TAG_COUNTERPARTS:
            TagCounterpart.objects.get_or_create(
                tag=Tag.objects.get_or_create(name=name)[0],
                counterpart=Tag.objects.get_or_create(name=counterpart_name)[0],
            )

        news = [
            self.create_news_item(data)
            for data in demo.ORGANIZATION_NEWS
            if not OrganizationNewsItem.objects.filter(slug=data["slug"]).exists()
        ]
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content: {len(created)} articles and {len(news)} organization "
                f"news items created; existing ones left as they were."
            )
        )

    def create_article(self, data: dict, authors, countries, topics) -> Article:
        now = timezone.now()
        status = data.get("status", Status.PUBLISHED)
        article = Article(
            slug=data["slug"],
            kind=data["kind"],
            language=data["language"],
            title=data["title"],
            dek=data["dek"],
            body=data["body"],
            country=countries[data["country"]],
            status=status,
            published_at=(
                now - timedelta(days=data["days_ago"], hours=2)
                if "days_ago" in data
                else None
            ),
        )
        if "image" in data:
            alt, colour = data["image"]
            article.featured_image = self.create_image(data["slug"], alt, colour)
        if "image_from" in data:
            article.featured_image = Article.objects.get(
                slug=data["image_from"]
            ).featured_image
        if "figure" in data:
            alt, colour, caption = data["figure"]
            figure = self.create_image(f"{data['slug']}-figure", alt, colour, caption)
            article.body = article.body.replace(
                "{figure}", f'<figure data-image="{figure.pk}"></figure>'
            )
        article.save()
        for kind, text, days_ago in data.get("corrections", []):
            Correction.objects.create(
                article=article,
                kind=kind,
                text=text,
                published_at=now - timedelta(days=days_ago),
            )
        article.countries.add(*(countries[name] for name in data.get("countries", [])))
        article.topics.set(topics[name] for name in data["topics"])
        article.tags.set(data["tags"])
        for position, name in enumerate(data["authors"]):
            ArticleAuthor.objects.create(
                article=article, author=authors[name], position=position
            )
        for position, section in enumerate(data["sections"]):
            AnalysisSection.objects.create(
                article=article, position=position, **section
            )
        Revision.objects.record(article, note="Demo content")
        return article

    def create_image(
        self, name: str, alt: str, colour: str, caption: str = ""
    ) -> LibraryImage:
        image = LibraryImage(
            alt=alt,
            caption=caption,
            credit="Frontera Desk (illustration)",
            may_republish=True,
        )
        # Named: Django reads the dimensions only of a file with a name.
        content = ContentFile(demo_image(name, colour), name=f"{name}.jpg")
        image.file.save(content.name, content, save=False)
        image.save()
        return image

    def create_news_item(self, data: dict) -> OrganizationNewsItem:
        return OrganizationNewsItem.objects.create(
            slug=data["slug"],
            language=data.get("language", "en"),
            title=data["title"],
            excerpt=data["excerpt"],
            body=data["body"],
            status=Status.PUBLISHED,
            published_at=timezone.now() - timedelta(days=data["days_ago"]),
        )

"""Small builders for tests: ``make_x(**overrides)`` returns a saved object."""

import io
import itertools
from datetime import timedelta

from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.utils import timezone
from PIL import Image as Picture

from articles.models import (
    AnalysisSection,
    Article,
    ArticleAuthor,
    Author,
    Country,
    Image,
    OrganizationNewsItem,
    RelatedArticle,
    Status,
    Topic,
)

_numbers = itertools.count(1)


def make_author(**overrides) -> Author:
    number = next(_numbers)
    return Author.objects.create(**{"name": f"Reporter {number}", **overrides})


def make_country(**overrides) -> Country:
    number = next(_numbers)
    return Country.objects.create(
        **{"name": f"Country {number}", "region": "Andes", **overrides}
    )


def make_topic(**overrides) -> Topic:
    return Topic.objects.create(**{"name": f"Topic {next(_numbers)}", **overrides})


def make_article(
    *,
    authors: list[Author] | None = None,
    sections: list[dict] | None = None,
    tags: list[str] | None = None,
    topics: list[Topic] | None = None,
    related: list[Article] | None = None,
    **overrides,
) -> Article:
    """A published article from an hour ago unless ``overrides`` say otherwise."""
    number = next(_numbers)
    fields = {
        "title": f"Article {number}",
        "dek": f"What article {number} is about.",
        "body": f"<p>Body of article {number}.</p>",
        "status": Status.PUBLISHED,
        "published_at": timezone.now() - timedelta(hours=1),
        **overrides,
    }
    article = Article.objects.create(**fields)
    for position, author in enumerate(authors or [make_author()]):
        ArticleAuthor.objects.create(article=article, author=author, position=position)
    for position, section in enumerate(sections or []):
        AnalysisSection.objects.create(article=article, position=position, **section)
    if tags:
        article.tags.set(tags)
    if topics:
        article.topics.set(topics)
    for position, other in enumerate(related or []):
        RelatedArticle.objects.create(article=article, related=other, position=position)
    return article


def make_news_item(**overrides) -> OrganizationNewsItem:
    number = next(_numbers)
    return OrganizationNewsItem.objects.create(
        **{
            "title": f"Organization news {number}",
            "excerpt": "What happened at the newsroom.",
            "status": Status.PUBLISHED,
            "published_at": timezone.now() - timedelta(hours=1),
            **overrides,
        }
    )


def make_image(
    name: str = "photo.png", size: tuple[int, int] = (40, 30), **overrides
) -> Image:
    """A library image whose renditions are made, as the worker would once
    the upload is committed (tasks run at once in tests)."""
    number = next(_numbers)
    with TestCase.captureOnCommitCallbacks(execute=True):
        image = Image.objects.create(
            **{
                "file": image_upload(name, size),
                "alt": f"Picture {number}",
                **overrides,
            }
        )
    image.refresh_from_db()
    return image


def make_user(group: str | None = None, **overrides) -> User:
    number = next(_numbers)
    user = User.objects.create_user(
        **{"username": f"user{number}", "password": "pw", "is_staff": True, **overrides}
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def image_bytes(size: tuple[int, int] = (40, 30), fmt: str = "PNG") -> bytes:
    buffer = io.BytesIO()
    Picture.new("RGB", size, "teal").save(buffer, fmt)
    return buffer.getvalue()


def image_upload(
    name: str = "photo.png", size: tuple[int, int] = (40, 30), fmt: str = "PNG"
) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, image_bytes(size, fmt), content_type="image/png")


def make_note(item, text: str = "Tighten the second paragraph.", **overrides):
    from newsroom.desk.models import Note

    return Note.objects.create(item=item, text=text, **overrides)

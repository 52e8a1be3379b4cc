"""Migration 0021 moves every existing featured image into the media library,
one library image per file, described as the article described it; going
back puts the images on the articles again."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from articles.renditions import crop_name, rendition_name
from tests.factories import image_bytes

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("articles", "0020_tag_counterparts")]
AFTER = [("articles", "0022_featured_image_fields_removed")]


def png(size=(40, 30)) -> ContentFile:
    return ContentFile(image_bytes(size))


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_featured_images_move_into_the_library_and_back():
    old = migrate(BEFORE)
    Article = old.get_model("articles", "Article")
    News = old.get_model("articles", "OrganizationNewsItem")
    name = default_storage.save("articles/2026/11/port.png", png((900, 600)))
    # The renditions the old save made: the library keeps using them.
    for path in [rendition_name(name, 900, "jpg"), crop_name(name, "1x1")]:
        default_storage.save(path, png())
    fields = {"dek": "d", "language": "en", "status": "published"}
    now = timezone.now()
    english = Article.objects.create(
        title="Port", slug="port", published_at=now, image=name, image_width=900,
        image_height=600, image_alt="The port", image_caption="Callao",
        image_credit="Ana", image_republishable=True, **fields,
    )  # fmt: skip
    # A translation draft shares the file: one library image for both.
    Article.objects.create(
        title="Puerto", slug="puerto", image=name, image_width=900,
        image_height=600, image_alt="El puerto", **fields,
    )  # fmt: skip
    News.objects.create(
        title="Award", slug="award", excerpt="e", language="en", status="published",
        image=default_storage.save("organization/2026/award.png", png()),
        image_width=40, image_height=30, image_alt="",
    )  # fmt: skip
    Article.objects.create(title="Plain", slug="plain", **fields)

    new = migrate(AFTER)

    Image = new.get_model("articles", "Image")
    articles = {a.slug: a for a in new.get_model("articles", "Article").objects.all()}
    port = Image.objects.get(file=name)
    assert (port.width, port.height, port.alt) == (900, 600, "The port")
    assert (port.caption, port.credit, port.may_republish) == ("Callao", "Ana", True)
    assert port.renditions_ready
    assert articles["port"].featured_image_id == port.pk
    assert articles["puerto"].featured_image_id == port.pk
    assert articles["plain"].featured_image_id is None
    award = new.get_model("articles", "OrganizationNewsItem").objects.get()
    # An image without a description takes the item's title as one.
    assert award.featured_image.alt == "Award"
    assert not award.featured_image.renditions_ready
    assert Image.objects.count() == 2

    old = migrate(BEFORE)

    restored = old.get_model("articles", "Article").objects.get(pk=english.pk)
    assert (restored.image.name, restored.image_alt) == (name, "The port")
    assert (restored.image_caption, restored.image_credit) == ("Callao", "Ana")
    assert restored.image_republishable
    assert (restored.image_width, restored.image_height) == (900, 600)
    call_command("migrate", verbosity=0)

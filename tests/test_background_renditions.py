"""Renditions are made by the task queue's worker, not by the save: saving
records the image and queues the work once the save is committed; until the
worker has run, pages show the original with its width and height."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult
from PIL import ImageOps

from articles.models import Image
from articles.renditions import rendition_name
from articles.tasks import make_image_renditions
from tests.factories import image_upload, make_article, make_image

pytestmark = pytest.mark.django_db


@pytest.fixture
def queue(settings):
    """The production backend: tasks wait in the database for the worker."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def decodes(monkeypatch) -> list[tuple[int, int]]:
    """The size of every original decoded to make renditions."""
    decoded = []
    transpose = ImageOps.exif_transpose
    # Every rendition starts from the decoded, upright original.
    monkeypatch.setattr(
        "articles.renditions.ImageOps.exif_transpose",
        lambda image: decoded.append(image.size) or transpose(image),
    )
    return decoded


def run_worker() -> None:
    call_command("db_worker", batch=True, startup_delay=False, stdout=io.StringIO())


def upload(django_capture_on_commit_callbacks, **fields) -> Image:
    with django_capture_on_commit_callbacks(execute=True):
        image = Image.objects.create(
            file=image_upload("harbour.png", size=(1000, 500)),
            alt="A harbour",
            **fields,
        )
    image.refresh_from_db()
    return image


def test_a_save_queues_the_renditions_and_decodes_nothing(
    queue, decodes, django_capture_on_commit_callbacks
):
    image = upload(django_capture_on_commit_callbacks)

    assert decodes == []
    assert not image.renditions_ready
    assert (
        DBTaskResult.objects.get().task_path == "articles.tasks.make_image_renditions"
    )


def test_until_the_worker_runs_pages_show_the_original_with_its_size(
    client, queue, django_capture_on_commit_callbacks
):
    image = upload(django_capture_on_commit_callbacks)
    article = make_article(featured_image=image)

    page = client.get(article.get_absolute_url()).text

    assert "<picture>" not in page
    assert (
        f'<img src="{image.file.url}" width="1000" height="500" alt="A harbour">'
        in page
    )
    assert client.get(image.file.url).status_code == 200


# Committed for real: the worker takes tasks in transactions of its own and
# closes its database connection when it stops.
@pytest.mark.django_db(transaction=True)
def test_once_the_worker_ran_pages_show_the_renditions(
    client, queue, django_capture_on_commit_callbacks
):
    image = upload(django_capture_on_commit_callbacks)
    article = make_article(featured_image=image)
    client.get(article.get_absolute_url())  # cached without renditions

    run_worker()

    image.refresh_from_db()
    assert image.renditions_ready
    for width in (480, 800, 1000):
        for extension in ("jpg", "webp"):
            assert default_storage.exists(
                rendition_name(image.file.name, width, extension)
            )
    page = client.get(article.get_absolute_url()).text
    assert 'type="image/webp"' in page and ".webp 1000w" in page
    # One JPEG, a card's width, for browsers without WebP.
    jpeg = default_storage.url(rendition_name(image.file.name, 800, "jpg"))
    assert f'<img src="{jpeg}"' in page and ".jpg 480w" not in page


def test_only_a_new_file_or_focal_point_queues_work(
    decodes, django_capture_on_commit_callbacks
):
    image = upload(django_capture_on_commit_callbacks)
    assert len(decodes) == 1

    with django_capture_on_commit_callbacks(execute=True):
        image.caption = "Corrected caption"
        image.save()
        make_article(featured_image=image).unpublish(None, "Rights withdrawn")
    assert len(decodes) == 1

    with django_capture_on_commit_callbacks(execute=True):
        image.focal_x = 0.2
        image.save()
    assert len(decodes) == 2

    with django_capture_on_commit_callbacks(execute=True):
        image.file = image_upload("pier.png", size=(900, 500))
        image.save()
    assert len(decodes) == 3


def test_nothing_is_queued_when_the_save_is_rolled_back(
    queue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        Image.objects.create(file=image_upload(), alt="Never committed")
    assert not DBTaskResult.objects.exists()


def test_a_task_for_an_image_deleted_meanwhile_does_nothing():
    image = make_image()
    pk = image.pk
    image.delete()
    make_image_renditions.call(pk)
    assert not Image.objects.filter(pk=pk).exists()

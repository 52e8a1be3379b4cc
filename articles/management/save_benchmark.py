"""Timing saves in the admin, for ``make benchmark``: uploading a photo to the
media library and saving an article that features it, each the median of
several saves of a 2400 × 1600 photo-like JPEG; then the worker is run, to
show the renditions the saves left to it appear."""

import io
import resource
import statistics
import time
from collections.abc import Callable
from html.parser import HTMLParser

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from PIL import Image as Picture
from PIL import ImageChops

from articles.models import Article, ArticleAuthor, Author, Image
from articles.renditions import crop_name, rendition_name, rendition_widths

PHOTO_SIZE = (2400, 1600)
SAVES = 5
SLUG = "benchmark-saves"


def photo_jpeg(size: tuple[int, int] = PHOTO_SIZE, seed: int = 0) -> bytes:
    """Random noise over colour gradients: it compresses like a photograph
    (about 1.5 MB), where a flat test card would shrink to a few kilobytes."""
    width, height = size
    across = Picture.linear_gradient("L").rotate(90 + seed).resize(size)
    down = Picture.linear_gradient("L").resize(size)
    noise = Picture.effect_noise(size, 40 + seed)
    channels = [
        ImageChops.add(across, noise, scale=1.4),
        ImageChops.add(down, noise, scale=1.6),
        ImageChops.blend(across, ImageChops.invert(down), 0.5),
    ]
    buffer = io.BytesIO()
    Picture.merge("RGB", channels).save(buffer, "JPEG", quality=88)
    return buffer.getvalue()


class _FormValues(HTMLParser):
    """What a browser would post back from a form page, unchanged."""

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[str, list[str]] = {}
        self.select: str | None = None
        self.textarea: str | None = None

    def handle_starttag(self, tag, attrs) -> None:
        attributes = dict(attrs)
        name = attributes.get("name")
        if tag == "input" and name and attributes.get("type") != "file":
            if attributes.get("type") in ("checkbox", "radio") and (
                "checked" not in attributes
            ):
                return
            if attributes.get("type") not in ("submit", "button"):
                self.values.setdefault(name, []).append(attributes.get("value", ""))
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select and "selected" in attributes:
            self.values.setdefault(self.select, []).append(attributes.get("value", ""))
        elif tag == "textarea" and name:
            self.textarea = name
            self.values[name] = [""]

    def handle_endtag(self, tag) -> None:
        if tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data) -> None:
        if self.textarea:
            self.values[self.textarea][0] += data


def form_values(html: str) -> dict[str, list[str]]:
    parser = _FormValues()
    parser.feed(html)
    return parser.values


def cpu_seconds() -> float:
    """CPU time of this process and of the image checks it waited for."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def timed(prepare: Callable[[int], Callable[[], None]], times: int = SAVES) -> str:
    """Median wall and CPU milliseconds of ``times`` saves; ``prepare`` returns
    the save to time (what a browser did before submitting is not timed)."""
    wall, cpu = [], []
    for number in range(times):
        save = prepare(number)
        start, start_cpu = time.perf_counter(), cpu_seconds()
        save()
        wall.append(time.perf_counter() - start)
        cpu.append(cpu_seconds() - start_cpu)
    return (
        f"{statistics.median(wall) * 1000:7.0f} ms "
        f"(CPU {statistics.median(cpu) * 1000:.0f} ms)"
    )


def run(client: Client, write: Callable[[str], None]) -> None:
    """Time the saves with the task queue deferring renditions, then run the
    worker and check every rendition is there. Removes what it made."""
    photos = [photo_jpeg(seed=number) for number in range(SAVES)]
    made: list[int] = []
    queued_before = DBTaskResult.objects.count()

    def upload(number: int) -> Callable[[], None]:
        def save() -> None:
            response = client.post(
                reverse("admin:articles_image_add"),
                {
                    "file": SimpleUploadedFile(f"bench-{number}.jpg", photos[number]),
                    "alt": "Benchmark photo",
                    "focal_x": "0.5",
                    "focal_y": "0.5",
                },
                secure=True,
            )
            assert response.status_code == 302, response.status_code
            made.append(Image.objects.order_by("-pk").values_list("pk", flat=True)[0])

        return save

    write(
        f"Saves, {PHOTO_SIZE[0]} × {PHOTO_SIZE[1]} JPEG of "
        f"{len(photos[0]) / 1024 / 1024:.1f} MB, median of {SAVES} (renditions "
        f"deferred to the worker):"
    )
    write(f"  library image upload        {timed(upload)}")

    article, created = Article.objects.get_or_create(
        slug=SLUG,
        defaults={"title": "Benchmark: saves", "dek": "Timing saves.", "body": ""},
    )
    if created:
        # The form requires a byline.
        author, _new = Author.objects.get_or_create(name="Benchmark reporter")
        ArticleAuthor.objects.create(article=article, author=author)
    change = reverse("admin:articles_article_change", args=[article.pk])

    def save_article(number: int) -> Callable[[], None]:
        values = form_values(client.get(change, secure=True).text)
        values.update(
            featured_image=[str(made[number])],
            body=[f"<p>Save number {number}.</p>"],
        )

        def save() -> None:
            response = client.post(change, values, secure=True)
            assert response.status_code == 302, response.status_code

        return save

    write(f"  article with that image     {timed(save_article)}")
    queued = DBTaskResult.objects.count() - queued_before
    start = time.perf_counter()
    call_command("db_worker", batch=True, startup_delay=False, stdout=io.StringIO())
    seconds = time.perf_counter() - start
    images = list(Image.objects.filter(pk__in=made))
    ready = sum(image.renditions_ready for image in images)
    files = all(
        image.file.storage.exists(rendition_name(image.file.name, width, "webp"))
        for image in images
        for width in rendition_widths(image.width)
    ) and all(
        image.file.storage.exists(crop_name(image.file.name, "16x9"))
        for image in images
    )
    write(
        f"  worker: {queued} queued tasks done in {seconds:.1f} s; renditions of "
        f"{ready} of {len(images)} images ready, files "
        f"{'all present' if files else 'MISSING'}"
    )
    Article.objects.filter(pk=article.pk).update(featured_image=None)
    for image in images:
        storage, name = image.file.storage, image.file.name
        for width in rendition_widths(image.width):
            for extension in ("jpg", "webp"):
                storage.delete(rendition_name(name, width, extension))
        for label in ("16x9", "4x3", "1x1"):
            storage.delete(crop_name(name, label))
        storage.delete(name)
        image.delete()

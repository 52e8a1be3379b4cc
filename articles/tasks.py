"""Work that would slow a save down, run by the task queue's worker
(``manage.py db_worker``; at once, in the same process, in tests)."""

from django.apps import apps
from django.db import transaction
from django_tasks import task

from articles.renditions import make_renditions


@task()
def make_image_renditions(image_id: int) -> None:
    """Make the library image's renditions and focal-point crops, then let
    pages use them. An image deleted or changed meanwhile is left alone: the
    change queued a task of its own."""
    # By name: the model queues this task when it is saved.
    Image = apps.get_model("articles", "Image")
    image = Image.objects.filter(pk=image_id).first()
    if image is None:
        return
    made = (image.file.name, image.focal_x, image.focal_y)
    make_renditions(image.file, image.focus)
    with transaction.atomic():
        current = Image.objects.select_for_update().filter(pk=image_id).first()
        if current and (current.file.name, current.focal_x, current.focal_y) == made:
            current.renditions_ready = True
            # Saved, not updated, so the pages cached without the renditions
            # are retired like after any other change.
            current.save(update_fields=["renditions_ready"])

"""Library images saved without their width and height (the demo content's,
until its files were named) make Django open the file to measure it every
time such an image is loaded: fill them in once."""

from django.core.files.images import get_image_dimensions
from django.core.files.storage import default_storage
from django.db import migrations


def fill_dimensions(apps, schema_editor):
    Image = apps.get_model("articles", "Image")
    # Values, not instances: loading an instance is what opens the file.
    unmeasured = Image.objects.filter(width=None).values_list("pk", "file")
    for pk, name in unmeasured.iterator():
        try:
            with default_storage.open(name) as file:
                width, height = get_image_dimensions(file)
        except OSError:
            continue  # a file missing from storage is for an editor to replace
        if width and height:
            Image.objects.filter(pk=pk).update(width=width, height=height)


class Migration(migrations.Migration):
    dependencies = [("articles", "0031_revision_autosave_and_embed_validation")]

    operations = [migrations.RunPython(fill_dimensions, migrations.RunPython.noop)]

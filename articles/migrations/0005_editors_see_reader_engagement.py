"""Give the Editors group the permissions of the reader-engagement models."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="articles",
            content_type__model__in=["feedback", "readermessage", "donationclick"],
        )
    )


class Migration(migrations.Migration):
    dependencies = [("articles", "0004_reader_engagement")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

"""Editors hold every permission of the articles app, including models added
since the groups were created (republication counts)."""

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
        *Permission.objects.filter(content_type__app_label__in=["articles", "taggit"])
    )


class Migration(migrations.Migration):
    dependencies = [("articles", "0006_republishing")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

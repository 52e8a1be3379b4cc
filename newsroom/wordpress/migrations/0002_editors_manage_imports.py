"""Editors hold every permission of the WordPress import: they see what was
imported and correct old addresses. Running the import itself also needs
the permission to publish articles, which only editors have."""

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
        *Permission.objects.filter(content_type__app_label="wordpress")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("wordpress", "0001_initial"),
        ("articles", "0007_editors_manage_all_content"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

"""Create the "Writers" and "Editors" groups with their permissions.

Permissions are normally created after all migrations have run, so they are
created here first; on a fresh database they would not exist yet.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

WRITER_PERMISSIONS = [
    "articles.add_article",
    "articles.change_article",
    "articles.delete_article",
    "articles.view_article",
    "articles.add_analysissection",
    "articles.change_analysissection",
    "articles.delete_analysissection",
    "articles.view_analysissection",
    "articles.add_articleauthor",
    "articles.change_articleauthor",
    "articles.delete_articleauthor",
    "articles.view_articleauthor",
    "articles.add_relatedarticle",
    "articles.change_relatedarticle",
    "articles.delete_relatedarticle",
    "articles.view_relatedarticle",
    "articles.view_author",
    "articles.view_country",
    "articles.view_topic",
    "articles.view_organizationnewsitem",
    "taggit.view_tag",
]


def create_groups(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def permissions(codenames):
        wanted = {tuple(name.split(".")) for name in codenames}
        return [
            permission
            for permission in Permission.objects.select_related("content_type")
            if (permission.content_type.app_label, permission.codename) in wanted
        ]

    writers, _ = Group.objects.get_or_create(name="Writers")
    writers.permissions.set(permissions(WRITER_PERMISSIONS))

    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.set(
        Permission.objects.filter(content_type__app_label__in=["articles", "taggit"])
    )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(
        name__in=["Writers", "Editors"]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]

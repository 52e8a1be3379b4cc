"""Editorial roles are declared once in code and applied after every migrate:
no permission of the project's own models is left to no role by accident."""

from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command

from articles.models import SiteSettings
from articles.roles import ROLES
from tests.factories import make_user

pytestmark = pytest.mark.django_db

PROJECT = Path(settings.BASE_DIR)
# Permissions deliberately left to superusers, each with its reason.
SUPERUSER_ONLY: dict[str, str] = {}


def project_models():
    for app_config in apps.get_app_configs():
        path = Path(app_config.path)
        if PROJECT in path.parents and ".venv" not in path.parts:
            yield from app_config.get_models()


def test_every_permission_of_every_project_model_belongs_to_a_role():
    models = list(project_models())
    assert len(models) > 10
    content_types = ContentType.objects.get_for_models(*models).values()
    permissions = Permission.objects.filter(content_type__in=content_types)
    orphans = [
        f"{permission.content_type.app_label}.{permission.codename}"
        for permission in permissions.exclude(group__name__in=ROLES).select_related(
            "content_type"
        )
    ]
    assert [name for name in orphans if name not in SUPERUSER_ONLY] == []


def test_roles_are_restored_after_every_migrate():
    editors = Group.objects.get(name="Editors")
    editors.permissions.remove(Permission.objects.get(codename="change_sitetext"))
    Group.objects.get(name="Writers").delete()

    call_command("migrate", verbosity=0)

    assert (
        Group.objects.get(name="Editors")
        .permissions.filter(codename="change_sitetext")
        .exists()
    )
    assert Group.objects.filter(name="Writers").exists()


def test_writers_may_not_publish_and_editors_may():
    writer, editor = make_user("Writers"), make_user("Editors")
    for permission in [
        "articles.publish_article",
        "articles.publish_organizationnewsitem",
        "articles.change_sitesettings",
    ]:
        assert not writer.has_perm(permission)
        assert editor.has_perm(permission)


def test_editors_edit_the_site_texts_in_every_language(client):
    client.force_login(make_user("Editors"))
    site = SiteSettings.load()
    site.texts.create(language="es", tagline="Periodismo de investigación.")

    response = client.get(f"/admin/articles/sitesettings/{site.pk}/change/")

    assert response.status_code == 200
    formset = next(
        formset
        for formset in response.context["inline_admin_formsets"]
        if formset.formset.prefix == "texts"
    )
    assert formset.has_change_permission
    assert formset.has_add_permission

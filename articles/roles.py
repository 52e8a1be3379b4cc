"""The newsroom's editorial roles, declared once: which group may do what.

Applied after every ``migrate`` (and every test database flush), so a model
added later gets its permissions without a data migration of its own, and a
group's permissions are always exactly what is written here.
"""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db.models import Q

EVERY_ACTION = ("add", "change", "delete", "view")
ALL = "*"

# "app_label" grants every permission of every model of that app, today's and
# tomorrow's; "app_label.model" grants the actions listed (or ALL of them).
ROLES: dict[str, dict[str, tuple[str, ...] | str]] = {
    "Writers": {
        # Their own articles, with the parts edited inside the article form.
        # Article.may_edit keeps them to their own work until it is published.
        "articles.article": EVERY_ACTION,
        "articles.analysissection": EVERY_ACTION,
        "articles.articleauthor": EVERY_ACTION,
        "articles.relatedarticle": EVERY_ACTION,
        # What they choose from while writing.
        # Every byline to choose from; their own to edit (Author.may_edit).
        "articles.author": ("view", "change"),
        # The media library: they add and describe pictures; deleting one is
        # for editors, who see which articles show it.
        "articles.image": ("add", "view", "change"),
        "articles.country": ("view",),
        "articles.topic": ("view",),
        "articles.organizationnewsitem": ("view",),
        "taggit.tag": ("view",),
        # Notes with the editors; their own e-mail settings (ProfileAdmin).
        "desk.note": ("add", "view"),
        "desk.profile": ("view", "change"),
    },
    "Editors": {
        # Everything editorial: content, publishing, site texts in every
        # language, reader feedback and messages, republication reports,
        # imports from WordPress and the old addresses they keep working.
        "articles": ALL,
        "taggit": ALL,
        "wordpress": ALL,
        "desk": ALL,
    },
}


def role_permissions(grants: dict[str, tuple[str, ...] | str]) -> Q:
    """The permissions a role's grants name, as one filter."""
    wanted = Q(pk__in=[])
    for target, actions in grants.items():
        app_label, _dot, model = target.partition(".")
        scope = Q(content_type__app_label=app_label)
        if model:
            scope &= Q(content_type__model=model)
            if actions != ALL:
                scope &= Q(codename__in=[f"{action}_{model}" for action in actions])
        wanted |= scope
    return wanted


def apply_roles(using: str = "default", **kwargs) -> None:
    """Create each group and give it exactly its declared permissions.

    Connected to post_migrate; the permissions of every app are created first,
    since Django creates them app by app in the same signal.
    """
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    for name, grants in ROLES.items():
        group, _created = Group.objects.using(using).get_or_create(name=name)
        group.permissions.set(
            Permission.objects.using(using).filter(role_permissions(grants))
        )

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Newsroom")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate, pre_migrate

        from articles import public_cache, roles, signals

        public_cache.connect()
        pre_migrate.connect(signals.drop_search_triggers, sender=self)
        post_migrate.connect(signals.create_search_index, sender=self)
        post_migrate.connect(roles.apply_roles, sender=self)

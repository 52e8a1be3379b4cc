from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeskConfig(AppConfig):
    """The editorial desk: each role's admin home page, notes between writers
    and editors, e-mail when work waits, and the workflow buttons on forms."""

    name = "newsroom.desk"
    label = "desk"
    verbose_name = _("Desk")
    default = True
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from newsroom.desk import receivers

        receivers.connect()

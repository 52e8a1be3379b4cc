from django.contrib.admin.apps import AdminConfig


class NewsroomAdminConfig(AdminConfig):
    """Django's admin, on a site that asks staff for a second factor and
    opens on each person's desk."""

    default_site = "newsroom.desk.site.DeskSite"

    def ready(self) -> None:
        super().ready()
        # Registers the deploy check on the proxy settings.
        from articles import clients  # noqa: F401

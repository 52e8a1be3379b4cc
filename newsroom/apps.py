from django.contrib.admin.apps import AdminConfig


class NewsroomAdminConfig(AdminConfig):
    """Django's admin, on a site that asks staff for a second factor."""

    default_site = "newsroom.sign_in.NewsroomAdminSite"

    def ready(self) -> None:
        super().ready()
        # Registers the deploy check on the proxy settings.
        from articles import clients  # noqa: F401

from django.http import HttpRequest

from articles.models import SiteSettings


def site_settings(request: HttpRequest) -> dict:
    return {"site_settings": SiteSettings.load()}

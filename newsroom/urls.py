from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from articles.views import discovery, media, republishing

admin.site.site_header = _("Newsroom editorial desk")
admin.site.site_title = _("Newsroom")
admin.site.index_title = _("Editorial desk")

handler500 = "newsroom.outages.server_error"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("robots.txt", discovery.robots_txt, name="robots-txt"),
    path("favicon.ico", discovery.favicon, name="favicon"),
    path("sitemap.xml", discovery.sitemap_index, name="sitemap-index"),
    # Before the sections, whose pattern would take "news" for one of them.
    path("sitemap-news.xml", discovery.news_sitemap, name="sitemap-news"),
    path(
        "sitemap-<section>.xml",
        discovery.sitemap_section,
        name="sitemap-section",
    ),
    # Outside the language prefixes: copies on other sites keep working
    # whatever language their reader's browser prefers.
    path(
        "republished/<str:token>.gif",
        republishing.RepublicationPixelView.as_view(),
        name="republication-pixel",
    ),
]
urlpatterns += i18n_patterns(path("", include("articles.urls")))

if settings.MEDIA_URL.startswith("/"):
    # Uploads are served through a permission check, in development and in
    # production alike: a draft's image must not be readable by its address.
    urlpatterns.append(
        path(
            f"{settings.MEDIA_URL.lstrip('/')}<path:name>",
            media.serve_media,
            name="media",
        )
    )

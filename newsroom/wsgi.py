import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

# Django is set up first: the page cache reads settings and models.
django_application = get_wsgi_application()

from articles.page_cache import PageCacheApplication  # noqa: E402

# Anonymous readers' stored pages are served before Django's handler.
application = PageCacheApplication(django_application)

# What start-up loaded lives as long as the process: frozen, it is left out
# of the collector's full passes, which otherwise walk some 100,000 objects
# (50-65 ms, a whole request's budget) every few dozen requests.
gc.collect()
gc.freeze()

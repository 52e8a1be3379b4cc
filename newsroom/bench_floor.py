"""The floor `make bench` compares the site with: Django answering every
request with one stored page's response, its headers and bytes, and nothing
else.

Served by the same gunicorn set-up as the site, with the same settings but no
middleware and this one view, so the difference is what the site does per
request. The headers are the page's own: gunicorn handles each header a
response carries in Python, and a page's dozen (its security policy, its
caching) cost the server as much as the site's look-up in its cache. Used
only by the bench (`manage.py bench`), never by the site.
"""

import json
import os
from pathlib import Path

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpRequest, HttpResponse
from django.urls import re_path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

BODY = Path(os.environ["BENCH_FLOOR_BODY"]).read_bytes()
HEADERS = dict(json.loads(Path(os.environ["BENCH_FLOOR_HEADERS"]).read_text()))


def page(request: HttpRequest) -> HttpResponse:
    return HttpResponse(BODY, headers=HEADERS)


urlpatterns = [re_path(r"", page)]

settings.ROOT_URLCONF = __name__
settings.MIDDLEWARE = []
application = get_wsgi_application()

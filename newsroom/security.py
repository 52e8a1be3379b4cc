"""A Content-Security-Policy for every page: the public site's and the admin's.

Public templates carry no inline script, style or event-handler attribute,
so their policy allows only the site's own files. The admin has a policy of
its own, as strict about scripts: its pages load only its own files too.
Both may frame exactly the embed providers' players (articles/embeds.py), which
a reader's click loads on pages and previews.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from articles.embeds import frame_origins

FRAME_SRC = "frame-src " + " ".join(frame_origins())


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path.startswith(settings.NEWSROOM_ADMIN_PATH):
            policy = settings.NEWSROOM_ADMIN_CONTENT_SECURITY_POLICY
        else:
            policy = settings.NEWSROOM_CONTENT_SECURITY_POLICY
        response.headers.setdefault("Content-Security-Policy", f"{policy}; {FRAME_SRC}")
        return response

"""A Content-Security-Policy for the public site.

Templates carry no inline script, style or event-handler attribute, so the
policy allows only the site's own files. The admin is left to Django's own
defaults: some of its widgets still set styles from scripts.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path.startswith(settings.NEWSROOM_CSP_EXEMPT_PREFIXES):
            response.headers.setdefault(
                "Content-Security-Policy", settings.NEWSROOM_CONTENT_SECURITY_POLICY
            )
        return response

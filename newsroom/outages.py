"""While the database is unreachable, readers get "try again shortly", not a crash.

A PostgreSQL restart or failover takes a moment; requests caught in it get a
503 with Retry-After and the site's error page, which proxies, crawlers and
monitors read as temporary, instead of a 500 logged as a bug. Connections are
re-opened on the next request: CONN_HEALTH_CHECKS (in settings) tests a
persistent connection before reusing it.
"""

import logging
import sys
from collections.abc import Callable

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.views import defaults

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
# What a lost or refused connection raises; errors in a query are bugs.
OUTAGE_ERRORS = (OperationalError, InterfaceError)


class DatabaseOutageMiddleware:
    """Answers for a view or template that met the outage."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(
        self, request: HttpRequest, exception: Exception
    ) -> HttpResponse | None:
        if not isinstance(exception, OUTAGE_ERRORS):
            return None
        logger.warning("Database unavailable for %s: %s", request.path, exception)
        return database_unavailable()


def database_unavailable() -> HttpResponse:
    # 500.html is rendered without a request, so it needs no database.
    response = HttpResponse(loader.render_to_string("500.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    """The site's 500 handler; it also catches an outage met outside the views
    (a session saved by middleware, say), which the middleware cannot see."""
    if isinstance(sys.exc_info()[1], OUTAGE_ERRORS):
        logger.warning("Database unavailable for %s", request.path)
        return database_unavailable()
    return defaults.server_error(request)

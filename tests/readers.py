"""A reader's browser, for tests that post the forms readers use."""

from urllib.parse import urlsplit

from django.test import Client

from articles.reader_forms import TOKEN_FIELD, issue_token

SITE_ORIGIN = "http://testserver"


class ReaderClient(Client):
    """Posts as a browser on one of the site's pages would: with the Origin
    header browsers send, and the form token the page carried."""

    def __init__(self, origin: str = SITE_ORIGIN, **kwargs):
        super().__init__(headers={"Origin": origin}, **kwargs)

    def post(self, path, data=None, **extra):
        token = {TOKEN_FIELD: issue_token(urlsplit(path).path)}
        return super().post(path, {**token, **(data or {})}, **extra)

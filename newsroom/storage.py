"""Uploads kept in an S3-compatible bucket shared by every app server.

The bucket stays private. A file's address is MEDIA_URL plus its name, as
with the file system, so that readers fetch it through the site's media view
(articles/views/media.py), which decides who may see it before reading the
bytes from the bucket; a bucket or CDN address would bypass that check and
publish drafts' images.
"""

from urllib.parse import urljoin

from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage


class PrivateBucketStorage(S3Storage):
    def url(self, name, parameters=None, expire=None, http_method=None) -> str:
        return urljoin(settings.MEDIA_URL, filepath_to_uri(name))

"""Which uploaded files a reader may fetch.

An uploaded image is public once something public shows it: a library image
that a published article or organization news item shows, as its featured
image or as a figure (so a schedule or the trash is respected by the same
``published()`` rule as the pages), an author's photo, the site logo. Until
then neither the original nor its renditions are served, however well their
address is guessed.
"""

from pathlib import PurePosixPath

from django.db.models import Q

from articles.models import (
    Article,
    Author,
    Image,
    OrganizationNewsItem,
    SiteSettings,
)
from articles.renditions import original_of


def public_sources() -> list[tuple]:
    """(queryset, image field) pairs whose images readers see."""
    return [
        (
            Image.objects.shown_by(
                Article.objects.published(), OrganizationNewsItem.objects.published()
            ),
            "file",
        ),
        (Author.objects.all(), "photo"),
        (SiteSettings.objects.all(), "logo"),
    ]


def is_public_file(name: str) -> bool:
    """Whether the stored file ``name`` is an image, or a rendition of an
    image, that the public site shows."""
    original = original_of(name)
    for queryset, field in public_sources():
        if original is None:
            if queryset.filter(**{field: name}).exists():
                return True
            continue
        folder, stem = original
        # The original's extension is unknown, so match on "folder/stem." and
        # then compare whole stems: "photo.v2.png" is not "photo.png".
        prefix = f"{folder}/{stem}." if folder != "." else f"{stem}."
        candidates = queryset.filter(Q(**{f"{field}__startswith": prefix}))
        for candidate in candidates.values_list(field, flat=True):
            path = PurePosixPath(candidate)
            if str(path.parent) == folder and path.stem == stem:
                return True
    return False

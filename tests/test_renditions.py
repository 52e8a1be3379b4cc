"""Images are served in several widths and in WebP, with their dimensions."""

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone
from PIL import ImageOps

from articles.renditions import rendition_name, rendition_widths
from tests.factories import image_upload, make_article

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("width", "expected"),
    [
        (2400, [480, 800, 1200, 1600]),
        (1000, [480, 800, 1000]),
        (300, [300]),
        (None, []),
    ],
)
def test_widths_never_exceed_the_original(width, expected):
    assert rendition_widths(width) == expected


def test_saving_an_image_writes_jpeg_and_webp_renditions(client):
    article = make_article()
    article.image = image_upload("harbour.png", size=(1000, 500))
    article.image_alt = "A harbour"
    article.save()

    for width in (480, 800, 1000):
        for extension in ("jpg", "webp"):
            assert default_storage.exists(
                rendition_name(article.image.name, width, extension)
            )

    page = client.get(article.get_absolute_url()).text
    assert 'type="image/webp"' in page
    assert " 480w" in page and " 1000w" in page
    assert 'width="1000" height="500" alt="A harbour"' in page
    assert 'sizes="' in page


def test_the_lead_image_loads_at_once_and_images_below_the_fold_lazily(client):
    def illustrated(**fields):
        article = make_article(**fields)
        article.image = image_upload(size=(600, 400))
        article.image_alt = f"Image for {article.title}"
        article.save()

    illustrated(kind="brief", title="Lead", published_at=timezone.now())
    illustrated(kind="analysis", title="Further down")

    page = client.get("/en/").text

    assert 'alt="Image for Lead">' in page
    assert 'alt="Image for Further down" loading="lazy"' in page


def test_renditions_are_made_only_when_the_image_changes(monkeypatch):
    """Decoding the original is the slow part of a save: a save that keeps the
    image (a text edit, a workflow step, a bulk action) never decodes it."""
    decoded = []
    transpose = ImageOps.exif_transpose
    # Every rendition starts from the decoded, upright original.
    monkeypatch.setattr(
        "articles.renditions.ImageOps.exif_transpose",
        lambda image: decoded.append(image.size) or transpose(image),
    )
    article = make_article(image_alt="A harbour")
    article.image = image_upload("harbour.png", size=(900, 500))
    article.save()
    assert len(decoded) == 1

    article.title = "A new headline"
    article.save()
    article.unpublish(None, "Image rights withdrawn")
    assert len(decoded) == 1

    article.image = image_upload("pier.png", size=(900, 500))
    article.save()
    assert len(decoded) == 2

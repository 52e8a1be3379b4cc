"""Images are served in several widths and in WebP, with their dimensions."""

import pytest
from django.utils import timezone

from articles.renditions import rendition_widths
from tests.factories import make_article, make_image

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


def test_the_page_offers_jpeg_and_webp_renditions_with_the_size(client):
    image = make_image("harbour.png", size=(1000, 500), alt="A harbour")
    article = make_article(featured_image=image)

    page = client.get(article.get_absolute_url()).text
    assert 'type="image/webp"' in page
    assert " 480w" in page and " 1000w" in page
    assert 'width="1000" height="500" alt="A harbour"' in page
    assert 'sizes="' in page


def test_the_lead_image_loads_at_once_and_images_below_the_fold_lazily(client):
    def illustrated(**fields):
        image = make_image(size=(600, 400), alt=f"Image for {fields['title']}")
        make_article(featured_image=image, **fields)

    illustrated(kind="brief", title="Lead", published_at=timezone.now())
    illustrated(kind="analysis", title="Further down")

    page = client.get("/en/").text

    assert 'alt="Image for Lead">' in page
    assert 'alt="Image for Further down" loading="lazy"' in page

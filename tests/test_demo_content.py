"""The demo newsroom loads once, completely, and loading it again changes nothing."""

import pytest
from django.core.management import call_command

from articles.models import (
    Article,
    Author,
    CorrectionKind,
    Country,
    Image,
    OrganizationNewsItem,
    RelatedArticle,
    SiteSettings,
    Topic,
)

pytestmark = pytest.mark.django_db


def counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in [
            Article,
            Author,
            Country,
            Topic,
            OrganizationNewsItem,
            RelatedArticle,
        ]
    }


def test_demo_content_runs_twice_without_duplicating():
    call_command("load_demo_content")
    first = counts()
    call_command("load_demo_content")
    assert counts() == first
    assert first["Article"] > 5


def test_demo_content_is_a_complete_newsroom():
    call_command("load_demo_content")
    published = Article.objects.published()

    assert published.filter(language="en").exists()
    assert published.filter(language="es").exists()
    assert published.filter(sections__isnull=False).distinct().count() >= 3
    assert published.filter(tags__isnull=False).exists()
    assert RelatedArticle.objects.exists()
    assert published.exclude(featured_image=None).exists()
    # The Spanish front page leads with a picture too.
    assert published.filter(language="es").exclude(featured_image=None).exists()
    assert Article.objects.scheduled().exists()
    assert Article.objects.filter(status="review").exists()
    assert OrganizationNewsItem.objects.published().count() >= 3
    assert SiteSettings.load().organization_name == "Frontera Desk"


def test_demo_translations_are_linked_both_ways():
    call_command("load_demo_content")
    spanish = Article.objects.filter(language="es")
    assert spanish.exists()
    for article in spanish:
        assert article.translation is not None
        assert article.translation.translation == article


def test_demo_content_leaves_an_editors_changes_alone():
    call_command("load_demo_content")
    article = Article.objects.published().first()
    article.title = "An editor's better headline"
    article.save()
    settings = SiteSettings.load()
    settings.organization_name = "Our Newsroom"
    settings.save()

    call_command("load_demo_content")

    article.refresh_from_db()
    assert article.title == "An editor's better headline"
    assert SiteSettings.load().organization_name == "Our Newsroom"


def test_demo_images_are_real_images_with_descriptions():
    call_command("load_demo_content")
    shown = Image.objects.shown_by(
        Article.objects.published(), OrganizationNewsItem.objects.published()
    )
    for image in Image.objects.all():
        assert image.alt
        assert image in shown
    # Stored, not measured: Django opens the file of an image loaded without
    # its dimensions, on every page that shows it.
    assert set(Image.objects.values_list("width", "height")) == {(1600, 900)}


def test_demo_shows_an_editor_every_part_of_an_article():
    """One demo article carries what the editor and the model can hold, so a
    new user sees each on the page and in the form."""
    call_command("load_demo_content")
    article = Article.objects.get(slug="timber-trail-amazon-export-docks")

    assert article.figure_images
    assert 'data-embed="datawrapper"' in article.body_html
    assert {note.kind for note in article.corrections.all()} == {
        CorrectionKind.CORRECTION,
        CorrectionKind.UPDATE,
    }
    assert article.countries.count() >= 2
    assert article.topics.exists()
    assert article.authors.get().is_team

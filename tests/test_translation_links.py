"""An article and its translation point at each other, always both ways."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from articles.models import Article, Status
from tests.admin_forms import article_form_data
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db


def reload(*articles: Article) -> list[Article]:
    return [Article.objects.get(pk=article.pk) for article in articles]


def test_linking_one_side_links_the_other():
    english = make_article(language="en")
    spanish = make_article(language="es", translation=english)

    english, spanish = reload(english, spanish)

    assert english.translation == spanish
    assert spanish.translation == english


def test_relinking_to_another_translation_releases_the_old_one():
    english = make_article(language="en")
    first = make_article(language="es", translation=english)
    second = make_article(language="es")

    english.translation = second
    english.save()
    english, first, second = reload(english, first, second)

    assert english.translation == second
    assert second.translation == english
    assert first.translation is None


def test_taking_a_translation_that_belonged_to_another_pair_breaks_that_pair():
    english_a = make_article(language="en")
    spanish_a = make_article(language="es", translation=english_a)
    english_b = make_article(language="en")

    english_b.translation = spanish_a
    english_b.save()
    english_a, spanish_a, english_b = reload(english_a, spanish_a, english_b)

    assert spanish_a.translation == english_b
    assert english_b.translation == spanish_a
    assert english_a.translation is None


def test_unlinking_one_side_unlinks_both():
    english = make_article(language="en")
    spanish = make_article(language="es", translation=english)

    spanish.translation = None
    spanish.save()
    english, spanish = reload(english, spanish)

    assert english.translation is None
    assert spanish.translation is None


def test_deleting_a_translation_leaves_the_original_unlinked():
    english = make_article(language="en")
    spanish = make_article(language="es", translation=english)

    spanish.delete()

    assert reload(english)[0].translation is None


def test_a_translation_must_be_in_the_other_language():
    english = make_article(language="en")
    other_english = make_article(language="en")
    other_english.translation = english
    with pytest.raises(ValidationError) as error:
        other_english.full_clean()
    assert "translation" in error.value.message_dict


def test_an_article_cannot_translate_itself():
    article = make_article(language="en")
    article.translation = article
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "translation" in error.value.message_dict


def test_a_writer_cannot_relink_published_articles_from_the_form(client):
    writer = make_user("Writers")
    client.force_login(writer)
    english = make_article(language="en")
    draft = make_article(
        language="es", status=Status.DRAFT, published_at=None, created_by=writer
    )

    response = client.post(
        reverse("admin:articles_article_change", args=[draft.pk]),
        article_form_data(
            existing=draft,
            language="es",
            title=draft.title,
            authors=[],
            translation=english.pk,
        ),
    )

    assert response.status_code == 200
    assert "which you may not edit" in response.text
    english, draft = reload(english, draft)
    assert english.translation is None
    assert draft.translation is None


def test_an_editor_may_relink_translations_from_the_form(client):
    client.force_login(make_user("Editors"))
    english = make_article(language="en")
    draft = make_article(language="es", status=Status.DRAFT, published_at=None)

    response = client.post(
        reverse("admin:articles_article_change", args=[draft.pk]),
        article_form_data(
            existing=draft, language="es", title=draft.title, translation=english.pk
        ),
    )

    assert response.status_code == 302
    assert reload(english)[0].translation == draft

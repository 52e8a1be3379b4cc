"""Markup-like text in an analysis heading is kept as text, never a 500.

The heading is plain text; it once reached the HTML parser behind the search
text unescaped, and Python's parser gives up on a broken "<![" declaration."""

import pytest
from django.urls import reverse

from articles.models import AnalysisSection
from tests.admin_forms import article_form_data
from tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("heading", ["<![CDATA[x]]>", "a <![ b", "<!-- x", "<?x"])
def test_an_analysis_heading_with_markup_declarations_saves(client, heading):
    client.force_login(make_user("Editors"))
    response = client.post(
        reverse("admin:articles_article_add"),
        article_form_data(sections=[{"heading": heading, "body": "<p>Why.</p>"}]),
    )
    assert response.status_code == 302
    section = AnalysisSection.objects.get()
    assert section.heading == heading
    assert heading in section.article.search_text

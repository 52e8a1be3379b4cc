"""Feeds hold no request state: English and Spanish feeds requested at the
same time from a threaded server never carry each other's texts."""

from concurrent.futures import ThreadPoolExecutor
from urllib.request import urlopen

import pytest

from articles.models import SiteSettings, SiteText
from tests.factories import make_article

pytestmark = pytest.mark.django_db(transaction=True)

TAGLINES = {
    "en": "Reporting on crime in the Americas.",
    "es": "Periodismo sobre el crimen en las Américas.",
}


def test_concurrent_english_and_spanish_feeds_keep_to_their_language(live_server):
    site = SiteSettings.load()
    site.tagline = TAGLINES["en"]
    site.save()
    SiteText.objects.create(site=site, language="es", tagline=TAGLINES["es"])
    make_article(title="Port of Callao", language="en")
    make_article(title="Puerto del Callao", language="es")

    def fetch(number: int) -> tuple[str, str]:
        language = ["en", "es"][number % 2]
        feed = ["rss", "atom"][number // 2 % 2]
        # A distinct address each time, so every request renders afresh.
        url = f"{live_server.url}/{language}/feeds/{feed}/?n={number}"
        with urlopen(url, timeout=30) as response:
            return language, response.read().decode()

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(fetch, range(80)))

    for language, text in results:
        other = "es" if language == "en" else "en"
        assert TAGLINES[language] in text
        assert TAGLINES[other] not in text
    assert all(
        ("Puerto del Callao" in text) == (language == "es")
        for language, text in results
    )

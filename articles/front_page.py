"""What the home page shows, in a few small queries whatever the size of the
archive: a lead story, secondary stories, then rows of the newest of each
kind and of each region. The top stories appear nowhere else on the page."""

from dataclasses import dataclass

from articles.models import Article, Country, Kind
from articles.navigation import SECTION_NAMES

SECONDARY_STORIES = 4
CARDS_PER_ROW = 4
TEXT_FIELDS = ["body", "body_html", "search_text", "search_vector"]


@dataclass(frozen=True)
class Row:
    heading: str
    articles: list[Article]
    kind: str = ""
    """The kind whose index the row links to, when it is a kind's row."""


@dataclass(frozen=True)
class FrontPage:
    lead: Article | None
    secondary: list[Article]
    kind_rows: list[Row]
    region_rows: list[Row]


def newest_by(articles, field: str, values, count: int):
    """The ``count`` newest of ``articles`` for each of ``values`` of
    ``field``, newest first, with what their cards show and not their texts,
    which cards do not show (a few dozen bodies were most of the page's
    reading)."""
    return (
        articles.newest_of_each(field, values, count)
        .with_card_data()
        .defer(*TEXT_FIELDS)
    )


def front_page(language: str) -> FrontPage:
    # Enough of each kind to fill its row after the lead and secondary
    # stories have taken theirs.
    published = Article.objects.published().for_language(language)
    newest = list(
        newest_by(published, "kind", Kind.values, CARDS_PER_ROW + SECONDARY_STORIES + 1)
    )
    pictured = (a for a in newest if a.featured_image_id)
    lead = next(pictured, newest[0] if newest else None)
    secondary = [a for a in newest if a is not lead][:SECONDARY_STORIES]
    shown = {a.pk for a in [lead, *secondary] if a}
    kind_rows = [
        Row(str(name), articles[:CARDS_PER_ROW], kind)
        for kind, name in SECTION_NAMES.items()
        if (articles := [a for a in newest if a.kind == kind and a.pk not in shown])
    ]
    by_region: dict[str, list[Article]] = {}
    regions = (
        Country.objects.exclude(region="")
        .order_by("region")
        .values_list("region", flat=True)
        .distinct()
    )
    # By the primary country: an article about several countries stands in
    # one region's row, not in the row of each of them on the same page.
    for article in newest_by(
        published, "country__region", list(regions), CARDS_PER_ROW + len(shown)
    ):
        if article.pk not in shown:
            by_region.setdefault(article.country.region, []).append(article)
    region_rows = [
        Row(region, by_region[region][:CARDS_PER_ROW]) for region in sorted(by_region)
    ]
    return FrontPage(lead, secondary, kind_rows, region_rows)

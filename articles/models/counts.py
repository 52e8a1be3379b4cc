"""Counts editors sort the article list by, each in one subquery."""

from django.db import models
from django.db.models import Count, FloatField, OuterRef, Subquery, Sum
from django.db.models.functions import Cast, Coalesce, NullIf

from articles.models.engagement import DonationClick, Feedback
from articles.models.republication import Republication


def _count(model, **filters) -> Coalesce:
    rows = (
        model.objects.filter(article=OuterRef("pk"), **filters)
        .order_by()
        .values("article")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Coalesce(Subquery(rows), 0)


def _republished_views() -> Coalesce:
    rows = (
        Republication.objects.filter(article=OuterRef("pk"))
        .order_by()
        .values("article")
        .annotate(total=Sum("views"))
        .values("total")
    )
    return Coalesce(Subquery(rows), 0)


def with_engagement_counts(articles: models.QuerySet) -> models.QuerySet:
    """Annotate votes, the helpful share, donation clicks and republished
    views, one subquery each, so the counts never multiply one another as
    joins would."""
    return articles.annotate(
        helpful_votes=_count(Feedback, helpful=True),
        unhelpful_votes=_count(Feedback, helpful=False),
        donation_click_count=_count(DonationClick),
        republished_views=_republished_views(),
    ).annotate(
        helpful_share=Cast("helpful_votes", FloatField())
        / NullIf(models.F("helpful_votes") + models.F("unhelpful_votes"), 0)
    )

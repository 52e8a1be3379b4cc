from datetime import timedelta

from django.contrib import admin
from django.db.models import Count, Max, Sum
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from articles.models import Republication, RepublicationDay

REPORT_PERIODS = [7, 30, 90, 365]


def republication_table(article) -> str:
    """The article's republished pages as a small table for its admin form."""
    rows = article.republications.order_by("-views")[:100]
    if not rows:
        return _("Not republished yet.")
    header = format_html(
        "<tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        _("Page"),
        _("First seen"),
        _("Last seen"),
        _("Views"),
    )
    body = format_html_join(
        "",
        '<tr><td><a href="{}" rel="noreferrer">{}</a></td>'
        "<td>{}</td><td>{}</td><td>{}</td></tr>",
        (
            (
                row.url or "#",
                row.url or row.host,
                date_format(row.first_seen, "SHORT_DATETIME_FORMAT"),
                date_format(row.last_seen, "SHORT_DATETIME_FORMAT"),
                row.views,
            )
            for row in rows
        ),
    )
    return format_html("<table>{}{}</table>", header, body)


class RepublishedFilter(admin.SimpleListFilter):
    title = _("republished")
    parameter_name = "republished"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(republications__isnull=False).distinct()
        if self.value() == "no":
            return queryset.filter(republications__isnull=True)
        return queryset


@admin.register(Republication)
class RepublicationAdmin(admin.ModelAdmin):
    list_display = ["url", "host", "article", "views", "first_seen", "last_seen"]
    list_filter = [("last_seen", admin.DateFieldListFilter)]
    list_select_related = ["article"]
    search_fields = ["url", "host", "article__title"]
    date_hierarchy = "last_seen"
    readonly_fields = ["article", "url", "host", "first_seen", "last_seen", "views"]
    change_list_template = "admin/articles/republication/change_list.html"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def get_urls(self):
        return [
            path(
                "report/",
                self.admin_site.admin_view(self.report_view),
                name="articles_republication_report",
            )
        ] + super().get_urls()

    def report_view(self, request: HttpRequest) -> HttpResponse:
        """The outlets that republished most over a chosen period."""
        try:
            days = int(request.GET.get("days", 30))
        except ValueError:
            days = 30
        days = days if days in REPORT_PERIODS else 30
        since = timezone.localdate() - timedelta(days=days - 1)
        outlets = (
            RepublicationDay.objects.filter(day__gte=since)
            .values("republication__host")
            .annotate(
                views=Sum("views"),
                pages=Count("republication", distinct=True),
                articles=Count("republication__article", distinct=True),
                last_day=Max("day"),
            )
            .order_by("-views", "republication__host")[:50]
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Top republishing outlets"),
            "outlets": outlets,
            "days": days,
            "periods": REPORT_PERIODS,
            "since": since,
        }
        return TemplateResponse(
            request, "admin/articles/republication/report.html", context
        )

from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.widgets import AutocompleteSelect
from django.db import models
from django.db.models import Prefetch
from django.http import HttpRequest
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from articles import search
from articles.admin.autosave import AutosaveAdminMixin
from articles.admin.corrections import CorrectionInline
from articles.admin.editor import (
    LABELS,
    EmbedAddressAdminMixin,
    RichTextAdminMixin,
)
from articles.admin.filters import AutocompleteFilter
from articles.admin.forms import ArticleAdminForm
from articles.admin.republications import RepublishedFilter, republication_table
from articles.admin.revisions import RevisionsAdminMixin
from articles.admin.trash import TrashAdminMixin
from articles.admin.workflow import WorkflowActionsMixin
from articles.models import (
    AnalysisSection,
    Article,
    ArticleAuthor,
    RelatedArticle,
    Revision,
    Status,
    with_engagement_counts,
)
from articles.models.article import WORDS_PER_MINUTE
from articles.pagination import ArchivePaginator


class ArticleAuthorInline(admin.TabularInline):
    model = ArticleAuthor
    autocomplete_fields = ["author"]
    fields = ["author", "position"]
    extra = 0
    min_num = 1
    validate_min = True


class AnalysisSectionInline(RichTextAdminMixin, admin.StackedInline):
    model = AnalysisSection
    fields = ["heading", "body", "position"]
    extra = 0


class RelatedArticleInline(admin.TabularInline):
    model = RelatedArticle
    fk_name = "article"
    autocomplete_fields = ["related"]
    fields = ["related", "position"]
    extra = 0


class WorkFilter(admin.SimpleListFilter):
    """The two lists people come back to all day."""

    title = _("saved filters")
    parameter_name = "work"

    def lookups(self, request, model_admin):
        return [("mine", _("My work")), ("review", _("Review queue"))]

    def queryset(self, request, queryset):
        if self.value() == "mine":
            return queryset.by_person(request.user)
        if self.value() == "review":
            return queryset.filter(status=Status.IN_REVIEW)
        return queryset


class TranslationFilter(admin.SimpleListFilter):
    title = _("translation")
    parameter_name = "translated"

    def lookups(self, request, model_admin):
        return [("yes", _("Has a translation")), ("no", _("Lacks a translation"))]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(translation__isnull=self.value() == "no")
        return queryset


@admin.register(Article)
class ArticleAdmin(
    TrashAdminMixin,
    WorkflowActionsMixin,
    RevisionsAdminMixin,
    AutosaveAdminMixin,
    EmbedAddressAdminMixin,
    RichTextAdminMixin,
    admin.ModelAdmin,
):
    form = ArticleAdminForm
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    # Six columns at most: the list must read at 1280 px and scroll at 390.
    list_display = ["headline", "state", "byline", "place", "date"]
    list_filter = [
        WorkFilter,
        "status",
        "kind",
        "language",
        "country",
        "topics",
        AutocompleteFilter.of("authors"),
        AutocompleteFilter.of("tags"),
        ("published_at", admin.DateFieldListFilter),
        RepublishedFilter,
        TranslationFilter,
    ]
    list_select_related = ["country"]
    # At 100,000 articles a full count costs more than the page: the total is
    # left out, and the paginator's count is cached per filter combination
    # (and capped for a search). No date_hierarchy either: its list of years
    # reads every row; the publication-time filter stays.
    show_full_result_count = False
    # Shown as the search box; get_search_results() answers it from the
    # full-text index instead of LIKE scans over these columns.
    search_fields = ["title", "dek", "body"]
    autocomplete_fields = [
        "country",
        "countries",
        "topics",
        "translation",
        "featured_image",
        "original_outlet",
        "partners",
    ]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [
        ArticleAuthorInline,
        AnalysisSectionInline,
        RelatedArticleInline,
        CorrectionInline,
    ]
    actions = [
        *WorkflowActionsMixin.actions,
        "create_translation_drafts",
        "move_to_trash",
        "restore_from_trash",
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "kind",
                    "title",
                    "slug",
                    "dek",
                    "body",
                    "length",
                    "edited_version",
                ]
            },
        ),
        (
            _("Where and what"),
            {"fields": ["country", "countries", "topics", "tags"]},
        ),
        (
            _("Featured image"),
            {"fields": ["featured_image"]},
        ),
        (_("Language"), {"fields": ["language", "translation"]}),
        (
            _("Source and partners"),
            {"fields": ["original_outlet", "original_url", "partners"]},
        ),
        (
            _("Publishing"),
            {"fields": ["status", "published_at", "allow_republishing", "licence"]},
        ),
    ]
    # Counted for a saved article only; the list keeps to six columns.
    readers_fieldset = (
        _("Readers"),
        {"fields": ["helpfulness", "donation_clicks", "republications"]},
    )
    republication_fieldset = (
        _("Republished on other sites"),
        {"fields": ["republished_on"], "classes": ["collapse"]},
    )

    # A ``media`` property replaces what a ``class Media`` would declare, so
    # the stylesheet is listed here with the scripts.
    @property
    def media(self):
        autocomplete = AutocompleteSelect(
            Article._meta.get_field("tags"), self.admin_site
        )
        return (
            super().media
            + autocomplete.media
            + forms.Media(
                css={"all": ["css/admin.css"]},
                js=[
                    # The filter script uses django.jQuery, which this defines.
                    "admin/js/jquery.init.js",
                    "js/admin-autocomplete-filter.js",
                    "js/autosave.js",
                ],
            )
        )

    def get_paginator(
        self, request: HttpRequest, queryset, per_page, orphans=0, **kwargs
    ):
        params = sorted((k, v) for k, v in request.GET.items() if k != "p")
        return ArchivePaginator(
            queryset,
            per_page,
            orphans,
            count_key=f"{request.path}?{urlencode(params)}",
            max_count=search.MAX_RESULTS if request.GET.get("q") else None,
            **kwargs,
        )

    def get_queryset(self, request: HttpRequest):
        return with_engagement_counts(
            super()
            .get_queryset(request)
            .prefetch_related(
                Prefetch(
                    "article_authors",
                    queryset=ArticleAuthor.objects.select_related("author"),
                )
            )
        )

    def get_search_results(self, request: HttpRequest, queryset, search_term: str):
        # The mixins narrow the rows (the trash); the words go through the
        # full-text index instead of the admin's LIKE over every column.
        queryset, may_have_duplicates = super().get_search_results(
            request, queryset, ""
        )
        if search_term.strip():
            queryset = search.matching(queryset, search_term)
        return queryset, may_have_duplicates

    def action_checkbox(self, obj: Article) -> str:
        # Django renders each row's box through the form widget templates,
        # about a quarter of the list's time at 100 rows: the same markup,
        # formatted at once.
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" '
            'aria-label="{}">',
            ACTION_CHECKBOX_NAME,
            obj.pk,
            format_html(gettext("Select this object for an action - {}"), str(obj)),
        )

    @admin.display(description=_("title"), ordering="title")
    def headline(self, obj: Article) -> str:
        return format_html(
            '{}<br><span class="article-meta">{} · {}</span>',
            obj.title,
            obj.get_kind_display(),
            obj.language.upper(),
        )

    @admin.display(description=_("length"))
    def length(self, obj: Article) -> str:
        # The editor script keeps it up to date as the writer types.
        return format_html(
            '<span data-word-count-for="id_body" data-words-per-minute="{}">{}</span>',
            WORDS_PER_MINUTE,
            LABELS["wordCount"]
            % {"words": obj.word_count, "minutes": obj.reading_minutes},
        )

    @admin.display(description=_("country"), ordering="country__name")
    def place(self, obj: Article) -> str:
        return obj.country.name if obj.country else "—"

    @admin.display(description=_("date"), ordering="published_at")
    def date(self, obj: Article) -> str:
        if obj.published_at is None:
            return "—"
        return formats.date_format(timezone.localtime(obj.published_at))

    @admin.display(description=_("helpful"), ordering="helpful_share")
    def helpfulness(self, obj: Article) -> str:
        votes = obj.helpful_votes + obj.unhelpful_votes
        if not votes:
            return "—"
        return _("%(share)d%% of %(votes)d") % {
            "share": round(100 * obj.helpful_votes / votes),
            "votes": votes,
        }

    @admin.display(description=_("republished views"), ordering="republished_views")
    def republications(self, obj: Article) -> int:
        return obj.republished_views

    @admin.display(description=_("donation clicks"), ordering="donation_click_count")
    def donation_clicks(self, obj: Article) -> int:
        return obj.donation_click_count

    @admin.display(description=_("state"), ordering="status")
    def state(self, obj: Article) -> str:
        return obj.state_label

    @admin.display(description=_("authors"))
    def byline(self, obj: Article) -> str:
        return ", ".join(author.name for author in obj.ordered_authors)

    @admin.action(
        description=_("Create a translation draft of each selected article"),
        permissions=["add"],
    )
    def create_translation_drafts(self, request: HttpRequest, queryset) -> None:
        languages = [code for code, _name in settings.LANGUAGES]
        created = []
        for article in queryset.filter(translation__isnull=True):
            language = next(code for code in languages if code != article.language)
            draft = article.make_translation_draft(language, user=request.user)
            Revision.objects.record(
                draft, user=request.user, note=_("Translation draft")
            )
            created.append(draft)
        if created:
            links = format_html_join(
                ", ",
                '<a href="{}">{}</a>',
                (
                    (reverse("admin:articles_article_change", args=[d.pk]), d.title)
                    for d in created
                ),
            )
            self.message_user(
                request,
                format_html(_("Translation drafts to write: {}"), links),
                messages.SUCCESS,
            )
        skipped = queryset.count() - len(created)
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)d article already has a translation.",
                    "%(count)d articles already have a translation.",
                    skipped,
                )
                % {"count": skipped},
                messages.WARNING,
            )

    def view_on_site(self, obj: Article) -> str:
        return obj.get_absolute_url() if obj.is_published else obj.get_preview_url()

    # Writers work on their own articles until an editor publishes them; editors
    # (holders of the publish permission) work on everything: Article.may_edit.

    def can_publish(self, request: HttpRequest) -> bool:
        return Article.may_publish(request.user)

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or obj.may_edit(request.user)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        if not super().has_delete_permission(request, obj):
            return False
        return obj is None or obj.may_edit(request.user)

    def get_fieldsets(self, request: HttpRequest, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not obj:
            return fieldsets
        return [*fieldsets, self.readers_fieldset, self.republication_fieldset]

    def get_readonly_fields(self, request: HttpRequest, obj=None):
        # The state changes only through the workflow steps, which check it.
        always = (
            "status",
            "length",
            "republished_on",
            "helpfulness",
            "donation_clicks",
            "republications",
        )
        return always if self.can_publish(request) else (*always, "published_at")

    @admin.display(description=_("pages"))
    def republished_on(self, obj: Article) -> str:
        return republication_table(obj)

    def get_form(self, request: HttpRequest, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.editing_user = request.user
        return form

    def save_model(self, request: HttpRequest, obj: Article, form, change: bool):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

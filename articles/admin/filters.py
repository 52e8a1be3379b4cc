"""List filters that stay small however many tags and authors there are."""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect


class AutocompleteFilter(admin.ListFilter):
    """Filter by one related object picked with the admin's own autocomplete
    (the related model's admin search), instead of a link per object: with
    5,000 tags a list of links would outweigh the page."""

    template = "admin/articles/autocomplete_filter.html"
    field_name = ""

    def __init__(self, request, params, model, model_admin) -> None:
        self.field = model._meta.get_field(self.field_name)
        self.title = self.field.verbose_name
        super().__init__(request, params, model, model_admin)
        self.parameter_name = f"{self.field_name}__id__exact"
        value = params.pop(self.parameter_name, None)
        # Django 5 hands over lists of values; a filter takes one.
        self.value = value[-1] if isinstance(value, list) else value
        self.admin_site = model_admin.admin_site

    def has_output(self) -> bool:
        return True

    def expected_parameters(self) -> list[str]:
        return [self.parameter_name]

    def queryset(self, request, queryset):
        if self.value and str(self.value).isdigit():
            return queryset.filter(**{self.parameter_name: self.value})
        return queryset

    def choices(self, changelist):
        picker = forms.ModelChoiceField(
            queryset=self.field.remote_field.model.objects.all(),
            widget=AutocompleteSelect(self.field, self.admin_site),
            required=False,
        )
        widget_id = f"filter-{self.parameter_name}"
        yield {
            "widget": picker.widget.render(
                self.parameter_name, self.value, attrs={"id": widget_id}
            ),
            "widget_id": widget_id,
            "hidden": [
                (name, value)
                for name, value in changelist.get_filters_params().items()
                if name != self.parameter_name
            ],
            "clear_url": changelist.get_query_string(remove=[self.parameter_name]),
            "selected": bool(self.value),
        }

    @classmethod
    def of(cls, field_name: str) -> type["AutocompleteFilter"]:
        return type(
            f"{field_name.title()}AutocompleteFilter",
            (cls,),
            {"field_name": field_name},
        )

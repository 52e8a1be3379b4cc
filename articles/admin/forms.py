from django import forms
from django.db import transaction
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from articles.models import Article


class ArticleAdminForm(forms.ModelForm):
    """Refuses to overwrite changes saved by someone else since the form opened.

    The form carries the time of the version it was opened on. If the article
    changed since, the save is refused with who changed it and when; everything
    typed stays in the form, and saving again (now on the newer version)
    overwrites on purpose. Either way both versions are kept as revisions. A
    save that does not carry the version at all is treated as a conflict.
    The admin builds the form's fields; this class only adds the check.
    """

    edited_version = forms.CharField(widget=forms.HiddenInput, required=False)
    # Set by the admin to the person saving: links that would change articles
    # they may not edit are refused.
    editing_user = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["edited_version"] = self.instance.updated_at.isoformat()

    def clean_translation(self) -> Article | None:
        translation = self.cleaned_data.get("translation")
        if self.editing_user is None:
            return translation
        touched = self.instance.articles_relinked_by(
            translation.pk if translation else None
        )
        forbidden = [
            article.title
            for article in touched
            if not article.may_edit(self.editing_user)
        ]
        if forbidden:
            raise forms.ValidationError(
                _(
                    "This link would also change %(titles)s, which you may not "
                    "edit. Ask an editor to link the translations."
                ),
                code="translation_not_allowed",
                params={"titles": ", ".join(f"“{title}”" for title in forbidden)},
            )
        return translation

    def clean(self):
        cleaned = super().clean()
        if not self.instance.pk:
            return cleaned
        opened_on = self.cleaned_data.get("edited_version")
        # The admin validates and saves in one transaction: the lock holds the
        # row until this save commits, so a simultaneous save waits here and
        # then sees the newer version instead of overwriting it unseen.
        with transaction.atomic():
            current = (
                Article.objects.select_for_update()
                .filter(pk=self.instance.pk)
                .values_list("updated_at", flat=True)
                .first()
            )
        if current is None or current.isoformat() == opened_on:
            return cleaned
        # Let a second save go through: the editor has now been told.
        self.data = self.data.copy()
        self.data[self.add_prefix("edited_version")] = current.isoformat()
        if not opened_on:
            raise forms.ValidationError(
                _(
                    "This save did not say which version of the article it was "
                    "made on, so it might replace a colleague's changes. Compare "
                    "your text with the revisions, then save again."
                ),
                code="edit_conflict",
            )
        latest = self.instance.revisions.saved().select_related("user").first()
        who = latest.user.get_username() if latest and latest.user else _("someone")
        raise forms.ValidationError(
            _(
                "%(who)s saved this article at %(time)s, after you opened it. "
                "Your text is kept below. Compare it with the revisions, then "
                "save again to replace their version with yours."
            ),
            code="edit_conflict",
            params={
                "who": who,
                "time": formats.date_format(current, "DATETIME_FORMAT"),
            },
        )

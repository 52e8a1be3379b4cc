"""Forms readers fill in. Every field is bounded; every refusal says why."""

import time

from django import forms
from django.conf import settings
from django.core.signing import BadSignature, Signer
from django.utils.translation import gettext_lazy as _

from articles.models import ReaderMessage

FILL_TIME_SALT = "articles.comment-form-started"


class FeedbackForm(forms.Form):
    helpful = forms.TypedChoiceField(
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        error_messages={"required": _("Choose yes or no.")},
    )
    reason = forms.CharField(
        label=_("What was missing? (optional)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 500}),
    )


class CommentForm(forms.ModelForm):
    """A message to the editors, with three checks that cost a person nothing:
    a field only robots fill in, a minimum time to fill the form, and (in the
    view) a limit per address."""

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(widget=forms.HiddenInput)
    message = forms.CharField(
        label=_("Message"),
        min_length=10,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
    )

    class Meta:
        model = ReaderMessage
        fields = ["name", "email", "message"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }
        help_texts = {
            "email": _("Optional; only if you would like an answer."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["started"] = fill_time_stamp()

    def clean_website(self) -> str:
        if self.cleaned_data["website"]:
            raise forms.ValidationError(
                _("We could not accept this message. Please send it again."),
                code="honeypot",
            )
        return ""

    def clean_started(self) -> str:
        try:
            started = int(
                Signer(salt=FILL_TIME_SALT).unsign(self.cleaned_data["started"])
            )
        except (BadSignature, ValueError):
            raise forms.ValidationError(
                _("We could not accept this message. Please send it again."),
                code="tampered",
            ) from None
        age = time.time() - started
        if age > settings.NEWSROOM_COMMENT_FORM_MAX_AGE:
            raise forms.ValidationError(
                _("This form was open for too long. Please send it again."),
                code="expired",
            )
        if age < settings.NEWSROOM_COMMENT_MIN_SECONDS:
            raise forms.ValidationError(
                _("That was very fast. Please check your message and send it again."),
                code="too_fast",
            )
        return self.cleaned_data["started"]

    def restart_clock(self) -> None:
        """After a refusal the reader sends again: time that from now, keeping
        everything else they typed."""
        self.data = self.data.copy()
        self.data["started"] = fill_time_stamp()


def fill_time_stamp() -> str:
    return Signer(salt=FILL_TIME_SALT).sign(str(int(time.time())))

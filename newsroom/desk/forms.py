"""The workflow part of an article's or news item's admin form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from articles.models import STEPS, WorkflowError

# The button that saves the form with its note and takes no step.
ADD_NOTE = "note"


class WorkflowFields(forms.Form):
    """Mixed into a ModelForm: the note, the schedule time, and the step the
    pressed button names (``_workflow``).

    The step is checked against the item as typed, before anything is saved:
    a refused step saves nothing, says why, and keeps what was typed.
    ``workflow_user`` is set by the admin for each request.
    """

    workflow_note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "For the writer and the editors, never for readers. Required to "
            "request changes or to unpublish."
        ),
    )
    workflow_publish_at = forms.DateTimeField(
        label=_("Publication time"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text=_("For “Schedule…”: when readers will see it."),
    )
    workflow_user = None

    @property
    def requested_step(self) -> str:
        return self.data.get("_workflow", "") if self.is_bound else ""

    def _post_clean(self) -> None:
        # After the model form has copied what was typed onto the instance, so
        # "no body" means the body as typed, not as last saved.
        super()._post_clean()
        step, note = self.requested_step, self.cleaned_data.get("workflow_note", "")
        if not step:
            return
        if step == ADD_NOTE:
            if not note.strip():
                self.add_error("workflow_note", _("Write the note first."))
            return
        if step not in STEPS or not self.instance.pk:
            self.add_error(None, _("There is no such step."))
            return
        try:
            self.instance.check_step(
                step,
                self.workflow_user,
                note=note,
                when=self.cleaned_data.get("workflow_publish_at"),
            )
        except WorkflowError as refusal:
            self.add_error(None, str(refusal))

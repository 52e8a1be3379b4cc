"""The desk follows every workflow step, whoever takes it (a form, a bulk
action, a command): the step's note joins the item's thread, and the people
concerned are told once the step is committed."""

from articles.models import step_taken
from newsroom.desk import notifications
from newsroom.desk.models import Note


def keep_note_and_notify(sender, item, user, step: str, note: str, **kwargs) -> None:
    if note:
        Note.objects.create(item=item, author=user, text=note, step=step)
    notifications.announce(item, user, step, note)


def connect() -> None:
    step_taken.connect(keep_note_and_notify, dispatch_uid="desk-step-taken")

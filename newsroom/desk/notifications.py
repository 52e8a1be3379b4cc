"""E-mail about workflow steps: to editors when work waits for review, to the
writer when their article is sent back, published or scheduled.

Sent after the step is committed, one message per person: a failed send is
logged and costs nothing but that e-mail, since the step and its note are
already saved and shown on the desk.
"""

import logging
import smtplib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.mail import EmailMessage
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from articles.models import Publishable

logger = logging.getLogger(__name__)


def editors_of(item: Publishable) -> models.QuerySet:
    """Everyone who may publish this kind of item."""
    app_label, _dot, codename = type(item).publish_permission().partition(".")
    permission = Permission.objects.get(
        content_type__app_label=app_label, codename=codename
    )
    return get_user_model().objects.filter(
        Q(is_superuser=True)
        | Q(groups__permissions=permission)
        | Q(user_permissions=permission)
    )


def recipients(item: Publishable, actor, step: str) -> list:
    if step == "submit_for_review":
        people = editors_of(item)
    elif step in ("request_changes", "publish", "schedule") and item.created_by_id:
        people = get_user_model().objects.filter(pk=item.created_by_id)
    else:
        return []
    if actor is not None:
        people = people.exclude(pk=actor.pk)
    return list(
        people.filter(is_active=True)
        .exclude(email="")
        .exclude(desk_profile__email_notifications=False)
        .distinct()
    )


def describe(item: Publishable, actor, step: str, note: str) -> tuple[str, str]:
    """The subject and body of the e-mail about ``step``."""
    who = actor.get_username() if actor is not None else _("The newsroom")
    values = {"who": who, "title": item.title}
    if step == "submit_for_review":
        subject = _("To review: “%(title)s”") % values
        line = _("%(who)s sent “%(title)s” to review.") % values
    elif step == "request_changes":
        subject = _("Changes requested: “%(title)s”") % values
        line = _("%(who)s asks for changes to “%(title)s”.") % values
    elif step == "publish":
        subject = _("Published: “%(title)s”") % values
        line = _("%(who)s published “%(title)s”.") % values
    else:
        values["time"] = timezone.localtime(item.published_at).strftime(
            "%Y-%m-%d %H:%M"
        )
        subject = _("Scheduled: “%(title)s”") % values
        line = _("%(who)s scheduled “%(title)s” for %(time)s.") % values
    opts = item._meta
    address = settings.SITE_URL + reverse(
        f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk]
    )
    return subject, "\n\n".join(part for part in [line, note, address] if part)


def announce(item: Publishable, actor, step: str, note: str) -> None:
    """Tell the people concerned by ``step``, once it is committed."""
    people = recipients(item, actor, step)
    if not people:
        return
    subject, body = describe(item, actor, step, note)
    messages = [
        EmailMessage(subject, body, to=[person.email], reply_to=_reply_to(actor))
        for person in people
    ]
    transaction.on_commit(lambda: deliver(messages))


def deliver(messages: list[EmailMessage]) -> None:
    for message in messages:
        try:
            message.send()
        except (smtplib.SMTPException, OSError):
            logger.exception(
                "Could not e-mail %s about “%s”", message.to, message.subject
            )


def _reply_to(actor) -> list[str]:
    return [actor.email] if actor is not None and actor.email else []

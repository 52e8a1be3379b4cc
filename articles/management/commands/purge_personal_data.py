from datetime import timedelta

from axes.models import AccessLog
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from articles.models import AddressQuota, Feedback, ReaderMessage


class Command(BaseCommand):
    help = (
        "Erase readers' feedback fingerprints (cookie token and address hash) "
        "and the e-mail addresses on their comments once they are older than "
        "the retention period, staff sign-in records (addresses, browsers) as "
        "old, and abuse counts whose period is over. The votes and messages "
        "themselves are kept."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=settings.NEWSROOM_PERSONAL_DATA_DAYS,
            help="Keep personal data this many days (default: %(default)s).",
        )

    def handle(self, *args, days: int, **options) -> None:
        votes = (
            Feedback.objects.older_than(days)
            .exclude(reader="", address_hash="")
            .update(reader="", address_hash="")
        )
        addresses = (
            ReaderMessage.objects.older_than(days).exclude(email="").update(email="")
        )
        # Counts that bound abuse are useless once their period is over.
        AddressQuota.objects.expired().delete()
        AccessLog.objects.filter(
            attempt_time__lt=timezone.now() - timedelta(days=days)
        ).delete()
        self.stdout.write(
            f"Erased the fingerprints of {votes} votes and {addresses} e-mail "
            f"addresses older than {days} days."
        )

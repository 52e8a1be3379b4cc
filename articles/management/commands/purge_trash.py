from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from articles.models import Article, OrganizationNewsItem


class Command(BaseCommand):
    help = (
        "Delete for good the articles and organization news that have been in "
        "the trash longer than the keeping period, with their revisions, reader "
        "feedback and republication history."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=settings.NEWSROOM_TRASH_DAYS,
            help="Keep trashed items this many days (default: %(default)s).",
        )

    @transaction.atomic
    def handle(self, *args, days: int, **options) -> None:
        for model in (Article, OrganizationNewsItem):
            _total, by_model = model.objects.in_trash_longer_than(days).delete()
            count = by_model.get(model._meta.label, 0)
            self.stdout.write(
                f"Deleted {count} {model._meta.verbose_name_plural} "
                f"in the trash for more than {days} days."
            )

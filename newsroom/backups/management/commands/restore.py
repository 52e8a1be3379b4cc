from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from newsroom.backups.archive import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Replace the database and the uploaded media with a backup written by "
        "`manage.py backup`. Stop the site first; run `migrate` afterwards."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path, help="The backup to restore.")
        parser.add_argument(
            "--yes",
            action="store_true",
            help="Do not ask before replacing the current data.",
        )

    def handle(self, *args, file: Path, yes: bool, **options) -> None:
        if not file.is_file():
            raise CommandError(f"No backup at {file}.")
        if (
            not yes
            and input(
                "This replaces the current database and media. Type 'yes' to go on: "
            )
            != "yes"
        ):
            raise CommandError("Nothing was restored.")
        try:
            manifest = restore_backup(file)
        except BackupError as error:
            raise CommandError(error) from error
        self.stdout.write(
            f"Restored the database and media from the backup of "
            f"{manifest['created_at']}. Run `manage.py migrate` next."
        )

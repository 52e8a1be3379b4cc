from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from newsroom.backups.archive import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Write the database and the uploaded media to one archive file, "
        "for `manage.py restore`."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path, help="Where to write the backup.")

    def handle(self, *args, file: Path, **options) -> None:
        try:
            manifest = create_backup(file)
        except BackupError as error:
            raise CommandError(error) from error
        self.stdout.write(
            f"Backed up the {manifest['engine']} database and media to {file}."
        )

import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from newsroom.wordpress.importer import WordPressImport
from newsroom.wordpress.mapping import MappingError, load_mapping
from newsroom.wordpress.wxr import WXRError

BAR_WIDTH = 30


class Command(BaseCommand):
    help = (
        "Import a WordPress export (WXR file) as articles, with its authors, "
        "categories, tags, featured images and old addresses. All or nothing; "
        "running it again updates what changed and creates nothing twice."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path, help="The WXR file (.xml).")
        parser.add_argument(
            "--media-dir",
            type=Path,
            help="A local copy of the site's wp-content/uploads folder.",
        )
        parser.add_argument(
            "--mapping", type=Path, help="A TOML file mapping categories and types."
        )
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            help=(
                "The posts' language, unless a category maps to one; by default "
                "the mapping's, else the export's own."
            ),
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Report what would be imported, and save nothing.",
        )
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help="Replace articles edited in Newsroom since the last import.",
        )

    def handle(self, *args, file: Path, mapping: Path | None, **options) -> None:
        if options["media_dir"] and not options["media_dir"].is_dir():
            raise CommandError(f"{options['media_dir']} is not a folder.")
        started = time.perf_counter()
        try:
            rules = load_mapping(mapping.read_text("utf-8") if mapping else "")
            with file.open("rb") as stream:
                size = file.stat().st_size
                progress = self.progress_bar(size) if sys.stderr.isatty() else None
                report = WordPressImport(
                    stream,
                    rules,
                    language=options["language"] or "",
                    media_dir=options["media_dir"],
                    overwrite=options["overwrite"],
                    dry_run=options["dry_run"],
                    progress=progress,
                ).run()
        except OSError as error:
            raise CommandError(str(error)) from None
        except (MappingError, UnicodeDecodeError) as error:
            raise CommandError(f"{mapping}: {error}") from None
        except WXRError as error:
            raise CommandError(f"{file}: {error} Nothing was imported.") from None
        finally:
            if sys.stderr.isatty():
                sys.stderr.write("\n")
        self.stdout.write(report.as_text())
        self.stdout.write(f"Finished in {time.perf_counter() - started:.1f} s.")

    def progress_bar(self, size: int):
        shown = [-1]

        def show(done: int) -> None:
            percent = 100 * done // size if size else 100
            if percent == shown[0]:
                return
            shown[0] = percent
            filled = percent * BAR_WIDTH // 100
            bar = "#" * filled + "." * (BAR_WIDTH - filled)
            sys.stderr.write(f"\r[{bar}] {percent:3d}%")
            sys.stderr.flush()

        return show

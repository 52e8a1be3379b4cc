from django.core.management.base import BaseCommand

from articles.public_cache import retire_cached_responses


class Command(BaseCommand):
    help = (
        "Retire every cached public response, feed entry and template "
        "fragment, and ask the caches in front to purge theirs. Run it with "
        "every deploy: what is cached is retired by content changes only, so "
        "pages rendered by the previous templates, or under a previous "
        "SITE_URL, would otherwise be served until the next one."
    )

    def handle(self, *args, **options) -> None:
        retire_cached_responses()
        self.stdout.write("Cached public responses retired.")

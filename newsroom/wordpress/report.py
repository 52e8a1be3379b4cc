"""What an import did, or would do in a dry run, told in counts and reasons."""

from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

# Warnings about single posts kept in full; past this only counted, so a
# huge export with a recurring problem cannot fill memory with messages.
MAX_WARNINGS = 500

CREATED = gettext_noop("articles created")
UPDATED = gettext_noop("articles updated")
UNCHANGED = gettext_noop("articles unchanged")
KEPT = gettext_noop("articles kept as edited in Newsroom (use --overwrite)")
AUTHORS = gettext_noop("authors created")
TOPICS = gettext_noop("topics created")
COUNTRIES = gettext_noop("countries created")
TAGS = gettext_noop("tags created")
IMAGES = gettext_noop("featured images attached")
ADDRESSES = gettext_noop("addresses on the old site redirected")
COUNT_ORDER = [
    CREATED, UPDATED, UNCHANGED, KEPT, AUTHORS, TOPICS, COUNTRIES, TAGS, IMAGES,
    ADDRESSES,
]  # fmt: skip


@dataclass
class PostWarning:
    line: int
    title: str
    message: str

    def __str__(self) -> str:
        return _("line %(line)s, “%(title)s”: %(message)s") % {
            "line": self.line,
            "title": self.title,
            "message": self.message,
        }


@dataclass
class Report:
    dry_run: bool = False
    counts: Counter = field(default_factory=Counter)
    # Why things were skipped or changed: (message id, its parameters) → count.
    reasons: Counter = field(default_factory=Counter)
    warnings: list[PostWarning] = field(default_factory=list)
    warning_count: int = 0

    def reason(self, message: str, count: int = 1, **params: str) -> None:
        self.reasons[(message, tuple(sorted(params.items())))] += count

    def warn(self, line: int, title: str, message: str) -> None:
        self.warning_count += 1
        if len(self.warnings) < MAX_WARNINGS:
            self.warnings.append(PostWarning(line, title, message))

    @property
    def count_rows(self) -> list[tuple[str, int]]:
        return [(_(key), self.counts[key]) for key in COUNT_ORDER]

    @property
    def count_lines(self) -> list[str]:
        return [f"{count:6d}  {label}" for label, count in self.count_rows]

    @property
    def summary(self) -> str:
        return "; ".join(
            f"{self.counts[key]} {_(key)}" for key in COUNT_ORDER if self.counts[key]
        ) or _("Nothing to import.")

    @property
    def reason_lines(self) -> list[str]:
        return [
            f"{count:6d}  {_(message) % dict(params)}"
            for (message, params), count in sorted(
                self.reasons.items(), key=lambda entry: -entry[1]
            )
        ]

    @property
    def warning_lines(self) -> list[str]:
        by_line = sorted(self.warnings, key=lambda warning: warning.line)
        lines = [str(warning) for warning in by_line]
        if self.warning_count > len(self.warnings):
            lines.append(
                _("… and %(count)s more warnings.")
                % {"count": self.warning_count - len(self.warnings)}
            )
        return lines

    def as_text(self) -> str:
        heading = (
            _("Dry run: nothing was saved. The import would give:")
            if self.dry_run
            else _("Imported:")
        )
        parts = [heading, *self.count_lines]
        if self.reasons:
            parts += ["", _("Skipped or changed:"), *self.reason_lines]
        if self.warnings:
            parts += ["", _("Warnings (%(count)s):") % {"count": self.warning_count}]
            parts += [f"  {line}" for line in self.warning_lines]
        return "\n".join(parts)

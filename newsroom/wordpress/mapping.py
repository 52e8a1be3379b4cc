"""The mapping file: how a WordPress site's categories and post types become
Newsroom's kinds, countries, topics, tags and languages.

A TOML file, every key optional::

    language = "es"                 # of every post, unless a category says
    time_zone = "America/Lima"      # the site's, for posts without a GMT date
    default_kind = "news"

    [post_types]                    # imported besides posts, as this kind
    page = "profile"

    [categories]                    # by slug or by name
    peru = "country:Peru"
    analisis = "kind:analysis"
    "Crimen organizado" = "topic:Organized crime"
    noticias-es = "language:es"
    uncategorized = "skip"

    [tags]                          # the same, for tags
    lima = "country:Peru"
"""

import hashlib
import tomllib
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.utils.translation import gettext as _

from articles.models import Kind

TARGETS = ("kind", "country", "topic", "tag", "language")


class MappingError(ValueError):
    pass


@dataclass(frozen=True)
class Target:
    """What a category becomes: ``kind`` and a value, or nothing (skip)."""

    kind: str
    value: str = ""


@dataclass
class Mapping:
    language: str = ""
    time_zone: ZoneInfo = field(default_factory=lambda: ZoneInfo(settings.TIME_ZONE))
    default_kind: str = Kind.NEWS
    post_types: dict[str, str] = field(default_factory=lambda: {"post": ""})
    categories: dict[str, Target] = field(default_factory=dict)
    tags: dict[str, Target] = field(default_factory=dict)
    digest: str = ""

    def for_category(self, slug: str, name: str) -> Target | None:
        """The mapped target of a category, or None when it is not mapped."""
        return self.categories.get(slug) or self.categories.get(name)

    def for_tag(self, slug: str, name: str) -> Target | None:
        return self.tags.get(slug) or self.tags.get(name)

    def kind_for_type(self, post_type: str) -> str | None:
        """The kind a post type is imported as, or None when it is skipped."""
        if post_type not in self.post_types:
            return None
        return self.post_types[post_type] or self.default_kind


def check_kind(value: str, where: str) -> str:
    if value not in Kind.values:
        raise MappingError(
            _("%(where)s: “%(value)s” is not a kind; use one of %(kinds)s.")
            % {"where": where, "value": value, "kinds": ", ".join(Kind.values)}
        )
    return value


def check_language(value: str, where: str) -> str:
    codes = [code for code, _name in settings.LANGUAGES]
    if value not in codes:
        raise MappingError(
            _("%(where)s: “%(value)s” is not a language; use one of %(codes)s.")
            % {"where": where, "value": value, "codes": ", ".join(codes)}
        )
    return value


def parse_target(text: str, where: str) -> Target:
    if text == "skip":
        return Target("skip")
    kind, _sep, value = text.partition(":")
    if kind not in TARGETS or not value.strip():
        raise MappingError(
            _(
                "%(where)s: “%(text)s” should be skip or one of kind:, country:, "
                "topic:, tag:, language: followed by a value."
            )
            % {"where": where, "text": text}
        )
    value = value.strip()
    if kind == "kind":
        check_kind(value, where)
    if kind == "language":
        check_language(value, where)
    return Target(kind, value)


def load_mapping(text: str = "") -> Mapping:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise MappingError(
            _("The mapping is not valid TOML: %(error)s") % {"error": error}
        ) from None
    mapping = Mapping(digest=hashlib.sha256(text.encode()).hexdigest())
    if "language" in data:
        mapping.language = check_language(str(data["language"]), "language")
    if "time_zone" in data:
        try:
            mapping.time_zone = ZoneInfo(str(data["time_zone"]))
        except (ZoneInfoNotFoundError, ValueError):
            raise MappingError(
                _("time_zone: “%(zone)s” is not a known time zone.")
                % {"zone": data["time_zone"]}
            ) from None
    if "default_kind" in data:
        mapping.default_kind = check_kind(str(data["default_kind"]), "default_kind")
    for post_type, kind in dict(data.get("post_types", {})).items():
        where = f"post_types.{post_type}"
        mapping.post_types[post_type] = check_kind(str(kind), where)
    for table in ("categories", "tags"):
        targets = {
            str(key): parse_target(str(value), f"{table}.{key}")
            for key, value in dict(data.get(table, {})).items()
        }
        setattr(mapping, table, targets)
    return mapping

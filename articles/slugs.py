import re

from django.db import models
from django.urls.converters import SlugConverter
from django.utils.text import slugify

# What the URL patterns' <slug:slug> accepts: a slug outside it cannot be
# reversed, and the page linking to it would fail.
REVERSIBLE = re.compile(rf"^{SlugConverter.regex}\Z")


def is_reversible(slug: str) -> bool:
    """Whether ``slug`` can be put in an address: ASCII, not empty."""
    return bool(REVERSIBLE.match(slug or ""))


def unique_slug(
    model: type[models.Model],
    text: str,
    *,
    exclude_pk: int | None = None,
    max_length: int = 255,
    fallback: str = "item",
) -> str:
    """An ASCII slug for ``text`` not yet used by ``model``: "peru", "peru-2", …

    Accents are folded ("Perú" gives "peru") so addresses stay typeable; text
    with nothing sluggable in it (only punctuation, say) falls back to a word.
    """
    base = slugify(text)[: max_length - 8].strip("-") or fallback
    taken = set(
        model._default_manager.filter(slug__startswith=base)
        .exclude(pk=exclude_pk)
        .values_list("slug", flat=True)
    )
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def ensure_reversible_slug(instance: models.Model, fallback: str) -> None:
    """Give ``instance`` a slug its address can carry, keeping a good one.

    A slug typed or imported with accents is folded ("perú" gives "peru");
    an empty one is made from the name.
    """
    if is_reversible(instance.slug):
        return
    model = type(instance)
    instance.slug = unique_slug(
        model,
        instance.slug if slugify(instance.slug) else instance.name,
        exclude_pk=instance.pk,
        max_length=model._meta.get_field("slug").max_length,
        fallback=fallback,
    )

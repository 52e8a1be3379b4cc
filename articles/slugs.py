from django.db import models
from django.utils.text import slugify


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

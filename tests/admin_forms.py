"""What the article admin form posts, built from plain values."""

from django.utils import timezone

from articles.models import Article


def article_form_data(
    *,
    authors=(),
    sections=(),
    related=(),
    corrections=(),
    existing: Article | None = None,
    **fields,
) -> dict:
    """POST data for the article add/change form, inlines included.

    ``authors`` and ``related`` are objects; ``sections`` are dicts of heading
    and body; ``corrections`` are dicts of kind, text and the date and time
    (``published_at_0``, ``published_at_1``). With ``existing``, the inline
    rows already saved are kept as they are (sent back with their ids), and
    the new ones come after them.
    """
    data = {
        "kind": "brief",
        "title": "A headline",
        "slug": "",
        "dek": "A summary.",
        "body": "<p>Body.</p>",
        "tags": "",
        "language": "en",
        "status": "draft",
        "allow_republishing": "on",
    }
    if existing is not None:
        # What the form carries: the version it was opened on.
        data["edited_version"] = existing.updated_at.isoformat()
    if existing is not None and existing.published_at is not None:
        when = timezone.localtime(existing.published_at)
        data["published_at_0"] = when.strftime("%Y-%m-%d")
        data["published_at_1"] = when.strftime("%H:%M:%S")
    data.update(fields)
    data.update(
        _inline(
            "article_authors",
            existing,
            "article_authors",
            [{"author": a.pk} for a in authors],
        )
    )
    data.update(_inline("sections", existing, "sections", list(sections)))
    data.update(
        _inline(
            "related_links",
            existing,
            "related_links",
            [{"related": a.pk} for a in related],
        )
    )
    data.update(_inline("corrections", existing, "corrections", list(corrections)))
    return data


def _inline(prefix: str, existing: Article | None, relation: str, rows: list[dict]):
    kept = list(getattr(existing, relation).all()) if existing else []
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(kept) + len(rows)),
        f"{prefix}-INITIAL_FORMS": str(len(kept)),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, obj in enumerate(kept):
        data[f"{prefix}-{index}-id"] = str(obj.pk)
        data[f"{prefix}-{index}-article"] = str(existing.pk)
        for name in ("author", "related"):
            if hasattr(obj, f"{name}_id"):
                data[f"{prefix}-{index}-{name}"] = str(getattr(obj, f"{name}_id"))
        for name in ("heading", "body", "position", "kind", "text"):
            if hasattr(obj, name):
                data[f"{prefix}-{index}-{name}"] = str(getattr(obj, name))
        if prefix == "corrections":
            when = timezone.localtime(obj.published_at)
            data[f"{prefix}-{index}-published_at_0"] = when.strftime("%Y-%m-%d")
            data[f"{prefix}-{index}-published_at_1"] = when.strftime("%H:%M:%S")
    for offset, row in enumerate(rows, start=len(kept)):
        data[f"{prefix}-{offset}-position"] = str(offset)
        for name, value in row.items():
            data[f"{prefix}-{offset}-{name}"] = str(value)
    return data

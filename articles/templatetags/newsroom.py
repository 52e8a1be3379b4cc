from datetime import datetime

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def machine_time(value: datetime | None) -> str:
    """A time for ``<time datetime>``: ISO 8601 in the site's zone, whole
    seconds (HTML accepts at most three decimals, Python writes six)."""
    if not value:
        return ""
    return timezone.localtime(value).replace(microsecond=0).isoformat()

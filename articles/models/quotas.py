"""How often one reader's address did one thing lately, to bound abuse.

The counts live in the database, not the cache: a limit that forgets when
Redis restarts can be inflated at will, and one that fails when Redis is down
would refuse or lose readers' messages. Addresses are stored only as the
daily-salted hash of ``address_hash``; rows are useless after their period
and ``purge_personal_data`` deletes them.
"""

from datetime import UTC, datetime, timedelta

from django.db import models
from django.db.models import F
from django.utils import timezone

from articles.models.engagement import address_hash

HOUR = timedelta(hours=1)
DAY = timedelta(days=1)


def period_start(now: datetime, period: timedelta) -> datetime:
    seconds = period.total_seconds()
    return datetime.fromtimestamp(now.timestamp() // seconds * seconds, tz=UTC)


class AddressQuotaQuerySet(models.QuerySet):
    def allow(
        self, ip_address: str, purpose: str, limit: int, period: timedelta = DAY
    ) -> bool:
        """Count one more ``purpose`` from ``ip_address`` in the current
        period, unless ``limit`` is reached: then answer False, counting nothing."""
        start = period_start(timezone.now(), period)
        quota, _created = self.get_or_create(
            purpose=purpose,
            address_hash=address_hash(ip_address, purpose, start.date()),
            period_start=start,
        )
        # One conditional UPDATE, so simultaneous requests cannot all pass.
        return bool(
            self.filter(pk=quota.pk, count__lt=limit).update(count=F("count") + 1)
        )

    def expired(self) -> "AddressQuotaQuerySet":
        return self.filter(period_start__lt=timezone.now() - DAY)


class AddressQuota(models.Model):
    purpose = models.CharField(max_length=20)
    address_hash = models.CharField(max_length=64)
    period_start = models.DateTimeField(db_index=True)
    count = models.PositiveIntegerField(default=0)

    objects = AddressQuotaQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["purpose", "address_hash", "period_start"],
                name="one_count_per_address_per_period",
            )
        ]

    def __str__(self) -> str:
        return f"{self.purpose} {self.period_start:%Y-%m-%d %H:%M}: {self.count}"

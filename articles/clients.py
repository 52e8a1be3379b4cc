"""Who is asking: the client's address, as the proxies we run saw it.

Behind a reverse proxy every request arrives from the proxy's address, so
reader limits, login lockouts and fingerprints must read the address from a
header the proxy sets. Only our own proxies are trusted: a client can send an
``X-Forwarded-For`` of its own, and each proxy appends to it, so the client is
the entry ``TRUSTED_PROXIES`` places from the right, written by the outermost
of our proxies. A deploy check warns when the settings cannot be right.
"""

import ipaddress

from django.conf import settings
from django.core.checks import Tags, Warning, register
from django.http import HttpRequest

FORWARDED_FOR = "HTTP_X_FORWARDED_FOR"
UNKNOWN = "unknown"


def client_ip(request: HttpRequest) -> str:
    """The client's address, or "unknown" when the configured header is
    absent or holds no address."""
    header = settings.NEWSROOM_CLIENT_IP_HEADER
    value = request.META.get(header, "")
    if header == FORWARDED_FOR:
        hops = [hop.strip() for hop in value.split(",") if hop.strip()]
        # Fewer hops than proxies: the request skipped the outer ones, and
        # the leftmost entry is the one our nearest proxy wrote.
        value = hops[-min(len(hops), settings.NEWSROOM_TRUSTED_PROXIES)] if hops else ""
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return UNKNOWN


def lockout_address(request: HttpRequest) -> str | None:
    """The address django-axes locks out, which it stores in an IP address
    column: none at all rather than "unknown"."""
    address = client_ip(request)
    return None if address == UNKNOWN else address


@register(Tags.security, deploy=True)
def check_proxy_settings(app_configs, **kwargs) -> list[Warning]:
    header = settings.NEWSROOM_CLIENT_IP_HEADER
    warnings = []
    if settings.SECURE_PROXY_SSL_HEADER and header == "REMOTE_ADDR":
        warnings.append(
            Warning(
                "BEHIND_TLS_PROXY is set but CLIENT_IP_HEADER is REMOTE_ADDR, the "
                "proxy's own address: every reader shares one address, so the "
                "comment and vote limits refuse readers and login lockouts lock "
                "out the whole newsroom.",
                hint="Set CLIENT_IP_HEADER=HTTP_X_FORWARDED_FOR and TRUSTED_PROXIES "
                "to the number of proxies in front (or HTTP_X_REAL_IP if the proxy "
                "overwrites that header).",
                id="newsroom.W001",
            )
        )
    if header != "REMOTE_ADDR" and not header.startswith("HTTP_"):
        warnings.append(
            Warning(
                f"CLIENT_IP_HEADER is {header!r}, which no proxy can set: request "
                "headers reach Django as HTTP_<NAME>.",
                hint="For example HTTP_X_FORWARDED_FOR or HTTP_X_REAL_IP.",
                id="newsroom.W002",
            )
        )
    if header == FORWARDED_FOR and settings.NEWSROOM_TRUSTED_PROXIES < 1:
        warnings.append(
            Warning(
                "CLIENT_IP_HEADER is X-Forwarded-For but TRUSTED_PROXIES is below 1: "
                "the header's entries are all written by clients.",
                hint="Set TRUSTED_PROXIES to the number of proxies in front.",
                id="newsroom.W003",
            )
        )
    return warnings

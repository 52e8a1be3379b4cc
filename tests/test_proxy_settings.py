"""Behind proxies each reader keeps their own address, and a wrong setup is flagged."""

import pytest
from django.core.checks import run_checks
from django.test import RequestFactory

from articles.clients import client_ip
from tests.factories import make_article
from tests.readers import ReaderClient
from tests.test_comments import comment, comment_url
from tests.test_settings import PRODUCTION, run_django

FORWARDED = "203.0.113.9, 198.51.100.7, 10.0.0.2"


@pytest.fixture
def client():
    """A reader's browser: its posts carry the Origin header and form token."""
    return ReaderClient()


def request_from(remote_addr: str = "10.0.0.1", **headers: str):
    return RequestFactory().get("/", REMOTE_ADDR=remote_addr, **headers)


def test_without_a_proxy_the_client_is_the_connecting_address(settings):
    settings.NEWSROOM_CLIENT_IP_HEADER = "REMOTE_ADDR"
    request = request_from("192.0.2.4", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert client_ip(request) == "192.0.2.4"


@pytest.mark.parametrize(
    "proxies, client", [(1, "10.0.0.2"), (2, "198.51.100.7"), (3, "203.0.113.9")]
)
def test_forwarded_for_is_read_as_many_entries_from_the_right_as_proxies_we_run(
    settings, proxies, client
):
    settings.NEWSROOM_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.NEWSROOM_TRUSTED_PROXIES = proxies
    assert client_ip(request_from(HTTP_X_FORWARDED_FOR=FORWARDED)) == client


def test_an_address_a_client_prepends_is_not_believed(settings):
    settings.NEWSROOM_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.NEWSROOM_TRUSTED_PROXIES = 1
    spoofed = request_from(HTTP_X_FORWARDED_FOR="127.0.0.1, 203.0.113.9")
    assert client_ip(spoofed) == "203.0.113.9"


def test_a_request_that_skipped_the_proxy_has_no_address_to_share(settings):
    settings.NEWSROOM_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    assert client_ip(request_from()) == "unknown"
    assert client_ip(request_from(HTTP_X_REAL_IP="203.0.113.9")) == "203.0.113.9"


@pytest.mark.django_db
def test_six_readers_behind_one_proxy_may_each_comment(client, settings):
    settings.NEWSROOM_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.NEWSROOM_COMMENTS_PER_ADDRESS_PER_HOUR = 5
    article = make_article()
    for reader in range(6):
        response = client.post(
            comment_url(article),
            comment(),
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{reader}",
        )
        assert response.status_code == 302, reader


def deploy_warnings() -> set[str]:
    return {message.id for message in run_checks(include_deployment_checks=True)}


def test_a_tls_proxy_with_the_proxys_own_address_is_flagged(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.NEWSROOM_CLIENT_IP_HEADER = "REMOTE_ADDR"
    assert "newsroom.W001" in deploy_warnings()

    settings.NEWSROOM_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    assert "newsroom.W001" not in deploy_warnings()


def test_a_header_no_proxy_can_set_is_flagged(settings):
    settings.NEWSROOM_CLIENT_IP_HEADER = "X_REAL_IP"
    assert "newsroom.W002" in deploy_warnings()


def test_forwarded_for_without_a_trusted_proxy_is_flagged(settings):
    settings.NEWSROOM_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.NEWSROOM_TRUSTED_PROXIES = 0
    assert "newsroom.W003" in deploy_warnings()


def test_the_production_recipe_behind_a_proxy_passes_the_deploy_checks():
    result = run_django(
        "import django; django.setup();"
        "from django.core.management import call_command;"
        "call_command('check', deploy=True, fail_level='WARNING')",
        **PRODUCTION,
        BEHIND_TLS_PROXY="1",
        CLIENT_IP_HEADER="HTTP_X_FORWARDED_FOR",
        TRUSTED_PROXIES="1",
    )
    assert result.returncode == 0, result.stderr


def test_the_deploy_checks_fail_a_tls_proxy_left_on_remote_addr():
    result = run_django(
        "import django; django.setup();"
        "from django.core.management import call_command;"
        "call_command('check', deploy=True, fail_level='WARNING')",
        **PRODUCTION,
        BEHIND_TLS_PROXY="1",
    )
    assert result.returncode != 0
    assert "newsroom.W001" in result.stderr


def test_a_header_holding_no_address_counts_as_unknown(settings):
    settings.NEWSROOM_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    assert client_ip(request_from(HTTP_X_REAL_IP="<script>")) == "unknown"

"""Signing in to the admin: wrong passwords are throttled, and staff can be
required to give a one-time code from an authenticator app."""

import io
from datetime import timedelta

import pytest
from axes.models import AccessLog
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import make_user

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-desk-password"


def sign_in(
    client,
    username: str = "desk",
    password: str = PASSWORD,
    address: str = "203.0.113.5",
    **fields,
):
    return client.post(
        reverse("admin:login"),
        {
            "username": username,
            "password": password,
            "next": reverse("admin:index"),
            **fields,
        },
        REMOTE_ADDR=address,
    )


def current_code(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


@pytest.fixture
def editor():
    return make_user(username="desk", password=PASSWORD, group="Editors")


def test_sixty_wrong_passwords_lock_the_name_out_even_for_the_right_one(client, editor):
    for attempt in range(60):
        sign_in(client, password=f"guess-{attempt}")

    response = sign_in(client)

    assert response.status_code == 429
    assert "Sign-in paused" in response.text
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("admin:index")).status_code == 302


def test_the_lockout_is_for_the_name_from_that_address_only(client, editor, settings):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, password=f"guess-{attempt}", address="198.51.100.66")

    response = sign_in(client, address="203.0.113.5")

    assert response.status_code == 302
    assert response.url == reverse("admin:index")


def test_a_right_password_before_the_limit_signs_in(client, editor, settings):
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, password=f"guess-{attempt}")
    assert sign_in(client).status_code == 302


def test_with_two_factor_required_a_password_alone_does_not_open_the_admin(
    client, editor, settings
):
    settings.NEWSROOM_REQUIRE_TWO_FACTOR = True
    TOTPDevice.objects.create(user=editor, name="phone")

    assert sign_in(client).status_code == 200  # the form again, asking for a code
    assert client.get(reverse("admin:index")).status_code == 302


def test_with_two_factor_required_a_wrong_code_does_not_open_the_admin(
    client, editor, settings
):
    settings.NEWSROOM_REQUIRE_TWO_FACTOR = True
    device = TOTPDevice.objects.create(user=editor, name="phone")
    wrong = f"{(int(current_code(device)) + 1) % 10**6:06d}"

    response = sign_in(client, otp_device=device.persistent_id, otp_token=wrong)

    assert response.status_code == 200
    assert client.get(reverse("admin:index")).status_code == 302


def test_with_two_factor_required_the_current_code_opens_the_admin(
    client, editor, settings
):
    settings.NEWSROOM_REQUIRE_TWO_FACTOR = True
    device = TOTPDevice.objects.create(user=editor, name="phone")

    response = sign_in(
        client, otp_device=device.persistent_id, otp_token=current_code(device)
    )

    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_a_session_without_a_verified_code_cannot_reach_the_admin(
    client, editor, settings
):
    settings.NEWSROOM_REQUIRE_TWO_FACTOR = True
    client.force_login(editor)
    assert client.get(reverse("admin:index")).status_code == 302


def test_with_two_factor_required_staff_without_an_authenticator_are_told_why(
    client, editor, settings
):
    settings.NEWSROOM_REQUIRE_TWO_FACTOR = True
    response = sign_in(client)
    assert response.status_code == 200
    assert "has no authenticator yet" in response.text


def test_staff_who_set_up_an_authenticator_need_it_even_when_not_required(
    client, editor
):
    device = TOTPDevice.objects.create(user=editor, name="phone")
    assert sign_in(client).status_code == 200
    response = sign_in(
        client, otp_device=device.persistent_id, otp_token=current_code(device)
    )
    assert response.status_code == 302


def test_without_the_requirement_a_password_is_enough_for_staff_without_one(
    client, editor
):
    assert sign_in(client).status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_the_first_editor_sets_up_an_authenticator_from_the_command_line(
    client, editor, settings
):
    settings.NEWSROOM_REQUIRE_TWO_FACTOR = True
    output = io.StringIO()

    call_command("add_authenticator", "desk", stdout=output)

    assert "otpauth://totp/" in output.getvalue()
    device = TOTPDevice.objects.get(user=editor)
    response = sign_in(
        client, otp_device=device.persistent_id, otp_token=current_code(device)
    )
    assert response.status_code == 302


def test_readers_behind_one_proxy_are_locked_out_apart(client, editor, settings):
    settings.NEWSROOM_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    behind_proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            reverse("admin:login"),
            {"username": "desk", "password": f"guess-{attempt}"},
            HTTP_X_FORWARDED_FOR="198.51.100.66",
            **behind_proxy,
        )

    response = client.post(
        reverse("admin:login"),
        {"username": "desk", "password": PASSWORD, "next": reverse("admin:index")},
        HTTP_X_FORWARDED_FOR="203.0.113.5",
        **behind_proxy,
    )

    assert response.status_code == 302


def test_sign_in_records_are_purged_with_personal_data(client, editor):
    sign_in(client)
    old = AccessLog.objects.update(attempt_time=timezone.now() - timedelta(days=91))
    assert old == 1

    call_command("purge_personal_data", days=90, stdout=io.StringIO())

    assert not AccessLog.objects.exists()

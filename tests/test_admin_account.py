"""`make run` creates the first admin account with a generated password."""

import re

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.test import RequestFactory

pytestmark = pytest.mark.django_db


def test_first_run_creates_an_admin_with_a_printed_generated_password(capsys):
    call_command("ensure_admin")
    output = capsys.readouterr().out

    password = re.search(r"password:\s+(\S+)", output).group(1)
    assert len(password) >= 12
    # A request, as at the admin's sign-in: the login throttle needs one.
    sign_in = RequestFactory().post("/admin/login/")
    user = authenticate(sign_in, username="admin", password=password)
    assert user is not None and user.is_superuser


def test_passwords_differ_between_sites(capsys):
    call_command("ensure_admin")
    first = re.search(r"password:\s+(\S+)", capsys.readouterr().out).group(1)
    get_user_model().objects.all().delete()
    call_command("ensure_admin")
    second = re.search(r"password:\s+(\S+)", capsys.readouterr().out).group(1)
    assert first != second


def test_later_runs_leave_the_admin_alone(capsys):
    call_command("ensure_admin")
    capsys.readouterr()
    call_command("ensure_admin")
    assert "password:" not in capsys.readouterr().out
    assert get_user_model().objects.count() == 1
